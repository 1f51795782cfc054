package dev.haul.core.transport;

import dev.haul.core.Header;

import java.net.URI;
import java.util.List;

/**
 * One GET request as the engine wants it sent.
 *
 * @param url     the absolute URL (its origin picks the connection)
 * @param headers headers to send besides Host; the transport adds nothing else
 */
public record RequestSpec(URI url, List<Header> headers) {}
