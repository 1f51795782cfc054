package dev.haul.cli.demo;

import dev.haul.cli.ExitCodes;
import dev.haul.cli.HaulCommand;
import dev.haul.cli.Streams;
import dev.haul.cli.UsageException;
import dev.haul.cli.VersionInfo;
import dev.haul.cli.output.Units;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;

/**
 * {@code haul demo}: starts a {@link DemoServer} and runs the ordinary downloader on its
 * catalogue, exactly as if the user had typed {@code haul -d DIR -j N URL...}.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        customSynopsis = "haul demo [-d DIR] [-j N] [HAUL-OPTION...]",
        header = "Downloads made-up files from a server inside haul: works offline.",
        description = "A server inside this process serves made-up files at varied speeds; the ordinary downloader "
                + "fetches them all. One file, broken.iso, fails on purpose; the demo exits 0 when every other file "
                + "arrived with the right sha256, else with the downloader's status. Other haul options (--json, -q, --on-exists, ...) are passed on to the download.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  haul demo",
                "  haul demo -j 8 -d demo-files",
                "  haul demo --json | jq -c 'select(.event==\"done\")'"})
public final class DemoCommand implements Callable<Integer> {
    private static final int WIDTH = 100;
    /** A few retries show the back-off on broken.iso without making the demo drag. */
    private static final String RETRIES = "2";

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", description = "Save into DIR. Default: a new temporary directory.")
    String dir;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "4", description = "Transfers at once. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Unmatched
    List<String> haulOptions = new ArrayList<>();

    private final Streams streams;
    private final Catalogue catalogue;

    public DemoCommand(Streams streams) {
        this(streams, Catalogue.standard());
    }

    /** With another catalogue: tests use tiny, fast files. */
    DemoCommand(Streams streams, Catalogue catalogue) {
        this.streams = streams;
        this.catalogue = catalogue;
    }

    @Override
    public Integer call() {
        if (jobs < 1) throw new UsageException("--jobs must be at least 1");
        PrintStream err = streams.err();
        Path temporary = null;
        String target = dir;
        if (target == null) {
            try {
                temporary = Files.createTempDirectory("haul-demo-");
            } catch (IOException e) {
                err.println("haul demo: cannot create a temporary directory: " + e.getMessage() + " (use -d DIR)");
                return ExitCodes.SOME_FAILED;
            }
            target = temporary.toString();
        }
        boolean quiet = haulOptions.contains("-q") || haulOptions.contains("--quiet");
        int status;
        String dirChecked = target;
        int[] verified = {-1};
        try (DemoServer server = DemoServer.start(catalogue)) {
            IntSupplier run;
            try {
                // broken.iso always fails: the demo succeeded when everything else arrived intact. Decided
                // before the summary, so that --json's exit_code is the status the process exits with.
                run = downloader(server, target).prepare(s -> {
                    if (s != ExitCodes.SOME_FAILED) return s;
                    verified[0] = DemoCheck.verify(catalogue, Path.of(dirChecked));
                    return verified[0] >= 0 ? ExitCodes.OK : s;
                });
            } catch (UsageException e) {
                if (temporary != null) deleteQuietly(temporary);
                throw e;
            }
            if (!quiet) intro(server, target);
            status = run.getAsInt();
        }
        if (verified[0] >= 0 && !quiet) {
            err.println("haul demo: all " + verified[0] + " files verified by sha256; broken.iso failed as designed.");
        }
        if (!quiet) outro(target, status);
        return status;
    }

    /** The ordinary command, given the arguments a user would type. Later options win, so users can override ours. */
    private HaulCommand downloader(DemoServer server, String target) {
        // The server is inside this process: no proxy from the environment can reach it (--proxy '' turns them off).
        List<String> args = new ArrayList<>(List.of("-d", target, "-j", Integer.toString(jobs), "--retries", RETRIES, "--proxy", ""));
        args.addAll(haulOptions);
        args.add("--");
        for (String name : server.names()) args.add(server.url(name).toString());
        HaulCommand haul = new HaulCommand(streams);
        try {
            haul.commandLine(false).setOverwrittenOptionsAllowed(true).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException("demo: " + e.getMessage());
        }
        return haul;
    }

    private static void deleteQuietly(Path emptyDir) {
        try {
            Files.deleteIfExists(emptyDir);
        } catch (IOException ignored) {
            // an empty directory in the temporary folder: not worth a message
        }
    }

    private void intro(DemoServer server, String target) {
        PrintStream err = streams.err();
        err.println("haul demo: serving " + catalogue.names().size() + " made-up files from " + server.url("")
                + ", inside this process (works offline):");
        List<String> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Resource r : catalogue.resources()) {
            if (r instanceof Resource.Synthetic f) {
                files.add(f.name() + " " + Units.bytes(f.size()) + " @ " + Units.speed(f.bytesPerSecond()));
            } else if (r instanceof Resource.Redirect f) {
                notes.add(f.name() + " redirects to " + f.target() + " (and is saved as " + f.name() + ")");
            } else if (r instanceof Resource.Failing f) {
                notes.add(f.name() + " answers HTTP " + f.status() + " every time: it fails on purpose (the demo still exits 0 when all else arrives intact)");
            }
        }
        wrap(err, files, ",", ".");
        for (String note : notes) wrap(err, List.of(note.split(" ")), "", ".");
        err.println("haul demo: saving into " + target + ", " + jobs + " at a time; saved paths go to stdout.");
        if (streams.stderrIsTerminal()) {
            err.println("haul demo: keys: j/k select a transfer, c cancels it, p pauses or resumes it, + and - change how many run at once,");
            err.println("haul demo:       a adds a URL, ? shows every key, Ctrl-Z suspends (fg resumes), q quits (.part files are kept).");
        }
        err.println("haul demo: also try  haul demo --json | jq -c .   or   haul demo -d demo-files  twice (see --on-exists).");
    }

    private void outro(String target, int status) {
        PrintStream err = streams.err();
        if (status == ExitCodes.INTERRUPTED || status == ExitCodes.TERMINATED) {
            err.println("haul demo: stopped, and the server with it; unfinished downloads keep their .part files in " + target);
        } else if (status == ExitCodes.SOME_FAILED) {
            err.println("haul demo: finished, server stopped; the files are in " + target
                    + ". Exit status 1: a download failed (broken.iso does, on purpose).");
        } else {
            err.println("haul demo: finished, server stopped; the files are in " + target);
        }
    }

    /**
     * Prints the items indented and space-separated, each but the last followed by {@code mark}
     * and the last by {@code end}, broken between items to stay within {@link #WIDTH} columns.
     */
    private static void wrap(PrintStream err, List<String> items, String mark, String end) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i == items.size() - 1 ? end : mark);
            if (line.length() > 2 && line.length() + 1 + item.length() > WIDTH) {
                err.println(line);
                line.setLength(0);
                line.append("  ");
            }
            if (line.length() > 2) line.append(' ');
            line.append(item);
        }
        if (line.length() > 2) err.println(line);
    }
}
