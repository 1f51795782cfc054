package dev.haul.core;

import java.nio.file.Path;

/**
 * How a transfer ended. Byte counts are named apart: a file's size (or the bytes kept in its
 * {@code .part}) is what is on disk, resumed bytes included; {@code moved} is what this run
 * received over the network for it (what speed and the run's summary count).
 */
public sealed interface Outcome {

    /** Bytes this run received for the transfer. */
    long moved();

    /**
     * The file is complete under its final name.
     *
     * @param path    the saved file, inside the output directory
     * @param bytes   its size
     * @param skipped   true when {@link OnExists#SKIP} kept an existing file instead, or a rerun found
     *                  it saved already from the same URL ({@link Rerun#SKIP_SAVED})
     * @param unchanged true when -N ({@link Rerun#UPDATE}) found the existing file current
     * @param moved     bytes this run received for it (less than {@code bytes} when it was resumed)
     */
    record Completed(Path path, long bytes, boolean skipped, boolean unchanged, long moved) implements Outcome {
        /** A file received whole by this run (or, skipped, not at all). */
        public Completed(Path path, long bytes, boolean skipped) {
            this(path, bytes, skipped, false, skipped ? 0 : bytes);
        }

        /** A file this run received {@code moved} bytes of. */
        public Completed(Path path, long bytes, boolean skipped, long moved) {
            this(path, bytes, skipped, false, moved);
        }

        /** A file kept as it was: skipped, or found {@code unchanged} by -N; nothing moved. */
        public Completed(Path path, long bytes, boolean skipped, boolean unchanged) {
            this(path, bytes, skipped, unchanged, skipped || unchanged ? 0 : bytes);
        }
    }

    /**
     * Cancelled by the user; any {@code .part} is kept.
     *
     * @param kept  the bytes saved so far (what the {@code .part} holds, resumed ones included)
     * @param moved bytes this run received
     */
    record Cancelled(long kept, long moved) implements Outcome {
        public Cancelled() {
            this(0, 0);
        }
    }

    /**
     * Gave up.
     *
     * @param reason     the kind of failure
     * @param message    one human sentence saying why, secrets masked
     * @param httpStatus the HTTP status when the reason is an HTTP one, else 0
     * @param moved      bytes this run received before it gave up
     */
    record Failed(FailureReason reason, String message, int httpStatus, long moved) implements Outcome {
        public Failed(FailureReason reason, String message, int httpStatus) {
            this(reason, message, httpStatus, 0);
        }
    }
}
