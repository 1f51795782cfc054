package dev.haul.cli;

import dev.haul.core.Version;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What {@code haul --version} prints: the version, the commit it was built from (written into
 * the jar at build time; "unknown" when the build had no git), the Java runtime, and the TLS
 * provider that https transfers will use.
 */
public final class VersionInfo implements IVersionProvider {
    static final String BUILD_PROPERTIES = "/dev/haul/cli/build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
                "haul " + Version.get() + " (commit " + commit() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                        + ", " + System.getProperty("java.vendor") + ")",
                "TLS: " + TlsProvider.describe(),
                "Protocols: http/1.1, h2 (over TLS by ALPN; h2c by prior knowledge with --http2)"
        };
    }

    /** The abbreviated commit id, with "-dirty" when the work tree had changes; "unknown" without git. */
    static String commit() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        String id = p.getProperty("commit", "");
        // An unfiltered placeholder means the build could not read git (no repository, no git).
        if (id.isBlank() || id.contains("${")) return "unknown";
        return "true".equals(p.getProperty("dirty")) ? id + "-dirty" : id;
    }
}
