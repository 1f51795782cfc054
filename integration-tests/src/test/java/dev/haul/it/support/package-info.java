/** Helpers for the integration tests: running the jar, loopback servers, deterministic bodies, digests. */
package dev.haul.it.support;
