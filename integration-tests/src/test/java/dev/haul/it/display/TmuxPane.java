package dev.haul.it.display;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A detached tmux session of a fixed size on a server of its own (its own socket), running one
 * shell command in a real pseudo-terminal: keys go in with send-keys, the screen comes back
 * with capture-pane.
 */
final class TmuxPane implements AutoCloseable {
    private final String socket = "haul-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    TmuxPane(int columns, int rows, String shellCommand) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-s", "it", "-x", String.valueOf(columns), "-y", String.valueOf(rows), shellCommand);
    }

    void sendKeys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "it"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Resizes the window (and so the pane) as a user dragging its edge would. */
    void resize(int columns, int rows) throws IOException, InterruptedException {
        tmux("resize-window", "-t", "it", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    String capture() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "it");
    }

    /** Polls the screen until it shows what {@code test} wants; fails with the last screen at the deadline. */
    String awaitScreen(String what, Predicate<String> test, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = capture();
        while (!test.test(screen)) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + screen);
            TimeUnit.MILLISECONDS.sleep(50); // the polling interval of a condition, not a synchronisation
            screen = capture();
        }
        return screen;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }
}
