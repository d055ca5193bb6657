package io.mttkit.tb.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A command's report folder, made ready before any work: created (or refused with what is in the way), writable, and
 * emptied of the files a previous run of the command wrote, so that a stopped or failing run never leaves the previous
 * run's PASS where CI would read it (issue #16, categories 4 and 8). Other files in the folder are left alone.
 */
final class ReportFolder {
    private ReportFolder() {
    }

    /** Prepares {@code dir} for a run that writes {@code files}; {@code option} names the option in messages. */
    static Path prepare(Path dir, List<String> files, String option) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException(option + ": " + dir + " is in the way: it is a file (or a device), not a "
                    + "folder; choose another report folder");
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new UserInputException(option + ": cannot create the report folder " + dir + " ("
                    + (e instanceof AccessDeniedException ? "permission denied" : "the file system refuses it")
                    + "); choose a folder you can write");
        } catch (FileSystemException e) {
            throw new UserInputException(option + ": cannot create the report folder " + dir + " (" + e.getReason()
                    + "); choose a folder you can write");
        }
        if (!Files.isWritable(dir)) {
            throw new UserInputException(option + ": the report folder " + dir + " is not writable; choose a folder you "
                    + "can write");
        }
        for (String f : files) {
            Files.deleteIfExists(dir.resolve(f));
        }
        return dir;
    }
}
