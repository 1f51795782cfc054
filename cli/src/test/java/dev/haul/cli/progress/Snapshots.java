package dev.haul.cli.progress;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;

import java.util.ArrayList;
import java.util.List;

/** Snapshots for tests, built the way the engine publishes them. */
public final class Snapshots {
    private Snapshots() {}

    public static TransferSnapshot downloading(long id, String name, long done, long total, long bps) {
        return new TransferSnapshot(id, "http://127.0.0.1:8080/files/" + name, name, null, TransferState.DOWNLOADING,
                done, total, bps, 1);
    }

    public static TransferSnapshot inState(long id, String name, TransferState state, long done, long total) {
        return new TransferSnapshot(id, "http://127.0.0.1:8080/files/" + (name == null ? "x" + id : name), name, null, state,
                done, total, 0, 1);
    }

    public static TransferSnapshot queued(long id) {
        return inState(id, null, TransferState.QUEUED, 0, -1);
    }

    /** Counts as the engine would: queued from the list, the rest given. */
    public static EngineSnapshot engine(List<TransferSnapshot> transfers, int done, int failed, int cancelled, int jobs) {
        int queued = (int) transfers.stream().filter(t -> t.state() == TransferState.QUEUED).count();
        long bps = transfers.stream().mapToLong(TransferSnapshot::bytesPerSecond).sum();
        return new EngineSnapshot(List.copyOf(transfers), done, failed, cancelled, queued, bps, jobs);
    }

    public static EngineSnapshot active(long... ids) {
        List<TransferSnapshot> list = new ArrayList<>();
        for (long id : ids) list.add(downloading(id, "file-" + id + ".bin", 1024 * id, 10240 * id, 1000));
        return engine(list, 0, 0, 0, 8);
    }

    /** {@code n} transfers of 1 MiB, the i-th at i * 10 KiB and 100 KiB/s. */
    public static EngineSnapshot many(int n) {
        List<TransferSnapshot> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) list.add(downloading(i, "part-" + i + ".dat", i * 10240L, 1 << 20, 102400));
        return engine(list, 0, 0, 0, n);
    }
}
