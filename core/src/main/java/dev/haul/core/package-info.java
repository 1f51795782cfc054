/** The engine's public API: submit requests, steer transfers, read snapshots and outcomes. */
package dev.haul.core;
