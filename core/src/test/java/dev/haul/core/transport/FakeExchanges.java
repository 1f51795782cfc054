package dev.haul.core.transport;

/**
 * Test-only: exchanges on no connection at all, for engine tests that play the transport by
 * calling the listener themselves. {@link Exchange}'s constructor and state are package-private.
 */
public final class FakeExchanges {
    private FakeExchanges() {}

    /** An exchange that sends nothing: abort and read holds are only recorded. */
    public static Exchange detached(RequestSpec request, ExchangeListener listener) {
        return new Exchange(null, request, Route.direct(Origin.of(request.url())), listener);
    }

    /** The owner aborted it (or it ended). */
    public static boolean aborted(Exchange exchange) {
        return exchange.isFinished();
    }

    public static boolean readingPaused(Exchange exchange) {
        return exchange.readingPaused();
    }
}
