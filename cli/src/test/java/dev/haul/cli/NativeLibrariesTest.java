package dev.haul.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
    @Test
    void onLinuxX8664TheEpollAndBoringSslLibrariesAreCopiedByteForByte(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").contains("Linux") && System.getProperty("os.arch").equals("amd64"));
        List<String> names = NativeLibraries.forThisMachine();
        assertEquals(List.of("libnetty_transport_native_epoll_x86_64.so", "libnetty_tcnative_linux_x86_64.so"), names);

        assertEquals(2, NativeLibraries.extract(dir.resolve("native")));

        for (String name : names) {
            try (InputStream in = NativeLibraries.class.getResourceAsStream("/META-INF/native/" + name)) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(dir.resolve("native").resolve(name)), name);
            }
        }
    }
}
