package dev.haul.cli.input;

import dev.haul.cli.progress.KeyHelp;
import dev.haul.cli.progress.Selection;

/**
 * What each command does to the engine. Runs on the key thread; every call it makes on the
 * engine only posts to the loop, so a key takes effect without waiting for a frame.
 */
public final class KeyBindings {
    private final EngineControls engine;
    private final Selection selection;
    private KeyHelp help = new KeyHelp();
    private Runnable suspend = () -> { };
    /** Counted here, not read back from the snapshot, so fast presses between two snapshots all count. */
    private int jobs;

    /** @param jobs the --jobs the run started with */
    public KeyBindings(EngineControls engine, Selection selection, int jobs) {
        this.engine = engine;
        this.selection = selection;
        this.jobs = Math.max(1, jobs);
    }

    /** The help overlay {@code ?} toggles (the display draws the same one). */
    public KeyBindings help(KeyHelp help) {
        this.help = help;
        return this;
    }

    /** What Ctrl-Z does: give the terminal back and stop the process until {@code fg}. */
    public KeyBindings suspend(Runnable suspend) {
        this.suspend = suspend;
        return this;
    }

    EngineControls engine() {
        return engine;
    }

    /** Ctrl-Z's action, for the add-URL prompt, which reads its own keys. */
    Runnable suspendAction() {
        return suspend;
    }

    /**
     * Hides the help if it is shown: true when the key {@code c} did that and nothing more. Any key
     * dismisses it; the ones that leave or stop (Ctrl-C, Ctrl-\, Ctrl-Z) also act.
     */
    boolean dismissHelp(int c) {
        if (!help.dismiss()) return false;
        return c != KeyDecoder.CTRL_C && c != KeyDecoder.CTRL_BACKSLASH && c != KeyDecoder.CTRL_Z;
    }

    public void apply(Command command) {
        switch (command) {
            case SELECT_UP -> selection.move(-1, engine.snapshot());
            case SELECT_DOWN -> selection.move(1, engine.snapshot());
            case PAGE_UP -> selection.movePages(-1, engine.snapshot());
            case PAGE_DOWN -> selection.movePages(1, engine.snapshot());
            case SELECT_FIRST -> selection.moveToEnd(false, engine.snapshot());
            case SELECT_LAST -> selection.moveToEnd(true, engine.snapshot());
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
            case HELP -> help.toggle();
            case SUSPEND -> suspend.run();
            case QUIT -> engine.stop();
            case QUIT_SIGNAL -> engine.quit();
            case ADD_URL -> { } // the key reader runs the prompt: it needs the keys that follow
        }
    }
}
