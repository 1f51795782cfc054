package dev.haul.cli.input;

import dev.haul.cli.progress.Selection;

/**
 * What each command does to the engine. Runs on the key thread; every call it makes on the
 * engine only posts to the loop, so a key takes effect without waiting for a frame.
 */
public final class KeyBindings {
    private final EngineControls engine;
    private final Selection selection;
    /** Counted here, not read back from the snapshot, so fast presses between two snapshots all count. */
    private int jobs;

    /** @param jobs the --jobs the run started with */
    public KeyBindings(EngineControls engine, Selection selection, int jobs) {
        this.engine = engine;
        this.selection = selection;
        this.jobs = Math.max(1, jobs);
    }

    EngineControls engine() {
        return engine;
    }

    public void apply(Command command) {
        switch (command) {
            case SELECT_UP -> selection.move(-1, engine.snapshot());
            case SELECT_DOWN -> selection.move(1, engine.snapshot());
            case CANCEL -> {
                long id = selection.reconcile(engine.snapshot());
                if (id != Selection.NONE) engine.cancel(id);
            }
            case TOGGLE_PAUSE -> {
                long id = selection.reconcile(engine.snapshot());
                if (id != Selection.NONE) engine.togglePause(id);
            }
            case MORE_JOBS -> engine.setJobs(++jobs);
            case FEWER_JOBS -> {
                if (jobs > 1) engine.setJobs(--jobs);
            }
            case QUIT -> engine.stop();
            case ADD_URL -> { } // the key reader runs the prompt: it needs the keys that follow
        }
    }
}
