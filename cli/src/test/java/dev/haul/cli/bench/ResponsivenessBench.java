package dev.haul.cli.bench;

import dev.haul.cli.demo.Catalogue;
import dev.haul.cli.demo.DemoServer;
import dev.haul.cli.demo.Resource;
import dev.haul.cli.progress.Renderer;
import dev.haul.core.DownloadEngine;
import dev.haul.core.DownloadRequest;
import dev.haul.core.EngineConfig;
import dev.haul.core.EngineListener;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A benchmark, not a test: how fast a cancel takes effect with 1,000 slow transfers running, and
 * what the live display costs at ten frames a second. Run with
 * {@code mvn -B -q -pl cli test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.haul.cli.bench.ResponsivenessBench} (after {@code mvn -B -q install -DskipTests}).
 *
 * <p>Latency is measured from the moment the key thread calls {@code engine.cancel(id)} (what
 * the key reader does once it has read {@code c}) to the first published snapshot in which the
 * transfer is gone, which happens after its channel was closed and its state became CANCELLED.
 */
public final class ResponsivenessBench {
    private static final int TRANSFERS = Integer.getInteger("transfers", 1000);
    private static final int CANCELS = Integer.getInteger("cancels", 200);

    public static void main(String[] args) throws Exception {
        List<Resource> files = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) files.add(new Resource.Synthetic("slow-" + i + ".bin", 256L << 20, 8 * 1024));
        Path dir = Files.createTempDirectory("haul-bench-keys-");
        try (DemoServer server = DemoServer.start(Catalogue.of(files));
             DownloadEngine engine = DownloadEngine.start(EngineConfig.defaults(dir).withJobs(TRANSFERS), EngineListener.NONE)) {
            for (int i = 0; i < TRANSFERS; i++) engine.submit(DownloadRequest.of(server.url("slow-" + i + ".bin")));
            engine.finishInput();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (downloading(engine.snapshot()) < TRANSFERS) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("transfers did not all start");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            UiLoop ui = new UiLoop(engine);
            ui.start();
            long[] latencies = new long[CANCELS];
            List<Long> ids = new ArrayList<>();
            for (TransferSnapshot t : engine.snapshot().transfers()) ids.add(t.id());
            for (int i = 0; i < CANCELS; i++) {
                long id = ids.get(i * (ids.size() / CANCELS));
                long t0 = System.nanoTime();
                engine.cancel(id);
                while (present(engine.snapshot(), id)) Thread.onSpinWait();
                latencies[i] = System.nanoTime() - t0;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // pacing between key presses
            }
            double uiShare = ui.stopAndMeasure();
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "transfers %d, cancels %d%n", TRANSFERS, CANCELS);
            System.out.printf(Locale.ROOT, "cancel -> gone from snapshot: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    ms(latencies[CANCELS / 2]), ms(latencies[(int) (CANCELS * 0.99) - 1]), ms(latencies[CANCELS - 1]));
            System.out.printf(Locale.ROOT, "live display at 10 frames/s (120x40, color): %.2f %% of one core%n", uiShare * 100);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int downloading(EngineSnapshot s) {
        int n = 0;
        for (TransferSnapshot t : s.transfers()) if (t.state() == TransferState.DOWNLOADING) n++;
        return n;
    }

    private static boolean present(EngineSnapshot s, long id) {
        for (TransferSnapshot t : s.transfers()) if (t.id() == id) return true;
        return false;
    }

    /** The display's work: render the latest snapshot ten times a second and write the frame. */
    private static final class UiLoop extends Thread {
        private final DownloadEngine engine;
        private volatile boolean running = true;
        private long cpuStart;
        private long wallStart;

        UiLoop(DownloadEngine engine) {
            super("haul-ui-bench");
            this.engine = engine;
            setDaemon(true);
        }

        @Override
        public void run() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            cpuStart = mx.getCurrentThreadCpuTime();
            wallStart = System.nanoTime();
            StringBuilder sink = new StringBuilder();
            while (running) {
                EngineSnapshot s = engine.snapshot();
                long selected = s.transfers().isEmpty() ? 0 : s.transfers().get(0).id();
                for (String line : Renderer.render(s, selected, 120, 40, true, true)) sink.append(line).append('\n');
                sink.setLength(0);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            cpu = mx.getCurrentThreadCpuTime() - cpuStart;
            wall = System.nanoTime() - wallStart;
        }

        private volatile long cpu;
        private volatile long wall;

        double stopAndMeasure() throws InterruptedException {
            running = false;
            join();
            return (double) cpu / wall;
        }
    }
}
