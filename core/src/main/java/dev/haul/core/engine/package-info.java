/**
 * The engine's inside, confined to the event loop: transfers and their state machine,
 * admission by --jobs and --per-host, and the snapshots the UI reads.
 */
package dev.haul.core.engine;
