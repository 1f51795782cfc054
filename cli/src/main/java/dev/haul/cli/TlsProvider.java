package dev.haul.cli;

/**
 * Names the TLS implementation Netty will pick for https: OpenSSL when netty-tcnative is on the
 * class path and loads, else the JDK's. Loading tcnative costs a few hundred milliseconds, so
 * it is only tried when its classes are there at all.
 */
final class TlsProvider {
    private static final String TCNATIVE = "io.netty.internal.tcnative.SSL";

    private TlsProvider() {}

    static String describe() {
        if (!present(TCNATIVE)) return "JDK";
        try {
            if (io.netty.handler.ssl.OpenSsl.isAvailable()) return "OpenSSL (" + io.netty.handler.ssl.OpenSsl.versionString() + ")";
        } catch (LinkageError e) {
            // tcnative present but unusable on this platform: Netty falls back to the JDK too
        }
        return "JDK";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, TlsProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
