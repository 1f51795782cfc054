package dev.haul.core.engine;

import dev.haul.core.DownloadRequest;
import dev.haul.core.Header;
import dev.haul.core.Outcome;
import dev.haul.core.Rerun;
import dev.haul.core.records.HttpDates;
import dev.haul.core.records.SavedFile;
import dev.haul.core.records.SavedFileLog;
import dev.haul.core.resume.ResumeRecord;
import dev.haul.core.storage.TargetNames;
import dev.haul.core.transport.ResponseHead;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One transfer's use of the saved-file records: before the first request, whether a rerun has
 * nothing to do (the file was saved from this URL) or, with -N, which existing file to ask about
 * and how (If-None-Match, If-Modified-Since); on the response, whether that file is unchanged;
 * and before the rename, the record of the new file. Loop-confined, but for the record's write.
 */
final class SavedFileCheck {
    private final DownloadRequest request;
    private final TransferHost host;
    private final String url;
    /** -N: the existing file asked about, its record (or null) and what the disk says of it. */
    private String existingName;
    private SavedFile existingRecord;
    private long existingSize = -1;
    private Instant existingMtime;
    /** The request carried a condition: only then may a 304 end the transfer. */
    private boolean conditionSent;

    SavedFileCheck(DownloadRequest request, TransferHost host) {
        this.request = request;
        this.host = host;
        this.url = withoutUserInfo(request.url());
    }

    /** The URL as records keep it: no user info, so no secret is written to disk. */
    static String withoutUserInfo(URI u) {
        String raw = u.toString();
        String info = u.getRawUserInfo();
        return info == null ? raw : raw.replace(info + "@", "");
    }

    /**
     * Before the first request: the outcome when the rerun rule finds this URL's file saved
     * already (nothing is requested then), else null. With -N, picks the file to ask about.
     */
    Outcome.Completed beforeFirstRequest() {
        Rerun mode = host.rerun();
        if (mode == Rerun.OFF || request.stream() != null) return null;
        SavedFile saved = newestStillOnDisk();
        if (mode == Rerun.SKIP_SAVED) {
            return saved == null ? null : new Outcome.Completed(dir().resolve(saved.name()), saved.size(), true);
        }
        if (saved != null) {
            existingName = saved.name();
            existingRecord = saved;
        } else {
            String guess = TargetNames.choose(request.outName(), null, request.url());
            if (attributes(guess) != null) existingName = guess;
        }
        if (existingName != null) {
            BasicFileAttributes a = attributes(existingName);
            if (a == null) {
                existingName = null;
                existingRecord = null;
            } else {
                existingSize = a.size();
                existingMtime = a.lastModifiedTime().toInstant();
            }
        }
        return null;
    }

    /** -N: the conditions for a request that asks for the whole file (none for a Range request). */
    List<Header> conditions() {
        List<Header> out = new ArrayList<>(2);
        if (existingName == null) return out;
        if (existingRecord != null && existingRecord.etag() != null) out.add(new Header("If-None-Match", existingRecord.etag()));
        if (existingMtime != null) out.add(new Header("If-Modified-Since", HttpDates.format(existingMtime)));
        conditionSent = !out.isEmpty();
        return out;
    }

    /**
     * -N: the response says the file asked about is the one on disk: a 304 to the condition, or a
     * 200 that ignored it but names the same validator and the same length. Then the outcome, else null.
     */
    Outcome.Completed unchanged(ResponseHead head) {
        if (existingName == null) return null;
        Outcome.Completed same = new Outcome.Completed(dir().resolve(existingName), existingSize, false, true);
        if (head.status() == 304) return conditionSent ? same : null;
        if (head.status() != 200 || head.contentLength() != existingSize) return null;
        String etag = head.header("ETag");
        String recordedEtag = existingRecord == null ? null : existingRecord.etag();
        if (etag != null || recordedEtag != null) return etag != null && etag.equals(recordedEtag) ? same : null;
        Instant lm = HttpDates.parse(head.header("Last-Modified"));
        Instant recordedLm = existingRecord != null ? HttpDates.parse(existingRecord.lastModified()) : existingMtime;
        return lm != null && recordedLm != null && lm.getEpochSecond() == recordedLm.getEpochSecond() ? same : null;
    }

    /** -N and the file changed: the existing name its new version replaces (claimed), else null. */
    String nameToReplace() {
        if (existingName == null || !host.names().claimToReplace(existingName)) return null;
        return existingName;
    }

    /**
     * Before the complete {@code .part} takes its name: gives it the server's Last-Modified as its
     * time and records where it came from. The future completes off the loop, when both are done.
     */
    CompletableFuture<Void> beforeRename(TargetFile target, long size) {
        SavedFileLog log = host.savedFiles();
        ResumeRecord r = target.record();
        String etag = r == null ? null : r.etag();
        String lastModified = r == null ? null : r.lastModified();
        return log.record(new SavedFile(target.name(), url, etag, lastModified, size), target.partPath(),
                HttpDates.parse(lastModified));
    }

    /** The rename lost a race and took another name: the record follows it (no wait: the file is named). */
    void renamedTo(TargetFile target, long size) {
        SavedFile was = host.savedFiles().recordOf(target.name());
        if (was != null && was.url().equals(url)) return;
        ResumeRecord r = target.record();
        host.savedFiles().record(new SavedFile(target.name(), url, r == null ? null : r.etag(),
                r == null ? null : r.lastModified(), size), null, null);
    }

    /** This URL's newest record whose file is still there, as recorded (same size), under an allowed name. */
    private SavedFile newestStillOnDisk() {
        List<SavedFile> saved = host.savedFiles().savedFrom(url);
        String out = request.outName() == null ? null : TargetNames.choose(request.outName(), null, request.url());
        for (int i = saved.size() - 1; i >= 0; i--) {
            SavedFile f = saved.get(i);
            if (out != null && !isNameOrNumbered(f.name(), out)) continue;
            BasicFileAttributes a = attributes(f.name());
            if (a != null && a.size() == f.size()) return f;
        }
        return null;
    }

    /** {@code name} is {@code base} or one of the numbered names the rename rule makes of it. */
    private static boolean isNameOrNumbered(String name, String base) {
        if (name.equals(base)) return true;
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) return false;
        for (int i = dot + 1; i < name.length(); i++) if (!Character.isDigit(name.charAt(i))) return false;
        String stem = name.substring(0, dot);
        return base.startsWith(stem); // a long name is shortened to make room for its number
    }

    /** A regular file's attributes (a link is never followed), or null. A stat: cheap enough for the loop. */
    private BasicFileAttributes attributes(String name) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir().resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Path dir() {
        return host.names().dir();
    }
}
