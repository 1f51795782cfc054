package dev.haul.cli;

import dev.haul.cli.input.EngineControls;
import dev.haul.core.DownloadEngine;
import dev.haul.core.EngineSnapshot;

import java.util.function.IntConsumer;

/** The keys' view of the engine: straight calls, except that stopping is the session's interruption (exit 130). */
final class SessionControls implements EngineControls {
    private final DownloadEngine engine;
    /** Where an added URL goes: the --shard filter and the --session queue, when given, then the engine. */
    private final dev.haul.cli.queue.RequestSink requests;
    private final IntConsumer interrupt;

    /** @param interrupt the session's way to stop everything with an exit status, shared with the signal trap */
    SessionControls(DownloadEngine engine, dev.haul.cli.queue.RequestSink requests, IntConsumer interrupt) {
        this.engine = engine;
        this.requests = requests;
        this.interrupt = interrupt;
    }

    @Override
    public EngineSnapshot snapshot() {
        return engine.snapshot();
    }

    @Override
    public void cancel(long id) {
        engine.cancel(id);
    }

    @Override
    public void togglePause(long id) {
        engine.togglePause(id);
    }

    @Override
    public void setJobs(int jobs) {
        engine.setJobs(Math.max(1, jobs));
    }

    @Override
    public void add(String line) {
        java.util.Optional<dev.haul.cli.input.ListEntry> entry = dev.haul.cli.input.UrlListParser.parseLine(line, 0);
        if (entry.isEmpty()) return;
        if (entry.get() instanceof dev.haul.cli.input.ListEntry.Request r) requests.submit(r.request());
        else if (entry.get() instanceof dev.haul.cli.input.ListEntry.Invalid bad) requests.reject(bad.rawUrl(), bad.message());
    }

    @Override
    public void holdInput() {
        engine.holdInput();
    }

    @Override
    public void releaseInput() {
        engine.releaseInput();
    }

    @Override
    public void stop() {
        interrupt.accept(ExitCodes.INTERRUPTED);
    }

    @Override
    public void quit() {
        interrupt.accept(ExitCodes.QUIT);
    }
}
