package dev.haul.cli.input;

/**
 * The add-URL prompt's text as it is typed: written by the key thread, read by the display at
 * each frame. Null when no prompt is open.
 */
public final class Prompt {
    public static final String LABEL = "add URL (Enter queues, Esc cancels): ";
    private volatile String text;

    void open() {
        text = "";
    }

    void set(String typed) {
        text = typed;
    }

    void close() {
        text = null;
    }

    /** The text typed so far, or null when the prompt is closed. */
    public String text() {
        return text;
    }
}
