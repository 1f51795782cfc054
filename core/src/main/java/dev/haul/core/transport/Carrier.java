package dev.haul.core.transport;

/**
 * What carries one {@link Exchange}: an HTTP/1.1 connection ({@link HttpConnection}) or one
 * stream of an h2 connection ({@link H2Stream}). The exchange never needs to know which.
 * Loop-confined.
 */
interface Carrier {
    /** Stops or restarts delivering the response (on h2: withholds the stream's WINDOW_UPDATEs). */
    void setAutoRead(boolean on);

    /** Something happened that restarts the stall clock. */
    void touch(long nowNanos);

    /** Abandons the exchange: closes an HTTP/1.1 connection, resets an h2 stream. */
    void close();

    /** The response ended as framed; {@code reusable} says whether the server allows another request. */
    void completed(boolean reusable);

    /**
     * The request was certainly not processed by the server (a stale kept-alive connection, an h2
     * stream refused or above a GOAWAY's last stream id): it may be sent again elsewhere once.
     */
    boolean unprocessed();

    /** Sends the exchange again on another connection (after {@link #unprocessed()}). */
    void retryElsewhere(Exchange exchange);

    /** "http/1.1" or "h2". */
    String protocol();
}
