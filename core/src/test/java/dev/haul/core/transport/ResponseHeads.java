package dev.haul.core.transport;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Test-only factory: {@link ResponseHead}'s constructor is package-private, and engine tests need heads too. */
public final class ResponseHeads {
    private ResponseHeads() {}

    /** A response head with the given status and {@code name, value} header pairs. */
    public static ResponseHead of(int status, String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) throw new IllegalArgumentException("name/value pairs expected");
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            response.headers().add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new ResponseHead(response);
    }

    /** A response head that throws when its headers are read: a stand-in for any bug behind a callback. */
    public static ResponseHead throwing(RuntimeException e) {
        io.netty.handler.codec.http.HttpHeaders headers = new io.netty.handler.codec.http.DefaultHttpHeaders() {
            @Override
            public String get(String name) {
                throw e;
            }

            @Override
            public String get(CharSequence name) {
                throw e;
            }
        };
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, headers);
        return new ResponseHead(response);
    }
}
