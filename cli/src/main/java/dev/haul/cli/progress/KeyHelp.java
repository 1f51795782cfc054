package dev.haul.cli.progress;

import java.util.List;

/**
 * The key help that {@code ?} shows in place of the rows: toggled by the key thread, drawn by the
 * display at its next frame. Any key takes it away again.
 */
public final class KeyHelp {
    static final List<String> LINES = List.of(
            "  keys",
            "  ↑ ↓  k j        select a transfer",
            "  PgUp PgDn       select a page up / down",
            "  Home End  g G   select the first / last",
            "  c               cancel the selected one (its .part is kept)",
            "  p               pause or resume the selected one",
            "  + -             more / fewer transfers at once (--jobs)",
            "  a               add a URL",
            "  q  Ctrl-C       cancel all and quit (.part files kept)",
            "  Ctrl-\\          the same, with exit status 131",
            "  Ctrl-Z          suspend (fg brings haul back)",
            "  ?               close this help (so does any key)");

    private volatile boolean shown;

    public void toggle() {
        shown = !shown;
    }

    /** Hides the help; true when it was shown (so the key that did it does nothing else). */
    public boolean dismiss() {
        boolean was = shown;
        shown = false;
        return was;
    }

    public boolean shown() {
        return shown;
    }
}
