package dev.haul.cli.input;

/** What a key asks for. */
public enum Command {
    SELECT_UP,
    SELECT_DOWN,
    /** PgUp / PgDn: a screenful of rows at a time. */
    PAGE_UP,
    PAGE_DOWN,
    /** Home or g / End or G: the first or last row. */
    SELECT_FIRST,
    SELECT_LAST,
    CANCEL,
    TOGGLE_PAUSE,
    MORE_JOBS,
    FEWER_JOBS,
    /** Opens the one-line prompt to add a URL while transfers run. */
    ADD_URL,
    /** Shows or hides the key help. */
    HELP,
    /** Ctrl-Z: give the terminal back and stop, as the shell's job control expects. */
    SUSPEND,
    QUIT,
    /** Ctrl-\: quit as SIGQUIT would (exit status 131). */
    QUIT_SIGNAL
}
