package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Origins and routes key the admission queues and the connection pool: equal exactly when every part is. */
class OriginRouteEqualityTest {
    @Test
    void originsDifferBySchemeHostOrPort() {
        Origin a = new Origin(false, "example.org", 80);
        assertEquals(a, new Origin(false, "example.org", 80));
        assertEquals(a.hashCode(), new Origin(false, "example.org", 80).hashCode());
        assertNotEquals(a, new Origin(true, "example.org", 80));
        assertNotEquals(a, new Origin(false, "example.net", 80));
        assertNotEquals(a, new Origin(false, "example.org", 8080));
        assertNotEquals(a, null);
    }

    @Test
    void routesDifferByOriginOrProxy() {
        Origin o = new Origin(false, "example.org", 80);
        URI proxy = URI.create("http://127.0.0.1:3128");
        Route direct = new Route(o, null);
        Route viaProxy = new Route(o, proxy);
        assertEquals(direct, new Route(new Origin(false, "example.org", 80), null));
        assertEquals(viaProxy, new Route(o, URI.create("http://127.0.0.1:3128")));
        assertNotEquals(direct, viaProxy);
        assertNotEquals(viaProxy, new Route(o, URI.create("socks5://127.0.0.1:1080")));

        Map<Route, String> pool = new HashMap<>();
        pool.put(direct, "direct");
        pool.put(viaProxy, "proxied");
        assertEquals("direct", pool.get(new Route(new Origin(false, "example.org", 80), null)));
        assertEquals("proxied", pool.get(new Route(o, URI.create("http://127.0.0.1:3128"))));
    }
}
