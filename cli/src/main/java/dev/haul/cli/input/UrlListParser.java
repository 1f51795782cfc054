package dev.haul.cli.input;

import dev.haul.core.DownloadRequest;
import dev.haul.core.Secrets;
import dev.haul.core.Urls;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the lines of a URL list ({@code -i FILE}, {@code -i -}, or standard input).
 *
 * <p>A line is a URL followed by whitespace-separated options {@code out=NAME} and
 * {@code sha256=HEX}; more URLs on the line (any token with {@code ://}) are other sources of
 * the same file. Blank lines and comments ({@code #} as the first non-blank character)
 * are ignored. Each line stands alone, so a list can be parsed as it streams in.
 */
public final class UrlListParser {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String OPTIONS_HINT = "(options are out=NAME and sha256=HEX)";

    private UrlListParser() {}

    /**
     * Empty for blank lines and lines whose first non-blank char is '#'. Otherwise the URL
     * (first whitespace-separated token, parsed by {@link Urls#parse}) then options
     * {@code out=NAME} and {@code sha256=HEX} (64 hex digits, stored lowercase). Unknown
     * option, malformed sha256, duplicate option, or bad URL give an {@link ListEntry.Invalid}
     * whose message starts with {@code "line N: "}. Trailing {@code \r} is stripped (CRLF files).
     *
     * @param line       one line of the list, without its {@code \n}
     * @param lineNumber its 1-based number, used in messages
     */
    public static Optional<ListEntry> parseLine(String line, int lineNumber) {
        Objects.requireNonNull(line, "line");
        String text = line;
        // A UTF-8 byte order mark, as some Windows editors write, is not part of the first URL.
        if (lineNumber == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
        // strip() also drops the '\r' that CRLF files leave at the end of each line.
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '#') return Optional.empty();

        String[] tokens = WHITESPACE.split(trimmed);
        String rawUrl = tokens[0];
        String shownUrl = Secrets.maskUrl(rawUrl);
        String prefix = lineNumber > 0 ? "line " + lineNumber + ": " : "";

        URI url;
        try {
            url = Urls.parse(rawUrl);
        } catch (IllegalArgumentException e) {
            return invalid(shownUrl, prefix + e.getMessage());
        }

        String outName = null;
        String sha256 = null;
        java.util.List<URI> mirrors = new java.util.ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.contains("://")) {
                try {
                    mirrors.add(Urls.parse(token));
                } catch (IllegalArgumentException e) {
                    return invalid(shownUrl, prefix + "source " + Secrets.maskUrl(token) + ": " + e.getMessage());
                }
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                return invalid(shownUrl, prefix + "unexpected '" + token + "' after the URL " + OPTIONS_HINT);
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            switch (key) {
                case "out" -> {
                    if (outName != null) return invalid(shownUrl, prefix + "out= is given twice");
                    if (value.isEmpty()) return invalid(shownUrl, prefix + "out= needs a file name");
                    outName = value;
                }
                case "sha256" -> {
                    if (sha256 != null) return invalid(shownUrl, prefix + "sha256= is given twice");
                    if (!SHA256.matcher(value).matches()) {
                        return invalid(shownUrl, prefix + "sha256= must be 64 hex digits, got '" + value + "'");
                    }
                    sha256 = value.toLowerCase(Locale.ROOT);
                }
                default -> {
                    return invalid(shownUrl, prefix + "unknown option '" + key + "=' " + OPTIONS_HINT);
                }
            }
        }
        return Optional.of(new ListEntry.Request(new DownloadRequest(url, outName, sha256).withMirrors(mirrors)));
    }

    private static Optional<ListEntry> invalid(String shownUrl, String message) {
        return Optional.of(new ListEntry.Invalid(shownUrl, message));
    }
}
