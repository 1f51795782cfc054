package dev.haul.cli.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the AsciiDoc man page into roff with {@code asciidoctor -b manpage} (Debian's
 * asciidoctor package), plus a gzipped copy as packages ship it. Without asciidoctor the roff
 * page is skipped, not the build; a conversion that runs and fails does fail the build.
 */
final class RoffManPage {
    private RoffManPage() {}

    static void convert(Path adoc, Path roff) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("asciidoctor", "-b", "manpage", "-o", roff.toString(), adoc.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            System.out.println("[haul] asciidoctor is not installed: no roff man page this time (apt-get install asciidoctor)");
            Files.deleteIfExists(roff);
            Files.deleteIfExists(gz(roff));
            return;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("asciidoctor did not finish in 120 s");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(roff)) {
            throw new IOException("asciidoctor -b manpage failed (" + p.exitValue() + "): " + output);
        }
        if (!output.isBlank()) System.out.println("[haul] asciidoctor: " + output.strip());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz(roff)))) {
            Files.copy(roff, out);
        }
    }

    private static Path gz(Path roff) {
        return roff.resolveSibling(roff.getFileName() + ".gz");
    }
}
