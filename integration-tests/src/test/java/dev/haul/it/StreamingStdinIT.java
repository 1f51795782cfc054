package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A list on stdin is streamed: the first URL is downloaded and listed while stdin is still open,
 * which is what makes {@code producer | haul | consumer} pipelines work.
 */
class StreamingStdinIT {
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "haul {0} -d DIR")
    @ValueSource(strings = {"", "-i -"})
    void firstUrlIsSavedAndListedBeforeStdinEnds(String listOption) {
        ServedFile first = ServedFile.of("one.bin", 1, 10_000).stubOn(server);
        ServedFile second = ServedFile.of("two.bin", 2, 20_000).stubOn(server);
        List<String> args = new ArrayList<>(listOption.isEmpty() ? List.of() : List.of(listOption.split(" ")));
        args.addAll(List.of("-d", dir.toString()));

        try (HaulProcess haul = haul(args).keepStdinOpen().start()) {
            haul.writeStdin(first.url(server) + "\n");
            assertEquals(dir.resolve("one.bin").toString(), haul.awaitStdoutLine(LINE_TIMEOUT));
            assertEquals(first.sha256(), Sha256.of(dir.resolve("one.bin")), "complete when listed");

            haul.writeStdin(second.url(server) + "\n");
            haul.closeStdin();
            assertEquals(dir.resolve("two.bin").toString(), haul.awaitStdoutLine(LINE_TIMEOUT));

            HaulProcess.Result run = haul.awaitExit();
            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(2, run.stdoutLines().size(), run::describe);
            assertEquals(second.sha256(), Sha256.of(dir.resolve("two.bin")));
        }
    }

    @Test
    void urlArgumentsDoNotWaitForAnOpenStdin() {
        ServedFile file = ServedFile.of("arg.bin", 3, 5_000).stubOn(server);

        try (HaulProcess haul = haul("-d", dir.toString(), file.url(server)).keepStdinOpen().start()) {
            HaulProcess.Result run = haul.awaitExit(Duration.ofSeconds(30));

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(List.of(dir.resolve("arg.bin").toString()), run.stdoutLines(), run::describe);
        }
    }
}
