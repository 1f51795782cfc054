package dev.haul.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Not a user command: copies Netty's native libraries for this machine (epoll, and BoringSSL
 * through netty-tcnative) out of the jar into a directory, once, for the launcher to name in
 * {@code java.library.path}. Netty looks there first; without it, every run copies each library
 * out of the jar into a temporary file, seeding a SecureRandom for the file's name (about 20 ms
 * of a 1 KiB download's start).
 *
 * <p>Run by the launcher's background job: {@code java -cp haul.jar dev.haul.cli.NativeLibraries DIR}.
 * Exits 1 when this platform has no library of haul's, so that the launcher does not ask again.
 */
public final class NativeLibraries {
    private NativeLibraries() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: NativeLibraries DIR");
            System.exit(2);
        }
        System.exit(extract(Path.of(args[0])) > 0 ? 0 : 1);
    }

    /** Copies this machine's libraries into {@code dir} (created if missing); returns how many. */
    static int extract(Path dir) throws IOException {
        List<String> names = forThisMachine();
        if (names.isEmpty()) return 0;
        Files.createDirectories(dir);
        int copied = 0;
        for (String name : names) {
            try (InputStream in = NativeLibraries.class.getResourceAsStream("/META-INF/native/" + name)) {
                if (in == null) continue;
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
        }
        return copied;
    }

    /** The file names Netty asks for on this OS and processor (Linux only: epoll and tcnative). */
    static List<String> forThisMachine() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return List.of();
        String arch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch_64";
            default -> null;
        };
        if (arch == null) return List.of();
        return List.of("libnetty_transport_native_epoll_" + arch + ".so", "libnetty_tcnative_linux_" + arch + ".so");
    }
}
