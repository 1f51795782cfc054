package dev.haul.cli.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@code build.properties} (the commit that {@code haul --version} names) into the
 * compiled classes, asking the git command. git understands linked worktrees, which
 * git-commit-id-maven-plugin 9.x does not (it read the main worktree's HEAD); without git or a
 * repository the commit is "unknown" and the build goes on.
 */
public final class BuildInfo {
    private BuildInfo() {}

    /** @param args the repository directory, then the properties file to write */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) throw new IllegalArgumentException("usage: BuildInfo REPOSITORY-DIR OUTPUT-FILE");
        String repo = args[0];
        String commit = git(repo, "rev-parse", "--short=7", "HEAD");
        String changes = commit == null ? null : git(repo, "status", "--porcelain", "--untracked-files=no");
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Written at build time by dev.haul.cli.build.BuildInfo\n"
                + "commit=" + (commit == null || commit.isBlank() ? "unknown" : commit.strip()) + "\n"
                + "dirty=" + (changes != null && !changes.isBlank()) + "\n", StandardCharsets.ISO_8859_1);
    }

    /** The command's standard output, or null when git is missing or fails (no repository here). */
    private static String git(String repo, String... arguments) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo));
        command.addAll(List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        }
    }
}
