package dev.haul.cli;

import dev.haul.cli.input.KeyBindings;
import dev.haul.cli.input.KeyReader;
import dev.haul.cli.input.UrlFeeder;
import dev.haul.cli.output.EventPrinter;
import dev.haul.cli.output.HumanOutput;
import dev.haul.cli.output.PlainReporter;
import dev.haul.cli.progress.LiveDisplay;
import dev.haul.cli.progress.KeyHelp;
import dev.haul.cli.progress.Selection;
import dev.haul.cli.tty.JobAwareOutput;
import dev.haul.cli.tty.JobControl;
import dev.haul.cli.tty.TtyOpening;
import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.cli.queue.EngineSink;
import dev.haul.cli.queue.RequestSink;
import dev.haul.cli.queue.SessionFile;
import dev.haul.cli.queue.SessionLoader;
import dev.haul.cli.queue.SessionQueue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * One run of haul: opens the terminal (only when stderr is one), starts the engine, the input
 * feeder, the key reader and the printer, waits for the end and closes them in reverse order,
 * giving the terminal back last. The exit status is decided by {@link ExitCodes}.
 */
final class Session {
    private final Settings settings;
    private final Streams streams;
    private volatile int interruptedStatus;
    /** Has the last word on the exit status, before the summary reports it (haul demo forgives its broken file). */
    private final IntUnaryOperator finalStatus;

    Session(Settings settings, Streams streams) {
        this(settings, streams, IntUnaryOperator.identity());
    }

    Session(Settings settings, Streams streams, IntUnaryOperator finalStatus) {
        this.settings = settings;
        this.streams = streams;
        this.finalStatus = finalStatus;
    }

    int run() {
        InputStream list = openList();
        warnIfJobsExceedOpenFiles();
        Path dir = settings.engine().dir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            streams.err().println("haul: cannot create directory " + (settings.dirAsGiven() == null ? dir : settings.dirAsGiven())
                    + ": " + Errors.describe(e));
            return ExitCodes.SOME_FAILED;
        }
        // -v logs on stderr as things happen: lines of their own would tear through a redrawn block.
        boolean live = streams.stderrIsTerminal() && !settings.quiet() && !settings.verbose()
                && !"dumb".equals(System.getenv("TERM"));
        // Keys need the terminal to themselves: not while the URL list is being typed at it.
        boolean keys = live && !(list == streams.in() && streams.stdinIsTerminal());
        // Opened by the job control, and only once haul is the foreground job.
        TtyOpening tty = live ? TtyOpening.deferred(keys) : null;
        try {
            return download(list, tty, keys);
        } finally {
            if (tty != null) tty.close();
        }
    }

    /**
     * @param tty  the terminal being opened for the live display, or null for plain lines
     * @param keys read keys from {@code tty}
     */
    /** More transfers than the open-file limit allows are not run at once; say so once, not per failed file. */
    private void warnIfJobsExceedOpenFiles() {
        int jobs = settings.engine().jobs();
        if (settings.quiet() || jobs <= 500) return; // reading the limit is only worth it for large --jobs
        int fit = DownloadEngine.maxTransfersAtOnce();
        if (jobs > fit) {
            streams.err().println("haul: --jobs " + jobs + " is more than the open-file limit allows (ulimit -n); "
                    + fit + " run at once");
        }
    }

    private int download(InputStream list, TtyOpening tty, boolean keys) {
        Selection selection = new Selection();
        dev.haul.cli.input.Prompt prompt = new dev.haul.cli.input.Prompt();
        KeyHelp help = new KeyHelp();
        JobControl jobs = tty != null ? JobControl.start(tty) : null;
        LiveDisplay display = tty != null
                ? new LiveDisplay(streams.err(), tty, selection, colorAllowed(), () -> keys && tty.await() != null,
                        Terminals.isTerminal(1), settings.dirAsGiven())
                : null;
        HumanOutput human = tty != null
                ? new JobAwareOutput(jobs, display, new PlainReporter(streams.err(), false, settings.dirAsGiven()))
                : new PlainReporter(streams.err(), settings.quiet(), settings.dirAsGiven());
        EventPrinter printer = new EventPrinter(streams.out(), settings.json(), !settings.toStdout(), settings.dirAsGiven(), human);
        if (settings.nul()) printer.endPathsWithNul();
        human.retries(settings.engine().retries());
        if (list != null && list == streams.in()) human.listOnStdin();
        long started = System.nanoTime();
        QueueSettings queue = settings.queue();
        SessionQueue[] sessionQueue = {null}; // set right after the engine starts: events are held by it until then
        DownloadEngine engine = DownloadEngine.start(settings.engine(), event -> {
            SessionQueue q = sessionQueue[0];
            if (q != null) q.onEvent(event);
            printer.onEvent(event);
        }, queue.rerun());
        EngineSink engineSink = new EngineSink(engine);
        RequestSink requests = engineSink;
        if (queue.sessionFile() != null) {
            sessionQueue[0] = new SessionQueue(new SessionFile(queue.sessionFile()), engineSink,
                    message -> streams.err().println("haul: " + message));
            requests = sessionQueue[0];
        }
        if (queue.shard() != null) requests = queue.shard().filter(requests);
        IntConsumer interrupt = status -> {
            interruptedStatus = status;
            engine.stop().thenRun(printer::end);
        };
        KeyReader keyReader = null;
        try (SignalTrap trap = SignalTrap.install(interrupt, tty != null ? tty::restoreNow : () -> {})) {
            printer.onStdoutBroken(() -> engine.stop().thenRun(printer::end));
            if (sessionQueue[0] != null) {
                SessionLoader.load(new SessionFile(queue.sessionFile()), requests); // FILE first, then -i and URLs
                sessionQueue[0].start();
            }
            for (DownloadRequest r : settings.argRequests()) {
                requests.submit(settings.toStdout()
                        ? new DownloadRequest(r.url(), null, r.sha256(), streams.out())
                        : r);
            }
            if (list != null) {
                new UrlFeeder(list, requests, message -> streams.err().println("haul: " + message)).start();
            } else {
                requests.finishInput();
            }
            engine.whenIdle().thenRun(printer::end);
            if (keys) {
                KeyBindings bindings = new KeyBindings(new SessionControls(engine, requests, interrupt), selection, settings.engine().jobs())
                        .help(help).suspend(jobs::suspend);
                display.showPrompt(prompt);
                display.showHelp(help);
                keyReader = new KeyReader(jobs.gate(tty.keys()), bindings, prompt).start();
            }
            printer.run(engine::snapshot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interruptedStatus = ExitCodes.INTERRUPTED;
        } finally {
            stopKeys(keyReader);
            human.close();
            if (tty != null) tty.close();
            engine.close();
            if (sessionQueue[0] != null) sessionQueue[0].close(); // after the engine: its last events are in
        }
        if (printer.stdoutBroken()) {
            // Like a program killed by SIGPIPE, but with a word: the reader (| head) left early.
            streams.err().println("haul: standard output closed; " + printer.stoppedByBrokenStdout() + " transfers stopped");
            human.stoppedBecause("standard output closed");
        }
        int failed = printer.failed() + (printer.stdoutBroken() ? 1 : 0);
        int status = finalStatus.applyAsInt(ExitCodes.decide(failed, interruptedStatus));
        printer.summary((System.nanoTime() - started) / 1_000_000, status);
        return status;
    }

    private static void stopKeys(KeyReader keyReader) {
        if (keyReader == null) return;
        try {
            keyReader.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** https://no-color.org: set and not empty means no color. */
    private static boolean colorAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return noColor == null || noColor.isEmpty();
    }

    /** The URL list to stream, or null when the URLs are all on the command line. */
    private InputStream openList() {
        String file = settings.inputFile();
        if (file == null) {
            if (!settings.argRequests().isEmpty()) return null;
            if (streams.stdinIsTerminal()) throw new UsageException("no URL given (and standard input is a terminal); try haul --help");
            return streams.in();
        }
        if (file.equals("-")) return streams.in();
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("--input-file: no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("--input-file: cannot read " + file + ": " + Errors.describe(e));
        }
    }
}
