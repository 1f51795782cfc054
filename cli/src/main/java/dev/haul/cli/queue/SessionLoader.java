package dev.haul.cli.queue;

import dev.haul.cli.input.ListEntry;
import dev.haul.cli.input.UrlListParser;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Reads the items a session file holds into the run, before the list and the URL arguments. */
public final class SessionLoader {
    private SessionLoader() {}

    /** Submits FILE's items to {@code sink}; a line that does not parse is reported as a failed item. */
    public static void load(SessionFile file, RequestSink sink) {
        List<String> lines;
        try {
            lines = file.read();
        } catch (IOException e) {
            throw new dev.haul.cli.UsageException("--session: cannot read " + file.path() + ": " + e.getMessage());
        }
        int n = 0;
        for (String line : lines) {
            n++;
            Optional<ListEntry> entry = UrlListParser.parseLine(line, n);
            if (entry.isEmpty()) continue;
            if (entry.get() instanceof ListEntry.Request r) sink.submit(r.request());
            else if (entry.get() instanceof ListEntry.Invalid bad) sink.reject(bad.rawUrl(), file.path() + ", " + bad.message());
        }
    }
}
