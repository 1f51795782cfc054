package dev.haul.cli;

import dev.haul.cli.input.UrlFeeder;
import dev.haul.cli.output.EventPrinter;
import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One run of haul: starts the engine, the input feeder and the printer, waits for the end and
 * closes them in reverse order. The exit status is decided by {@link ExitCodes}.
 */
final class Session {
    private final Settings settings;
    private final Streams streams;
    private volatile int interruptedStatus;

    Session(Settings settings, Streams streams) {
        this.settings = settings;
        this.streams = streams;
    }

    int run() {
        InputStream list = openList();
        Path dir = settings.engine().dir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            streams.err().println("haul: cannot create directory " + (settings.dirAsGiven() == null ? dir : settings.dirAsGiven())
                    + ": " + Errors.describe(e));
            return ExitCodes.SOME_FAILED;
        }
        EventPrinter printer = new EventPrinter(streams.out(), streams.err(), settings.json(), !settings.toStdout(),
                settings.quiet(), settings.dirAsGiven());
        long started = System.nanoTime();
        DownloadEngine engine = DownloadEngine.start(settings.engine(), printer);
        try (SignalTrap trap = SignalTrap.install(status -> {
            interruptedStatus = status;
            engine.stop().thenRun(printer::end);
        })) {
            printer.onStdoutBroken(() -> engine.stop().thenRun(printer::end));
            for (DownloadRequest r : settings.argRequests()) {
                engine.submit(settings.toStdout()
                        ? new DownloadRequest(r.url(), null, r.sha256(), streams.out())
                        : r);
            }
            if (list != null) {
                new UrlFeeder(list, engine, message -> streams.err().println("haul: " + message)).start();
            } else {
                engine.finishInput();
            }
            engine.whenIdle().thenRun(printer::end);
            printer.run(engine::snapshot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interruptedStatus = ExitCodes.INTERRUPTED;
        } finally {
            engine.close();
        }
        int failed = printer.failed() + (printer.stdoutBroken() ? 1 : 0);
        int status = ExitCodes.decide(failed, interruptedStatus);
        printer.summary((System.nanoTime() - started) / 1_000_000, status);
        return status;
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
