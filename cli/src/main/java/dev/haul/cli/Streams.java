package dev.haul.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The three standard streams, injected so tests never swap System.out. {@code out} is the raw
 * stream: bodies written with {@code -o -} must see write errors, which a PrintStream hides.
 */
public record Streams(InputStream in, OutputStream out, PrintStream err, boolean stdinIsTerminal, boolean stderrIsTerminal) {
    public static Streams system() {
        return new Streams(System.in, new FileOutputStream(FileDescriptor.out),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                Terminals.isTerminal(0), Terminals.isTerminal(2));
    }

    /** Streams that read nothing and drop what is written: for models and checks that must print nothing. */
    public static Streams discarding() {
        return new Streams(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), false, false);
    }
}
