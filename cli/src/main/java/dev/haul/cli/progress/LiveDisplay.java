package dev.haul.cli.progress;

import dev.haul.cli.output.HumanOutput;
import dev.haul.cli.output.PlainReporter;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The live display on stderr: about ten frames a second, each redrawing the block in place with
 * one write; finished transfers (and retries) print one line each above the block, in the same
 * write. Draws on the main thread only (hidden, on Ctrl-Z, from the key or a signal thread:
 * hence synchronized), and only reads snapshots, so a slow terminal never slows a download.
 */
public final class LiveDisplay implements HumanOutput {
    static final long FRAME_MILLIS = 100;
    /**
     * How long a new width must hold before the screen is redrawn for it. tmux tells the new size
     * before it rewraps its screen: a frame drawn in between would land on the old layout.
     */
    static final long SETTLE_NANOS = 250_000_000L;
    private static final int FALLBACK_COLUMNS = 80;
    private static final int FALLBACK_ROWS = 24;

    private final PrintStream err;
    private final ScreenSize screen;
    private final Selection selection;
    private final boolean color;
    private final BooleanSupplier keys;
    private final boolean stdoutShared;
    private final PlainReporter words;
    private final List<String> above = new ArrayList<>();
    private List<String> block = List.of();
    private final DrawnBlock drawn = new DrawnBlock();
    /** A new width seen, and since when: the whole screen is redrawn once it has held for {@link #SETTLE_NANOS}. */
    private int newColumns;
    private long newColumnsSince;
    private java.util.function.LongSupplier clock = System::nanoTime;
    private boolean started;
    private boolean closed;
    private boolean listOnStdin;
    private dev.haul.cli.input.Prompt prompt = new dev.haul.cli.input.Prompt();
    private KeyHelp help = new KeyHelp();

    /**
     * @param keys  whether keys are read (then the total line reminds of them); asked at each frame,
     *              since that is known only once the terminal is open
     * @param color SGR styling allowed: false under NO_COLOR
     * @param stdoutShared stdout is a terminal too (the same screen, as a rule): its lines must not land inside the block
     */
    public LiveDisplay(PrintStream err, ScreenSize screen, Selection selection, boolean color, BooleanSupplier keys,
                       boolean stdoutShared, String dirAsGiven) {
        this.err = err;
        this.stdoutShared = stdoutShared;
        this.screen = screen;
        this.selection = selection;
        this.color = color;
        this.keys = keys;
        this.words = new PlainReporter(err, false, dirAsGiven);
    }

    /** For tests: the time a new width has held is measured on this clock. */
    void clock(java.util.function.LongSupplier nanos) {
        this.clock = nanos;
    }

    /** The key help to draw in place of the rows while it is shown. */
    public void showHelp(KeyHelp help) {
        this.help = help;
    }

    /** The add-URL prompt to draw under the block while it is open. */
    public void showPrompt(dev.haul.cli.input.Prompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public boolean showsAtOnce(TransferEvent event) {
        return false; // everything appears with the next frame
    }

    @Override
    public synchronized void on(TransferEvent event) {
        String line = words.lineFor(event); // every event: the words note which transfers began
        if (!(event instanceof TransferEvent.Finished || event instanceof TransferEvent.Retry
                || event instanceof TransferEvent.SourceDropped)) return;
        if (line == null) return;
        boolean failed = event instanceof TransferEvent.Finished f && f.outcome() instanceof Outcome.Failed;
        above.add(failed ? Sgr.style(Sgr.RED, line, color) : line);
    }

    @Override
    public void retries(int retries) {
        words.retries(retries);
    }

    @Override
    public void listOnStdin() {
        listOnStdin = true;
    }

    @Override
    public void stoppedBecause(String reason) {
        words.stoppedBecause(reason);
    }

    @Override
    public long tickMillis() {
        return FRAME_MILLIS;
    }

    @Override
    public synchronized void tick(EngineSnapshot snapshot) {
        if (closed) return;
        long selected = selection.reconcile(snapshot);
        int columns = screen.columns() > 0 ? screen.columns() : FALLBACK_COLUMNS;
        int rows = screen.rows() > 0 ? screen.rows() : FALLBACK_ROWS;
        // One column spare: a line that fills the last column leaves some terminals in a pending wrap.
        String typing = prompt.text();
        String problem = typing == null ? null : prompt.problem();
        int room = rows - (typing != null ? 1 : 0) - (problem != null ? 1 : 0);
        selection.page(Renderer.pageRows(room));
        block = help.shown()
                ? Renderer.renderHelp(snapshot, columns - 1, room, color)
                : Renderer.render(snapshot, selected, columns - 1, room, color, keys.getAsBoolean());
        if (!help.shown() && listOnStdin && PlainReporter.nothingYet(snapshot)) block = waiting(block, columns - 1);
        if (typing != null) {
            List<String> withPrompt = new ArrayList<>(block);
            if (problem != null) {
                withPrompt.add(Sgr.style(Sgr.RED, DisplayWidth.truncateEnd("  " + problem + " (fix it, or Esc)", columns - 1), color));
            }
            withPrompt.add(promptLine(typing, columns - 1));
            block = withPrompt;
        }
        String frame;
        if (drawn.widthChanged(columns)) {
            long now = clock.getAsLong();
            if (columns != newColumns) {
                newColumns = columns;
                newColumnsSince = now;
            }
            if (now - newColumnsSince < SETTLE_NANOS) return; // still being resized: draw nothing yet
            // The window was resized. Backing up over the rows the old block now covers is right in
            // a terminal that rewraps it, unless a frame was on its way when the size changed: then
            // parts of older frames stay above. Clearing the visible screen from its top (the cursor
            // stops there) leaves none. Lines printed earlier are not printed again: a terminal that
            // pulls its scrollback back into view when it widens would then show them twice.
            frame = Frame.build(rows, above, block);
        } else {
            frame = Frame.build(drawn.rows(columns), above, block);
        }
        write((started ? "" : Sgr.HIDE_CURSOR) + frame);
        started = true;
        drawn.drawn(block, columns);
        above.clear();
    }

    /** Clears the block, lets the stdout line print where it stood, and draws the same block again under it. */
    @Override
    public synchronized void aroundStdout(Runnable stdoutWrite) {
        if (!stdoutShared || closed || !started) {
            stdoutWrite.run();
            return;
        }
        int columns = columnsNow();
        write(Frame.build(drawn.rows(columns), above, List.of()));
        above.clear();
        stdoutWrite.run();
        write(Frame.build(0, List.of(), block));
        drawn.drawn(block, columns);
    }

    /** Clears the block, prints what finished since the last frame and shows the cursor again. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (!started && above.isEmpty()) return;
        write(Frame.build(drawn.rows(columnsNow()), above, List.of()) + Sgr.SHOW_CURSOR);
        above.clear();
        drawn.gone();
    }

    /**
     * Clears the block and shows the cursor, printing what finished since the last frame: the
     * terminal is given back for a while (Ctrl-Z, or haul sent to the background). The next
     * frame draws the block afresh.
     */
    public synchronized void hide() {
        if (closed) return;
        if (started || !above.isEmpty()) write(Frame.build(drawn.rows(columnsNow()), above, List.of()) + Sgr.SHOW_CURSOR);
        above.clear();
        drawn.gone();
        started = false;
    }

    @Override
    public void summary(int done, int failed, int cancelled, long bytes, long elapsedMillis) {
        words.summary(done, failed, cancelled, bytes, elapsedMillis);
    }

    @Override
    public void summary(int done, int unchanged, int failed, int cancelled, long bytes, long elapsedMillis) {
        words.summary(done, unchanged, failed, cancelled, bytes, elapsedMillis);
    }

    /** The total line replaced by a note: the run waits for a piped list that has given no URL yet. */
    private List<String> waiting(List<String> lines, int width) {
        List<String> withNote = new ArrayList<>(lines);
        String note = Sgr.style(Sgr.BOLD, DisplayWidth.truncateEnd("  " + PlainReporter.WAITING_FOR_STDIN + "…", width), color);
        withNote.set(withNote.size() - 1, note);
        return withNote;
    }

    /** The prompt's label and what was typed, its end kept in view when it is longer than the line. */
    static String promptLine(String typed, int width) {
        // The long label only while it leaves room for a good part of a URL.
        String label = width - dev.haul.cli.input.Prompt.LABEL.length() >= 30
                ? dev.haul.cli.input.Prompt.LABEL : dev.haul.cli.input.Prompt.SHORT_LABEL;
        int room = Math.max(1, width - label.length() - 1);
        String shown = typed.length() > room ? "…" + typed.substring(typed.length() - room + 1) : typed;
        String line = label + shown + "_";
        return line.length() > width ? line.substring(0, Math.max(0, width)) : line;
    }

    private int columnsNow() {
        return screen.columns() > 0 ? screen.columns() : FALLBACK_COLUMNS;
    }

    /** One write per frame: PrintStream over the descriptor passes a byte array straight through. */
    private void write(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        err.write(bytes, 0, bytes.length);
        err.flush();
    }
}
