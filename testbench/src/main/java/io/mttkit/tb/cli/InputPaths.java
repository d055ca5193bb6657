package io.mttkit.tb.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a path the user gave must be, said precisely: "not found" only when nothing is there; a folder where a file
 * belongs, a device or pipe, or an unreadable file each get their own message (issue #16, category 8).
 */
final class InputPaths {
    private InputPaths() {}

    /** {@code p} must be a readable regular file; {@code what} names the option or argument. */
    static void requireFile(Path p, String what) {
        if (!Files.exists(p)) {
            throw new UserInputException(what + ": file not found: " + p);
        }
        if (Files.isDirectory(p)) {
            throw new UserInputException(what + ": " + p + " is a folder; give a file");
        }
        if (!Files.isRegularFile(p)) {
            throw new UserInputException(what + ": " + p + " is not a regular file (a device or a pipe?); give a file");
        }
        if (!Files.isReadable(p)) {
            throw new UserInputException(what + ": cannot read " + p + " (permissions)");
        }
    }

    /** {@code p} must be a folder; {@code what} names the option or argument. */
    static void requireFolder(Path p, String what) {
        if (!Files.exists(p)) {
            throw new UserInputException(what + ": folder not found: " + p);
        }
        if (!Files.isDirectory(p)) {
            throw new UserInputException(what + ": " + p + " is a file; give a folder");
        }
    }
}
