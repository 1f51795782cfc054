package dev.haul.it.review;

import dev.haul.it.support.Bodies;
import dev.haul.it.support.DirListing;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.RawHttpServer;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server names the file ({@code Content-Disposition: attachment; filename="real.bin"} for
 * {@code /get?id=1}) and the first run is cut after 1 MB: the rerun continues {@code real.bin.part}
 * with a Range and If-Range instead of downloading it again from zero.
 */
class ServerNamedPartResumeIT {
    private static final int SIZE = 2_500_000;
    private static final int CUT = 1_000_000;
    private static final String ETAG = "\"named\"";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    @TempDir
    Path dir;

    private RawHttpServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void rerunContinuesTheServerNamedPartWithARange() {
        byte[] body = Bodies.of(600, SIZE);
        AtomicInteger count = new AtomicInteger();
        server = RawHttpServer.startConcurrent((request, out) -> {
            boolean firstResponse = count.incrementAndGet() == 1;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Disposition", "attachment; filename=\"real.bin\"");
            headers.put("ETag", ETAG);
            headers.put("Accept-Ranges", "bytes");
            Matcher range = RANGE.matcher(String.valueOf(request.header("Range")));
            if (range.matches() && ETAG.equals(request.header("If-Range"))) {
                int from = Integer.parseInt(range.group(1));
                headers.put("Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE);
                headers.put("Content-Length", String.valueOf(SIZE - from));
                RawHttpServer.writeResponse(out, "206 Partial Content", headers, body, from, SIZE);
            } else {
                headers.put("Content-Length", String.valueOf(SIZE));
                RawHttpServer.writeResponse(out, "200 OK", headers, body, 0, firstResponse ? CUT : SIZE);
            }
        });
        String url = server.url("/get?id=1");

        HaulProcess.Result first = haul("--retries", "0", "-d", dir.toString(), url).run();
        assertEquals(1, first.exitCode(), first::describe);
        assertEquals(Set.of("real.bin.part", "real.bin.part.meta"), DirListing.names(dir), first::describe);
        int firstRunRequests = server.requests().size();

        HaulProcess.Result again = haul("--retries", "0", "-d", dir.toString(), url).run();

        assertEquals(0, again.exitCode(), again::describe);
        assertEquals(List.of(dir.resolve("real.bin").toString()), again.stdoutLines(), again::describe);
        assertEquals(Sha256.of(body), Sha256.of(dir.resolve("real.bin")));
        assertEquals(Set.of("real.bin"), DirListing.names(dir), again::describe);
        List<RawHttpServer.Request> rerun = server.requests().subList(firstRunRequests, server.requests().size());
        assertTrue(rerun.stream().anyMatch(r -> ("bytes=" + CUT + "-").equals(r.header("Range"))
                        && ETAG.equals(r.header("If-Range"))),
                () -> "the rerun asks for the rest of real.bin.part: " + rerun);
    }
}
