package io.mttkit.tb.cli;

import io.mttkit.bridge.FixableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Errors of the machine rather than of mttkit: a missing or unusable tool, a file system that refuses a read or a
 * write (full disk, permissions, a file where a folder belongs). They are the user's to fix, so the CLI answers
 * them like bad input — one line, exit 2, what to do — and never as an "internal error" (issue #16, category 4).
 */
final class EnvironmentError {
    private EnvironmentError() {}

    /** One line for {@code t} if it is an environment error, else {@code null}. */
    static String describe(Throwable t) {
        Throwable e = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
        if (e instanceof FixableException) {  // the user's RTL or tools: missing, too old, not building, not settling
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException f) {
            return "not found: " + f.getFile() + suffix(f.getOtherFile()) + "; check the path";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile() + "; check the folder's permissions";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is a file where a folder is needed; choose another path";
        }
        if (e instanceof DirectoryNotEmptyException f) {
            return f.getFile() + " is a folder that is not empty where a file is needed; choose another path";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is in the way (a file where a folder is needed?); choose another path";
        }
        if (e instanceof FileSystemException f) {
            return "file system refused " + f.getFile() + ": " + f.getReason() + "; check the path, its permissions and free space";
        }
        if (e instanceof IOException) {
            return "input/output error: " + e.getMessage() + "; check the path, its permissions and free space";
        }
        return null;
    }

    private static String suffix(String other) {
        return other == null ? "" : " (or " + other + ")";
    }
}
