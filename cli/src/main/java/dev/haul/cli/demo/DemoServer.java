package dev.haul.cli.demo;

import dev.haul.core.DownloadEngine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server inside this process, on 127.0.0.1 and a port the system picks, serving a
 * {@link Catalogue} of synthetic files: lengths, validators, single ranges and a throttled
 * body. One event-loop thread of its own, apart from the download engine's.
 */
public final class DemoServer implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final Catalogue catalogue;
    private final EventLoopGroup loop;
    private final Channel acceptor;
    private final int port;
    private boolean closed;

    private DemoServer(Catalogue catalogue, EventLoopGroup loop, Channel acceptor) {
        this.catalogue = catalogue;
        this.loop = loop;
        this.acceptor = acceptor;
        this.port = ((InetSocketAddress) acceptor.localAddress()).getPort();
    }

    /** Serves the demo's own catalogue. */
    public static DemoServer start() {
        return start(Catalogue.standard());
    }

    public static DemoServer start(Catalogue catalogue) {
        DownloadEngine.awaitWarmUp(); // Netty is used here first: never two threads initialising it at once
        // A daemon thread: a server someone forgot to close never keeps the JVM alive.
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("haul-demo-server", true),
                NioIoHandler.newFactory());
        ChannelFuture bound = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new DemoHandler(catalogue));
                    }
                })
                .bind(new InetSocketAddress(HOST, 0))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("the demo server cannot listen on " + HOST + ": " + bound.cause().getMessage(), bound.cause());
        }
        return new DemoServer(catalogue, loop, bound.channel());
    }

    /** The URL of {@code name} on this server. */
    public URI url(String name) {
        try {
            return new URI("http", null, HOST, port, "/" + name, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URL for " + name, e);
        }
    }

    /** The names served, in the catalogue's order. */
    public List<String> names() {
        return catalogue.names();
    }

    /** The SHA-256 (hex) of what a GET of {@code name} in the demo's own catalogue returns, redirects followed. */
    public static String sha256(String name) {
        return Catalogue.standard().sha256(name);
    }

    /** Stops listening, closes open connections and ends the loop thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        acceptor.close().awaitUninterruptibly();
        // No quiet period: the default one would make every run wait 2 s here.
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
