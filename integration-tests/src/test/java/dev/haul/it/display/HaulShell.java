package dev.haul.it.display;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An interactive bash (job control on) in a tmux pane, in a test's directory, where commands are
 * typed as a user types them; {@code haul} in a typed line runs the built jar without colors.
 */
final class HaulShell implements AutoCloseable {
    static final Duration SCREEN_TIMEOUT = Duration.ofSeconds(60);

    final TmuxPane pane;
    private final Path dir;

    HaulShell(Path dir, int columns, int rows) throws IOException, InterruptedException {
        this.dir = dir;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("haul.jar")).toAbsolutePath().toString();
        // An alias, so `haul URL &` starts the java process itself ($! is its pid), as the launcher's exec does.
        Files.writeString(dir.resolve("rc.sh"), "PS1='$ '\nexport NO_COLOR=1\n"
                + "alias haul=\"'" + java + "' -jar '" + jar + "'\"\n");
        pane = new TmuxPane(columns, rows, "cd '" + dir + "' && exec bash --noprofile --rcfile rc.sh -i");
        pane.awaitScreen("the shell's prompt", s -> s.startsWith("$"), SCREEN_TIMEOUT); // capture-pane drops trailing blanks
    }

    /** Types {@code line} and Enter. */
    void type(String line) throws IOException, InterruptedException {
        pane.sendKeys("-l", line);
        pane.sendKeys("Enter");
    }

    /** Waits for a file a typed command writes (renamed into place, so it is complete when seen). */
    String awaitFile(String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        pane.awaitScreen(name + " to be written", s -> Files.exists(file), SCREEN_TIMEOUT);
        return Files.readString(file).trim();
    }

    /** A shell command that writes what {@code command} prints to {@code name}, complete once it appears. */
    static String into(String name, String command) {
        return "{ " + command + "; } > " + name + ".tmp 2>&1; mv " + name + ".tmp " + name;
    }

    /** The screen shows a transfer row with some bytes saved (and so a .part with something in it). */
    static boolean someBytes(String screen) {
        return screen.matches("(?s).*\\s[1-9][0-9.]* KiB / .*");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        pane.close();
    }
}
