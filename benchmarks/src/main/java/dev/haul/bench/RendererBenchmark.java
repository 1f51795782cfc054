package dev.haul.bench;

import dev.haul.cli.progress.Renderer;
import dev.haul.cli.progress.Rows;
import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One frame of the live display: {@code Renderer.render} on a snapshot of {@code transfers}
 * transfers (most downloading, some connecting, paused, waiting to retry or queued; some names
 * long, some with wide characters) at 120 columns by 40 rows, the selection in the middle. The
 * display draws about ten frames a second, so 1 ms here would be 1 % of a core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RendererBenchmark {
    @Param({"1000"})
    public int transfers;

    @Param({"true", "false"})
    public boolean color;

    @Param({"120"})
    public int width;

    @Param({"40"})
    public int height;

    private EngineSnapshot snapshot;
    private long selected;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        String[] stems = {"ubuntu-24.04-desktop-amd64", "photo", "数据集-训练", "report final (2)", "libnetty-native",
                "a-rather-long-file-name-that-a-mirror-might-serve-with-a-build-number-and-a-date-20261126"};
        String[] extensions = {".iso", ".jpg", ".tar.gz", ".pdf", ".so", ".bin"};
        List<TransferSnapshot> list = new ArrayList<>(transfers);
        long speeds = 0;
        for (int id = 1; id <= transfers; id++) {
            int kind = random.nextInt(20);
            TransferState state = kind < 14 ? TransferState.DOWNLOADING
                    : kind < 16 ? TransferState.CONNECTING
                    : kind < 17 ? TransferState.PAUSED
                    : kind < 18 ? TransferState.RETRY_WAIT
                    : TransferState.QUEUED;
            String name = state == TransferState.CONNECTING || state == TransferState.QUEUED ? null
                    : stems[random.nextInt(stems.length)] + "-" + id + extensions[random.nextInt(extensions.length)];
            long total = random.nextInt(10) == 0 ? -1 : 1L + random.nextLong(8L << 30);
            long done = total < 0 ? random.nextLong(1L << 30) : random.nextLong(total);
            long bps = state == TransferState.DOWNLOADING ? random.nextLong(50L << 20) : 0;
            speeds += bps;
            list.add(new TransferSnapshot(id, "https://mirror" + (id % 7) + ".example.org/pub/files/" + id + "?token=x",
                    name, null, state, done, total, bps, state == TransferState.RETRY_WAIT ? 2 : 1));
        }
        int queued = (int) list.stream().filter(t -> t.state() == TransferState.QUEUED).count();
        snapshot = new EngineSnapshot(List.copyOf(list), 1234, 5, 2, queued, speeds, transfers);
        List<TransferSnapshot> rows = Rows.of(snapshot); // the transfers that get a row: the selection moves over these
        selected = rows.get(rows.size() / 2).id();
        if (Renderer.render(snapshot, selected, width, height, color).isEmpty()) throw new IllegalStateException("no lines");
    }

    @Benchmark
    public List<String> render() {
        return Renderer.render(snapshot, selected, width, height, color, true);
    }
}
