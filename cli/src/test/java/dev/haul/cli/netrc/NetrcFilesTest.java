package dev.haul.cli.netrc;

import dev.haul.core.HostCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NetrcFilesTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private Path file;

    @BeforeEach
    void write() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        file = Files.writeString(dir.resolve(".netrc"), "machine h login u password hunter2\n");
    }

    @Test
    void aPrivateFileLoadsWithoutAWarning() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        HostCredentials credentials = NetrcFiles.load(file, true, warnings::add);
        assertEquals("u:hunter2", credentials.forHost("h"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aFileOthersMayReadGetsOneWarningWithoutThePassword() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        NetrcFiles.load(file, true, warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(file.toString()), warnings.get(0));
        assertTrue(warnings.get(0).contains("chmod 600"), warnings.get(0));
        assertFalse(warnings.get(0).contains("hunter2"));
    }

    @Test
    void groupReadIsEnoughForTheWarning() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        NetrcFiles.load(file, true, warnings::add);
        assertEquals(1, warnings.size());
    }

    @Test
    void aMissingHomeNetrcMeansNoCredentials() throws IOException {
        assertSame(HostCredentials.NONE, NetrcFiles.load(dir.resolve("absent"), false, warnings::add));
    }

    @Test
    void aMissingNamedFileIsAnError() {
        assertThrows(NoSuchFileException.class, () -> NetrcFiles.load(dir.resolve("absent"), true, warnings::add));
    }
}
