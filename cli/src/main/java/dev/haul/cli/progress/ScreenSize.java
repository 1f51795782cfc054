package dev.haul.cli.progress;

/** The terminal's current size, asked again every frame so the display follows resizes. */
public interface ScreenSize {
    /** Columns, or 0 when unknown. */
    int columns();

    /** Rows, or 0 when unknown. */
    int rows();
}
