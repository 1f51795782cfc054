package dev.haul.cli.input;

import dev.haul.cli.queue.RequestSink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams a URL list into the engine on a thread of its own: each line is submitted as soon as
 * it is read, so downloads start before the list ends. Reading blocks; the loop never does.
 */
public final class UrlFeeder {
    private final InputStream source;
    private final RequestSink engine;
    private final Consumer<String> onReadError;

    public UrlFeeder(InputStream source, RequestSink engine, Consumer<String> onReadError) {
        this.source = source;
        this.engine = engine;
        this.onReadError = onReadError;
    }

    /** Starts reading; tells the engine when input ends. */
    public void start() {
        Thread t = new Thread(this::feed, "haul-input");
        t.setDaemon(true); // a read blocked on a terminal or pipe must not keep the process alive
        t.start();
    }

    private void feed() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                Optional<ListEntry> entry = UrlListParser.parseLine(line, n);
                if (entry.isEmpty()) continue;
                if (entry.get() instanceof ListEntry.Request r) engine.submit(r.request());
                else if (entry.get() instanceof ListEntry.Invalid bad) engine.reject(bad.rawUrl(), bad.message());
            }
        } catch (IOException e) {
            onReadError.accept("cannot read the URL list: " + e.getMessage());
        } finally {
            engine.finishInput();
        }
    }
}
