package dev.haul.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs haul in-process with captured streams and a made-up environment: tests never see the real home or variables. */
final class Harness {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> variables = new HashMap<>();
    private final Path home;

    Harness(Path home) {
        this.home = home;
    }

    Harness env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Environment environment() {
        return new Environment(variables, home);
    }

    Streams streams() {
        return new Streams(InputStream.nullInputStream(), out, new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
    }

    int haul(String... args) {
        return Main.run(args, streams(), environment());
    }

    /** The options as a run would see them (config file included), checked, without running anything. */
    Settings settings(String... args) {
        CommandLine cli = Main.commandLine(args, streams(), environment());
        cli.parseArgs(args);
        return ((HaulCommand) cli.getCommand()).settings();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
