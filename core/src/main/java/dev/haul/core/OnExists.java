package dev.haul.core;

/** What to do when the final name is already taken in the output directory. */
public enum OnExists {
    /** Save as NAME.1, NAME.2, ... (the default). */
    RENAME,
    /** Keep the existing file and count the download as done. */
    SKIP,
    /** Replace the existing file atomically. */
    OVERWRITE,
    /** Fail that download. */
    FAIL
}
