package dev.haul.core.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code .part} files of one engine that hold an open descriptor, at most {@code budget} of
 * them: the one written least recently is closed when another needs room, and opens again at its
 * next write (positional writes need no saved position). So running transfers are bounded by
 * their sockets, not by sockets plus files: 10,000 slow transfers fit in 20,000 descriptors.
 * Loop-confined.
 */
public final class OpenParts {
    private final int budget;
    private long reopened;
    /** In access order: least recently written first. */
    private final LinkedHashMap<PartFile, PartFile> open = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PartFile, PartFile> eldest) {
            if (size() <= budget) return false;
            eldest.getKey().closeForNow();
            return true;
        }
    };

    public OpenParts(int budget) {
        this.budget = Math.max(1, budget);
    }

    /** Without a budget: every .part stays open until it is closed. */
    public static OpenParts unlimited() {
        return new OpenParts(Integer.MAX_VALUE);
    }

    /** {@code part} is written now: it becomes the most recent; beyond the budget, the oldest closes. */
    void used(PartFile part) {
        if (open.get(part) == null) open.put(part, part);
    }

    void closed(PartFile part) {
        open.remove(part);
    }

    void countReopen() {
        reopened++;
    }

    /** How many .part files hold a descriptor now. */
    public int openCount() {
        return open.size();
    }

    /** How often a .part closed for room had to open again. */
    public long reopened() {
        return reopened;
    }
}
