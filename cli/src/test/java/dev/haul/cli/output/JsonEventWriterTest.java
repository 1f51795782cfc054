package dev.haul.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.haul.core.FailureReason;
import dev.haul.core.Outcome;
import dev.haul.core.TransferEvent;
import dev.haul.core.TransferSnapshot;
import dev.haul.core.TransferState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEventWriterTest {
    private static final String URL = "https://***@example.com/a.iso";
    private static final Path SAVED = Path.of("/home/u/dl/a.iso").toAbsolutePath();

    private final JsonEventWriter inDownloads = new JsonEventWriter(Path.of("downloads"));
    private final JsonEventWriter inCwd = new JsonEventWriter(null);

    @Test
    void queuedHasOnlyEventIdAndUrl() {
        assertEquals("{\"event\":\"queued\",\"id\":1,\"url\":\"" + URL + "\"}",
                inDownloads.format(new TransferEvent.Queued(snapshot(TransferState.QUEUED, null, null, 0, -1, 0, 1))));
    }

    @Test
    void startedPrintsNamePathAsGivenAndTotal() {
        TransferEvent e = new TransferEvent.Started(snapshot(TransferState.DOWNLOADING, "a.iso", SAVED, 0, 2048, 0, 1));
        assertEquals("{\"event\":\"started\",\"id\":1,\"url\":\"" + URL + "\",\"name\":\"a.iso\","
                + "\"path\":\"downloads/a.iso\",\"total\":2048,\"sources\":[\"" + URL + "\"],\"protocol\":\"http/1.1\"}", inDownloads.format(e));
    }

    @Test
    void startedListsEverySourceMasked() {
        TransferSnapshot t = new TransferSnapshot(1, URL, "a.iso", SAVED, TransferState.DOWNLOADING, 0, 2048, 0, 1,
                java.util.List.of(URL, "http://mirror.example/a.iso"), 2);
        assertEquals("{\"event\":\"started\",\"id\":1,\"url\":\"" + URL + "\",\"name\":\"a.iso\","
                + "\"path\":\"downloads/a.iso\",\"total\":2048,\"sources\":[\"" + URL + "\",\"http://mirror.example/a.iso\"],\"protocol\":\"http/1.1\"}",
                inDownloads.format(new TransferEvent.Started(t)));
    }

    @Test
    void sourceDroppedNamesTheSourceAndWhy() {
        TransferEvent e = new TransferEvent.SourceDropped(snapshot(TransferState.DOWNLOADING, "a.iso", SAVED, 0, 2048, 0, 1),
                "http://***@mirror.example/a.iso", "does not serve ranges");
        assertEquals("{\"event\":\"source_dropped\",\"id\":1,\"url\":\"" + URL + "\",\"source\":\"http://***@mirror.example/a.iso\","
                + "\"message\":\"does not serve ranges\"}", inDownloads.format(e));
    }

    @Test
    void startedWithUnknownSizeHasNullTotalAndBareNameWithoutDir() {
        TransferEvent e = new TransferEvent.Started(snapshot(TransferState.DOWNLOADING, "a.iso", SAVED, 0, -1, 0, 1), "http/1.1");
        assertEquals("{\"event\":\"started\",\"id\":1,\"url\":\"" + URL + "\",\"name\":\"a.iso\","
                + "\"path\":\"a.iso\",\"total\":null,\"sources\":[\"" + URL + "\"],\"protocol\":\"http/1.1\"}", inCwd.format(e));
    }

    @Test
    void progressPrintsBytesTotalAndSpeed() {
        TransferEvent e = new TransferEvent.Progress(snapshot(TransferState.DOWNLOADING, "a.iso", SAVED, 1024, 2048, 512, 1));
        assertEquals("{\"event\":\"progress\",\"id\":1,\"url\":\"" + URL + "\",\"bytes\":1024,\"total\":2048,\"speed\":512}",
                inDownloads.format(e));
    }

    @Test
    void progressWithUnknownSizeHasNullTotal() {
        TransferEvent e = new TransferEvent.Progress(snapshot(TransferState.DOWNLOADING, "a.iso", SAVED, 10, -1, 5, 1));
        assertEquals("{\"event\":\"progress\",\"id\":1,\"url\":\"" + URL + "\",\"bytes\":10,\"total\":null,\"speed\":5}",
                inDownloads.format(e));
    }

    @Test
    void retryPrintsAttemptLowercaseReasonMessageAndDelay() {
        TransferEvent e = new TransferEvent.Retry(snapshot(TransferState.RETRY_WAIT, "a.iso", SAVED, 100, 2048, 0, 2),
                FailureReason.CONNECTION_RESET, "connection closed by the server", Duration.ofMillis(1500));
        assertEquals("{\"event\":\"retry\",\"id\":1,\"url\":\"" + URL + "\",\"attempt\":2,"
                + "\"reason\":\"connection_reset\",\"message\":\"connection closed by the server\",\"delay_ms\":1500}",
                inDownloads.format(e));
    }

    @Test
    void completedOutcomeIsDoneWithTheSavedNameUnderTheDirAsGiven() {
        Path renamed = SAVED.resolveSibling("a.iso.1");
        TransferEvent e = finished(new Outcome.Completed(renamed, 2048, false));
        assertEquals("{\"event\":\"done\",\"id\":1,\"url\":\"" + URL + "\",\"path\":\"downloads/a.iso.1\","
                + "\"bytes\":2048,\"moved\":2048,\"skipped\":false}", inDownloads.format(e));
    }

    @Test
    void skippedFileIsDoneWithSkippedTrue() {
        TransferEvent e = finished(new Outcome.Completed(SAVED, 7, true));
        assertEquals("{\"event\":\"done\",\"id\":1,\"url\":\"" + URL + "\",\"path\":\"a.iso\",\"bytes\":7,\"moved\":0,\"skipped\":true}",
                inCwd.format(e));
    }

    @Test
    void failedOutcomeCarriesHttpStatus() {
        TransferEvent e = finished(new Outcome.Failed(FailureReason.HTTP_ERROR, "HTTP 404 Not Found", 404));
        assertEquals("{\"event\":\"failed\",\"id\":1,\"url\":\"" + URL + "\",\"reason\":\"http_error\","
                + "\"message\":\"HTTP 404 Not Found\",\"http_status\":404}", inDownloads.format(e));
    }

    @Test
    void failedOutcomeWithoutHttpStatusHasNull() {
        TransferEvent e = finished(new Outcome.Failed(FailureReason.CHECKSUM_MISMATCH, "sha256 mismatch", 0));
        assertEquals("{\"event\":\"failed\",\"id\":1,\"url\":\"" + URL + "\",\"reason\":\"checksum_mismatch\","
                + "\"message\":\"sha256 mismatch\",\"http_status\":null}", inDownloads.format(e));
    }

    @Test
    void cancelledOutcomePrintsBytesSaved() {
        TransferEvent e = finished(new Outcome.Cancelled());
        assertEquals("{\"event\":\"cancelled\",\"id\":1,\"url\":\"" + URL + "\",\"bytes\":100,\"moved\":0}", inDownloads.format(e));
    }

    @Test
    void aCancelledTransferReportsTheBytesItKeepsAndWhatThisRunMoved() {
        TransferEvent e = finished(new Outcome.Cancelled(30_000, 12_000));
        Map<String, Object> json = StrictJson.parseObject(inDownloads.format(e));
        assertEquals(30_000L, json.get("bytes"));
        assertEquals(12_000L, json.get("moved"));
    }

    @Test
    void aResumedFileIsDoneWithItsSizeAndTheFewerBytesMovedNamedApart() {
        TransferEvent e = finished(new Outcome.Completed(SAVED, 2048, false, 48));
        Map<String, Object> json = StrictJson.parseObject(inDownloads.format(e));
        assertEquals(2048L, json.get("bytes"));
        assertEquals(48L, json.get("moved"));
    }

    @Test
    void summaryHasCountsBytesElapsedAndExitCodeButNoIdOrUrl() {
        assertEquals("{\"event\":\"summary\",\"done\":3,\"failed\":1,\"cancelled\":0,\"bytes\":4096,"
                + "\"moved\":1024,\"elapsed_ms\":1234,\"exit_code\":1}", inDownloads.summary(3, 1, 0, 4096, 1024, 1234, 1));
    }

    @Test
    void largeIdsAndSizesAreWrittenExactly() {
        TransferEvent e = new TransferEvent.Progress(new TransferSnapshot(Long.MAX_VALUE, URL, "a", null,
                TransferState.DOWNLOADING, 5_000_000_000L, 9_000_000_000L, 0, 1));
        Map<String, Object> json = StrictJson.parseObject(inDownloads.format(e));
        assertEquals(Long.MAX_VALUE, json.get("id"));
        assertEquals(9_000_000_000L, json.get("total"));
    }

    @Test
    void everyEventParsesAsOneStrictJsonObjectWithEventIdAndUrlFirst() {
        TransferSnapshot t = snapshot(TransferState.DOWNLOADING, "a.iso", SAVED, 100, 2048, 10, 1);
        List<TransferEvent> events = List.of(new TransferEvent.Queued(t), new TransferEvent.Started(t),
                new TransferEvent.Progress(t),
                new TransferEvent.Retry(t, FailureReason.TIMEOUT, "timed out", Duration.ofSeconds(2)),
                finished(new Outcome.Completed(SAVED, 2048, false)),
                finished(new Outcome.Failed(FailureReason.HTTP_RETRYABLE, "HTTP 503", 503)),
                finished(new Outcome.Cancelled()));
        for (TransferEvent e : events) {
            String line = inDownloads.format(e);
            assertFalse(line.contains("\n"), line);
            Map<String, Object> json = StrictJson.parseObject(line);
            assertEquals(List.of("event", "id", "url"), List.copyOf(json.keySet()).subList(0, 3), line);
            assertEquals(1L, json.get("id"));
            assertEquals(URL, json.get("url"));
        }
        assertEquals("summary", StrictJson.parseObject(inDownloads.summary(0, 0, 0, 0, 0, 0)).get("event"));
    }

    private static TransferEvent finished(Outcome outcome) {
        TransferState state = outcome instanceof Outcome.Completed ? TransferState.DONE
                : outcome instanceof Outcome.Failed ? TransferState.FAILED : TransferState.CANCELLED;
        return new TransferEvent.Finished(snapshot(state, "a.iso", SAVED, 100, 2048, 0, 1), outcome);
    }

    private static TransferSnapshot snapshot(TransferState state, String name, Path path,
                                             long done, long total, long speed, int attempt) {
        return new TransferSnapshot(1, URL, name, path, state, done, total, speed, attempt);
    }
}
