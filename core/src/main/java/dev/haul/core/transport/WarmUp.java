package dev.haul.core.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.DefaultChannelPipeline;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.NetUtil;
import io.netty.util.ResourceLeakDetector;

/**
 * Netty's share of start-up that needs no configuration (loading the native epoll library, the
 * static set-up of the classes every download uses) done on a second thread while the main
 * thread is still reading the command line. It only loads and initialises classes: nothing is
 * opened, started or allocated, so a run behaves the same with it or without it.
 *
 * <p>No other thread touches Netty while it runs: {@link Transport}'s constructor, and anything
 * else that uses Netty first on its own thread, calls {@link #await()} before it does (two
 * threads initialising one class graph from different ends can deadlock).
 */
public final class WarmUp {
    private static volatile Thread running;

    private WarmUp() {}

    /** Starts the warm-up once; later calls do nothing. */
    public static synchronized void start() {
        if (running != null) return;
        Thread t = new Thread(WarmUp::run, "haul-warm-up");
        t.setDaemon(true);
        running = t;
        t.start();
    }

    /** Returns once the warm-up has finished, or at once when none was started. */
    public static void await() {
        Thread t = running;
        if (t == null) return;
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static void run() {
        try {
            if (Epoll.isAvailable()) {
                initialise(EpollIoHandler.class, EpollSocketChannel.class);
            }
            initialise(NetUtil.class, MultiThreadIoEventLoopGroup.class, Bootstrap.class, DefaultChannelPipeline.class,
                    AdaptiveRecvByteBufAllocator.class, ByteBufAllocator.class, ResourceLeakDetector.class,
                    HttpClientCodec.class, DefaultFullHttpRequest.class, HttpHeaderNames.class,
                    HttpClientInitializer.class, ConnectionHandler.class, HttpConnection.class);
        } catch (Throwable ignored) {
            // Only ahead-of-time work: what failed here fails again where it is really used, and is reported there.
        }
    }

    private static void initialise(Class<?>... classes) throws ClassNotFoundException {
        for (Class<?> c : classes) Class.forName(c.getName(), true, c.getClassLoader());
    }
}
