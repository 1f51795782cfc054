package dev.haul.core.engine;

import dev.haul.core.engine.FakeHost.Sent;

/** Steps shared by the Transfer tests: a transfer brought to a given point of its life. */
final class TransferTesting {
    static final String URL = "http://example.test/file.bin";

    private TransferTesting() {}

    static byte[] body(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }

    /** A 200 with a length and an ETag: a body that can be resumed. */
    static Sent ok(Sent request, int length) {
        return request.respond(200, "Content-Length", Integer.toString(length), "ETag", "\"v1\"");
    }

    /** Admitted, answered 200, and {@code upTo} bytes of {@code body} saved. */
    static Transfer receiving(FakeHost host, byte[] body, int upTo) {
        Transfer t = host.transfer(URL);
        t.admitted();
        ok(host.last(), body.length).body(body, 0, upTo);
        return t;
    }
}
