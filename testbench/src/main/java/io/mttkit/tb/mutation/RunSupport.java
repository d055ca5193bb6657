package io.mttkit.tb.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Small helpers the mutation runs share: elapsed time, a report's first line, removing a mutant's scratch folder. */
final class RunSupport {
    private RunSupport() {
    }

    /** Seconds since {@code t0} ({@link System#nanoTime()}). */
    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The first line of {@code s} ("" for null or empty). */
    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Removes {@code dir} and everything in it; best effort (a temporary folder left behind is harmless). */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort, see above
        }
    }
}
