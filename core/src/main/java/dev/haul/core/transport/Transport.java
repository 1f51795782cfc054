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
import java.net.SocketAddress;
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
    private AddressResolverGroup<InetSocketAddress> dns; // created on the first host name, not for IP literals

    public Transport(EngineConfig config) {
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
        tls = new TlsContexts(config.tls());
        pool = new ConnectionPool(Math.max(16, config.jobs()));
    }

    /** The one thread that runs every transfer. */
    public EventLoop loop() {
        return loop;
    }

    long stallSeconds() {
        return config.stallTimeout().toSeconds();
    }

    /** Starts a GET on a kept-alive connection to the URL's origin, or on a new one. Runs on the loop. */
    public Exchange exchange(RequestSpec request, ExchangeListener listener) {
        assert loop.inEventLoop();
        Exchange exchange = new Exchange(this, request, listener);
        HttpConnection idle = pool.take(Origin.of(request.url()));
        if (idle != null) {
            send(idle, exchange, true);
        } else {
            connectFresh(exchange);
        }
        return exchange;
    }

    /** Opens a new connection for the exchange. Runs on the loop. */
    void connectFresh(Exchange exchange) {
        Origin origin = Origin.of(exchange.request.url());
        SocketAddress address;
        AddressResolverGroup<? extends SocketAddress> resolver;
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(origin.bareHost());
        try {
            if (literal != null) {
                address = new InetSocketAddress(InetAddress.getByAddress(literal), origin.port()); // no lookup: bytes given
                resolver = NoopAddressResolverGroup.INSTANCE;
            } else {
                address = InetSocketAddress.createUnresolved(origin.bareHost(), origin.port());
                resolver = dns();
            }
        } catch (UnknownHostException e) {
            exchange.fail(FailureReason.DNS_FAILED, "bad address " + origin.host());
            return;
        }
        HttpConnection[] made = new HttpConnection[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(socketType)
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                // Bulk bodies: read up to 1 MiB per syscall when the socket has it (fewer reads and
                // fewer positional writes); small responses still get small buffers.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(2048, 64 * 1024, 1024 * 1024))
                .handler(new HttpClientInitializer(this, origin, tls, config, c -> made[0] = c));
        ChannelFuture connect = bootstrap.connect(address);
        connect.addListener(f -> {
            if (exchange.isFinished()) {
                if (f.isSuccess()) connect.channel().close();
                return;
            }
            if (!f.isSuccess()) {
                exchange.fail(classifyConnectFailure(f.cause()), connectMessage(origin, f.cause()));
                return;
            }
            open.add(made[0]);
            send(made[0], exchange, false);
        });
    }

    private void send(HttpConnection connection, Exchange exchange, boolean fromPool) {
        connection.begin(exchange, fromPool);
        io.netty.handler.codec.http.FullHttpRequest request;
        try {
            request = RequestEncoder.toNetty(exchange.request, connection.origin);
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

    /** The connection closed (either side): it leaves the pool. */
    void forget(HttpConnection connection) {
        open.remove(connection);
        pool.remove(connection);
    }

    /** Connections currently open, in use or idle: for tests that check nothing leaked. */
    public int openConnections() {
        return open.size();
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
        if (cause instanceof ConnectTimeoutException) return FailureReason.TIMEOUT;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return FailureReason.DNS_FAILED;
        }
        return FailureReason.CONNECT_FAILED;
    }

    private static String connectMessage(Origin origin, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) return "connect to " + origin.hostHeader() + " timed out";
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return "host name " + origin.host() + " not found";
        }
        if (cause instanceof ConnectException) return "cannot connect to " + origin.hostHeader() + ": connection refused";
        return "cannot connect to " + origin.hostHeader() + ": " + Exchange.describe(cause);
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
                    if (dns != null) dns.close();
                }).await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
