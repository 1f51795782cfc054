package dev.haul.core.engine;

import dev.haul.core.Secrets;
import dev.haul.core.Urls;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** The redirects of one transfer: how many, where they have been, and where the next one goes. */
final class Redirects {
    private final int max;
    private final Set<URI> visited = new HashSet<>();
    private int followed;

    Redirects(int max, URI first) {
        this.max = max;
        visited.add(first);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The absolute target of a Location header, resolved as a URI against the current URL.
     *
     * @throws IllegalArgumentException with the reason the redirect cannot be followed
     */
    URI next(URI current, String location) {
        URI target;
        try {
            target = Urls.resolve(current, location);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad redirect target: " + e.getMessage());
        }
        if (followed >= max) throw new TooMany("more than " + max + " redirects");
        if (visited.contains(target)) throw new Loop("redirect loop at " + Secrets.maskUrl(target));
        return target;
    }

    void follow(URI target) {
        followed++;
        visited.add(target);
    }

    int followed() {
        return followed;
    }

    static final class TooMany extends IllegalArgumentException {
        TooMany(String m) {
            super(m);
        }
    }

    static final class Loop extends IllegalArgumentException {
        Loop(String m) {
            super(m);
        }
    }
}
