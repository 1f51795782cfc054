package dev.haul.cli.input;

/** What a key asks for. */
public enum Command {
    SELECT_UP,
    SELECT_DOWN,
    CANCEL,
    TOGGLE_PAUSE,
    MORE_JOBS,
    FEWER_JOBS,
    /** Opens the one-line prompt to add a URL while transfers run. */
    ADD_URL,
    QUIT
}
