package dev.haul.cli.output;

import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Counts the transfers that were cancelled before they began (a stop with most of a long list
 * still queued), so that they are summed in one line ("49,520 not started") instead of one
 * "cancelled" line each: they have no {@code .part} to speak of. A transfer has begun once it
 * started saving a body or waited to retry (the user saw a line about it). Main thread only.
 */
final class NotStarted {
    /** Transfers that have begun and not finished yet: small, whatever the length of the list. */
    private final Set<Long> begun = new HashSet<>();
    private int count;

    /** Call with every event, in order: true when this one is a never-begun transfer's cancellation. */
    boolean countedInsteadOfShown(TransferEvent event) {
        long id = event.transfer().id();
        if (event instanceof TransferEvent.Started || event instanceof TransferEvent.Retry) {
            begun.add(id);
            return false;
        }
        if (!(event instanceof TransferEvent.Finished f)) return false;
        boolean hadBegun = begun.remove(id);
        if (f.outcome() instanceof Outcome.Cancelled && !hadBegun) {
            count++;
            return true;
        }
        return false;
    }

    int count() {
        return count;
    }

    /** 49520 as "49,520". */
    static String grouped(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
