package dev.haul.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How saved paths reach stdout: in order, one write per line, as soon as each file is done. */
class EventPrinterDeliveryTest {
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWrite = new CountDownLatch(1);
    private final OutputStream stdout = new OutputStream() {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(new String(b, off, len, StandardCharsets.UTF_8));
            firstWrite.countDown();
        }
    };
    private final PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void eachPathLeavesInOneWriteInTheOrderTheFilesFinished() throws Exception {
        EventPrinter printer = new EventPrinter(stdout, stderr, false, true, true, null);
        Thread loop = new Thread(() -> {
            for (String name : List.of("a.bin", "b.bin", "c.bin")) {
                printer.onEvent(new TransferEvent.Started(snapshot(name)));
                printer.onEvent(new TransferEvent.Finished(snapshot(name), completed(name)));
            }
            printer.end();
        });
        loop.start();
        printer.run(() -> EngineSnapshot.EMPTY);
        loop.join();

        assertEquals(List.of(shown("a.bin") + "\n", shown("b.bin") + "\n", shown("c.bin") + "\n"), writes);
    }

    @Test
    void aFinishedFileIsPrintedAtOnceNotAtTheNextSummaryTick() throws Exception {
        // Quiet plain output ticks every 5 s; a quiet "started" does not wake the printer, a finish must.
        EventPrinter printer = new EventPrinter(stdout, stderr, false, true, true, null);
        Thread reader = new Thread(() -> {
            try {
                printer.run(() -> EngineSnapshot.EMPTY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        printer.onEvent(new TransferEvent.Started(snapshot("a.bin")));
        printer.onEvent(new TransferEvent.Finished(snapshot("a.bin"), completed("a.bin")));

        assertTrue(firstWrite.await(2, TimeUnit.SECONDS), "the path was not printed within 2 s of the finish");
        assertEquals(List.of(shown("a.bin") + "\n"), writes);
        printer.end();
        reader.join();
    }

    private static Path path(String name) {
        return Path.of("/downloads").resolve(name);
    }

    private static String shown(String name) {
        return ShownPaths.of(null, path(name));
    }

    private static TransferSnapshot snapshot(String name) {
        return new TransferSnapshot(1, "http://127.0.0.1/" + name, name, path(name), TransferState.DOWNLOADING, 0, 10, 0, 1);
    }

    private static Outcome completed(String name) {
        return new Outcome.Completed(path(name), 10, false);
    }
}
