package dev.haul.cli.tty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether haul is the terminal's foreground job: its process group is the terminal's foreground
 * process group (the shell's job control moves that with {@code fg}, {@code bg} and {@code &}).
 * Read from {@code /proc/self/stat} (fields pgrp and tpgid): one small read, no fork, cheap
 * enough to ask a few times a second. Where there is no such file, haul counts as foreground.
 */
public final class Foreground {
    private static final Path STAT = Path.of("/proc/self/stat");

    private Foreground() {}

    public static boolean now() {
        try {
            return isForeground(Files.readString(STAT, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * @param stat the text of /proc/PID/stat: "pid (comm) state ppid pgrp session tty_nr tpgid ...";
     *             comm may hold spaces and parentheses, so the fields count from the last ')'
     */
    static boolean isForeground(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long pgrp = Long.parseLong(fields[2]);
        long tpgid = Long.parseLong(fields[5]);
        return tpgid <= 0 || tpgid == pgrp; // no controlling terminal: nothing to be in the background of
    }
}
