package dev.haul.cli.build;

import dev.haul.cli.CompletionCommand;
import dev.haul.cli.Main;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes, from the same command model that parses haul's arguments, into the directory given:
 * {@code completion/haul.bash}, {@code completion/_haul} (zsh), {@code man/haul.adoc}, and, when
 * asciidoctor is installed, {@code man/haul.1} and {@code man/haul.1.gz}. Arguments: the output
 * directory and the version. Run by exec:java in
 * Maven's JVM: it returns instead of exiting, and throws to fail the build.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) throw new IllegalArgumentException("usage: GenerateDocs OUTPUT-DIR VERSION");
        Path out = Path.of(args[0]);
        CommandLine model = Main.model();
        // Classes run from target/classes have no manifest to read the version from.
        model.getCommandSpec().versionProvider(null).version("haul " + args[1]);
        // The man page's NAME line: one short phrase (--help opens with the description instead).
        model.getCommandSpec().usageMessage().header("download many files at once over HTTP and HTTPS");

        Path completion = Files.createDirectories(out.resolve("completion"));
        write(completion.resolve("haul.bash"), CompletionCommand.script(model, CompletionCommand.Shell.bash));
        write(completion.resolve("_haul"), CompletionCommand.script(model, CompletionCommand.Shell.zsh));

        Path man = Files.createDirectories(out.resolve("man"));
        Path adoc = man.resolve("haul.adoc");
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(adoc, StandardCharsets.UTF_8))) {
            ManPageGenerator.writeSingleManPage(pw, model.getCommandSpec());
        }
        RoffManPage.convert(adoc, man.resolve("haul.1"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
