package dev.haul.core.transport;

import dev.haul.core.Header;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Builds the Netty request for a {@link RequestSpec}. */
final class RequestEncoder {
    private RequestEncoder() {}

    static FullHttpRequest toNetty(RequestSpec spec, Origin origin) {
        return toNetty(spec, Route.direct(origin));
    }

    static FullHttpRequest toNetty(RequestSpec spec, Route route) {
        Origin origin = route.origin();
        URI url = spec.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path = path + "?" + url.getRawQuery();
        if (route.absoluteForm()) {
            // To an HTTP proxy: the full URL as target, without user info (never sent in a request line).
            path = (origin.tls() ? "https://" : "http://") + origin.hostHeader() + path;
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
        HttpHeaders h = request.headers();
        h.set("Host", origin.hostHeader());
        if (route.absoluteForm() && route.proxyAuthorization() != null) {
            h.set("Proxy-Authorization", route.proxyAuthorization());
        }
        // A later header of a name already given adds a value; the first replaces any default.
        Set<String> seen = new HashSet<>();
        for (Header header : spec.headers()) {
            String key = header.name().toLowerCase(Locale.ROOT);
            if (seen.add(key)) h.set(header.name(), header.value());
            else h.add(header.name(), header.value());
        }
        return request;
    }
}
