/**
 * The queue across runs and machines: the rerun rule, -N/--update, --session surviving kill -9,
 * and --shard, checked by the files on disk and by what the server was asked.
 */
package dev.haul.it.records;
