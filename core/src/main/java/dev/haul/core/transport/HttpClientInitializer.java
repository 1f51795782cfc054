package dev.haul.core.transport;

import dev.haul.core.EngineConfig;
import dev.haul.core.HttpVersions;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;

/**
 * The pipeline of every connection, read top to bottom as the bytes flow in:
 * <pre>
 *   [proxy]         HttpProxyHandler (CONNECT) or Socks5ProxyHandler, when a tunnel is needed
 *   [TLS]           SslHandler, host name verified (https only), offering h2 and http/1.1 by ALPN
 *   [tls-close]     TlsCloseNotify: the server's close_notify ends its input (https only)
 *   [alpn]          ProtocolChooser: until the handshake is done; then replaced by one of
 *   HTTP/1.1:  http      HttpClientCodec: HTTP/1.1 framing, bodies streamed in chunks (never aggregated)
 *              exchange  ConnectionHandler: hands responses and body chunks to the current exchange
 *   h2:        h2, streams, h2conn  (see {@link H2ConnectionHandler#install}); each stream a child channel
 * </pre>
 * Plain http is HTTP/1.1, or h2 with prior knowledge under {@code --http2}.
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
    private final Dial dial;
    /** The HTTP/1.1 connection when the protocol was known before connecting; null when ALPN or h2c decides. */
    private HttpConnection http1;

    HttpClientInitializer(Transport transport, Route route, java.net.InetSocketAddress proxyAddress, TlsContexts tls,
                          EngineConfig config, Dial dial) {
        this.transport = transport;
        this.route = route;
        this.proxyAddress = proxyAddress;
        this.tls = tls;
        this.config = config;
        this.dial = dial;
    }

    /** The HTTP/1.1 connection built without negotiation, or null (see {@link #http1}). */
    HttpConnection http1() {
        return http1;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        Origin origin = route.origin();
        HttpVersions versions = config.httpVersions();
        if (route.tunnel()) p.addLast("proxy", ProxyHandlers.tunnel(route, proxyAddress, config.connectTimeout().toMillis()));
        if (origin.tls()) {
            SslHandler ssl = tls.newHandler(ch.alloc(), origin.bareHost(), origin.port());
            ssl.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
            p.addLast("tls", ssl);
            p.addLast("tls-close", new TlsCloseNotify());
            if (versions != HttpVersions.HTTP1_1) {
                p.addLast("alpn", new ProtocolChooser(dial, new ProtocolChooser.Choice() {
                    @Override
                    public void http1(ChannelHandlerContext ctx) {
                        HttpConnection c = http1Handlers(ctx.pipeline());
                        transport.negotiated(dial, c);
                    }

                    @Override
                    public void h2(ChannelHandlerContext ctx) {
                        h2Handlers(ctx.pipeline());
                    }
                }));
                return;
            }
        } else if (versions == HttpVersions.HTTP2 && !route.absoluteForm()) {
            h2Handlers(p); // prior knowledge: the preface goes out as soon as the connection is up
            return;
        }
        http1 = http1Handlers(p);
    }

    private HttpConnection http1Handlers(ChannelPipeline p) {
        HttpConnection connection = new HttpConnection(p.channel(), route, transport);
        p.addLast("http", new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK));
        p.addLast("exchange", new ConnectionHandler(connection, transport));
        return connection;
    }

    private void h2Handlers(ChannelPipeline p) {
        H2Connection connection = new H2Connection(p.channel(), route, transport, dial);
        H2ConnectionHandler.install(p, connection, config.limitRate());
        transport.awaitSettings(connection, dial);
    }
}
