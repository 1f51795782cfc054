package dev.haul.core.transport;

import dev.haul.core.EngineConfig;
import dev.haul.core.FailureReason;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.NetUtil;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Owns the one event loop and everything that touches the network: connecting (with Netty's
 * non-blocking DNS resolver), TLS, the HTTP pipeline and the pool of kept-alive connections.
 * Every method but the constructor, {@link #loop()} and {@link #close} runs on the loop.
 */
public final class Transport {
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Class<? extends SocketChannel> socketType;
    private final Class<? extends DatagramChannel> datagramType;
    private final EngineConfig config;
    private final TlsContexts tls;
    private final ConnectionPool pool;
    private final Set<HttpConnection> open = new HashSet<>();
    /** Connections being opened that later exchanges to their route may wait for (they may turn out h2). */
    private final java.util.Map<Route, Dial> dials = new java.util.HashMap<>();
    private final H2Registry h2 = new H2Registry();
    /** Routes whose server answered ALPN with HTTP/1.1: exchanges to them no longer wait for a dial. */
    private final Set<Route> http1Only = new HashSet<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Transport.class);
    private final java.util.function.LongSupplier clock;
    private AddressResolverGroup<InetSocketAddress> dns; // created on the first host name, not for IP literals

    public Transport(EngineConfig config) {
        this(config, System::nanoTime);
    }

    /** @param clock nanoseconds, for the stall clock: tests pass virtual time */
    Transport(EngineConfig config, java.util.function.LongSupplier clock) {
        this.clock = clock;
        WarmUp.await(); // never two threads initialising Netty at once
        this.config = config;
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "haul-loop");
            t.setDaemon(true);
            return t;
        };
        if (Epoll.isAvailable()) {
            group = new MultiThreadIoEventLoopGroup(1, named, EpollIoHandler.newFactory());
            socketType = EpollSocketChannel.class;
            datagramType = EpollDatagramChannel.class;
        } else {
            group = new MultiThreadIoEventLoopGroup(1, named, NioIoHandler.newFactory());
            socketType = NioSocketChannel.class;
            datagramType = NioDatagramChannel.class;
        }
        loop = group.next();
        tls = new TlsContexts(config.tls(), config.httpVersions());
        pool = new ConnectionPool(Math.max(16, config.jobs()));
        long sweepMs = Math.max(50, Math.min(1000, config.stallTimeout().toMillis() / 4));
        loop.scheduleAtFixedRate(() -> {
            sweepStalls(open, now(), config.stallTimeout().toNanos());
            h2.sweepStalls(now(), config.stallTimeout().toNanos(), stallSeconds());
        }, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    /**
     * One timer for every connection's stall clock, rather than one per connection (thousands of
     * timers to re-arm on every request): a connection that read nothing for --stall-timeout is
     * told so, within a quarter of the timeout (at most a second) after it passed. On the loop.
     */
    static void sweepStalls(Iterable<HttpConnection> connections, long nowNanos, long stallNanos) {
        if (stallNanos <= 0) return; // a timeout rounded to nothing: no stall detection, as before
        java.util.List<HttpConnection> stalled = null;
        for (HttpConnection c : connections) {
            if (c.stalled(nowNanos, stallNanos)) {
                if (stalled == null) stalled = new java.util.ArrayList<>();
                stalled.add(c);
            }
        }
        if (stalled == null) return;
        for (HttpConnection c : stalled) {
            // Failing one exchange may start another on a connection further down the list: look again.
            if (!c.stalled(nowNanos, stallNanos)) continue;
            ConnectionHandler handler = c.channel.pipeline().get(ConnectionHandler.class);
            if (handler != null) handler.stalled();
            else c.close();
        }
    }

    /** The one thread that runs every transfer. */
    public EventLoop loop() {
        return loop;
    }

    /** The stall clock's time, in nanoseconds. */
    long now() {
        return clock.getAsLong();
    }

    boolean h2Only() {
        return config.httpVersions() == dev.haul.core.HttpVersions.HTTP2;
    }

    long stallSeconds() {
        return config.stallTimeout().toSeconds();
    }

    /** Starts a GET on a connection of the URL's route: a stream of an h2 one, a kept-alive one, or a new one. Runs on the loop. */
    public Exchange exchange(RequestSpec request, ExchangeListener listener) {
        assert loop.inEventLoop();
        Route route = Route.of(request.url(), config.proxy());
        Exchange exchange = new Exchange(this, request, route, listener);
        dispatch(exchange);
        return exchange;
    }

    /**
     * Finds the exchange a carrier, in this order: a stream on a ready h2 connection with room,
     * an idle kept-alive HTTP/1.1 connection, a place among the waiters of a connection being
     * negotiated (it may be h2), or a new connection. On the loop.
     */
    void dispatch(Exchange exchange) {
        Route route = exchange.route;
        H2Connection multiplexed = h2.withRoom(route);
        if (multiplexed != null) {
            multiplexed.open(exchange);
            return;
        }
        HttpConnection idle = pool.take(route);
        if (idle != null) {
            send(idle, exchange, true);
            return;
        }
        Dial pending = dials.get(route);
        if (pending != null && pending.join(exchange)) return;
        connectFresh(exchange);
    }

    /** Whether a new connection on the route may turn out to be h2, so that others should wait for it. */
    private boolean mayMultiplex(Route route) {
        if (config.httpVersions() == dev.haul.core.HttpVersions.HTTP1_1 || http1Only.contains(route)) return false;
        return route.origin().tls() || (config.httpVersions() == dev.haul.core.HttpVersions.HTTP2 && !route.absoluteForm());
    }

    /**
     * Opens a new connection for the exchange: to the origin, or to its proxy. Names are resolved
     * by Netty's DNS resolver, never by a blocking lookup; behind a proxy, the target's name is
     * the proxy's to resolve. Runs on the loop.
     */
    void connectFresh(Exchange exchange) {
        Route route = exchange.route;
        Dial dial = new Dial(this, route, exchange, mayMultiplex(route));
        if (dial.multiplexable) dials.put(route, dial);
        if (route.direct()) {
            Origin origin = route.origin();
            resolveThen(dial, origin.bareHost(), origin.port(), address -> connect(dial, address, null));
        } else if (route.absoluteForm()) {
            resolveThen(dial, route.proxyHost(), route.proxyPort(), proxy -> connect(dial, proxy, null));
        } else {
            Origin origin = route.origin();
            resolveThen(dial, route.proxyHost(), route.proxyPort(), proxy -> connect(dial,
                    InetSocketAddress.createUnresolved(origin.bareHost(), origin.port()), proxy));
        }
    }

    /** Resolves {@code host} without blocking (IP literals need no lookup), then goes on, on the loop. */
    private void resolveThen(Dial dial, String host, int port, java.util.function.Consumer<InetSocketAddress> next) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal != null) {
            try {
                next.accept(new InetSocketAddress(InetAddress.getByAddress(literal), port)); // bytes given: no lookup
            } catch (UnknownHostException e) {
                dial.fail(FailureReason.DNS_FAILED, "bad address " + host);
            }
            return;
        }
        dns().getResolver(loop).resolve(InetSocketAddress.createUnresolved(host, port)).addListener(f -> {
            if (dial.abandoned()) {
                dial.drop();
                return;
            }
            if (f.isSuccess()) {
                next.accept((InetSocketAddress) f.getNow());
            } else {
                dial.fail(FailureReason.DNS_FAILED, "host name " + host + " not found");
            }
        });
    }

    /**
     * @param address      where the socket connects: the origin or the proxy, resolved; or, for a tunnel,
     *                     the origin left unresolved for the proxy
     * @param tunnelProxy  the resolved proxy for a tunnel, else null
     */
    private void connect(Dial dial, InetSocketAddress address, InetSocketAddress tunnelProxy) {
        Route route = dial.route;
        if (route.origin().tls() && !tls.ready()) { // built off the loop: the connection waits for it, the loop does not
            tls.whenReady(loop, () -> {
                if (dial.isDone() || dial.abandoned()) dial.drop();
                else connect(dial, address, tunnelProxy);
            });
            return;
        }
        HttpClientInitializer pipeline = new HttpClientInitializer(this, route, tunnelProxy, tls, config, dial);
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(socketType)
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, readSizes())
                .handler(pipeline);
        ChannelFuture connect = bootstrap.connect(address);
        connect.addListener(f -> {
            if (dial.isDone() || dial.abandoned()) {
                dial.drop();
                if (f.isSuccess()) connect.channel().close();
                return;
            }
            if (!f.isSuccess()) {
                dial.fail(classifyConnectFailure(f.cause()), connectMessage(route, f.cause()));
                return;
            }
            HttpConnection http1 = pipeline.http1(); // null: ALPN or the h2 preface decides, and calls back
            if (route.tunnel()) {
                // The tunnel is up only when the proxy said so; the request waits for that.
                connect.channel().pipeline().get(io.netty.handler.proxy.ProxyHandler.class).connectFuture().addListener(t -> {
                    if (!t.isSuccess()) dial.fail(classifyConnectFailure(t.cause()), connectMessage(route, t.cause()));
                    else if (http1 != null) opened(dial, http1);
                });
            } else if (http1 != null) {
                opened(dial, http1);
            }
        });
    }

    /** An HTTP/1.1 connection is up: it joins the stall sweep and goes to the dial's first exchange. */
    private void opened(Dial dial, HttpConnection connection) {
        connection.touch(now());
        open.add(connection);
        dial.ready(connection);
    }

    /** ALPN chose HTTP/1.1: the route's server does not multiplex, so nothing waits for its dials again. */
    void negotiated(Dial dial, HttpConnection connection) {
        http1Only.add(dial.route);
        log.debug("connection to {} speaks http/1.1 (ALPN)", dial.route.origin().hostHeader());
        opened(dial, connection);
    }

    /** The h2 pipeline is in place: the connection is ready at the server's SETTINGS, or fails after the connect timeout. */
    void awaitSettings(H2Connection connection, Dial dial) {
        long ms = config.connectTimeout().toMillis();
        loop.schedule(() -> {
            if (!dial.isDone()) {
                dial.h2StartFailed(true, "no HTTP/2 SETTINGS from the server within " + config.connectTimeout().toSeconds() + " s");
                connection.channel.close();
            }
        }, ms, TimeUnit.MILLISECONDS);
    }

    /** An h2 connection got its SETTINGS: it takes streams from now on. */
    void register(H2Connection connection) {
        log.debug("connection to {} speaks h2", connection.route.origin().hostHeader());
        h2.add(connection);
        // After the dial's waiters took their streams: what room is left may admit queued transfers.
        loop.execute(streamRoom);
    }

    private Runnable streamRoom = () -> { };

    /** Runs {@code r} on the loop whenever an h2 connection comes up with room for more streams. */
    public void onStreamRoom(Runnable r) {
        streamRoom = r;
    }

    /** Whether an exchange to the origin would now be a stream on an open h2 connection. On the loop. */
    public boolean multiplexes(Origin origin) {
        return h2.withRoom(origin) != null;
    }

    /** The h2 connection closed. */
    void forget(H2Connection connection) {
        h2.remove(connection);
    }

    /** The dial succeeded or failed: later exchanges no longer wait for it. */
    void dialEnded(Dial dial) {
        dials.remove(dial.route, dial);
    }

    /** A dial's first exchange takes its new HTTP/1.1 connection. */
    void sendOn(HttpConnection connection, Exchange exchange) {
        send(connection, exchange, false);
    }

    /**
     * Bulk bodies read up to 1 MiB per syscall (fewer reads, fewer positional writes). Under
     * --limit-rate, reads are kept to a twentieth of a second's worth, so that a reader let go by
     * the rate limiter cannot overdraw it by much.
     */
    /** First guess of a read's size: small, so thousands of slow connections hold little; it grows as reads fill. */
    private static final int INITIAL_READ = Integer.getInteger("haul.initialRead", 2048);

    private io.netty.channel.RecvByteBufAllocator readSizes() {
        int max = 1 << 20;
        if (config.limitRate() > 0) max = (int) Math.max(4096, Math.min(max, config.limitRate() / 20));
        AdaptiveRecvByteBufAllocator sizes = new AdaptiveRecvByteBufAllocator(Math.min(2048, max), Math.min(INITIAL_READ, max), max);
        if (config.limitRate() > 0) sizes.maxMessagesPerRead(1);
        return sizes;
    }

    private void send(HttpConnection connection, Exchange exchange, boolean fromPool) {
        connection.begin(exchange, fromPool);
        connection.touch(now()); // the stall clock starts with this request, not the last read while idle
        io.netty.handler.codec.http.FullHttpRequest request;
        try {
            request = RequestEncoder.toNetty(exchange.request, connection.route);
        } catch (IllegalArgumentException e) {
            // Headers are checked when the command line is read; this is the last line of defence.
            exchange.fail(FailureReason.BAD_REQUEST, "cannot build the request: " + e.getMessage());
            return;
        }
        connection.channel.writeAndFlush(request)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        exchange.onConnectionLost(FailureReason.CONNECTION_RESET,
                                "could not send the request: " + Exchange.describe(f.cause()));
                    }
                });
    }

    /** The exchange ended cleanly on a keep-alive connection: keep it for the next request to that origin. */
    void release(HttpConnection connection) {
        connection.idle();
        if (connection.channel.isActive()) pool.put(connection);
    }

    /** An https URL is coming: the TLS context is built now, on a thread of its own. Any thread. */
    public void prepareTls() {
        tls.prepare();
    }

    /** The connection closed (either side): it leaves the pool. */
    void forget(HttpConnection connection) {
        open.remove(connection);
        pool.remove(connection);
    }

    private AddressResolverGroup<InetSocketAddress> dns() {
        if (dns == null) {
            dns = new DnsAddressResolverGroup(new DnsNameResolverBuilder(loop)
                    .datagramChannelType(datagramType)
                    .socketChannelType(socketType)
                    .queryTimeoutMillis(Math.max(1000, config.connectTimeout().toMillis() / 2)));
        }
        return dns;
    }

    private static FailureReason classifyConnectFailure(Throwable cause) {
        if (cause instanceof io.netty.handler.proxy.ProxyConnectException) {
            // A proxy that is down or overloaded may recover; one that says no (403, 407) will not.
            String m = String.valueOf(cause.getMessage());
            boolean transient_ = m.contains("status: 502") || m.contains("status: 503") || m.contains("status: 504")
                    || m.contains("timeout");
            return transient_ ? FailureReason.CONNECT_FAILED : FailureReason.PROXY_REFUSED;
        }
        if (cause instanceof ConnectTimeoutException) return FailureReason.TIMEOUT;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return FailureReason.DNS_FAILED;
        }
        return FailureReason.CONNECT_FAILED;
    }

    private static String connectMessage(Route route, Throwable cause) {
        String where = route.direct() ? route.origin().hostHeader() : "proxy " + route.proxyShown();
        if (cause instanceof io.netty.handler.proxy.ProxyConnectException) {
            return "proxy " + route.proxyShown() + " refused the tunnel to " + route.origin().hostHeader()
                    + proxyStatus(cause.getMessage());
        }
        if (cause instanceof ConnectTimeoutException) return "connect to " + where + " timed out";
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return "host name " + route.origin().host() + " not found";
        }
        if (cause instanceof ConnectException) return "cannot connect to " + where + ": connection refused";
        return "cannot connect to " + where + ": " + Exchange.describe(cause);
    }

    /** The status part of Netty's proxy message ("..., status: 407 Proxy Authentication Required"). */
    private static String proxyStatus(String message) {
        if (message == null) return "";
        int i = message.indexOf("status: ");
        return i < 0 ? "" : " (" + message.substring(i + 8).trim() + ")";
    }

    /**
     * Runs {@code beforeStop} on the loop, closes every connection, and stops the loop without
     * Netty's default two-second quiet period. Call from any thread but the loop.
     */
    public void close(Runnable beforeStop) {
        if (!group.isShuttingDown()) {
            try {
                loop.submit(() -> {
                    beforeStop.run();
                    for (HttpConnection c : Set.copyOf(open)) c.close();
                    h2.closeAll();
                    if (dns != null) dns.close();
                }).await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
