package dev.haul.core.transport;

import dev.haul.core.EngineConfig;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;

import java.util.function.Consumer;

/**
 * The pipeline of every connection, read top to bottom as the bytes flow in:
 * <pre>
 *   [proxy]         HttpProxyHandler (CONNECT) or Socks5ProxyHandler, when a tunnel is needed
 *   [TLS]           SslHandler, host name verified (https only)
 *   [tls-close]     TlsCloseNotify: the server's close_notify ends its input (https only)
 *   http            HttpClientCodec: HTTP/1.1 framing, bodies streamed in chunks (never aggregated)
 *   exchange        ConnectionHandler: hands responses and body chunks to the current exchange
 * </pre>
 */
final class HttpClientInitializer extends ChannelInitializer<SocketChannel> {
    /** Headers larger than this are hostile or broken; the decoder fails the exchange instead of buffering them. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_INITIAL_LINE = 8 * 1024;
    /** Largest body slice the decoder hands over in one piece. */
    static final int MAX_CHUNK = 256 * 1024;

    private final Transport transport;
    private final Route route;
    private final java.net.InetSocketAddress proxyAddress;
    private final TlsContexts tls;
    private final EngineConfig config;
    private final Consumer<HttpConnection> created;

    HttpClientInitializer(Transport transport, Route route, java.net.InetSocketAddress proxyAddress, TlsContexts tls,
                          EngineConfig config, Consumer<HttpConnection> created) {
        this.transport = transport;
        this.route = route;
        this.proxyAddress = proxyAddress;
        this.tls = tls;
        this.config = config;
        this.created = created;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        HttpConnection connection = new HttpConnection(ch, route);
        created.accept(connection);
        ChannelPipeline p = ch.pipeline();
        Origin origin = route.origin();
        if (route.tunnel()) p.addLast("proxy", ProxyHandlers.tunnel(route, proxyAddress, config.connectTimeout().toMillis()));
        if (origin.tls()) {
            SslHandler ssl = tls.newHandler(ch.alloc(), origin.bareHost(), origin.port());
            ssl.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
            p.addLast("tls", ssl);
            p.addLast("tls-close", new TlsCloseNotify());
        }
        p.addLast("http", new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK));
        p.addLast("exchange", new ConnectionHandler(connection, transport));
    }
}
