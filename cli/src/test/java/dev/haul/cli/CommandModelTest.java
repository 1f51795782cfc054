package dev.haul.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The plain model a download parses with and the grouped one help is printed from must be the same command. */
class CommandModelTest {
    private static HaulCommand command() {
        return new HaulCommand(Streams.discarding(), new Environment(Map.of(), Path.of("")));
    }

    private static TreeSet<String> names(CommandLine cli) {
        return cli.getCommandSpec().options().stream().flatMap(o -> List.of(o.names()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void groupedAndPlainModelsHaveTheSameOptionsWithTheSameDefaults() {
        CommandLine plain = command().commandLine(false);
        CommandLine grouped = command().commandLine(true);
        assertEquals(names(grouped), names(plain));
        assertTrue(plain.getCommandSpec().argGroups().isEmpty());
        assertEquals(9, grouped.getCommandSpec().argGroups().size());
        for (OptionSpec o : grouped.getCommandSpec().options()) {
            OptionSpec same = plain.getCommandSpec().findOption(o.longestName());
            assertEquals(o.defaultValue(), same.defaultValue(), o.longestName());
            assertEquals(o.type(), same.type(), o.longestName());
            assertEquals(o.arity(), same.arity(), o.longestName());
        }
    }

    @Test
    void everyOptionOfAParsedLineReachesTheSettings() {
        for (boolean grouped : new boolean[] {false, true}) {
            HaulCommand c = command();
            c.commandLine(grouped).parseArgs("--no-config", "-i", "list.txt", "-d", "out", "-o", "name.bin",
                    "--on-exists", "skip", "--sha256", "ab", "-j", "3", "--per-host", "2", "-x", "4", "--limit-rate", "1M",
                    "--max-redirects", "7", "-H", "X-A: 1", "-H", "X-B: 2", "-A", "agent/1", "-u", "me:pw", "--netrc",
                    "--netrc-file", "n.rc", "--cacert", "ca.pem", "-k", "--proxy", "http://127.0.0.1:3128",
                    "--retries", "9", "--connect-timeout", "1.5", "--stall-timeout", "2.5", "--json", "-q", "-v",
                    "http://127.0.0.1/a", "http://127.0.0.1/b");
            CommandModel.copyValues(c.spec, c);

            assertEquals(List.of("http://127.0.0.1/a", "http://127.0.0.1/b"), c.urls);
            assertTrue(c.noConfig);
            assertEquals("list.txt", c.input.inputFile);
            assertEquals("out", c.output.dir);
            assertEquals("name.bin", c.output.output);
            assertEquals("skip", c.output.onExists);
            assertEquals("ab", c.output.sha256);
            assertEquals(3, c.concurrency.jobs);
            assertEquals(2, c.concurrency.perHost);
            assertEquals(4, c.concurrency.connections);
            assertEquals("1M", c.concurrency.limitRate);
            assertEquals(7, c.http.maxRedirects);
            assertEquals(List.of("X-A: 1", "X-B: 2"), c.http.headers);
            assertEquals("agent/1", c.http.userAgent);
            assertEquals("me:pw", c.http.user);
            assertTrue(c.http.netrc);
            assertEquals(Path.of("n.rc"), c.http.netrcFile);
            assertEquals(Path.of("ca.pem"), c.tls.cacert);
            assertTrue(c.tls.insecure);
            assertEquals("http://127.0.0.1:3128", c.proxy.url);
            assertEquals(9, c.retry.retries);
            assertEquals(1.5, c.retry.connectTimeout);
            assertEquals(2.5, c.retry.stallTimeout);
            assertTrue(c.display.json);
            assertTrue(c.display.quiet);
            assertTrue(c.display.verbose);
        }
    }

    @Test
    void anEmptyLineGivesTheDocumentedDefaults() {
        HaulCommand c = command();
        c.commandLine(false).parseArgs();
        CommandModel.copyValues(c.spec, c);
        assertEquals(List.of(), c.urls);
        assertEquals(8, c.concurrency.jobs);
        assertEquals(0, c.concurrency.perHost);
        assertEquals(1, c.concurrency.connections);
        assertEquals("rename", c.output.onExists);
        assertEquals(10, c.http.maxRedirects);
        assertEquals(List.of(), c.http.headers);
        assertEquals(5, c.retry.retries);
        assertEquals(10.0, c.retry.connectTimeout);
        assertEquals(30.0, c.retry.stallTimeout);
        assertTrue(!c.display.json && !c.display.quiet && !c.display.verbose && !c.tls.insecure && !c.http.netrc);
    }
}
