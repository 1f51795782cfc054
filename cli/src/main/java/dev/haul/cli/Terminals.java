package dev.haul.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal, without loading a terminal library. */
public final class Terminals {
    private Terminals() {}

    /** True when file descriptor {@code fd} (0, 1 or 2) is a terminal. */
    public static boolean isTerminal(int fd) {
        String forced = System.getProperty("haul.tty." + fd);
        if (forced != null) return Boolean.parseBoolean(forced);
        try {
            // Linux: the descriptor is a link to the device; terminals live under /dev/pts or /dev/tty*.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
