package dev.haul.cli.input;

/**
 * The add-URL prompt's text as it is typed: written by the key thread, read by the display at
 * each frame. Null when no prompt is open.
 */
public final class Prompt {
    public static final String LABEL = "add URL (Enter queues, Esc cancels): ";
    /** For a narrow window, where the long label would leave no room for the URL. */
    public static final String SHORT_LABEL = "URL: ";
    private volatile String text;
    private volatile String problem;

    void open() {
        problem = null;
        text = "";
    }

    void set(String typed) {
        text = typed;
    }

    /** Why the line just entered was not queued; shown on a line of its own until the next key. */
    void problem(String why) {
        problem = why;
    }

    void close() {
        problem = null;
        text = null;
    }

    /** What was wrong with the last line entered, or null. */
    public String problem() {
        return problem;
    }

    /** The text typed so far, or null when the prompt is closed. */
    public String text() {
        return text;
    }
}
