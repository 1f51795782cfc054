package dev.haul.cli.queue;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {
    @Test
    void kOverNParsesWhenOneToN() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1/1 "));
        for (String bad : new String[] {"0/5", "6/5", "1/0", "5", "/5", "a/5", "2/b", "", "1/2/3"}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }

    @Test
    void theShardIsTheFirstEightBytesOfTheUrlsSha256ModuloN() throws Exception {
        String url = "https://example.org/a.iso";
        byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
        long first8 = 0;
        for (int i = 0; i < 8; i++) first8 = (first8 << 8) | (h[i] & 0xff);
        int expected = (int) Long.remainderUnsigned(first8, 7) + 1;

        assertEquals(expected, Shard.shardOf(url, 7));
        assertTrue(new Shard(expected, 7).contains(URI.create(url)));
        assertTrue(new Shard(expected, 7).contains(URI.create("https://bob:pw@example.org/a.iso")), "credentials do not move an item");
    }

    @Test
    void everyItemFallsInExactlyOneShardAndTheSharesAreEven() {
        int[] counts = new int[4];
        for (int i = 0; i < 4000; i++) {
            URI u = URI.create("http://h/f" + i);
            int in = 0;
            for (int k = 1; k <= 4; k++) {
                if (new Shard(k, 4).contains(u)) {
                    in++;
                    counts[k - 1]++;
                }
            }
            assertEquals(1, in);
        }
        for (int c : counts) assertTrue(c > 850 && c < 1150, java.util.Arrays.toString(counts));
    }
}
