package dev.haul.core.engine;

import dev.haul.core.EngineConfig;
import dev.haul.core.Header;
import dev.haul.core.transport.Origin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The headers a request carries. Credentials (-u, and Authorization or Cookie given with -H)
 * go only to the origin they were given for: a redirect elsewhere never sees them.
 */
final class RequestHeaders {
    private RequestHeaders() {}

    /**
     * @param userInfo the raw user info of the URL as given ({@code user:password}, percent-encoded), or null
     */
    static List<Header> forOrigin(EngineConfig config, Origin credentialOrigin, Origin target, String userInfo) {
        boolean sameOrigin = credentialOrigin.equals(target);
        List<Header> user = new ArrayList<>();
        for (Header h : config.headers()) {
            if (!h.isCredential() || sameOrigin) user.add(h);
        }
        List<Header> out = new ArrayList<>();
        addDefault(out, user, "User-Agent", config.userAgent());
        addDefault(out, user, "Accept", "*/*");
        addDefault(out, user, "Accept-Encoding", "identity");
        String basic = sameOrigin ? basicCredentials(config, userInfo, credentialOrigin) : null;
        if (basic != null) {
            String token = Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
            addDefault(out, user, "Authorization", "Basic " + token);
        }
        out.addAll(user);
        return out;
    }

    /**
     * For a mirror (a source other than the URL given first): -u and the credential headers of -H
     * belong to the first URL's origin and never go here; the mirror's own user info or its
     * {@code .netrc} entry do, and only to the mirror's own origin.
     */
    static List<Header> forMirror(EngineConfig config, java.net.URI mirror, Origin target) {
        Origin own = Origin.of(mirror);
        List<Header> out = new ArrayList<>();
        for (Header h : config.headers()) {
            if (!h.isCredential()) out.add(h);
        }
        List<Header> defaults = new ArrayList<>();
        addDefault(defaults, out, "User-Agent", config.userAgent());
        addDefault(defaults, out, "Accept", "*/*");
        addDefault(defaults, out, "Accept-Encoding", "identity");
        if (own.equals(target)) {
            String info = mirror.getRawUserInfo();
            String basic = info != null && !info.isEmpty()
                    ? java.net.URLDecoder.decode(info.replace("+", "%2B"), StandardCharsets.UTF_8)
                    : config.netrc().forHost(own.bareHost());
            if (basic != null) {
                String token = Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
                addDefault(defaults, out, "Authorization", "Basic " + token);
            }
        }
        defaults.addAll(out);
        return defaults;
    }

    /** -u first, then the URL's own user info, then .netrc for the host: as curl orders them. */
    private static String basicCredentials(EngineConfig config, String userInfo, Origin origin) {
        if (config.credentials() != null) return config.credentials();
        if (userInfo != null && !userInfo.isEmpty()) {
            return java.net.URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return config.netrc().forHost(origin.bareHost());
    }

    /** A default the user did not override with -H. */
    private static void addDefault(List<Header> out, List<Header> user, String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Header h : user) {
            if (h.name().toLowerCase(Locale.ROOT).equals(key)) return;
        }
        out.add(new Header(name, value));
    }
}
