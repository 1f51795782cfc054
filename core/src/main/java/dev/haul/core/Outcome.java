package dev.haul.core;

import java.nio.file.Path;

/** How a transfer ended. */
public sealed interface Outcome {

    /**
     * The file is complete under its final name.
     *
     * @param path    the saved file, inside the output directory
     * @param bytes   its size
     * @param skipped   true when {@link OnExists#SKIP} kept an existing file instead, or a rerun found
     *                  it saved already from the same URL ({@link Rerun#SKIP_SAVED})
     * @param unchanged true when -N ({@link Rerun#UPDATE}) found the existing file current
     */
    record Completed(Path path, long bytes, boolean skipped, boolean unchanged) implements Outcome {
        public Completed(Path path, long bytes, boolean skipped) {
            this(path, bytes, skipped, false);
        }
    }

    /** Cancelled by the user; any {@code .part} is kept. */
    record Cancelled() implements Outcome {}

    /**
     * Gave up.
     *
     * @param reason     the kind of failure
     * @param message    one human sentence saying why, secrets masked
     * @param httpStatus the HTTP status when the reason is an HTTP one, else 0
     */
    record Failed(FailureReason reason, String message, int httpStatus) implements Outcome {}
}
