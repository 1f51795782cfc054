package dev.haul.it.support;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedStream;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 origin on 127.0.0.1 that holds thousands of connections on one event-loop thread
 * (Netty, no thread per connection). It serves byte arrays by path with Content-Length, an
 * optional strong ETag, single byte ranges ({@code bytes=A-B}, {@code bytes=A-}) checked against
 * If-Range, HEAD, and keep-alive.
 *
 * <p>It counts requests in flight: from the moment a request is read until its response is fully
 * written, or its connection closes. A test can <em>hold</em> responses (or only their bodies)
 * until a number of requests are in flight at once, which proves a client's concurrency without
 * timing guesses; a deadline releases them anyway, and {@link #maxInFlight()} tells what was
 * reached. Each response can be delivered whole, cut short (the connection closes after some
 * body bytes) or stalled (nothing more after some body bytes, until the client goes away).
 */
public final class NettyOrigin implements AutoCloseable {
    /** What the origin serves at one path. {@code etag} may be null: no validator. */
    public record Resource(byte[] body, String etag) {}

    /** One request as read, in arrival order ({@code seq} from 0). Absent headers are null. */
    public record Request(int seq, String method, String path, String range, String ifRange) {
        private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

        public boolean ranged() {
            return range != null;
        }

        /** The first byte a single-range {@code Range} asks for, or -1. */
        public long rangeStart() {
            Matcher m = range == null ? null : RANGE.matcher(range);
            return m != null && m.matches() ? Long.parseLong(m.group(1)) : -1;
        }

        /** The last byte (inclusive) a {@code Range} asks for; -1 when open-ended or absent. */
        public long rangeEnd() {
            Matcher m = range == null ? null : RANGE.matcher(range);
            return m != null && m.matches() && !m.group(2).isEmpty() ? Long.parseLong(m.group(2)) : -1;
        }
    }

    /** How one response's body goes out. */
    public sealed interface Delivery {
        Delivery WHOLE = new Whole();

        record Whole() implements Delivery {}

        /** After this many body bytes the connection is closed: a body shorter than its Content-Length. */
        record CutAfter(long bytes) implements Delivery {}

        /** After this many body bytes nothing more is sent; the request stays in flight until the client goes away. */
        record StallAfter(long bytes) implements Delivery {}
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final int CHUNK = 64 * 1024;

    private final Function<String, Resource> resources;
    private final EventLoopGroup group;
    private final Channel server;
    private volatile Function<Request, Delivery> deliveries = r -> Delivery.WHOLE;

    // Loop-confined.
    private int holdTarget;
    private boolean holdBodiesOnly;
    private final List<Runnable> held = new ArrayList<>();
    private ScheduledFuture<?> holdDeadline;

    // Guarded by this: written on the loop, read by the test.
    private final List<Request> journal = new ArrayList<>();
    private int inFlight;
    private int maxInFlight;
    private int stalled;
    private String holdEnded = "no hold";

    private NettyOrigin(Function<String, Resource> resources) {
        this.resources = resources;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netty-origin", true),
                NioIoHandler.newFactory());
        try {
            this.server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new ChunkedWriteHandler(), new Connection());
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
                    .syncUninterruptibly()
                    .channel();
        } catch (UnknownHostException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot start the origin on 127.0.0.1", e);
        }
    }

    /** Starts serving: {@code resources} maps a request path to what is there, or null for 404. */
    public static NettyOrigin start(Function<String, Resource> resources) {
        return new NettyOrigin(resources);
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + path);
    }

    /** How each later response's body is delivered (the default: whole). Decided once per request. */
    public void deliveries(Function<Request, Delivery> choose) {
        this.deliveries = choose;
    }

    /**
     * Holds every response (head and body) from now on until {@code n} requests are in flight at
     * once, then sends them all and holds no more. After {@code max} they are released anyway.
     */
    public void holdResponsesUntilInFlight(int n, Duration max) {
        hold(n, max, false);
    }

    /**
     * As {@link #holdResponsesUntilInFlight}, but response heads go out at once and only the bodies
     * are held: for a client that must see a head before it opens more connections.
     */
    public void holdBodiesUntilInFlight(int n, Duration max) {
        hold(n, max, true);
    }

    private void hold(int n, Duration max, boolean bodiesOnly) {
        group.submit(() -> {
            holdTarget = n;
            holdBodiesOnly = bodiesOnly;
            holdDeadline = group.next().schedule(() -> releaseHeld("deadline of " + max + " passed"),
                    max.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (this) {
                holdEnded = "holding until " + n + " in flight";
            }
        }).syncUninterruptibly();
    }

    /** The most requests in flight at the same moment so far. */
    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** Every request read so far, in arrival order. */
    public synchronized List<Request> requests() {
        return List.copyOf(journal);
    }

    /** Why the hold ended (or that it has not): for assertion messages. */
    public synchronized String holdState() {
        return holdEnded;
    }

    /** Waits until at least {@code n} requests have been read; false after {@code max}. */
    public boolean awaitRequests(int n, Duration max) {
        return awaitState(() -> journal.size() >= n, max);
    }

    /** Waits until at least {@code n} stalled responses have flushed their bytes; false after {@code max}. */
    public boolean awaitStalled(int n, Duration max) {
        return awaitState(() -> stalled >= n, max);
    }

    /** Waits until no request is in flight; false after {@code max}. */
    public boolean awaitNoneInFlight(Duration max) {
        return awaitState(() -> inFlight == 0, max);
    }

    private synchronized boolean awaitState(java.util.function.BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (!condition.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ---- on the loop ----------------------------------------------------------------------------

    private synchronized Request arrived(HttpRequest req) {
        String uri = req.uri();
        int q = uri.indexOf('?');
        Request r = new Request(journal.size(), req.method().name(), q < 0 ? uri : uri.substring(0, q),
                req.headers().get(HttpHeaderNames.RANGE), req.headers().get(HttpHeaderNames.IF_RANGE));
        journal.add(r);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        notifyAll();
        return r;
    }

    private synchronized void ended() {
        inFlight--;
        notifyAll();
    }

    private synchronized void stalledOne() {
        stalled++;
        notifyAll();
    }

    private void holdOrRun(Runnable send) {
        if (holdTarget > 0) {
            held.add(send);
            int now;
            synchronized (this) {
                now = inFlight;
            }
            if (now >= holdTarget) {
                releaseHeld(now + " requests in flight");
            }
        } else {
            send.run();
        }
    }

    private void releaseHeld(String why) {
        if (holdTarget == 0) {
            return;
        }
        holdTarget = 0;
        if (holdDeadline != null) {
            holdDeadline.cancel(false);
        }
        synchronized (this) {
            holdEnded = "released: " + why;
        }
        List<Runnable> all = new ArrayList<>(held);
        held.clear();
        all.forEach(Runnable::run);
    }

    /** One request and its response. */
    private final class Exchange {
        final Connection connection;
        final ChannelHandlerContext ctx;
        final Request request;
        final boolean keepAlive;
        boolean over;

        Exchange(Connection connection, ChannelHandlerContext ctx, Request request, boolean keepAlive) {
            this.connection = connection;
            this.ctx = ctx;
            this.request = request;
            this.keepAlive = keepAlive;
        }

        /** The response is written, or the connection is gone: no longer in flight. */
        void end() {
            if (over) {
                return;
            }
            over = true;
            ended();
            connection.next();
        }
    }

    /** One connection: answers its requests one after the other. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
        private Exchange current;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest req) {
                    Request r = arrived(req);
                    waiting.add(new Exchange(this, ctx, r, HttpUtil.isKeepAlive(req)));
                    if (current == null) {
                        next();
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        void next() {
            current = waiting.poll();
            if (current != null) {
                answer(current);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Exchange c = current;
            List<Exchange> rest = new ArrayList<>(waiting);
            waiting.clear();
            current = null;
            if (c != null) {
                c.end();
            }
            rest.forEach(Exchange::end);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset by the client: it went away
        }
    }

    private void answer(Exchange ex) {
        Request r = ex.request;
        Resource res = resources.apply(r.path());
        HttpResponse head;
        byte[] body = null;
        int from = 0;
        int to = 0;
        if (res == null) {
            head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        } else {
            body = res.body();
            to = body.length;
            head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            Matcher m = r.range() == null ? null : RANGE.matcher(r.range());
            boolean validated = r.ifRange() == null || (res.etag() != null && res.etag().equals(r.ifRange()));
            if (m != null && m.matches() && validated) {
                long start = Long.parseLong(m.group(1));
                long end = m.group(2).isEmpty() ? body.length - 1L : Math.min(body.length - 1L, Long.parseLong(m.group(2)));
                if (start >= body.length || end < start) {
                    head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
                    head.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + body.length);
                    from = 0;
                    to = 0;
                } else {
                    head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.PARTIAL_CONTENT);
                    head.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + body.length);
                    from = (int) start;
                    to = (int) end + 1;
                }
            }
            if (res.etag() != null) {
                head.headers().set(HttpHeaderNames.ETAG, res.etag());
            }
            head.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, to - from);
        }
        if (!ex.keepAlive) {
            head.headers().set(HttpHeaderNames.CONNECTION, "close");
        }
        boolean noBody = body == null || to == from || r.method().equals(HttpMethod.HEAD.name());
        Delivery delivery = noBody ? Delivery.WHOLE : deliveries.apply(r);
        byte[] b = body;
        int f = from;
        int t = to;
        HttpResponse h = head;
        if (holdTarget > 0 && holdBodiesOnly) {
            ex.ctx.writeAndFlush(h);
            holdOrRun(() -> sendBody(ex, b, f, t, noBody, delivery));
        } else {
            holdOrRun(() -> {
                ex.ctx.write(h);
                sendBody(ex, b, f, t, noBody, delivery);
            });
        }
    }

    private void sendBody(Exchange ex, byte[] body, int from, int to, boolean noBody, Delivery delivery) {
        ChannelHandlerContext ctx = ex.ctx;
        if (ex.over || !ctx.channel().isActive()) {
            ex.end();
            return;
        }
        if (noBody) {
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(done -> finished(ex, done.isSuccess()));
        } else if (delivery instanceof Delivery.CutAfter cut) {
            int n = (int) Math.min(cut.bytes(), to - from);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(body, from, n)))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (delivery instanceof Delivery.StallAfter stall) {
            int n = (int) Math.min(stall.bytes(), to - from);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(body, from, n)))
                    .addListener(done -> {
                        if (done.isSuccess()) {
                            stalledOne();
                        }
                    });
        } else {
            HttpChunkedInput input = new HttpChunkedInput(
                    new ChunkedStream(new ByteArrayInputStream(body, from, to - from), CHUNK));
            ctx.writeAndFlush(input).addListener(done -> finished(ex, done.isSuccess()));
        }
    }

    private void finished(Exchange ex, boolean written) {
        if (!written || !ex.keepAlive) {
            ex.ctx.close();
        }
        ex.end();
    }
}
