package dev.haul.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the requests carry: headers, credentials, redirects. */
final class HttpOptions {
    @Option(names = "--max-redirects", paramLabel = "N", defaultValue = "10", description = "Redirects followed. Default: ${DEFAULT-VALUE}.")
    int maxRedirects;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "Extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-A", "--user-agent"}, paramLabel = "UA", description = "User-Agent to send.")
    String userAgent;

    @Option(names = {"-u", "--user"}, paramLabel = "USER:PASS", description = "Basic credentials, sent only to the URL's own origin.")
    String user;

    @Option(names = "--netrc", description = "Take credentials for each host from ~/.netrc (when -u and the URL give none).")
    boolean netrc;

    @Option(names = "--netrc-file", paramLabel = "FILE", description = "Like --netrc, from FILE.")
    Path netrcFile;
}
