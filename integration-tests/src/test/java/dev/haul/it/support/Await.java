package dev.haul.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something a test can observe but not be told about, such as a file reaching a
 * length: the condition is checked every few milliseconds until it holds or the deadline passes.
 * The deadline is what fails the test; the pace of checking decides nothing.
 */
public final class Await {
    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code what} after {@code max}. */
    public static void until(BooleanSupplier condition, Duration max, Supplier<String> what) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + max + ": " + what.get());
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
    }

    /** Returns once {@code file} is a regular file of at least {@code length} bytes. */
    public static void fileLength(Path file, long length, Duration max) {
        until(() -> lengthOf(file) >= length, max, () -> file + " to reach " + length + " bytes (has " + lengthOf(file) + ")");
    }

    /** The length of a regular file, or -1 when there is none. */
    public static long lengthOf(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
