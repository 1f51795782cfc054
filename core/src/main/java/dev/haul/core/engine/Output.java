package dev.haul.core.engine;

import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.storage.StreamSink;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where one transfer's body goes (its {@code .part} under a reserved name, or standard output
 * with {@code -o -}) and how much of it is there. {@link #bytes} is what the file holds, resumed
 * bytes included; {@link #moved} is what this run received. Loop-confined.
 */
final class Output {
    /** The file on disk, once a name is chosen or a .part to continue was found; null for a stream. */
    TargetFile target;
    /** Standard output, once the first response came; null for a file. */
    StreamSink sink;
    /** With -o -: what the first response said, so a retry can continue the stream exactly. */
    ResumeRecord sinkRecord;
    /** Body bytes saved so far, those from earlier runs included. */
    long bytes;
    /** The whole body's size, or -1 while unknown. */
    long total = -1;
    /** Body bytes this run received (for speed and the summary: resumed bytes were not moved now). */
    long moved;
    /** The running sha256 when one was asked for, else null. */
    final BodyDigest digest;

    Output(boolean hashed) {
        this.digest = hashed ? new BodyDigest() : null;
    }

    /**
     * Writes one chunk of a single-connection body at {@link #bytes}. Returns true when standard
     * output is behind and reading should wait for it.
     */
    boolean write(ByteBuffer chunk) throws IOException {
        if (digest != null) digest.update(chunk.duplicate());
        if (sink != null) return sink.write(chunk);
        target.write(chunk, bytes);
        return false;
    }

    void counted(int n) {
        bytes += n;
        moved += n;
    }

    /** Bytes already written to standard output cannot be taken back: only a proven continuation will do. */
    boolean streamCannotResume() {
        return sink != null && bytes > 0 && (sinkRecord == null || !sinkRecord.hasValidator());
    }

    /** Closes the .part (kept for a resume); the stream is left as it is. */
    void closeFile() {
        if (target != null) target.close();
    }
}
