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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --shard K/N: N machines given one list, each in its own order, save every item exactly once between them. */
class ShardIT {
    private static final int ITEMS = 120;
    private static final int SHARDS = 4;
    private final ValidatorOrigin origin = new ValidatorOrigin();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        origin.close();
    }

    @Test
    void nShardsOfOneListRunApartInShuffledOrderSaveEveryItemOnce() throws IOException {
        List<String> lines = new ArrayList<>();
        Map<String, byte[]> bodies = new HashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            String name = String.format("h%03d.bin", i);
            byte[] body = Bodies.of(500 + i, 200 + i * 13);
            bodies.put(name, body);
            origin.put("/h/" + name, new ValidatorOrigin.Resource(body, null, null, false));
            lines.add(origin.url("/h/" + name));
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 1; k <= SHARDS; k++) order.add(k);
        Collections.shuffle(order, new Random(7));

        Map<String, Integer> savedBy = new HashMap<>();
        for (int k : order) {
            List<String> shuffled = new ArrayList<>(lines);
            Collections.shuffle(shuffled, new Random(k)); // every machine reads the list in its own order
            Path list = Files.write(dir.resolve("list-" + k + ".txt"), shuffled);
            Path out = dir.resolve("machine-" + k);

            HaulProcess.Result run = haul("--shard", k + "/" + SHARDS, "-q", "-d", out.toString(), "-i", list.toString()).run();

            assertEquals(0, run.exitCode(), run::describe);
            for (String name : DirListing.names(out)) {
                Integer other = savedBy.put(name, k);
                assertEquals(null, other, name + " saved by shards " + other + " and " + k);
                assertEquals(Sha256.of(bodies.get(name)), Sha256.of(out.resolve(name)), name);
            }
            assertTrue(DirListing.names(out).size() < ITEMS, "shard " + k + " took only its share");
        }
        assertEquals(bodies.keySet(), savedBy.keySet(), "every item saved by some shard");
        assertEquals(ITEMS, origin.requests().size(), "each item asked for once in all");
    }

    @Test
    void aShardOutsideOneToNIsAUsageError() {
        for (String bad : new String[] {"0/3", "4/3", "1/0", "2", "a/b", "-1/2"}) {
            HaulProcess.Result run = haul("--shard", bad, "-d", dir.toString(), origin.url("/h/x")).run();
            assertEquals(2, run.exitCode(), run::describe);
            assertTrue(run.stderr().contains("--shard"), run::describe);
        }
        assertEquals(0, origin.requests().size());
    }
}
