package dev.haul.core.engine;

import dev.haul.core.Secrets;
import dev.haul.core.transport.Origin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources of one file: the URL as given first, then its mirrors (list line, {@code --mirror},
 * and those an earlier run recorded in the sidecar). A source that answers with another length,
 * refuses ranges or keeps failing is dropped, once; the file fails only when none is left.
 * Loop-confined.
 */
final class Sources {
    /** One URL the file can come from. */
    static final class Source {
        final URI url;
        final Origin origin;
        /** For messages and JSON: user info masked. */
        final String masked;
        /** Failures since its last good piece: its retry count. */
        int failures;
        /** Not asked again before this time (System.nanoTime), after a failure. */
        long notBefore;
        /** Bytes per second of its last whole piece (one connection), 0 while unknown. */
        long rate;
        /** Connections fetching from it now. */
        int active;
        boolean dropped;

        Source(URI url) {
            this.url = url;
            this.origin = Origin.of(url);
            this.masked = Secrets.maskUrl(url);
        }

        boolean ready(long nowNanos) {
            return !dropped && nowNanos - notBefore >= 0;
        }

        @Override
        public String toString() {
            return masked;
        }
    }

    private final List<Source> all = new ArrayList<>();
    /** The live sources' masked URLs, for snapshots: rebuilt only when the list changes. */
    private List<String> shown;

    /** @param urls the first URL, then the others, in order; duplicates (user info aside) are used once */
    Sources(List<URI> urls) {
        Map<String, URI> unique = new LinkedHashMap<>();
        for (URI u : urls) unique.putIfAbsent(withoutUserInfo(u).toString(), u);
        for (URI u : unique.values()) all.add(new Source(u));
    }

    /** Adds the sources an earlier run recorded (without user info) that are not known yet. */
    void addRecorded(String recorded) {
        for (URI u : parseRecorded(recorded)) {
            boolean known = false;
            for (Source s : all) known |= withoutUserInfo(s.url).equals(u);
            if (!known) {
                all.add(new Source(u));
                shown = null;
            }
        }
    }

    List<String> shown() {
        if (shown == null) {
            List<String> l = new ArrayList<>();
            for (Source s : all) if (!s.dropped) l.add(s.masked);
            shown = List.copyOf(l);
        }
        return shown;
    }

    /** The first source not dropped, or null. */
    Source primary() {
        for (Source s : all) if (!s.dropped) return s;
        return null;
    }

    List<Source> all() {
        return all;
    }

    int size() {
        return all.size();
    }

    int live() {
        int n = 0;
        for (Source s : all) if (!s.dropped) n++;
        return n;
    }

    /** Drops a source for good; true the first time (say so once). */
    boolean drop(Source s) {
        if (s.dropped) return false;
        s.dropped = true;
        shown = null;
        return true;
    }

    /** The live source with the fewest connections that may be asked now, or null. */
    Source leastBusy(long nowNanos) {
        Source best = null;
        for (Source s : all) {
            if (s.ready(nowNanos) && (best == null || s.active < best.active)) best = s;
        }
        return best;
    }

    /** The source for {@code url}, or null. */
    Source of(URI url) {
        for (Source s : all) if (s.url.equals(url)) return s;
        return null;
    }

    /** What the sidecar keeps: every source's URL without user info (no secret on disk), space-separated. */
    String recorded() {
        StringBuilder b = new StringBuilder();
        for (Source s : all) {
            if (b.length() > 0) b.append(' ');
            b.append(withoutUserInfo(s.url));
        }
        return b.toString();
    }

    /** Whether this source is the URL given first (its credentials are -u's and -H's). */
    boolean isFirst(Source s) {
        return !all.isEmpty() && all.get(0) == s;
    }

    /** The URLs of a sidecar's {@code sources=} line; unreadable entries are skipped. */
    static List<URI> parseRecorded(String line) {
        List<URI> out = new ArrayList<>();
        if (line == null || line.isBlank()) return out;
        for (String part : line.trim().split("\\s+")) {
            try {
                URI u = new URI(part);
                if (u.getHost() != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) out.add(u);
            } catch (URISyntaxException ignored) {
                // a damaged entry is one source less, not a failure
            }
        }
        return out;
    }

    static URI withoutUserInfo(URI u) {
        if (u.getRawUserInfo() == null) return u;
        String auth = u.getRawAuthority();
        auth = auth.substring(auth.lastIndexOf('@') + 1);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return URI.create(u.getScheme() + "://" + auth + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }
}
