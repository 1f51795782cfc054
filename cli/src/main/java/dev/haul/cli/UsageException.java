package dev.haul.cli;

/** A mistake in how haul was called: reported as one line, exit 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
