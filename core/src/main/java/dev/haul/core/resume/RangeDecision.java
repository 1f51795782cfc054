package dev.haul.core.resume;

/** What to do with the saved bytes, given the response to a range request. */
public sealed interface RangeDecision {
    /** The server continues at {@code offset}: append the body there. */
    record Append(long offset) implements RangeDecision {}

    /** The server sends the whole (possibly new) file: truncate and start from zero. */
    record Restart() implements RangeDecision {}

    /** The saved bytes are already the whole file. */
    record Complete() implements RangeDecision {}

    /** The response contradicts the request: an error, and the saved bytes are not to be trusted. */
    record Mismatch(String why) implements RangeDecision {}
}
