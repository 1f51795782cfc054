package dev.haul.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the built jar as a user would: {@code java -jar haul.jar args...}, with a chosen working
 * directory, environment and standard input. Standard output is read as it arrives, so a test
 * can wait for a line while the process is still running; standard error is collected whole.
 */
public final class HaulProcess implements AutoCloseable {
    /** Generous: a run on a loaded 2-core machine takes a second or two. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Variables that would route loopback requests through a proxy, or change what haul prints or sends. */
    private static final List<String> SCRUBBED_ENV = List.of(
            "http_proxy", "https_proxy", "no_proxy", "all_proxy",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "NETRC", "NO_COLOR", "XDG_CONFIG_HOME", "XDG_STATE_HOME");

    private static final String END_OF_STREAM = new String("<end of stdout>");

    /** An empty home for every run, so no ~/.netrc or config file of the machine's user leaks in. */
    private static final Path EMPTY_HOME = createEmptyHome();

    private final Process process;
    private final List<String> command;
    private final BlockingQueue<String> pendingLines = new LinkedBlockingQueue<>();
    private final List<String> allLines = new ArrayList<>();
    private final ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private HaulProcess(Process process, List<String> command) {
        this.process = process;
        this.command = command;
        this.stdoutReader = daemon("haul-stdout", this::pumpStdout);
        this.stderrReader = daemon("haul-stderr", () -> pump(process.getErrorStream(), stderrBytes));
    }

    /** Where the runs' records of saved files live (the state folder under the runs' home). */
    public static Path recordFileOf(Path dir) {
        return dev.haul.core.records.RecordsHome.fileFor(dir, EMPTY_HOME.resolve(".local").resolve("state"));
    }

    private static Path createEmptyHome() {
        try {
            Path home = Files.createTempDirectory("haul-it-home");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts describing a run of the jar with these arguments. */
    public static Builder haul(String... args) {
        return new Builder(Arrays.asList(args));
    }

    public static Builder haul(List<String> args) {
        return new Builder(args);
    }

    public static Path jar() {
        String jar = System.getProperty("haul.jar");
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("system property haul.jar is not set (failsafe sets it)");
        }
        Path path = Path.of(jar).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("haul.jar not found at " + path + ": run mvn install -DskipTests first");
        }
        return path;
    }

    /** The next stdout line not yet taken by an await call; fails after {@code timeout} or at end of output. */
    public String awaitStdoutLine(Duration timeout) {
        return awaitStdoutLine(line -> true, timeout);
    }

    /** Skips stdout lines until one matches; fails after {@code timeout} or at end of output. */
    public String awaitStdoutLine(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? pendingLines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("no wanted stdout line within " + timeout + "\n" + describeSoFar());
                }
                if (line == END_OF_STREAM) {
                    pendingLines.add(END_OF_STREAM);
                    throw new AssertionError("stdout ended without the wanted line\n" + describeSoFar());
                }
                if (wanted.test(line)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What haul wrote to standard error so far, for a test that waits for a line while it runs. */
    public synchronized String stderrSoFar() {
        return stderrBytes.toString(StandardCharsets.UTF_8);
    }

    /** Writes text to the process's standard input and flushes it, leaving the stream open. */
    public void writeStdin(String text) {
        try {
            OutputStream in = process.getOutputStream();
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing haul's stdin: " + describeSoFar(), e);
        }
    }

    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for exit and for both output streams to end; kills the process and fails after {@code timeout}. */
    public Result awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("haul did not exit within " + timeout + "\n" + describeSoFar());
            }
            stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
            stderrReader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        synchronized (this) {
            return new Result(command, process.exitValue(), List.copyOf(allLines), stdoutBytes.toByteArray(),
                    stderrBytes.toString(StandardCharsets.UTF_8));
        }
    }

    public Result awaitExit() {
        return awaitExit(DEFAULT_TIMEOUT);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private synchronized String describeSoFar() {
        return "command: " + String.join(" ", command)
                + "\nstdout so far:\n" + String.join("\n", allLines)
                + "\nstderr so far:\n" + stderrBytes.toString(StandardCharsets.UTF_8);
    }

    private void pumpStdout() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (this) {
                    stdoutBytes.write(buf, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        emitLine(line);
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
        } catch (IOException ignored) {
            // The process died: what was read so far is the output.
        } finally {
            if (line.size() > 0) {
                emitLine(line);
            }
            pendingLines.add(END_OF_STREAM);
        }
    }

    private void emitLine(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        synchronized (this) {
            allLines.add(text);
        }
        pendingLines.add(text);
    }

    private void pump(InputStream source, ByteArrayOutputStream sink) {
        byte[] buf = new byte[8 * 1024];
        try (InputStream in = source) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (this) {
                    sink.write(buf, 0, n);
                }
            }
        } catch (IOException ignored) {
            // The process died: what was read so far is the output.
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** How to run the jar. */
    public static final class Builder {
        private final List<String> args;
        private Path cwd;
        private final Map<String, String> env = new HashMap<>();
        private byte[] stdin = new byte[0];
        private boolean keepStdinOpen;
        private int openFileLimit;

        private Builder(List<String> args) {
            this.args = List.copyOf(args);
        }

        public Builder cwd(Path dir) {
            this.cwd = dir;
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Standard input is these bytes, then end of file. The default is an empty stdin. */
        public Builder stdin(String text) {
            this.stdin = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Standard input stays open: the test writes to it with {@link #writeStdin} and closes it. */
        public Builder keepStdinOpen() {
            this.keepStdinOpen = true;
            return this;
        }

        public HaulProcess start() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xlog:disable", "-Xlog:all=warning:stderr", "-Duser.home=" + EMPTY_HOME,
                    "-jar", jar().toString()));
            command.addAll(args);
            if (openFileLimit > 0) {
                List<String> limited = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + openFileLimit + " && exec \"$@\"", "bash"));
                limited.addAll(command);
                command = limited;
            }
            ProcessBuilder pb = new ProcessBuilder(command);
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            SCRUBBED_ENV.forEach(pb.environment()::remove);
            pb.environment().put("HOME", EMPTY_HOME.toString());
            pb.environment().putAll(env);
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
            HaulProcess haul = new HaulProcess(process, command);
            if (!keepStdinOpen) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException e) {
                    // haul may exit without reading its stdin (a usage error): not a failure of the test.
                }
            }
            return haul;
        }

        /** Runs haul under this soft open-file limit ({@code ulimit -n}, through bash). */
        public Builder openFileLimit(int n) {
            this.openFileLimit = n;
            return this;
        }

        /** Starts the process and waits for it to exit. */
        public Result run() {
            try (HaulProcess haul = start()) {
                return haul.awaitExit();
            }
        }
    }

    /** What a finished run left behind. */
    public record Result(List<String> command, int exitCode, List<String> stdoutLines, byte[] stdout,
                         String stderr) {

        /** The stderr lines that are not blank. */
        public List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        /** For assertion messages: the command and all it printed. */
        public String describe() {
            return "command: " + String.join(" ", command)
                    + "\nexit: " + exitCode
                    + "\nstdout:\n" + String.join("\n", stdoutLines)
                    + "\nstderr:\n" + stderr;
        }
    }
}
