package dev.haul.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many transfers can run at once before the process runs out of file descriptors. Each
 * running transfer holds a socket; its {@code .part} holds a descriptor only while it is among the
 * most recently written ({@link dev.haul.core.storage.OpenParts}, at most {@link #partBudget(int)} of
 * them); the JVM keeps a few of its own. Read from {@code /proc/self/limits} (cheap; no JMX), once.
 */
public final class OpenFileLimit {
    /** Descriptors left for the JVM, the terminal, the DNS resolver and the sidecar writes. */
    private static final int RESERVED = 128;
    /** Open .part files kept at most: enough for every busy transfer of an ordinary run. */
    private static final int MAX_PART_BUDGET = 1024;
    private static volatile int maxTransfers;
    private static volatile int partBudget;

    private OpenFileLimit() {}

    /** The most transfers that fit the soft open-file limit; Integer.MAX_VALUE when it cannot be read. */
    public static int maxTransfers() {
        if (maxTransfers == 0) compute();
        return maxTransfers;
    }

    /**
     * How many .part files may hold a descriptor at once for a run of {@code jobs} transfers at a
     * time: whatever their sockets leave, and never less than the reserved quarter (at most 1,024),
     * so that files close for room only when descriptors are really short. Integer.MAX_VALUE when
     * the limit cannot be read.
     */
    public static int partBudget(int jobs) {
        if (partBudget == 0) compute();
        if (partBudget == Integer.MAX_VALUE) return partBudget;
        return budgetFor(partBudget, maxTransfers, jobs);
    }

    static int budgetFor(int reserved, int maxTransfers, int jobs) {
        long usable = (long) reserved + maxTransfers;
        return (int) Math.max(reserved, usable - Math.min(Math.max(jobs, 1), maxTransfers));
    }

    private static synchronized void compute() {
        int[] split = split(softLimit());
        partBudget = split[0];
        maxTransfers = split[1];
    }

    /** For a soft limit (-1: none): {open .part budget, transfers at once}. */
    static int[] split(long soft) {
        if (soft < 0) return new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE};
        long usable = Math.max(2, soft - RESERVED);
        int budget = (int) Math.max(1, Math.min(MAX_PART_BUDGET, usable / 4));
        int transfers = (int) Math.max(1, Math.min(Integer.MAX_VALUE, usable - budget));
        return new int[] {budget, transfers};
    }

    /** The soft open-file limit, or -1 for none (or none that can be read). */
    private static long softLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (!line.startsWith("Max open files")) continue;
                String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                return parts[0].equals("unlimited") ? -1 : Long.parseLong(parts[0]);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: no cap
        }
        return -1;
    }
}
