/** The engine in-process against loopback servers: behaviour only reachable through its API. */
package dev.haul.it.engine;
