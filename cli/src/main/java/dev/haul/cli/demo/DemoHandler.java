package dev.haul.cli.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Answers the requests of one connection, one at a time and in order (a pipelined request
 * waits for the previous answer). Runs on the server's loop.
 */
final class DemoHandler extends ChannelInboundHandlerAdapter {
    /** Fixed, so validators stay the same from one run to the next and a resume can match them. */
    private static final String LAST_MODIFIED = DateFormatter.format(Date.from(Instant.parse("2025-06-02T12:00:00Z")));
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "txt", "text/plain; charset=us-ascii", "md", "text/markdown; charset=us-ascii", "csv", "text/csv; charset=us-ascii",
            "jpg", "image/jpeg", "zip", "application/zip", "mkv", "video/x-matroska", "iso", "application/x-iso9660-image",
            "gz", "application/gzip");

    private final Catalogue catalogue;
    private final ArrayDeque<HttpRequest> waiting = new ArrayDeque<>();
    private boolean responding;
    private ThrottledBody body;

    DemoHandler(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Only the request heads matter (GET and HEAD carry no body); every message is released
        // here, and a request's method, URI and headers stay readable after that.
        if (msg instanceof HttpRequest request) waiting.add(request);
        ReferenceCountUtil.release(msg);
        serveNext(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (body != null) body.abort();
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset by the client, most likely: nothing to tell anyone
    }

    private void serveNext(ChannelHandlerContext ctx) {
        if (responding || waiting.isEmpty() || !ctx.channel().isActive()) return;
        responding = true;
        serve(ctx, waiting.poll());
    }

    private void serve(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            small(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request\n", false);
            return;
        }
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (!head && !request.method().equals(HttpMethod.GET)) {
            HttpResponse r = smallResponse(request, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET or HEAD only\n");
            r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, r, false); // a body may follow this request: do not try to read past it
            return;
        }
        String path;
        try {
            path = new URI(request.uri()).getPath();
        } catch (URISyntaxException e) {
            path = null;
        }
        if (path == null || !path.startsWith("/")) {
            small(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request target\n", false);
            return;
        }
        String name = path.substring(1);
        Resource resource = catalogue.find(name);
        if (name.isEmpty()) {
            small(ctx, request, HttpResponseStatus.OK, index(), HttpUtil.isKeepAlive(request));
        } else if (resource == null) {
            small(ctx, request, HttpResponseStatus.NOT_FOUND, "no such file: " + name + "\n", HttpUtil.isKeepAlive(request));
        } else if (resource instanceof Resource.Failing failing) {
            small(ctx, request, HttpResponseStatus.valueOf(failing.status()), name + " fails on purpose: this is the demo's broken file\n",
                    HttpUtil.isKeepAlive(request));
        } else if (resource instanceof Resource.Redirect redirect) {
            HttpResponse r = smallResponse(request, HttpResponseStatus.FOUND, "see /" + redirect.target() + "\n");
            r.headers().set(HttpHeaderNames.LOCATION, "/" + redirect.target());
            send(ctx, r, HttpUtil.isKeepAlive(request));
        } else {
            file(ctx, request, (Resource.Synthetic) resource, head);
        }
    }

    private void file(ChannelHandlerContext ctx, HttpRequest request, Resource.Synthetic file, boolean head) {
        SyntheticBytes bytes = SyntheticBytes.of(file);
        HttpHeaders asked = request.headers();
        ByteRange range = ByteRange.select(asked.get(HttpHeaderNames.RANGE), asked.get(HttpHeaderNames.IF_RANGE),
                bytes.etag(), LAST_MODIFIED, file.size());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            HttpResponse r = smallResponse(request, HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "");
            r.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + file.size());
            send(ctx, r, keepAlive);
            return;
        }
        boolean partial = range.kind() == ByteRange.Kind.PARTIAL;
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                partial ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK);
        HttpHeaders h = response.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, mediaType(file.name()));
        h.set(HttpHeaderNames.CONTENT_LENGTH, range.length());
        h.set(HttpHeaderNames.ETAG, bytes.etag());
        h.set(HttpHeaderNames.LAST_MODIFIED, LAST_MODIFIED);
        h.set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
        if (partial) h.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + file.size());
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.write(response, ctx.voidPromise());
        if (head) {
            ended(ctx, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
            return;
        }
        ctx.flush();
        body = new ThrottledBody(ctx, bytes, range.first(), range.length(), file.bytesPerSecond(),
                f -> done(ctx, f.isSuccess() && keepAlive));
        body.start();
    }

    private void small(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status, String text, boolean keepAlive) {
        send(ctx, smallResponse(request, status, text), keepAlive);
    }

    /** A complete response with a short text body (left out, but counted, for HEAD). */
    private static HttpResponse smallResponse(HttpRequest request, HttpResponseStatus status, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf content = request.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(utf8);
        DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, utf8.length);
        if (utf8.length > 0) r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    private void send(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        ended(ctx, ctx.writeAndFlush(response), keepAlive);
    }

    private void ended(ChannelHandlerContext ctx, ChannelFuture written, boolean keepAlive) {
        written.addListener(f -> done(ctx, f.isSuccess() && keepAlive));
    }

    /** One answer is complete: go on with the next request, or close. */
    private void done(ChannelHandlerContext ctx, boolean keepOpen) {
        responding = false;
        body = null;
        if (keepOpen) {
            serveNext(ctx);
        } else {
            ctx.close();
        }
    }

    /** GET / lists the catalogue, for a look with curl. */
    private String index() {
        StringBuilder s = new StringBuilder();
        for (Resource r : catalogue.resources()) {
            s.append(r.name());
            if (r instanceof Resource.Synthetic f) {
                s.append("\t").append(f.size()).append(" bytes at ").append(f.bytesPerSecond()).append(" bytes/s");
            } else if (r instanceof Resource.Failing f) {
                s.append("\tanswers ").append(f.status());
            } else if (r instanceof Resource.Redirect f) {
                s.append("\tredirects to ").append(f.target());
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String mediaType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
