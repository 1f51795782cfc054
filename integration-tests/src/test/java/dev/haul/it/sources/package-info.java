/** Several sources for one file, tail take-over without overlap, and {@code -x auto}, against loopback servers. */
package dev.haul.it.sources;
