package dev.haul.core.storage;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the name a download is saved under, following the contract's "Where bytes go": the
 * user's {@code -o} name, else the Content-Disposition file name, else the last segment of the
 * URL, else {@link #FALLBACK}. Every name that leaves this class has gone through
 * {@link #sanitize(String)}, so it is a single path component that stays inside the target
 * directory.
 *
 * <p>Sanitizing rules, in order:
 * <ol>
 *   <li>Base name only: both {@code /} and {@code \} are separators; the part after the last one
 *       is kept.</li>
 *   <li>NUL and control characters (C0, DEL, C1) are removed, and so are unpaired surrogates
 *       (they cannot be written as UTF-8), bidirectional-override marks (they make
 *       {@code "evil\u202Etxt.exe"} display as {@code "evilexe.txt"}) and the Unicode line and
 *       paragraph separators (they break a progress line on a terminal).</li>
 *   <li>Leading dots and whitespace are stripped, so {@code ".."}, {@code "."} and
 *       {@code ".bashrc"} cannot name a parent, the directory itself, or a hidden file.</li>
 *   <li>Trailing dots and whitespace are stripped too. Windows (and SMB/NTFS mounts) silently
 *       drop them, so {@code "a.txt."} would be written as {@code "a.txt"} there, and a trailing
 *       space is invisible in a listing; both are more often a server's typo than intent.</li>
 *   <li>The result is at most 241 bytes in UTF-8 (255, less room for the part and sidecar suffixes), cut on a code point boundary. A short
 *       extension such as {@code ".tar.gz"} or {@code ".part"} is kept when cutting.</li>
 *   <li>An empty result means "no usable name" and the next source is tried.</li>
 * </ol>
 */
public final class TargetNames {
    /** The name used when neither the user, the server, nor the URL offers a usable one. */
    public static final String FALLBACK = "index.html";

    /** The longest file name, in UTF-8 bytes, that common Linux and macOS file systems accept. */
    /**
     * File systems allow 255 bytes a name; haul also writes {@code NAME.part.meta.tmp} beside the
     * download, 14 bytes longer, so a saved name gets at most 241.
     */
    static final int MAX_BYTES = 255 - ".part.meta.tmp".length();
    /** The longest suffix (dot included, all segments together) kept when a long name is cut. */
    static final int MAX_EXTENSION_BYTES = 16;
    private static final int MAX_EXTENSION_SEGMENTS = 3;
    private static final int MAX_EXTENSION_SEGMENT_CHARS = 10;

    private TargetNames() {}

    /** Safe base name or empty when nothing usable remains. */
    public static Optional<String> sanitize(String raw) {
        if (raw == null) return Optional.empty();
        int separator = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
        String base = raw.substring(separator + 1);
        String name = trim(dropUnsafe(base));
        if (name.isEmpty()) return Optional.empty();
        name = fit(name, MAX_BYTES);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) return Optional.empty();
        return Optional.of(name);
    }

    /**
     * Name from a Content-Disposition header value: filename* (RFC 5987/8187, e.g.
     * UTF-8''na%C3%AFve.txt, charset UTF-8 or ISO-8859-1, case-insensitive param names) wins over
     * filename (quoted-string with backslash escapes, or token). Sanitized. Empty when
     * absent/unusable.
     *
     * <p>A {@code filename*} that cannot be decoded (unknown charset, malformed UTF-8) or that
     * sanitizes to nothing is skipped in favour of {@code filename}. A plain {@code filename}
     * whose characters are all single bytes and which forms valid UTF-8 is read as UTF-8, as
     * browsers do: servers often send raw UTF-8 there, and header values reach us as ISO-8859-1.
     */
    public static Optional<String> fromContentDisposition(String headerValue) {
        if (headerValue == null) return Optional.empty();
        Map<String, String> params = dispositionParameters(headerValue);
        String extended = params.get("filename*");
        if (extended != null) {
            Optional<String> name = decodeExtValue(extended).flatMap(TargetNames::sanitize);
            if (name.isPresent()) return name;
        }
        String plain = params.get("filename");
        if (plain != null) return sanitize(utf8IfPossible(plain));
        return Optional.empty();
    }

    /**
     * Last non-empty path segment of the URL *as given* (uri.getRawPath()), percent-decoded once
     * as UTF-8 (invalid sequences kept literally), sanitized. Query and fragment ignored.
     *
     * <p>Only that one raw segment is considered: if it decodes to something with no usable base
     * name (for example {@code %2e%2e%2f}, which is {@code "../"}), the result is empty rather
     * than an earlier segment.
     */
    public static Optional<String> fromUrl(URI url) {
        if (url == null) return Optional.empty();
        String path = url.getRawPath();
        if (path == null) return Optional.empty();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        if (end == 0) return Optional.empty();
        int start = path.lastIndexOf('/', end - 1) + 1;
        return sanitize(percentDecode(path.substring(start, end)));
    }

    /**
     * The contract's order: outName (sanitized) if non-null, then Content-Disposition (may be
     * null), then URL (may be null), then {@link #FALLBACK}. An outName that sanitizes to nothing
     * (such as {@code ".."}) counts as absent. Never returns an unsafe name.
     */
    public static String choose(String outName, String contentDisposition, URI url) {
        return choose(outName, contentDisposition, url, FILE_NAME_CHARSET);
    }

    /** As {@link #choose(String, String, URI)}, for a platform whose file names are in {@code fileNames}. */
    static String choose(String outName, String contentDisposition, URI url, Charset fileNames) {
        String name = sanitize(outName)
                .or(() -> fromContentDisposition(contentDisposition))
                .or(() -> fromUrl(url))
                .orElse(FALLBACK);
        return representable(name, fileNames);
    }

    /**
     * The charset the JVM turns file names into bytes with ({@code sun.jnu.encoding}, from the
     * locale at start-up): under {@code LANG=C} it is ASCII, and a name with {@code é} in it cannot
     * become a path at all (InvalidPathException). The launcher starts the JVM with a UTF-8 locale;
     * this covers {@code java -jar} under such a locale.
     */
    private static final Charset FILE_NAME_CHARSET = platformFileNames();

    private static Charset platformFileNames() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * {@code name} with each character the platform cannot write in a file name replaced by
     * {@code _} (a safe fallback, never an exception); unchanged when all can be written.
     */
    static String representable(String name, Charset fileNames) {
        if (isAscii(name) || fileNames.name().startsWith("UTF-")) return name;
        var encoder = fileNames.newEncoder();
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            out.append(encoder.canEncode(ch) ? ch : "_");
        });
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /**
     * Candidate names for --on-exists rename: n==0 -> name, n>=1 -> name + "." + n (e.g.
     * "a.txt.1"), kept within {@link #MAX_BYTES} UTF-8 bytes by shortening the name before the suffix (keeping
     * its short extension, as {@link #sanitize(String)} does). {@code name} is expected to be a
     * sanitized name, such as one from {@link #choose}.
     */
    public static String numbered(String name, int n) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("empty name");
        if (n < 0) throw new IllegalArgumentException("negative candidate number: " + n);
        if (n == 0) return name;
        String suffix = "." + n;
        return fit(name, MAX_BYTES - suffix.length()) + suffix;
    }

    // ---- sanitizing ------------------------------------------------------------------------

    private static String dropUnsafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (!Character.isSurrogate(c) && !isUnsafeChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isUnsafeChar(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) // NUL, C0, DEL, C1
                || c == '\u061C' || c == '\u200E' || c == '\u200F' // bidi marks
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') // bidi overrides
                || c == '\u2028' || c == '\u2029'; // line and paragraph separators
    }

    /** Strips leading and trailing dots and whitespace (see the class comment for why both ends). */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isDotOrBlank(s.charAt(start))) start++;
        while (end > start && isDotOrBlank(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isDotOrBlank(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    /** All Unicode space characters are in the BMP, so a char-wise test is enough. */
    private static boolean isDotOrBlank(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Shortens {@code name} to at most {@code maxBytes} UTF-8 bytes, cutting on a code point
     * boundary, keeping a short extension and stripping dots and blanks left at the cut.
     */
    static String fit(String name, int maxBytes) {
        if (utf8Length(name) <= maxBytes) return name;
        String extension = extension(name);
        if (extension.length() * 2 > maxBytes) extension = "";
        String base = name.substring(0, name.length() - extension.length());
        String cut = trimEnd(prefixWithin(base, maxBytes - extension.length()));
        if (cut.isEmpty()) return trimEnd(prefixWithin(name, maxBytes));
        return cut + extension;
    }

    /**
     * The short extension worth keeping: up to three trailing ".segment"s of ASCII letters and
     * digits (".gz", ".tar.gz", ".tar.gz.part"), at most {@value #MAX_EXTENSION_BYTES} bytes in
     * all, with something before the first dot. Empty when there is none.
     */
    static String extension(String name) {
        int start = name.length();
        for (int segment = 0; segment < MAX_EXTENSION_SEGMENTS; segment++) {
            int i = start;
            while (i > 0 && start - i < MAX_EXTENSION_SEGMENT_CHARS && isAsciiLetterOrDigit(name.charAt(i - 1))) i--;
            int dot = i - 1;
            if (i == start || dot < 1 || name.charAt(dot) != '.') break;
            if (name.length() - dot > MAX_EXTENSION_BYTES) break;
            start = dot;
        }
        return name.substring(start);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The longest prefix of {@code s} that fits in {@code maxBytes} UTF-8 bytes, whole code points only. */
    private static String prefixWithin(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = utf8Length(cp);
            if (bytes + size > maxBytes) break;
            bytes += size;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            bytes += utf8Length(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /** Bytes of one code point in UTF-8; a lone surrogate counts as 3 (never less than it could cost). */
    private static int utf8Length(int cp) {
        if (cp < 0x80) return 1;
        if (cp < 0x800) return 2;
        if (cp < 0x10000) return 3;
        return 4;
    }

    // ---- Content-Disposition ---------------------------------------------------------------

    /**
     * The parameters of a Content-Disposition value, names lower-cased, first occurrence wins.
     * The disposition type and anything without '=' is skipped. Quoted values are unescaped
     * ({@code \x} is {@code x}); an unterminated quote runs to the end of the value.
     */
    private static Map<String, String> dispositionParameters(String v) {
        Map<String, String> params = new HashMap<>();
        int n = v.length();
        int i = 0;
        while (i < n) {
            int nameStart = i;
            while (i < n && v.charAt(i) != '=' && v.charAt(i) != ';') i++;
            String name = v.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || v.charAt(i) == ';') {
                i++;
                continue;
            }
            i++; // '='
            while (i < n && (v.charAt(i) == ' ' || v.charAt(i) == '\t')) i++;
            String value;
            if (i < n && v.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < n && v.charAt(i) != '"') {
                    char c = v.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        quoted.append(v.charAt(i + 1));
                        i += 2;
                    } else {
                        quoted.append(c);
                        i++;
                    }
                }
                while (i < n && v.charAt(i) != ';') i++; // closing quote and any junk after it
                value = quoted.toString();
            } else {
                int valueStart = i;
                while (i < n && v.charAt(i) != ';') i++;
                value = v.substring(valueStart, i).trim();
            }
            i++; // ';'
            if (!name.isEmpty()) params.putIfAbsent(name, value);
        }
        return params;
    }

    /**
     * Decodes an RFC 8187 ext-value, {@code charset'language'percent-encoded}. Only UTF-8 and
     * ISO-8859-1 are accepted. Characters up to U+00FF outside escapes are taken as the raw
     * header bytes they were read from; anything else, or malformed UTF-8, makes it unusable.
     */
    private static Optional<String> decodeExtValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) return Optional.empty();
        String charsetName = value.substring(0, first).trim();
        Charset charset;
        if (charsetName.equalsIgnoreCase("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (charsetName.equalsIgnoreCase("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return Optional.empty();
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) >= 0 && hex(encoded.charAt(i + 2)) >= 0) {
                bytes.write(hex(encoded.charAt(i + 1)) << 4 | hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c <= 0xff) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        return decodeStrictly(bytes.toByteArray(), charset);
    }

    /** Reads a string of single-byte characters as UTF-8 when it is valid UTF-8 with non-ASCII in it. */
    private static String utf8IfPossible(String s) {
        boolean nonAscii = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xff) return s;
            if (c >= 0x80) nonAscii = true;
        }
        if (!nonAscii) return s;
        return decodeStrictly(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).orElse(s);
    }

    private static Optional<String> decodeStrictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    // ---- URL paths -------------------------------------------------------------------------

    /**
     * Percent-decodes once as UTF-8. An escape that is not part of a valid UTF-8 sequence, and a
     * '%' not followed by two hex digits, are kept as written.
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (!isEscape(s, i)) {
                out.append(s.charAt(i++));
                continue;
            }
            int runStart = i;
            while (isEscape(s, i)) i += 3;
            byte[] bytes = new byte[(i - runStart) / 3];
            for (int b = 0; b < bytes.length; b++) {
                int at = runStart + 3 * b;
                bytes[b] = (byte) (hex(s.charAt(at + 1)) << 4 | hex(s.charAt(at + 2)));
            }
            appendUtf8KeepingInvalid(bytes, s, runStart, out);
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
    }

    /**
     * Decodes {@code bytes}, which came from the escapes starting at {@code runStart} in
     * {@code source} (three characters per byte); a byte that does not start a valid sequence is
     * replaced by its original escape text.
     */
    private static void appendUtf8KeepingInvalid(byte[] bytes, String source, int runStart, StringBuilder out) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xff;
            int more;
            int cp;
            int min;
            if (lead < 0x80) {
                more = 0;
                cp = lead;
                min = 0;
            } else if (lead >= 0xc2 && lead <= 0xdf) {
                more = 1;
                cp = lead & 0x1f;
                min = 0x80;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                more = 2;
                cp = lead & 0x0f;
                min = 0x800;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                more = 3;
                cp = lead & 0x07;
                min = 0x10000;
            } else {
                more = -1;
                cp = -1;
                min = 0;
            }
            boolean valid = more >= 0 && i + more < bytes.length;
            for (int k = 1; valid && k <= more; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) valid = false;
                cp = cp << 6 | (next & 0x3f);
            }
            if (valid && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) valid = false;
            if (valid) {
                out.appendCodePoint(cp);
                i += more + 1;
            } else {
                int at = runStart + 3 * i;
                out.append(source, at, at + 3);
                i++;
            }
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
