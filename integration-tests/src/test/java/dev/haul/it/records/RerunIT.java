package dev.haul.it.records;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rerunning a list is idempotent: files saved from the same URL count as done and cost no request. */
class RerunIT {
    private final ValidatorOrigin origin = new ValidatorOrigin();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        origin.close();
    }

    private static String name(int i) {
        return String.format("f%04d.bin", i);
    }

    private byte[] serve(int i) {
        byte[] body = Bodies.of(i, 100 + (i * 37) % 1900);
        origin.put("/d/" + name(i), new ValidatorOrigin.Resource(body, "\"v" + i + "\"", null, true));
        return body;
    }

    @Test
    void aListStoppedAfter799Of1000FetchesThe201OthersOnTheRerun() throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            byte[] body = Bodies.of(i, 100 + (i * 37) % 1900);
            bodies.add(body);
            if (i < 799) serve(i);
            list.append(origin.url("/d/" + name(i))).append('\n');
        }
        Path listFile = Files.writeString(dir.resolve("list.txt"), list);
        Path out = dir.resolve("out");

        HaulProcess.Result first = haul("-j", "16", "--retries", "0", "-q", "-d", out.toString(), "-i", listFile.toString())
                .run();
        assertEquals(1, first.exitCode(), first::describe); // 201 failed with 404
        assertEquals(799, first.stdoutLines().size(), first::describe);

        for (int i = 799; i < 1000; i++) serve(i);
        origin.clearRequests();
        HaulProcess.Result rerun = haul("-j", "16", "-q", "-d", out.toString(), "-i", listFile.toString())
                .start().awaitExit(Duration.ofSeconds(120));

        assertEquals(0, rerun.exitCode(), rerun::describe);
        Set<String> asked = new TreeSet<>();
        for (ValidatorOrigin.Request r : origin.requests()) asked.add(r.path());
        assertEquals(201, origin.requests().size(), "requests on the rerun");
        Set<String> expected = new TreeSet<>();
        for (int i = 799; i < 1000; i++) expected.add("/d/" + name(i));
        assertEquals(expected, asked);
        // Every requested file is listed, the 799 kept ones too, each once.
        Set<String> listed = new HashSet<>(rerun.stdoutLines());
        assertEquals(1000, rerun.stdoutLines().size());
        assertEquals(1000, listed.size());
        Set<String> names = DirListing.names(out);
        assertEquals(1000, names.size(), "no NAME.1 copies: " + names.stream().filter(n -> !n.endsWith(".bin")).toList());
        for (int i = 0; i < 1000; i++) {
            assertEquals(Sha256.of(bodies.get(i)), Sha256.of(out.resolve(name(i))), name(i));
            assertTrue(listed.contains(out.resolve(name(i)).toString()), name(i));
        }
    }

    @Test
    void aKeptFileIsReportedDoneAndSkippedInJson() {
        serve(1);
        serve(2);
        String[] args = {"--json", "-d", dir.toString(), origin.url("/d/" + name(1)), origin.url("/d/" + name(2))};
        assertEquals(0, haul(args).run().exitCode());
        origin.clearRequests();

        HaulProcess.Result rerun = haul(args).run();

        assertEquals(0, rerun.exitCode(), rerun::describe);
        assertEquals(List.of(), origin.requests());
        int skipped = 0;
        for (String line : rerun.stdoutLines()) {
            if (line.contains("\"event\":\"done\"")) {
                assertTrue(line.contains("\"skipped\":true"), line);
                skipped++;
            }
        }
        assertEquals(2, skipped, rerun::describe);
        assertEquals(Set.of(name(1), name(2)), DirListing.names(dir));
    }

    @Test
    void withOnExistsGivenTheRecordStandsAsideAndTheRenameRuleApplies() {
        byte[] body = serve(3);
        String url = origin.url("/d/" + name(3));
        assertEquals(0, haul("-d", dir.toString(), url).run().exitCode());

        HaulProcess.Result rerun = haul("--on-exists", "rename", "-d", dir.toString(), url).run();

        assertEquals(0, rerun.exitCode(), rerun::describe);
        assertEquals(List.of(dir.resolve(name(3) + ".1").toString()), rerun.stdoutLines());
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve(name(3) + ".1")));
    }

    @Test
    void onExistsSetInTheConfigFileCountsAsGiven() throws IOException {
        serve(6);
        String url = origin.url("/d/" + name(6));
        Path out = dir.resolve("out");
        assertEquals(0, haul("-d", out.toString(), url).run().exitCode());
        Path config = dir.resolve("xdg");
        Files.createDirectories(config.resolve("haul"));
        Files.writeString(config.resolve("haul/config"), "on-exists = rename\n");

        HaulProcess.Result rerun = haul("-d", out.toString(), url).env("XDG_CONFIG_HOME", config.toString()).run();

        assertEquals(0, rerun.exitCode(), rerun::describe);
        assertEquals(List.of(out.resolve(name(6) + ".1").toString()), rerun.stdoutLines());
    }

    @Test
    void aFileTheUserChangedIsNotTakenForTheSavedOne() throws IOException {
        byte[] body = serve(4);
        String url = origin.url("/d/" + name(4));
        assertEquals(0, haul("-d", dir.toString(), url).run().exitCode());
        Files.writeString(dir.resolve(name(4)), "edited by hand\n");

        HaulProcess.Result rerun = haul("-d", dir.toString(), url).run();

        assertEquals(0, rerun.exitCode(), rerun::describe);
        assertEquals(List.of(dir.resolve(name(4) + ".1").toString()), rerun.stdoutLines());
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve(name(4) + ".1")));
        assertEquals("edited by hand\n", Files.readString(dir.resolve(name(4))));
    }

    @Test
    void aDamagedRecordFileMeansStartingOverNotFailing() throws IOException {
        byte[] body = serve(5);
        Path record = HaulProcess.recordFileOf(dir);
        Files.createDirectories(record.getParent());
        Files.write(record, new byte[] {(byte) 0xff, 0, 'x', '\n', 't', '\t'});

        HaulProcess.Result run = haul("-d", dir.toString(), origin.url("/d/" + name(5))).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve(name(5))));
        origin.clearRequests();
        assertEquals(0, haul("-d", dir.toString(), origin.url("/d/" + name(5))).run().exitCode());
        assertEquals(List.of(), origin.requests(), "the record written after starting over is used");
    }
}
