package dev.haul.core.engine;

import dev.haul.core.resume.RangeRequest;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.resume.ResumeRules;
import dev.haul.core.storage.NameReservations;
import dev.haul.core.storage.PartFile;

import java.util.List;
import java.util.Optional;

/**
 * One transfer's view of bytes saved before the current attempt: whether the attempt asks to
 * continue them (a Range with If-Range), against which record, and the ranges a segmented
 * {@code .part} already holds. Planned before each request, revised by the response. Loop-confined.
 */
final class SavedBytes {
    private final String maskedUrl;
    /** The range this attempt asks for, or null for the whole file. */
    private RangeRequest asked;
    /** The record the asked range continues (the sidecar's, or the first response's for a stream). */
    private ResumeRecord record;
    /** The ranges a segmented .part holds: continued, not truncated. Null for a contiguous .part. */
    private List<long[]> ranges;
    /** After a response contradicted a range request, the saved bytes are not trusted again. */
    private boolean distrusted;
    private boolean triedServerName;

    SavedBytes(String maskedUrl) {
        this.maskedUrl = maskedUrl;
    }

    RangeRequest asked() {
        return asked;
    }

    ResumeRecord record() {
        return record;
    }

    List<long[]> ranges() {
        return ranges;
    }

    /** Nothing saved counts any more: the next attempts ask for the whole file. */
    void distrust() {
        distrusted = true;
    }

    /** The response brought a whole new body: earlier bytes, ranges and validators are history. */
    void forget() {
        ranges = null;
        record = null;
    }

    /** Decides whether the next attempt continues saved bytes (a Range with If-Range) or asks for all. */
    void plan(Output out, dev.haul.core.DownloadRequest request, NameReservations names) {
        if (out.sink != null || request.stream() != null) {
            planStream(out.target == null ? out.bytes : 0, out.sinkRecord);
        } else {
            String guess = dev.haul.core.storage.TargetNames.choose(request.outName(), null, request.url());
            out.target = planFile(out.target, guess, names);
        }
    }

    /**
     * A stream (-o -): bytes already written cannot be taken back, so only an exact continuation of
     * the first response will do.
     */
    void planStream(long written, ResumeRecord firstResponse) {
        clear();
        if (distrusted || written <= 0 || firstResponse == null) return;
        record = firstResponse;
        asked = ResumeRules.plan(firstResponse, written).orElse(null);
    }

    /**
     * A file: continues {@code current}'s .part, or one an earlier run left under {@code guess} (the
     * name the URL gets without Content-Disposition), claiming that name in {@code names}. Returns the target to
     * write, or null when there is nothing to continue.
     */
    TargetFile planFile(TargetFile current, String guess, NameReservations names) {
        clear();
        if (distrusted) return current;
        TargetFile candidate = current != null ? current : probe(guess, names);
        if (candidate == null) return null;
        Optional<RangeRequest> plan = rangeFor(candidate);
        if (plan.isEmpty()) {
            // Not resumable after all (no validator, an oversized .part): give a probed name back,
            // so that this run's own download can take it.
            if (current == null) names.release(candidate.name());
            ranges = null;
            return current;
        }
        asked = plan.get();
        record = candidate.savedRecordFor(maskedUrl).orElseThrow();
        return candidate;
    }

    /**
     * The server named the file (Content-Disposition) and an earlier run left {@code preferred.part}
     * for this URL: the target to continue it with a new request, or null. Once per transfer.
     */
    TargetFile underServerName(String preferred, String guess, NameReservations names) {
        if (asked != null || distrusted || triedServerName) return null;
        triedServerName = true;
        if (preferred.equals(guess)) return null; // probed already
        if (!names.claimForResume(preferred)) return null;
        TargetFile candidate = new TargetFile(names, preferred, preferred, false);
        if (candidate.partLength() <= 0 || rangeFor(candidate).isEmpty()) {
            names.release(preferred);
            ranges = null;
            return null;
        }
        return candidate;
    }

    private void clear() {
        asked = null;
        record = null;
        ranges = null;
    }

    /** The range that continues {@code candidate}'s saved bytes, or empty; notes a segmented .part's ranges. */
    private Optional<RangeRequest> rangeFor(TargetFile candidate) {
        Optional<ResumeRecord> saved = candidate.savedRecordFor(maskedUrl);
        if (saved.isEmpty()) return Optional.empty();
        List<long[]> held = saved.get().rangeList();
        if (held != null && saved.get().total() > 0) {
            // A segmented .part: ask from its first gap; the other gaps go to extra connections.
            List<long[]> missing = SegmentPlan.complement(saved.get().total(), held);
            long from = missing.isEmpty() ? saved.get().total() : missing.get(0)[0];
            if (!saved.get().hasValidator()) return Optional.empty();
            ranges = held;
            return Optional.of(new RangeRequest(from, saved.get().validator()));
        }
        return ResumeRules.plan(saved.get(), candidate.partLength());
    }

    /** A .part from an earlier run under {@code guess}, with a sidecar for this URL; its name claimed. */
    private TargetFile probe(String guess, NameReservations names) {
        // No .part, nothing to continue: the common case, answered before the name is claimed.
        if (PartFile.existingLength(PartFile.partPathFor(names.dir().resolve(guess))) <= 0) return null;
        if (!names.claimForResume(guess)) return null;
        TargetFile t = new TargetFile(names, guess, guess, false);
        if (t.partLength() > 0 && t.savedRecordFor(maskedUrl).isPresent()) return t;
        names.release(guess);
        return null;
    }
}
