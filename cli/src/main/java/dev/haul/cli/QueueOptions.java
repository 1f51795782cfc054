package dev.haul.cli;

/** The queue across runs and machines: --update, --session, --shard (and whether --on-exists was given). */
final class QueueOptions {
    boolean update;

    String session;

    String shard;

    /** --on-exists on the command line or in the config file: the rerun rule then stands aside. */
    boolean onExistsGiven;
}
