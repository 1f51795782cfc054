package dev.haul.core;

/** Why an attempt failed, and whether trying again could help (the contract's retryable set). */
public enum FailureReason {
    CONNECT_FAILED(true, "could not connect"),
    CONNECTION_RESET(true, "connection closed by the server"),
    TIMEOUT(true, "timed out"),
    TRUNCATED(true, "body shorter than announced"),
    HTTP_RETRYABLE(true, "server error"),
    PROTOCOL_RETRYABLE(true, "response did not match the request"),
    DNS_FAILED(false, "host name not found"),
    HTTP_ERROR(false, "HTTP error"),
    PROTOCOL(false, "invalid HTTP response"),
    TOO_MANY_REDIRECTS(false, "too many redirects"),
    REDIRECT_LOOP(false, "redirect loop"),
    TLS(false, "TLS failure"),
    PROXY_REFUSED(false, "refused by the proxy"),
    CHECKSUM_MISMATCH(false, "sha256 mismatch"),
    FILE_EXISTS(false, "file exists"),
    STORAGE(false, "cannot write file"),
    BAD_REQUEST(false, "bad request"),
    INTERNAL(false, "internal error");

    private final boolean retryable;
    private final String summary;

    FailureReason(boolean retryable, String summary) {
        this.retryable = retryable;
        this.summary = summary;
    }

    public boolean retryable() {
        return retryable;
    }

    public String summary() {
        return summary;
    }

    /** The contract's rule for HTTP statuses: 408, 429, 500, 502, 503, 504 are worth retrying. */
    public static FailureReason forStatus(int status) {
        return switch (status) {
            case 408, 429, 500, 502, 503, 504 -> HTTP_RETRYABLE;
            default -> HTTP_ERROR;
        };
    }
}
