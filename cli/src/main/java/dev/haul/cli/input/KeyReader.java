package dev.haul.cli.input;

import java.io.IOException;

/**
 * The key thread: reads the terminal, decodes, applies. Reads wait at most {@link #POLL_MILLIS}
 * so {@link #close()} is honoured promptly without interrupting a read in the terminal library.
 */
public final class KeyReader implements AutoCloseable {
    static final long POLL_MILLIS = 100;

    private final KeySource source;
    private final KeyDecoder decoder;
    private final KeyBindings bindings;
    private final Thread thread;
    private volatile boolean running = true;

    private final Prompt prompt;

    public KeyReader(KeySource source, KeyBindings bindings) {
        this(source, bindings, new Prompt());
    }

    /** @param prompt where the add-URL prompt's text goes, for the display to show */
    public KeyReader(KeySource source, KeyBindings bindings, Prompt prompt) {
        this.prompt = prompt;
        this.source = source;
        this.decoder = new KeyDecoder(source);
        this.bindings = bindings;
        this.thread = new Thread(this::loop, "haul-keys");
        this.thread.setDaemon(true); // never the reason the JVM stays up
    }

    public KeyReader start() {
        thread.start();
        return this;
    }

    /** Reads and applies keys until closed, the input ends, or a quit key. On the calling thread. */
    void loop() {
        try {
            while (running) {
                int c = source.read(POLL_MILLIS);
                if (c == KeySource.EOF) return;
                if (c == KeySource.TIMEOUT || !running) continue;
                Command command = decoder.decode(c); // reads an escape sequence to its end, also under the help
                if (bindings.dismissHelp(c) || command == null) continue;
                if (command == Command.ADD_URL) {
                    if (!new UrlPrompt(source, prompt, bindings.engine(), bindings.suspendAction()).run(() -> running)) return;
                    continue;
                }
                bindings.apply(command);
                if (command == Command.QUIT || command == Command.QUIT_SIGNAL) return;
            }
        } catch (IOException e) {
            // The terminal went away (hung up): downloads go on without keys.
        }
    }

    /** Stops reading and waits for the thread, so the terminal can be restored with no read in flight. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread.isAlive() && thread != Thread.currentThread()) thread.join(2 * POLL_MILLIS + 500);
    }
}
