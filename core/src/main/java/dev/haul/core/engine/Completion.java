package dev.haul.core.engine;

import dev.haul.core.FailureReason;
import dev.haul.core.OnExists;
import dev.haul.core.Outcome;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * A transfer's last steps once every byte is saved (its FINISHING state): the sha256 check when
 * one was asked for, then the final name (or the stream's last flush). The name comes durably:
 * the bytes are forced, the saved-file record written, the .part renamed, the directory forced.
 * Loop-confined; the hashing, forcing and flushing run elsewhere and come back through the
 * transfer's guarded post.
 */
final class Completion {
    private final Transfer t;

    Completion(Transfer transfer) {
        this.t = transfer;
    }

    void start() {
        Output out = t.out;
        BodyDigest digest = out.digest;
        if (digest == null) {
            publish();
        } else if (digest.coversWholeBody()) {
            verified(digest.hex());
        } else if (out.target == null) {
            verified(null); // a stream's earlier bytes are gone: what cannot be checked is not accepted
        } else {
            // Resumed: the bytes before this attempt were never hashed. Hash the file off the loop.
            out.target.close();
            BodyDigest.ofFile(out.target.partPath()).whenComplete((hex, err) -> t.guardedHost.post(() -> verified(err != null ? null : hex)));
        }
    }

    private void verified(String actual) {
        if (t.state() != Lifecycle.State.FINISHING) return;
        String expected = t.request.sha256();
        if (actual == null || !actual.equalsIgnoreCase(expected)) {
            if (t.out.target != null) t.out.target.discard();
            t.fail(FailureReason.CHECKSUM_MISMATCH, "sha256 mismatch: expected " + expected
                    + (actual == null ? "" : ", got " + actual), 0);
            return;
        }
        publish();
    }

    private void publish() {
        Output out = t.out;
        if (out.sink != null) {
            out.sink.finish().whenComplete((ok, err) -> t.guardedHost.post(() -> flushed(err)));
            return;
        }
        // durable: the bytes, then the record, then the name, then the directory
        out.target.forceThen(t.guardedHost::post, this::forced);
    }

    private void forced(IOException notForced) {
        if (t.state() != Lifecycle.State.FINISHING) return; // cancelled while the bytes were forced
        TargetFile target = t.out.target;
        if (notForced != null) {
            t.fail(FailureReason.STORAGE, "cannot write " + target.partInDir() + ": " + Reasons.io(notForced), 0);
            return;
        }
        // The record and the server's Last-Modified go on first (off the loop): a name never exists unrecorded.
        t.savedFile.beforeRename(target, t.out.bytes).whenComplete((ok, err) -> t.guardedHost.post(this::rename));
    }

    private void rename() {
        if (t.state() != Lifecycle.State.FINISHING) return; // cancelled meanwhile
        Output out = t.out;
        TargetFile target = out.target;
        try {
            String recorded = target.name();
            Path path = target.promote(t.host.config().onExists() == OnExists.RENAME);
            if (!recorded.equals(target.name())) t.savedFile.renamedTo(target, out.bytes);
            Outcome.Completed how = new Outcome.Completed(path, out.bytes, false, out.moved);
            target.forceDirectoryThen(path, t.guardedHost::post, () -> {
                if (t.state() == Lifecycle.State.FINISHING) t.done(how);
            });
        } catch (FileAlreadyExistsException e) {
            t.fail(FailureReason.FILE_EXISTS, target.name() + " already exists", 0);
        } catch (IOException e) {
            t.fail(FailureReason.STORAGE, "cannot rename " + target.partPath().getFileName() + " to " + target.name()
                    + ": " + Reasons.io(e), 0);
        }
    }

    private void flushed(Throwable err) {
        if (t.state() != Lifecycle.State.FINISHING) return;
        if (err != null) t.fail(FailureReason.STORAGE, "cannot write to standard output: " + Reasons.io(err), 0);
        else t.done(new Outcome.Completed(Path.of("-"), t.out.bytes, false, t.out.moved));
    }
}
