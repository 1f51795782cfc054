package dev.haul.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * haul's command line as picocli's model, built by code instead of read from annotations. Reading
 * annotations costs a fresh JVM most of a tiny download's start: a generated proxy class per
 * annotation type, reflection over every field, and the option groups' help texts worked out up
 * front (about 90 ms of 270 on one core). Built here, the model is plain objects.
 *
 * <p>The help, man page and completion scripts want the options in groups ("Input:", "Output:",
 * ...); a download does not, so a model is made {@code grouped} only for those. Both parse the same.
 * After parsing, {@link #copyValues} puts the values where {@link Settings} reads them.
 */
final class CommandModel {
    static final String DESCRIPTION = "Downloads many files at once over HTTP and HTTPS, on one event-loop thread.%n"
            + "Saved paths go to stdout, one per line as each file completes; messages go to stderr.";
    static final String[] FOOTER = {
            "  haul https://example.org/file.iso",
            "  haul -j 32 -d downloads -i urls.txt",
            "  generate-urls | haul -0 -d out | xargs -0 sha256sum",
            "  haul --json -i urls.txt | jq -c 'select(.event==\"failed\")'",
            "  haul --netrc --proxy proxy.example:3128 https://example.org/f",
            "  haul demo                  (a built-in server: works offline)",
            "  source <(haul completion bash)",
            "",
            "Config file: $XDG_CONFIG_HOME/haul/config (default: ~/.config/haul/config) sets defaults for long options, "
                    + "one 'name = value' a line ('jobs = 16'; a bare 'insecure' turns a flag on; '#' starts a comment line). "
                    + "The command line wins; --no-config ignores the file.",
            "",
            "Exit status: 0 all saved, 1 some failed (or standard output closed), 2 usage error, 130/143 interrupted."};

    private CommandModel() {}

    /** The model of {@code haul} for {@code command}, which runs when the parsed line asks for a download. */
    static CommandSpec of(HaulCommand command, boolean grouped) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("haul");
        spec.versionProvider(new VersionInfo());
        spec.usageMessage().sortOptions(false).autoWidth(true).description(DESCRIPTION)
                .footerHeading("%nExamples:%n").footer(FOOTER);

        spec.addPositional(PositionalParamSpec.builder().paramLabel("URL").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class)
                .description("http:// or https:// URLs to download.").build());
        spec.addOption(flag("Ignore the config file.", "--no-config"));
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());

        Groups groups = new Groups(spec, grouped);
        groups.add("Input", 1,
                option(String.class, "FILE", null, "Read URLs from FILE, one per line ('-' for standard input). "
                        + "Lines may add out=NAME and sha256=HEX, and more URLs of the same file.", "-i", "--input-file"),
                OptionSpec.builder("--mirror").paramLabel("URL").type(List.class).auxiliaryTypes(String.class)
                        .description("Another source of the single URL given (repeatable): the same file, fetched "
                                + "in ranges from all of them.").build());
        groups.add("Output", 2,
                option(String.class, "DIR", null, "Save into DIR (created if missing). Default: ${DEFAULT-VALUE}.", "-d", "--dir"),
                option(String.class, "NAME", null, "Save the single URL as NAME; '-' writes the body to standard output.", "-o", "--output"),
                option(String.class, "MODE", "rename", "When NAME exists: rename (save as NAME.1, NAME.2, ...), skip, overwrite "
                        + "or fail. Default: ${DEFAULT-VALUE}.", "--on-exists"),
                option(String.class, "HEX", null, "Expected SHA-256 of the single URL's body; a mismatch fails it.", "--sha256"),
                flag("End each saved path on stdout with NUL instead of a newline (for xargs -0).", "-0", "--null"));
        groups.add("Concurrency", 3,
                option(int.class, "N", "8", "Transfers at once. Default: ${DEFAULT-VALUE}.", "-j", "--jobs"),
                option(int.class, "N", "0", "Connections to one host (scheme, host, port) at once; 0: no cap beyond --jobs. "
                        + "Default: ${DEFAULT-VALUE}.",
                        "--per-host"),
                option(String.class, "N|auto", "1", "Connections for one file (segmented download); auto adds them "
                        + "while each raises the rate by 10 %%, up to 16. Default: ${DEFAULT-VALUE}.",
                        "-x", "--connections"),
                option(String.class, "RATE", null, "Cap on all transfers together, in bytes per second (500K, 2M, 1G). "
                        + "Default: ${DEFAULT-VALUE}.",
                        "--limit-rate"));
        groups.add("HTTP", 4,
                option(int.class, "N", "10", "Redirects followed. Default: ${DEFAULT-VALUE}.", "--max-redirects"),
                OptionSpec.builder("-H", "--header").paramLabel("'NAME: VALUE'").type(List.class).auxiliaryTypes(String.class)
                        .description("Extra request header (repeatable).").build(),
                option(String.class, "UA", null, "User-Agent to send. Default: ${DEFAULT-VALUE}.", "-A", "--user-agent"),
                option(String.class, "USER:PASS", null, "Basic credentials, sent only to the URL's own origin.", "-u", "--user"),
                flag("Take credentials for each host from ~/.netrc (when -u and the URL give none).", "--netrc"),
                option(Path.class, "FILE", null, "Like --netrc, from FILE.", "--netrc-file"),
                flag("Speak HTTP/1.1 only (no h2 offered over TLS).", "--http1.1"),
                flag("Speak HTTP/2 only: h2 over TLS, prior-knowledge h2c for http:// URLs.", "--http2"));
        groups.add("TLS", 5,
                option(Path.class, "FILE", null, "Also trust the certificates in this PEM file.", "--cacert"),
                flag("Do not verify TLS certificates or host names.", "-k", "--insecure"));
        groups.add("Proxy", 6,
                OptionSpec.builder("--proxy").paramLabel("URL").type(String.class).description(
                        "Send requests through this proxy: [http:// or socks5://][USER:PASS@]HOST[:PORT] "
                                + "(port 1080 by default, as in curl); '' turns proxies off.",
                        "Without it: http_proxy or HTTP_PROXY, https_proxy or HTTPS_PROXY, then all_proxy or ALL_PROXY "
                                + "(lower case first; empty counts as unset). "
                                + "no_proxy or NO_PROXY lists hosts, domains, IPs, CIDR ranges (':PORT' optional) or * to reach directly.")
                        .build());
        groups.add("Retries and timeouts", 7,
                option(int.class, "N", "5", "Retries of a failed attempt. Default: ${DEFAULT-VALUE}.", "--retries"),
                option(double.class, "SEC", "10", "Connect budget in seconds. Default: ${DEFAULT-VALUE}.", "--connect-timeout"),
                option(double.class, "SEC", "30", "Fail an attempt after this many seconds without body bytes. "
                        + "Default: ${DEFAULT-VALUE}.", "--stall-timeout"));
        groups.add("Queue and updates", 9,
                flag("Ask the server whether each existing file changed (its recorded ETag, its time); "
                        + "replace it only with a newer version.", "-N", "--update"),
                option(String.class, "FILE", null, "Keep the queue in FILE (list format), always current: every item "
                        + "not yet saved. A rerun with it continues.", "--session"),
                option(String.class, "K/N", null, "Only the list items in shard K of N (by a hash of the first URL).",
                        "--shard"));
        groups.add("Display", 8,
                flag("Print one JSON event per line on stdout instead of saved paths.", "--json"),
                flag("Print errors only on stderr.", "-q", "--quiet"),
                flag("Print more detail, and stack traces for internal errors.", "-v", "--verbose"));
        return spec;
    }

    /** Copies the parsed (or default, or config file's) values into the command's option holders. */
    static void copyValues(CommandSpec spec, HaulCommand c) {
        c.urls = list(spec.positionalParameters().get(0));
        c.noConfig = flag(spec, "--no-config");
        c.input.inputFile = value(spec, "--input-file");
        c.input.mirrors = list(spec.findOption("--mirror"));
        c.output.dir = value(spec, "--dir");
        c.output.output = value(spec, "--output");
        c.output.onExists = value(spec, "--on-exists");
        c.output.sha256 = value(spec, "--sha256");
        c.output.nul = flag(spec, "--null");
        c.concurrency.jobs = value(spec, "--jobs");
        c.concurrency.perHost = value(spec, "--per-host");
        c.concurrency.connections = connections(value(spec, "--connections"));
        c.concurrency.limitRate = value(spec, "--limit-rate");
        c.http.maxRedirects = value(spec, "--max-redirects");
        c.http.headers = list(spec.findOption("--header"));
        c.http.userAgent = value(spec, "--user-agent");
        c.http.user = value(spec, "--user");
        c.http.netrc = flag(spec, "--netrc");
        c.http.netrcFile = value(spec, "--netrc-file");
        c.http.http11 = flag(spec, "--http1.1");
        c.http.http2 = flag(spec, "--http2");
        CommandLine.ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        c.http.http11Given = parsed != null && parsed.hasMatchedOption("--http1.1");
        c.http.http2Given = parsed != null && parsed.hasMatchedOption("--http2");
        c.tls.cacert = value(spec, "--cacert");
        c.tls.insecure = flag(spec, "--insecure");
        c.proxy.url = value(spec, "--proxy");
        c.retry.retries = value(spec, "--retries");
        c.retry.connectTimeout = value(spec, "--connect-timeout");
        c.retry.stallTimeout = value(spec, "--stall-timeout");
        c.display.json = flag(spec, "--json");
        c.display.quiet = flag(spec, "--quiet");
        c.display.verbose = flag(spec, "--verbose");
        c.queue.update = flag(spec, "--update");
        c.queue.session = value(spec, "--session");
        c.queue.shard = value(spec, "--shard");
        c.queue.onExistsGiven = given(spec, "--on-exists");
    }

    /** -x: a count, or auto (0); -1 when it is neither, for Settings to refuse. */
    private static int connections(Object raw) {
        String text = String.valueOf(raw).trim();
        if (text.equalsIgnoreCase("auto")) return dev.haul.core.EngineConfig.AUTO_CONNECTIONS;
        try {
            int n = Integer.parseInt(text);
            return n >= 1 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OptionSpec option(Class<?> type, String label, String defaultValue, String description, String... names) {
        OptionSpec.Builder b = OptionSpec.builder(names).paramLabel(label).type(type).description(description);
        if (defaultValue != null) b.defaultValue(defaultValue);
        return b.build();
    }

    private static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").description(description).build();
    }

    /** The parsed, configured or default value (always the plain model's: see {@link Main#commandLine}). */
    @SuppressWarnings("unchecked")
    private static <T> T value(CommandSpec spec, String longName) {
        return (T) spec.findOption(longName).getValue();
    }

    /** Given on the command line or in the config file (not just the built-in default). */
    private static boolean given(CommandSpec spec, String longName) {
        OptionSpec o = spec.findOption(longName);
        CommandLine.ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        if (parsed != null && parsed.hasMatchedOption(o)) return true;
        try {
            return spec.defaultValueProvider() != null && spec.defaultValueProvider().defaultValue(o) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean flag(CommandSpec spec, String longName) {
        return Boolean.TRUE.equals(spec.findOption(longName).getValue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(ArgSpec arg) {
        Object v = arg.getValue();
        return v == null ? new ArrayList<>() : new ArrayList<>((List<String>) v);
    }

    /** Adds options to the command: in help sections when grouped, plainly otherwise. */
    private record Groups(CommandSpec spec, boolean grouped) {
        void add(String heading, int order, OptionSpec... options) {
            if (!grouped) {
                for (OptionSpec o : options) spec.addOption(o);
                return;
            }
            ArgGroupSpec.Builder group = ArgGroupSpec.builder().heading("%n" + heading + ":%n").order(order).validate(false);
            for (OptionSpec o : options) group.addArg(o);
            spec.addArgGroup(group.build());
        }
    }

    /** A command line for {@code command} on this model. */
    static CommandLine commandLine(HaulCommand command, boolean grouped) {
        CommandSpec spec = of(command, grouped);
        command.spec = spec;
        return new CommandLine(spec);
    }
}
