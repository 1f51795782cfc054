/**
 * Where requests go between the list and the engine: {@code --shard} keeps this machine's share,
 * {@code --session} keeps every item not yet saved in a file that survives anything.
 */
package dev.haul.cli.queue;
