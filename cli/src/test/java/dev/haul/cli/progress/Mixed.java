package dev.haul.cli.progress;

import dev.haul.core.EngineSnapshot;
import dev.haul.core.TransferState;

import java.util.List;

/** One snapshot with every kind of row: big and small, wide-character name, connecting, paused, unknown size, queued. */
final class Mixed {
    static final long SELECTED = 2;

    private Mixed() {}

    static EngineSnapshot snapshot() {
        return Snapshots.engine(List.of(
                Snapshots.downloading(1, "ubuntu-24.04.1-desktop-amd64.iso", 1_288_490_189L, 6_114_656_256L, 12_582_912),
                Snapshots.downloading(2, "日本語のファイル名.txt", 2048, 4096, 1024),
                Snapshots.inState(3, null, TransferState.CONNECTING, 0, -1),
                Snapshots.inState(4, "notes.md", TransferState.PAUSED, 512, 2048),
                Snapshots.downloading(5, "stream.bin", 1536, -1, 300),
                Snapshots.queued(6)), 3, 1, 0, 4);
    }
}
