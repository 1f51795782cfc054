package dev.haul.core;

/** Which HTTP versions haul may speak: the contract's default, {@code --http1.1} or {@code --http2}. */
public enum HttpVersions {
    /** h2 offered over TLS through ALPN, HTTP/1.1 when the server does not pick it; plain http is HTTP/1.1. */
    AUTO,
    /** HTTP/1.1 only: no ALPN offer. */
    HTTP1_1,
    /** h2 only: the only ALPN offer over TLS, and prior-knowledge h2c for http:// URLs. */
    HTTP2
}
