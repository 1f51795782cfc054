package dev.haul.it.h2;

import dev.haul.it.support.SelfSignedCert;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP/2 origin on 127.0.0.1 built on Netty's server codec: over TLS it offers h2 and
 * http/1.1 by ALPN (or only http/1.1, to check the fallback); in plain mode it speaks h2 with
 * prior knowledge. It serves byte arrays by path with a strong ETag and single ranges checked
 * against If-Range, counts the connections it accepted, and journals every request with the
 * connection it came on. What a response does (whole, reset or stalled part-way, a redirect, a
 * huge header) is chosen per request by {@link #plan}.
 */
public final class H2Origin implements AutoCloseable {
    public enum Mode { TLS_H2, TLS_HTTP1_ONLY, H2C }

    /** One request as read. {@code connection} counts from 1 in accept order; {@code stream} is 0 over HTTP/1.1. */
    public record Request(int connection, int stream, String protocol, String path, String range, String ifRange) {}

    /** What one response does. */
    public sealed interface Plan {
        Plan WHOLE = new Whole();

        record Whole() implements Plan {}

        /** RST_STREAM (INTERNAL_ERROR) after this many body bytes. */
        record ResetAfter(int bytes) implements Plan {}

        /** Nothing more after this many body bytes, until the client goes away. */
        record StallAfter(int bytes) implements Plan {}

        /** The whole connection closes (every stream on it lost) after this many body bytes. */
        record DropConnectionAfter(int bytes) implements Plan {}

        /** A 302 to this URL. */
        record Redirect(String location) implements Plan {}

        /** A response header of this many bytes. */
        record HugeHeader(int bytes) implements Plan {}
    }

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Request> journal = new ArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    volatile Function<Request, Plan> plan = r -> Plan.WHOLE;
    /** Streams the server lets the client open at once (SETTINGS_MAX_CONCURRENT_STREAMS). */
    final int maxStreams;
    /** GOAWAY test: on connection 1, hold the first {@code goAwayAt} requests, then keep only {@code goAwayKeep}. */
    volatile int goAwayAt;
    volatile int goAwayKeep;

    private final Mode mode;
    private final EventLoopGroup group;
    private final Channel server;

    private H2Origin(Mode mode, Path certDir, int maxStreams) {
        this.mode = mode;
        this.maxStreams = maxStreams;
        SslContext tls = mode == Mode.H2C ? null : serverTls(SelfSignedCert.create(certDir), mode);
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("h2-origin", true), NioIoHandler.newFactory());
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            int connection = accepted.incrementAndGet();
                            if (tls == null) {
                                h2(ch.pipeline(), connection);
                                return;
                            }
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            ch.pipeline().addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                                @Override
                                protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                                    if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                                        h2(ctx.pipeline(), connection);
                                    } else {
                                        ctx.pipeline().addLast(new HttpServerCodec(), new Http1Responder(H2Origin.this, connection));
                                    }
                                }
                            });
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0)).syncUninterruptibly().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot start the h2 origin", e);
        }
    }

    /** @param certDir where the self-signed certificate goes (its PEM is {@link #certificate()}) */
    public static H2Origin start(Mode mode, Path certDir, int maxStreams) {
        return new H2Origin(mode, certDir, maxStreams);
    }

    private Path pem;

    private SslContext serverTls(SelfSignedCert cert, Mode mode) {
        this.pem = cert.pem();
        String[] offer = mode == Mode.TLS_H2 ? new String[] {ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
                : new String[] {ApplicationProtocolNames.HTTP_1_1};
        return new JdkSslContext(cert.serverContext(), false, null, IdentityCipherSuiteFilter.INSTANCE,
                new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, offer),
                ClientAuth.NONE, null, false);
    }

    private void h2(ChannelPipeline p, int connection) {
        Http2Settings settings = Http2Settings.defaultSettings().maxConcurrentStreams(maxStreams);
        Http2FrameCodec codec = Http2FrameCodecBuilder.forServer().initialSettings(settings).build();
        p.addLast(codec);
        ConnectionState state = new ConnectionState(this, connection, codec, p);
        p.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                ch.pipeline().addLast(new StreamResponder(state));
            }
        }));
    }

    /** The PEM of the server's certificate, for --cacert. */
    /** haul's arguments for this origin: JSON events, into {@code dir}, trusting its certificate, then {@code more}. */
    public java.util.List<String> haulArgs(Path dir, String... more) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("--json", "-d", dir.toString(),
                "--cacert", certificate().toString()));
        a.addAll(java.util.List.of(more));
        return a;
    }

    public Path certificate() {
        return pem;
    }

    public String url(String path) {
        String scheme = mode == Mode.H2C ? "http" : "https";
        return scheme + "://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + path;
    }

    public void serve(String path, byte[] body) {
        files.put(path, body);
    }

    public void plan(Function<Request, Plan> plan) {
        this.plan = plan;
    }

    /** On the first connection: hold requests until {@code at} arrived, then GOAWAY keeping the first {@code keep}. */
    public void goAwayOnFirstConnection(int at, int keep) {
        goAwayKeep = keep;
        goAwayAt = at;
    }

    /** On the first connection: answer nothing until {@code n} requests are in flight at once (proves concurrency). */
    public void holdUntilInFlight(int n) {
        goAwayKeep = n;
        goAwayAt = n;
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    public List<Request> requests() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    void record(Request r) {
        synchronized (journal) {
            journal.add(r);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static io.netty.buffer.ByteBuf slice(byte[] body, int from, int to) {
        return Unpooled.wrappedBuffer(body, from, to - from);
    }
}
