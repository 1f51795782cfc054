package dev.haul.core.resume;

import java.util.Optional;

/**
 * The resume rules, as pure functions. Saved bytes are continued only when the server proves it
 * is sending the same version (If-Range with the recorded validator) from the right offset;
 * everything else restarts from zero or fails, so bytes are never spliced onto another version.
 */
public final class ResumeRules {
    private ResumeRules() {}

    /** The range to ask for, or empty when the saved bytes cannot be resumed and a plain GET is due. */
    public static Optional<RangeRequest> plan(ResumeRecord saved, long partLength) {
        if (saved == null || !saved.hasValidator() || partLength <= 0) return Optional.empty();
        if (saved.total() >= 0 && partLength > saved.total()) return Optional.empty();
        return Optional.of(new RangeRequest(partLength, saved.validator()));
    }

    /**
     * @param status       the response status
     * @param contentRange its Content-Range header, or null
     * @param etag         its ETag, or null
     * @param lastModified its Last-Modified, or null
     * @param asked        the range that was requested
     * @param saved        the sidecar's record
     */
    public static RangeDecision decide(int status, String contentRange, String etag, String lastModified,
                                       RangeRequest asked, ResumeRecord saved) {
        if (status == 200) return new RangeDecision.Restart();
        if (status == 416) {
            ContentRange cr = ContentRange.parse(contentRange);
            boolean totalAgrees = cr == null || cr.total() < 0 || cr.total() == saved.total();
            if (saved.total() >= 0 && asked.offset() == saved.total() && totalAgrees) return new RangeDecision.Complete();
            return new RangeDecision.Restart();
        }
        if (status != 206) return new RangeDecision.Restart();
        ContentRange cr = ContentRange.parse(contentRange);
        if (cr == null || cr.unsatisfied()) return new RangeDecision.Mismatch("206 without a usable Content-Range");
        if (cr.start() != asked.offset()) {
            return new RangeDecision.Mismatch("206 starts at byte " + cr.start() + ", asked for " + asked.offset());
        }
        if (saved.total() >= 0 && cr.total() >= 0 && cr.total() != saved.total()) {
            return new RangeDecision.Mismatch("206 says the file has " + cr.total() + " bytes, " + saved.total() + " were expected");
        }
        if (cr.total() >= 0 && cr.end() != cr.total() - 1) {
            return new RangeDecision.Mismatch("206 ends at byte " + cr.end() + " of " + cr.total() + ", asked for the rest");
        }
        // A server that ignored If-Range but changed the file shows it in its validators.
        if (saved.etag() != null && etag != null && !saved.etag().equals(etag)) {
            return new RangeDecision.Mismatch("the ETag changed");
        }
        if (saved.etag() == null && saved.lastModified() != null && lastModified != null && !saved.lastModified().equals(lastModified)) {
            return new RangeDecision.Mismatch("Last-Modified changed");
        }
        return new RangeDecision.Append(asked.offset());
    }
}
