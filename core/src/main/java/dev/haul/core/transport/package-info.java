/**
 * The only package that touches Netty channels and codecs: connections, TLS, DNS, the HTTP/1.1
 * pipeline, and connection reuse. Everything here runs on the one event loop.
 */
package dev.haul.core.transport;
