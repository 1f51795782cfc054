package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.Json;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --json}: stdout is one JSON object per line, a life story per transfer, and a summary last. */
class JsonEventsIT {
    private static final Set<String> EVENTS =
            Set.of("queued", "started", "progress", "retry", "done", "failed", "cancelled", "summary");

    @RegisterExtension
    static WireMockExtension server = LoopbackServer.extension();

    @TempDir
    Path dir;

    @Test
    void everyLineIsAnEventObjectAndEachTransferIsQueuedThenEndsOnceThenOneSummary() {
        ServedFile a = ServedFile.of("a.bin", 1, 5_000).stubOn(server);
        ServedFile b = ServedFile.of("b.bin", 2, 60_000).stubOn(server);
        server.stubFor(get(urlEqualTo("/files/nope.bin")).willReturn(aResponse().withStatus(404)));
        String missing = LoopbackServer.baseUrl(server) + "/files/nope.bin";

        HaulProcess.Result run = haul("--json", "-d", dir.toString(), a.url(server), missing, b.url(server)).run();

        assertEquals(1, run.exitCode(), run::describe);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : run.stdoutLines()) {
            events.add(assertDoesNotThrow(() -> Json.parseObject(line), () -> "not a JSON object: " + line));
        }
        assertFalse(events.isEmpty(), run::describe);
        Map<String, List<String>> storyById = new LinkedHashMap<>();
        Map<String, String> urlById = new LinkedHashMap<>();
        for (Map<String, Object> event : events) {
            String name = assertInstanceOf(String.class, event.get("event"), () -> "no event name: " + event);
            assertTrue(EVENTS.contains(name), () -> "unknown event: " + event);
            if (name.equals("summary")) {
                continue;
            }
            assertTrue(event.containsKey("id") && event.get("url") instanceof String, () -> "needs id and url: " + event);
            String id = String.valueOf(event.get("id"));
            storyById.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
            String earlierUrl = urlById.putIfAbsent(id, (String) event.get("url"));
            assertTrue(earlierUrl == null || earlierUrl.equals(event.get("url")), () -> "url changed for id " + id);
        }

        assertEquals("summary", events.get(events.size() - 1).get("event"), run::describe);
        assertEquals(1, events.stream().filter(e -> "summary".equals(e.get("event"))).count(), run::describe);
        assertEquals(Set.of(a.url(server), b.url(server), missing), Set.copyOf(urlById.values()), run::describe);
        for (Map.Entry<String, List<String>> story : storyById.entrySet()) {
            List<String> names = story.getValue();
            String url = urlById.get(story.getKey());
            String end = url.equals(missing) ? "failed" : "done";
            assertEquals("queued", names.get(0), () -> url + ": " + names);
            assertEquals(end, names.get(names.size() - 1), () -> url + ": " + names);
            assertEquals(1, names.stream().filter(n -> n.equals("done") || n.equals("failed")).count(),
                    () -> url + ": " + names);
        }
        for (Map<String, Object> event : events) {
            if ("done".equals(event.get("event"))) {
                String url = (String) event.get("url");
                String name = url.substring(url.lastIndexOf('/') + 1);
                assertEquals(dir.resolve(name).toString(), event.get("path"), () -> "same path as plain mode: " + event);
            } else if ("failed".equals(event.get("event"))) {
                assertEquals(new BigDecimal(404), event.get("http_status"), () -> event.toString());
            }
        }
        Map<String, Object> summary = events.get(events.size() - 1);
        assertEquals(new BigDecimal(2), summary.get("done"), summary::toString);
        assertEquals(new BigDecimal(1), summary.get("failed"), summary::toString);
        assertEquals(new BigDecimal(1), summary.get("exit_code"), summary::toString);
        assertEquals(a.sha256(), Sha256.of(dir.resolve("a.bin")));
        assertEquals(b.sha256(), Sha256.of(dir.resolve("b.bin")));
    }
}
