package dev.haul.cli.input;

import dev.haul.core.EngineSnapshot;

/**
 * What the keys and the display need from the engine, and no more: a seam so key bindings are
 * tested against a fake. Every method returns at once; none may block.
 */
public interface EngineControls {
    EngineSnapshot snapshot();

    /** Cancels one transfer, keeping its .part. */
    void cancel(long id);

    void togglePause(long id);

    void setJobs(int jobs);

    /** Queues one more URL, given as a list line (options such as out=NAME allowed); a bad one fails as an item. */
    void add(String line);

    /** The add-URL prompt is open: the run must not end before it closes. */
    void holdInput();

    void releaseInput();

    /** Stops everything as an interruption: the run ends with exit status 130. */
    void stop();

    /** Stops everything as SIGQUIT would (Ctrl-\): the run ends with exit status 131. */
    default void quit() {
        stop();
    }
}
