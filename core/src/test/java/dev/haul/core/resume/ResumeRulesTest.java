package dev.haul.core.resume;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeRulesTest {
    private static final ResumeRecord SAVED = new ResumeRecord("http://h/f", "\"v1\"", "Wed, 01 Jan 2025 00:00:00 GMT", 1000);
    private static final RangeRequest ASKED = new RangeRequest(400, "\"v1\"");

    @Test
    void planAsksForTheRestWithTheStrongEtag() {
        RangeRequest r = ResumeRules.plan(SAVED, 400).orElseThrow();
        assertEquals("bytes=400-", r.rangeHeader());
        assertEquals("\"v1\"", r.ifRange());
    }

    @Test
    void planFallsBackToLastModifiedWhenTheEtagIsWeak() {
        ResumeRecord weak = new ResumeRecord("u", "W/\"v1\"", "Wed, 01 Jan 2025 00:00:00 GMT", 1000);
        assertEquals("Wed, 01 Jan 2025 00:00:00 GMT", ResumeRules.plan(weak, 10).orElseThrow().ifRange());
    }

    @Test
    void noValidatorMeansNoResume() {
        assertTrue(ResumeRules.plan(new ResumeRecord("u", null, null, 1000), 400).isEmpty());
        assertTrue(ResumeRules.plan(new ResumeRecord("u", "W/\"weak\"", null, 1000), 400).isEmpty());
    }

    @Test
    void emptyOrOversizedPartIsNotResumed() {
        assertTrue(ResumeRules.plan(SAVED, 0).isEmpty());
        assertTrue(ResumeRules.plan(SAVED, 1001).isEmpty());
    }

    @Test
    void matching206Appends() {
        RangeDecision d = ResumeRules.decide(206, "bytes 400-999/1000", "\"v1\"", null, ASKED, SAVED);
        assertEquals(new RangeDecision.Append(400), d);
    }

    @Test
    void plain200RestartsFromZero() {
        assertInstanceOf(RangeDecision.Restart.class, ResumeRules.decide(200, null, "\"v2\"", null, ASKED, SAVED));
    }

    @Test
    void status416WithTheRecordedTotalMeansComplete() {
        RangeRequest atEnd = new RangeRequest(1000, "\"v1\"");
        assertInstanceOf(RangeDecision.Complete.class, ResumeRules.decide(416, "bytes */1000", null, null, atEnd, SAVED));
    }

    @Test
    void status416ForAnotherSizeRestarts() {
        RangeRequest atEnd = new RangeRequest(1000, "\"v1\"");
        assertInstanceOf(RangeDecision.Restart.class, ResumeRules.decide(416, "bytes */500", null, null, atEnd, SAVED));
        assertInstanceOf(RangeDecision.Restart.class, ResumeRules.decide(416, "bytes */1000", null, null, ASKED, SAVED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong start          | bytes 0-999/1000   | \"v1\"",
            "wrong total          | bytes 400-1999/2000 | \"v1\"",
            "not to the end       | bytes 400-499/1000 | \"v1\"",
            "missing header       |                    | \"v1\"",
            "garbage              | bytes=400-999      | \"v1\"",
            "etag changed         | bytes 400-999/1000 | \"v2\"",
    })
    void contradicting206IsAMismatchNeverAnAppend(String name, String contentRange, String etag) {
        assertInstanceOf(RangeDecision.Mismatch.class, ResumeRules.decide(206, contentRange, etag, null, ASKED, SAVED));
    }

    @Test
    void changedLastModifiedIsAMismatchWhenThereIsNoEtag() {
        ResumeRecord lm = new ResumeRecord("u", null, "Wed, 01 Jan 2025 00:00:00 GMT", 1000);
        RangeRequest asked = ResumeRules.plan(lm, 400).orElseThrow();
        assertInstanceOf(RangeDecision.Mismatch.class,
                ResumeRules.decide(206, "bytes 400-999/1000", null, "Thu, 02 Jan 2025 00:00:00 GMT", asked, lm));
    }
}
