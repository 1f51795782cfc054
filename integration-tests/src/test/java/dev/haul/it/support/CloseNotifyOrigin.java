package dev.haul.it.support;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An https origin on 127.0.0.1 that ends a body without Content-Length or chunking by sending
 * TLS {@code close_notify} and then keeps the TCP connection open, as some servers do: the
 * client must take the close_notify as the end of the body (curl does). It records whether the
 * client sent its own close_notify back, and when it closed the connection.
 */
public final class CloseNotifyOrigin implements AutoCloseable {
    private final byte[] body;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    /** Counted down when the client's close_notify arrives. */
    public final CountDownLatch clientCloseNotify = new CountDownLatch(1);
    /** Counted down when the client closes the TCP connection. */
    public final CountDownLatch clientClosed = new CountDownLatch(1);

    public CloseNotifyOrigin(SelfSignedCert cert, byte[] body) throws InterruptedException {
        this.body = body.clone();
        @SuppressWarnings("deprecation")
        SslContext tls = new JdkSslContext(cert.serverContext(), false, ClientAuth.NONE);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = tls.newHandler(ch.alloc());
                        ch.pipeline().addLast(ssl, new Respond(ssl));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    public String url(String name) {
        return "https://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/" + name;
    }

    private final class Respond extends ChannelInboundHandlerAdapter {
        private final SslHandler ssl;
        private final StringBuilder request = new StringBuilder();
        private boolean answered;

        Respond(SslHandler ssl) {
            this.ssl = ssl;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            request.append(in.toString(StandardCharsets.ISO_8859_1));
            in.release();
            if (answered || !request.toString().contains("\r\n\r\n")) return;
            answered = true;
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
            ctx.write(Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1));
            ctx.writeAndFlush(Unpooled.wrappedBuffer(body)).addListener(f -> ssl.closeOutbound()); // close_notify, TCP stays open
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslCloseCompletionEvent done && done.isSuccess()) clientCloseNotify.countDown();
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            clientClosed.countDown();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
