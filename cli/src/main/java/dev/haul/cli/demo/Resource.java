package dev.haul.cli.demo;

import java.util.Objects;

/** One path the demo server answers: a synthetic file, a file that always fails, or a redirect. */
public sealed interface Resource {
    /** The name, served at {@code /name}: one path segment of URL-safe characters. */
    String name();

    /**
     * A file whose bytes are computed from its name, never stored.
     *
     * @param bytesPerSecond how fast the server sends it
     */
    record Synthetic(String name, long size, long bytesPerSecond) implements Resource {
        public Synthetic {
            checkName(name);
            if (size < 0) throw new IllegalArgumentException("size must not be negative");
            if (bytesPerSecond < 1) throw new IllegalArgumentException("bytesPerSecond must be at least 1");
        }
    }

    /** A name that answers {@code status} to every request. */
    record Failing(String name, int status) implements Resource {
        public Failing {
            checkName(name);
            if (status < 400 || status > 599) throw new IllegalArgumentException("a failure status is 4xx or 5xx");
        }
    }

    /** A name that answers 302 with the location of another name in the catalogue. */
    record Redirect(String name, String target) implements Resource {
        public Redirect {
            checkName(name);
            checkName(target);
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9._~-]+")) throw new IllegalArgumentException("not a URL-safe name: " + name);
    }
}
