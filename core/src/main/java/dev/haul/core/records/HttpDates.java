package dev.haul.core.records;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP dates (IMF-fixdate, RFC 9110 5.6.7): what Last-Modified says and If-Modified-Since sends. */
public final class HttpDates {
    private static final DateTimeFormatter FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {}

    public static String format(Instant t) {
        return FIXDATE.format(t);
    }

    /** The instant, or null when {@code text} is not an HTTP date (the obsolete formats included via RFC 1123). */
    public static Instant parse(String text) {
        if (text == null) return null;
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
