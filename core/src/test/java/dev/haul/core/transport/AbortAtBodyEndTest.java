package dev.haul.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener that stops an exchange at the last byte it wants (a segment whose range is full)
 * keeps a kept-alive connection when the response ended there too, and closes it otherwise.
 */
class AbortAtBodyEndTest {
    private final EmbeddedExchange wire = new EmbeddedExchange("http://files.example/f.bin");

    @AfterEach
    void close() {
        wire.close();
    }

    @Test
    void abortingOnTheLastByteOfAKeptAliveResponseKeepsTheConnectionForTheNextRequest() {
        wire.abortAtBodyLength = 11;

        wire.serve("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-10/100\r\nContent-Length: 11\r\n\r\nhello")
                .serve(" world");

        assertEquals(List.of("response 206", "body"), wire.events); // aborted: neither complete nor an error
        assertTrue(wire.channel.isOpen());
        assertTrue(wire.connection.isUsable());
        assertTrue(wire.connection.pooled, "back in the pool before the listener goes on, so its next request takes it");
    }

    @Test
    void abortingBeforeTheResponseEndsClosesTheConnection() {
        wire.abortAtBodyLength = 5; // the server would send six more bytes on this connection

        wire.serve("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-10/100\r\nContent-Length: 11\r\n\r\nhello");

        assertFalse(wire.channel.isOpen());
        assertFalse(wire.connection.isUsable());
    }

    @Test
    void abortingOnTheLastByteOfAResponseThatClosesTheConnectionClosesIt() {
        wire.abortAtBodyLength = 2;

        wire.serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

        assertFalse(wire.channel.isOpen());
    }
}
