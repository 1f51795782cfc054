package dev.haul.core.engine;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;

/**
 * The one place exceptions become the short "why" of a user's one-line message, by their type:
 * java.nio.file's exceptions carry the system's reason apart from the file name
 * ({@link FileSystemException#getReason()}), a plain IOException from a write carries only it.
 */
final class Reasons {
    private Reasons() {}

    /** Why a file operation failed, e.g. "permission denied", "no space left on device". */
    static String io(Throwable e) {
        Throwable t = root(e);
        if (t instanceof AccessDeniedException) return "permission denied";
        if (t instanceof NoSuchFileException) return "no such file or directory";
        if (t instanceof FileAlreadyExistsException) return "file exists";
        if (t instanceof FileSystemException f && f.getReason() != null) return sentence(f.getReason());
        if (t instanceof InvalidPathException) return "the name cannot be stored on this file system";
        return t.getMessage() == null ? t.getClass().getSimpleName() : sentence(t.getMessage());
    }

    /** An exception nothing expected: a bug. What it was, on one line; the stack trace is for the debug log. */
    static String internal(Throwable e) {
        String m = e.getMessage() == null ? "" : ": " + e.getMessage();
        return "internal error: " + oneLine(e.getClass().getSimpleName() + m);
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    /** The system's strerror text ("No space left on device") as the middle of a sentence. */
    private static String sentence(String reason) {
        String r = oneLine(reason);
        boolean capitalWord = r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1));
        return capitalWord ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
