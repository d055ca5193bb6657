package io.mttkit.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools with merged output, a time limit and a clear error when they cannot start. */
final class Processes {
    private Processes() {
    }

    /** Result of a finished process. */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code command} in {@code dir}, capturing stdout+stderr as text. */
    static Result run(List<String> command, Path dir, long timeoutSeconds) throws IOException {
        Path log = Files.createTempFile("mttb-proc", ".log");
        try {
            return run(command, dir, timeoutSeconds, log);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs {@code command} in {@code dir}, writing stdout+stderr to {@code log}. */
    static Result run(List<String> command, Path dir, long timeoutSeconds, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BridgeException("'" + String.join(" ", command) + "' did not finish within "
                        + timeoutSeconds + " s; see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BridgeException("interrupted while running " + command.get(0), e);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The last {@code n} lines of {@code text}. */
    static String tail(String text, int n) {
        String[] lines = text.split("\n", -1);
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }
}
