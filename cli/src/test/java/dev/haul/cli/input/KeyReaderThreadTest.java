package dev.haul.cli.input;

import dev.haul.cli.progress.Selection;
import dev.haul.cli.progress.Snapshots;
import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** On its own thread: keys apply as they come, and close ends the thread while it waits for one. */
class KeyReaderThreadTest {

    @Test
    void keysApplyAsTheyComeAndCloseEndsTheWait() throws Exception {
        BlockingQueue<Integer> typed = new ArrayBlockingQueue<>(8);
        KeySource source = timeout -> {
            try {
                Integer c = typed.poll(timeout, TimeUnit.MILLISECONDS);
                return c == null ? KeySource.TIMEOUT : c;
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            }
        };
        FakeEngine engine = new FakeEngine();
        engine.snapshot = Snapshots.active(1);
        KeyReader reader = new KeyReader(source, new KeyBindings(engine, new Selection(), 1)).start();
        typed.add((int) '+');
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (callsOf(engine).isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(List.of("jobs 2"), callsOf(engine));
        assertTimeoutPreemptively(Duration.ofSeconds(2), reader::close);
        assertFalse(threadAlive(), "haul-keys still running");
    }

    private static List<String> callsOf(FakeEngine engine) {
        synchronized (engine) {
            return List.copyOf(engine.calls);
        }
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("haul-keys") && t.isAlive());
    }
}
