package dev.haul.core;

/** What a run does with a file it saved before from the same URL (see {@code dev.haul.core.records}). */
public enum Rerun {
    /** Nothing special: the target name is treated as {@link OnExists} says (--on-exists given). */
    OFF,
    /** The file counts as downloaded: listed, reported done and skipped, never requested again. */
    SKIP_SAVED,
    /** -N: asked for with a conditional request; replaced only when the server has another version. */
    UPDATE
}
