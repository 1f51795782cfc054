package dev.haul.cli.output;

/** How a retry is told to a person: which attempt comes next, of how many, and what sets that. */
public final class RetryWords {
    private RetryWords() {}

    /**
     * @param next    the attempt about to start (2 for the first retry)
     * @param retries --retries, or a negative number when unknown
     * @return "attempt 2 of 6, --retries sets how many" (or "attempt 2" when the limit is unknown)
     */
    public static String attempt(int next, int retries) {
        if (retries < 0) return "attempt " + next;
        return "attempt " + next + " of " + (retries + 1) + ", --retries sets how many";
    }
}
