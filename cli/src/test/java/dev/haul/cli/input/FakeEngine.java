package dev.haul.cli.input;

import dev.haul.core.EngineSnapshot;

import java.util.ArrayList;
import java.util.List;

/** Records what the keys asked of the engine; its snapshot is set by the test. */
final class FakeEngine implements EngineControls {
    @Override
    public void add(String line) {
        calls.add("add " + line);
    }

    @Override
    public void holdInput() {
        calls.add("hold");
    }

    @Override
    public void releaseInput() {
        calls.add("release");
    }

    volatile EngineSnapshot snapshot = EngineSnapshot.EMPTY;
    final List<String> calls = new ArrayList<>();

    @Override
    public EngineSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized void cancel(long id) {
        calls.add("cancel " + id);
    }

    @Override
    public synchronized void togglePause(long id) {
        calls.add("pause " + id);
    }

    @Override
    public synchronized void setJobs(int jobs) {
        calls.add("jobs " + jobs);
    }

    @Override
    public synchronized void stop() {
        calls.add("stop");
    }

    @Override
    public synchronized void quit() {
        calls.add("quit");
    }
}
