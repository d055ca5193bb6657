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
    /**
     * The outermost folder each {@link #prepare} of this command created, so that a command ending in an error before it
     * wrote anything leaves no empty folder behind (nothing outside a run's output changes when it is refused).
     */
    private static final ThreadLocal<List<Path>> CREATED = ThreadLocal.withInitial(java.util.ArrayList::new);

    private ReportFolder() {
    }

    /** Forgets the folders created by an earlier command on this thread (called when a command starts). */
    static void startCommand() {
        CREATED.get().clear();
    }

    /**
     * After a command failed: removes the folders {@link #prepare} created for it that are still empty, innermost
     * first, up to the outermost one it created. A folder with anything in it stays.
     */
    static void removeEmptyCreated() {
        for (Path outer : CREATED.get()) {
            try (java.util.stream.Stream<Path> s = Files.walk(outer)) {
                List<Path> all = s.sorted(java.util.Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        try (java.util.stream.Stream<Path> in = Files.list(p)) {
                            if (in.findAny().isEmpty()) {
                                Files.delete(p);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // Best effort: the command's own error is what the user needs to read; an empty folder is harmless.
            }
        }
        CREATED.get().clear();
    }

    /** Prepares {@code dir} for a run that writes {@code files}; {@code option} names the option in messages. */
    static Path prepare(Path dir, List<String> files, String option) throws IOException {
        check(dir, option);
        clear(dir, files);
        return dir;
    }

    /**
     * Removes the files a previous run wrote to {@code dir}, before any work: a run that is stopped, fails or whose
     * RTL does not build never leaves the previous run's PASS where CI would read it (issue #16).
     */
    static void clear(Path dir, List<String> files) throws IOException {
        for (String f : files) {
            Files.deleteIfExists(dir.resolve(f));
        }
    }

    /** Creates {@code dir} if needed and checks that it can be written, before any long work; deletes nothing. */
    static Path check(Path dir, String option) throws IOException {
        Path outermostMissing = null;
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            outermostMissing = p;
            p = p.getParent();
        }
        try {
            Files.createDirectories(dir);
            if (outermostMissing != null) {
                CREATED.get().add(outermostMissing);
            }
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
        return dir;
    }
}
