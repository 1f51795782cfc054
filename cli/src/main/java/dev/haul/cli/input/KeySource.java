package dev.haul.cli.input;

import java.io.IOException;

/** Characters typed at the terminal; an interface so tests can feed keys without one. */
public interface KeySource {
    int EOF = -1;
    int TIMEOUT = -2;

    /** The next character, waiting at most {@code timeoutMillis}: the character, {@link #TIMEOUT} or {@link #EOF}. */
    int read(long timeoutMillis) throws IOException;
}
