package dev.haul.cli.input;

import java.io.IOException;

/**
 * The one-line editor behind the {@code a} key, on the key thread: printable characters are
 * typed, Backspace deletes, Ctrl-U clears, Enter queues the line (a URL, optionally with
 * {@code out=NAME sha256=HEX} as in a list), Esc cancels, Ctrl-C quits. A line that would fail
 * (a typo such as {@code htp://x}) is not queued: the prompt says why and asks again, the text
 * still there to fix. Transfers keep running meanwhile, and the run stays open until the prompt
 * closes.
 */
final class UrlPrompt {
    private static final int ENTER = '\r';
    private static final int NEWLINE = '\n';
    private static final int BACKSPACE = 0x7f;
    private static final int CTRL_H = 0x08;
    private static final int CTRL_U = 0x15;
    /** A lone Esc is not followed by the rest of a sequence within this time. */
    private static final long SEQUENCE_GAP_MILLIS = 50;

    private final KeySource source;
    private final Prompt prompt;
    private final EngineControls engine;
    private final Runnable suspend;

    UrlPrompt(KeySource source, Prompt prompt, EngineControls engine, Runnable suspend) {
        this.source = source;
        this.prompt = prompt;
        this.engine = engine;
        this.suspend = suspend;
    }

    /** Runs the prompt until Enter or Esc. Returns false when the user asked to quit (Ctrl-C) or input ended. */
    boolean run(java.util.function.BooleanSupplier running) throws IOException {
        StringBuilder typed = new StringBuilder();
        engine.holdInput();
        prompt.open();
        try {
            while (running.getAsBoolean()) {
                int c = source.read(KeyReader.POLL_MILLIS);
                if (c == KeySource.TIMEOUT) continue;
                if (c == KeySource.EOF) return false;
                if (c == ENTER || c == NEWLINE) {
                    String line = typed.toString().trim();
                    String problem = problemWith(line);
                    if (problem != null) {
                        prompt.problem(problem);
                        continue;
                    }
                    if (!line.isEmpty()) engine.add(line);
                    return true;
                }
                if (c == KeyDecoder.CTRL_C) {
                    engine.stop();
                    return false;
                }
                if (c == KeyDecoder.CTRL_Z) {
                    suspend.run(); // the prompt and its text are still there after fg
                    continue;
                }
                if (c == KeyDecoder.ESC) {
                    int next = source.read(SEQUENCE_GAP_MILLIS);
                    if (next == KeySource.TIMEOUT || next == KeySource.EOF) return true; // a lone Esc: cancel
                    skipSequence(next);
                    continue;
                }
                if (c == BACKSPACE || c == CTRL_H) {
                    if (typed.length() > 0) typed.setLength(typed.length() - 1);
                } else if (c == CTRL_U) {
                    typed.setLength(0);
                } else if (c >= 0x20) {
                    typed.append((char) c);
                }
                prompt.problem(null);
                prompt.set(typed.toString());
            }
            return false;
        } finally {
            prompt.close();
            engine.releaseInput();
        }
    }

    /** Why {@code line} cannot be queued, or null when it can (or is empty). */
    static String problemWith(String line) {
        java.util.Optional<ListEntry> entry = UrlListParser.parseLine(line, 0);
        return entry.isPresent() && entry.get() instanceof ListEntry.Invalid bad ? bad.message() : null;
    }

    /** Arrow keys and the like inside the prompt are read to their end and ignored. */
    private void skipSequence(int introducer) throws IOException {
        if (introducer != '[' && introducer != 'O') return;
        int c = source.read(SEQUENCE_GAP_MILLIS);
        while (c >= 0x30 && c <= 0x3f) c = source.read(SEQUENCE_GAP_MILLIS);
    }
}
