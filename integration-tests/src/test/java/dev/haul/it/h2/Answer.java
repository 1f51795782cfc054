package dev.haul.it.h2;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the origin answers to a GET: status and the byte range of the body (ranges checked against If-Range). */
record Answer(int status, int from, int to, int total) {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    static String etag(byte[] body) {
        return "\"v1-" + body.length + "\"";
    }

    static Answer of(byte[] body, String range, String ifRange) {
        if (body == null) return new Answer(404, 0, 0, 0);
        Matcher m = range == null ? null : RANGE.matcher(range);
        boolean honour = m != null && m.matches() && (ifRange == null || ifRange.equals(etag(body)));
        if (!honour) return new Answer(200, 0, body.length, body.length);
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2).isEmpty() ? body.length : Math.min(body.length, Integer.parseInt(m.group(2)) + 1);
        if (from >= body.length) return new Answer(416, 0, 0, body.length);
        return new Answer(206, from, to, body.length);
    }

    String contentRange() {
        return status == 206 ? "bytes " + from + "-" + (to - 1) + "/" + total : status == 416 ? "bytes */" + total : null;
    }
}
