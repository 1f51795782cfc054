package dev.haul.core.resume;

/** The headers of a resuming request: {@code Range: bytes=offset-} and {@code If-Range: validator}. */
public record RangeRequest(long offset, String ifRange) {
    public String rangeHeader() {
        return "bytes=" + offset + "-";
    }
}
