package dev.haul.core.transport;

import dev.haul.core.TlsSettings;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TLS context (OpenSSL loading, --cacert reading) is built on a thread of its own, never on the caller's. */
class TlsContextsTest {
    @Test
    void theContextIsBuiltOffTheCallersThreadAndTheConnectionGoesOnWhenItIsReady() throws Exception {
        TlsContexts tls = new TlsContexts(TlsSettings.DEFAULT);
        tls.prepare();
        CompletableFuture<String> continuedOn = new CompletableFuture<>();
        tls.whenReady(r -> new Thread(r, "loop").start(), () -> continuedOn.complete(Thread.currentThread().getName()));

        assertEquals("loop", continuedOn.get(60, TimeUnit.SECONDS), "the continuation runs on the loop it was given");
        assertTrue(tls.ready());
        assertNotNull(tls.newHandler(ByteBufAllocator.DEFAULT, "example.org", 443), "a handler without waiting");
    }

    @Test
    void preparingTwiceBuildsOnce() {
        TlsContexts tls = new TlsContexts(TlsSettings.DEFAULT);
        assertTrue(tls.prepare() == tls.prepare());
    }
}
