package dev.haul.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many transfers can run at once before the process runs out of file descriptors: each
 * running transfer may hold a socket and its {@code .part} at the same time, and the JVM keeps a
 * few of its own. Read from {@code /proc/self/limits} (cheap; no JMX), once.
 */
public final class OpenFileLimit {
    /** Descriptors left for the JVM, the terminal, the DNS resolver and the sidecar writes. */
    private static final int RESERVED = 128;
    private static volatile int maxTransfers;

    private OpenFileLimit() {}

    /** The most transfers that fit the soft open-file limit; Integer.MAX_VALUE when it cannot be read. */
    public static int maxTransfers() {
        int m = maxTransfers;
        if (m == 0) {
            m = compute();
            maxTransfers = m;
        }
        return m;
    }

    private static int compute() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (!line.startsWith("Max open files")) continue;
                String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                if (parts[0].equals("unlimited")) return Integer.MAX_VALUE;
                long soft = Long.parseLong(parts[0]);
                return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (soft - RESERVED) / 2));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: no cap
        }
        return Integer.MAX_VALUE;
    }
}
