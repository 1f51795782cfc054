package dev.haul.cli;

import dev.haul.cli.queue.RequestSink;
import dev.haul.core.DownloadRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionControlsTest {
    @Test
    void aUrlAddedWithTheAKeyGoesWhereListItemsGoSoItJoinsTheSession() {
        List<DownloadRequest> submitted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        RequestSink sink = new RequestSink() {
            @Override
            public void submit(DownloadRequest request) {
                submitted.add(request);
            }

            @Override
            public void reject(String rawUrl, String message) {
                rejected.add(rawUrl);
            }

            @Override
            public void finishInput() {
            }
        };
        SessionControls keys = new SessionControls(null, sink, status -> { });

        keys.add("http://h/x out=y");
        keys.add("ftp://h/z");

        assertEquals(List.of(new DownloadRequest(URI.create("http://h/x"), "y", null)), submitted);
        assertEquals(List.of("ftp://h/z"), rejected);
    }
}
