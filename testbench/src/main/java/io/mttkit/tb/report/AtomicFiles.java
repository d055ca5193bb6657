package io.mttkit.tb.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every output of mttkit is written atomically: to a temporary file next to the target, then renamed over it.
 * A full disk, a crash or Ctrl-C in the middle leaves either the whole new file or no new file — never a 0-byte
 * or truncated {@code report.json}, bundle or table image (issue #16, category 3). An existing target must be a
 * regular file (through a symbolic link: the file it names): a device, pipe or folder is never replaced.
 */
public final class AtomicFiles {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Writes the bytes a writer produces. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code target} from {@code writer}, atomically. */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isSymbolicLink(abs) && Files.exists(abs)) {
            abs = abs.toRealPath(); // replace the file the link names, not the user's link
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            // a rename would replace a device (/dev/full), a pipe or a folder with a plain file
            throw new java.nio.file.FileSystemException(abs.toString(), null,
                    "not a regular file (a device, a pipe or a folder); mttkit writes only regular files");
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + SEQUENCE.incrementAndGet());
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code bytes} to {@code target}, atomically. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }
}
