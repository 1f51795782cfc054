package dev.haul.it.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a directory for one test: a disk that fills up, or one that cannot be
 * written at all (root ignores file modes, a read-only mount it cannot). Where mounting is not
 * permitted (not root, no CAP_SYS_ADMIN, a container), the test is skipped, not failed.
 * {@link #close} unmounts.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs with these mount options ({@code size=1m}, {@code ro}) on {@code dir}, created if missing. */
    public static Tmpfs mount(Path dir, String options) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AssertionError("cannot create " + dir, e);
        }
        Run run = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        Assumptions.assumeTrue(run.exit == 0, () -> "cannot mount a tmpfs here: " + run.output);
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        Run run = run("umount", dir.toString());
        if (run.exit != 0) {
            // Something still holds it (a process not yet reaped): detach it rather than leave it behind.
            Run lazy = run("umount", "-l", dir.toString());
            if (lazy.exit != 0) {
                throw new AssertionError("cannot unmount " + dir + ": " + run.output + lazy.output);
            }
        }
    }

    private record Run(int exit, String output) {}

    private static Run run(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, String.join(" ", cmd) + " did not finish");
            }
            return new Run(p.exitValue(), output);
        } catch (IOException e) {
            return new Run(-1, String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }
}
