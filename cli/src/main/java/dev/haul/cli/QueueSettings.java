package dev.haul.cli;

import dev.haul.cli.queue.Shard;
import dev.haul.core.Rerun;

import java.nio.file.Path;

/**
 * The checked queue options.
 *
 * @param rerun       what to do with files saved before from the same URL
 * @param sessionFile --session FILE, or null
 * @param shard       --shard K/N, or null for every item
 */
record QueueSettings(Rerun rerun, Path sessionFile, Shard shard) {
    static QueueSettings from(QueueOptions o) {
        Rerun rerun = o.update ? Rerun.UPDATE : o.onExistsGiven ? Rerun.OFF : Rerun.SKIP_SAVED;
        Shard shard = null;
        if (o.shard != null) {
            try {
                shard = Shard.parse(o.shard);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (o.session != null && o.session.isBlank()) throw new UsageException("--session needs a file name");
        return new QueueSettings(rerun, o.session == null ? null : Path.of(o.session), shard);
    }
}
