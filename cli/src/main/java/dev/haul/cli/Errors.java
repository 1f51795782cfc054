package dev.haul.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Short human words for exceptions that reach the user. */
final class Errors {
    private Errors() {}

    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileAlreadyExistsException) return "a file with that name exists";
        if (e instanceof NotDirectoryException) return "not a directory";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
