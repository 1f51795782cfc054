package dev.haul.core.transport;

import dev.haul.core.TlsSettings;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Builds the client TLS context once, when the first https URL comes (it costs start-up time that
 * a plain-HTTP run should not pay), on a thread of its own: never on the loop. Trust: the system store plus {@code --cacert}; host names
 * are always verified unless {@code -k}.
 */
final class TlsContexts {
    private final TlsSettings settings;
    private final dev.haul.core.HttpVersions versions;
    /** Built once, off the loop: loading OpenSSL and reading --cacert take a few hundred ms. */
    private CompletableFuture<SslContext> building;
    private volatile SslContext context;

    TlsContexts(TlsSettings settings) {
        this(settings, dev.haul.core.HttpVersions.HTTP1_1);
    }

    TlsContexts(TlsSettings settings, dev.haul.core.HttpVersions versions) {
        this.settings = settings;
        this.versions = versions;
    }

    SslHandler newHandler(ByteBufAllocator alloc, String host, int port) {
        SslHandler handler = context().newHandler(alloc, host, port);
        SSLEngine engine = handler.engine();
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm(settings.insecure() ? null : "HTTPS");
        engine.setSSLParameters(params);
        return handler;
    }

    /**
     * Starts building the context on a thread of its own, once (any thread may ask: the engine asks
     * when an https URL is submitted, so it is usually ready before its first connection).
     */
    synchronized CompletableFuture<SslContext> prepare() {
        if (building == null) {
            building = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    context = build();
                    building.complete(context);
                } catch (RuntimeException e) {
                    building.completeExceptionally(e);
                }
            }, "haul-tls-setup");
            t.setDaemon(true);
            t.start();
        }
        return building;
    }

    /** The context is built (or failed to be): a connection may take it without waiting. */
    boolean ready() {
        return context != null || prepare().isDone();
    }

    /** Runs {@code then} on {@code loop} once the context is built (or failed to be): the loop never waits for it. */
    void whenReady(Executor loop, Runnable then) {
        prepare().whenComplete((c, e) -> loop.execute(then));
    }

    private SslContext context() {
        SslContext c = context;
        if (c != null) return c;
        try {
            return prepare().join(); // done already when asked through whenReady
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private SslContext build() {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(provider());
            if (settings.insecure()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (settings.extraCaFile() != null) {
                builder.trustManager(trustWithExtra());
            }
            io.netty.handler.ssl.ApplicationProtocolConfig alpn = alpn(versions);
            if (alpn != null) builder.applicationProtocolConfig(alpn);
            return builder.build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * What ALPN offers: h2 then http/1.1 by default, only h2 with --http2, nothing with --http1.1
     * (a server then speaks HTTP/1.1, as to any client without ALPN). A server that picks none
     * of them is spoken to in HTTP/1.1, as RFC 7301 lets the client decide.
     */
    static io.netty.handler.ssl.ApplicationProtocolConfig alpn(dev.haul.core.HttpVersions versions) {
        String[] offer = switch (versions) {
            case AUTO -> new String[] {io.netty.handler.ssl.ApplicationProtocolNames.HTTP_2,
                    io.netty.handler.ssl.ApplicationProtocolNames.HTTP_1_1};
            case HTTP2 -> new String[] {io.netty.handler.ssl.ApplicationProtocolNames.HTTP_2};
            case HTTP1_1 -> null;
        };
        if (offer == null) return null;
        return new io.netty.handler.ssl.ApplicationProtocolConfig(io.netty.handler.ssl.ApplicationProtocolConfig.Protocol.ALPN,
                io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, offer);
    }

    /**
     * OpenSSL (BoringSSL from netty-tcnative) when its native library loads here, else the JDK's
     * engine. Asked only when the first https URL is met: loading it costs start-up time.
     */
    static io.netty.handler.ssl.SslProvider provider() {
        if (Boolean.getBoolean("haul.tls.jdk")) return io.netty.handler.ssl.SslProvider.JDK;
        try {
            return io.netty.handler.ssl.OpenSsl.isAvailable() ? io.netty.handler.ssl.SslProvider.OPENSSL
                    : io.netty.handler.ssl.SslProvider.JDK;
        } catch (LinkageError e) {
            return io.netty.handler.ssl.SslProvider.JDK;
        }
    }

    /** The JDK's default trust anchors plus every certificate in the PEM file. */
    private TrustManagerFactory trustWithExtra() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        int n = 0;
        for (var tm : system.getTrustManagers()) {
            if (tm instanceof javax.net.ssl.X509TrustManager x) {
                for (X509Certificate c : x.getAcceptedIssuers()) store.setCertificateEntry("system-" + n++, c);
            }
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(settings.extraCaFile())) {
            for (Certificate c : cf.generateCertificates(in)) store.setCertificateEntry("cacert-" + n++, c);
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(store);
        return combined;
    }

}
