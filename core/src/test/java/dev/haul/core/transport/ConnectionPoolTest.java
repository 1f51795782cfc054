package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {
    private static final Route ROUTE = Route.direct(new Origin(false, "127.0.0.1", 8080));
    private static final Route OTHER = Route.direct(new Origin(false, "127.0.0.1", 8081));

    private static HttpConnection connection(Route route) {
        return new HttpConnection(new EmbeddedChannel(), route);
    }

    @Test
    void theMostRecentlyReturnedConnectionIsTakenFirstPerRoute() {
        ConnectionPool pool = new ConnectionPool(16);
        HttpConnection a = connection(ROUTE), b = connection(ROUTE), c = connection(OTHER);
        pool.put(a);
        pool.put(b);
        pool.put(c);
        assertSame(b, pool.take(ROUTE));
        assertSame(a, pool.take(ROUTE));
        assertNull(pool.take(ROUTE));
        assertSame(c, pool.take(OTHER));
        assertEquals(0, pool.size());
    }

    @Test
    void aConnectionThatClosedWhileIdleIsNeverHandedOut() {
        ConnectionPool pool = new ConnectionPool(16);
        HttpConnection a = connection(ROUTE), b = connection(ROUTE);
        pool.put(a);
        pool.put(b);
        b.channel.close();
        pool.remove(b); // what the transport does when the channel goes inactive
        pool.remove(b); // and a second report changes nothing
        assertEquals(1, pool.size());
        assertSame(a, pool.take(ROUTE));
        assertNull(pool.take(ROUTE));
        assertEquals(0, pool.size());
    }

    @Test
    void removingAConnectionThatIsNotPooledChangesNothing() {
        ConnectionPool pool = new ConnectionPool(16);
        HttpConnection idle = connection(ROUTE), busy = connection(ROUTE);
        pool.put(idle);
        pool.remove(busy);
        assertEquals(1, pool.size());
        assertSame(idle, pool.take(ROUTE));
    }

    @Test
    void thousandsClosingLeaveACorrectCountAndTheNextOneUsable() {
        ConnectionPool pool = new ConnectionPool(10_000);
        List<HttpConnection> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            HttpConnection c = connection(ROUTE);
            all.add(c);
            pool.put(c);
        }
        for (HttpConnection c : all) {
            c.channel.close();
            pool.remove(c);
        }
        assertEquals(0, pool.size());
        HttpConnection fresh = connection(ROUTE);
        pool.put(fresh);
        assertEquals(1, pool.size());
        assertSame(fresh, pool.take(ROUTE));
        assertNull(pool.take(ROUTE));
    }

    @Test
    void aFullPoolClosesWhatItCannotKeep() {
        ConnectionPool pool = new ConnectionPool(1);
        HttpConnection a = connection(ROUTE), b = connection(ROUTE);
        pool.put(a);
        pool.put(b);
        assertEquals(1, pool.size());
        assertEquals(false, b.channel.isOpen());
        assertSame(a, pool.take(ROUTE));
    }

    @Test
    void connectionsClosingAcrossManyRoutesLeaveNoDeadEntriesBehindForLong() {
        ConnectionPool pool = new ConnectionPool(100_000);
        List<HttpConnection> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            HttpConnection c = connection(Route.direct(new Origin(false, "127.0.0." + (i % 250 + 1), 1000 + i)));
            all.add(c);
            pool.put(c);
        }
        for (HttpConnection c : all) {
            c.channel.close();
            pool.remove(c);
        }
        assertEquals(0, pool.size());
        assertTrue(pool.deadEntries() <= 64, "dead entries are swept: " + pool.deadEntries());
        assertTrue(pool.routes() <= 64, "routes left with nothing are dropped: " + pool.routes());
    }
}
