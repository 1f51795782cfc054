package dev.haul.core.transport;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

/** The status line and headers of a response, without Netty types leaking to the engine. */
public final class ResponseHead {
    private final int status;
    private final String reason;
    private final HttpHeaders headers;
    private final String protocol;

    ResponseHead(HttpResponse response) {
        this(response, "http/1.1");
    }

    ResponseHead(HttpResponse response, String protocol) {
        this.protocol = protocol;
        this.status = response.status().code();
        this.reason = response.status().reasonPhrase();
        this.headers = response.headers();
    }

    public int status() {
        return status;
    }

    /** The protocol that carried the response: "http/1.1" or "h2". */
    public String protocol() {
        return protocol;
    }

    public String reason() {
        return reason;
    }

    /** The first value of a header, or null. Names are case-insensitive. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Content-Length, or -1 when absent, chunked or unparsable. */
    public long contentLength() {
        if (headers.contains("Transfer-Encoding")) return -1;
        String v = headers.get("Content-Length");
        if (v == null) return -1;
        try {
            long n = Long.parseLong(v.trim());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
