package dev.haul.core.transport;

import javax.net.ssl.SSLHandshakeException;
import java.security.cert.CertificateException;

/** Turns TLS exceptions into sentences a user can act on. */
final class TlsMessages {
    private TlsMessages() {}

    static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof CertificateException || m.contains("PKIX") || m.contains("unable to find valid certification path")) {
                if (m.contains("No subject alternative") || m.contains("No name matching")) {
                    return "TLS certificate does not match the host name (" + m + ")";
                }
                return "TLS certificate not trusted (use --cacert FILE to trust it, or -k to skip verification)";
            }
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "TLS certificate does not match the host name (" + m + ")";
            }
        }
        String m = cause == null ? null : cause.getMessage();
        if (cause instanceof SSLHandshakeException || m == null || m.contains("General OpenSslEngine problem")) {
            return "TLS handshake failed" + (m == null || m.contains("General OpenSslEngine problem") ? "" : ": " + m);
        }
        return "TLS error: " + m;
    }
}
