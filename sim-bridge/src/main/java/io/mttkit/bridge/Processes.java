package io.mttkit.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs external tools with merged output, a time limit and a clear error when they cannot start.
 *
 * <p>A build is a tree of processes (verilator, make, g++, cc1plus, ld). Killing only the process Java started
 * would leave the compilers running as orphans, so every tool runs in its own process group (through
 * {@code setsid}) and the whole group is killed on a timeout, an interrupt or a JVM shutdown. A JVM killed with
 * SIGKILL runs no shutdown hook: for that case a watcher inside the group polls the JVM once a second and kills
 * the group when the JVM is gone (issue #16, category 1).
 */
final class Processes {
    private Processes() {
    }

    /** Result of a finished process. */
    record Result(int exitCode, String output) {
    }

    /** Process groups (leader pids) running now; killed by the shutdown hook. */
    private static final Set<Long> GROUPS = ConcurrentHashMap.newKeySet();
    /** {@code setsid}, or null where the system has none (then tools run without the group guard). */
    private static final Path SETSID = findSetsid();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> GROUPS.forEach(Processes::killGroup),
                "mttb-kill-tool-groups"));
    }

    /**
     * The wrapper: runs the command in the background of a shell that leads a fresh process group, with a watcher
     * that kills the group ({@code kill -KILL 0}) once the JVM ({@code $1}) is gone; exits with the command's code.
     */
    private static final String GUARD = "jvm=$1; shift\n"
            + "\"$@\" & b=$!\n"
            + "( while kill -0 \"$jvm\" 2>/dev/null; do sleep 1; done; kill -KILL 0 ) </dev/null >/dev/null 2>&1 & w=$!\n"
            + "wait $b; rc=$?\n"
            + "kill $w 2>/dev/null\n"
            + "exit $rc\n";

    private static Path findSetsid() {
        for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path s = Path.of(p);
            if (Files.isExecutable(s)) {
                return s;
            }
        }
        return null;
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
        // Fail as before when the tool itself is missing, rather than through the wrapper's exit code 127.
        Path exe = Path.of(command.get(0));
        if (exe.isAbsolute() && !Files.isExecutable(exe)) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": not an executable file");
        }
        List<String> full = new ArrayList<>();
        boolean grouped = SETSID != null && exe.isAbsolute();
        if (grouped) {
            full.addAll(List.of(SETSID.toString(), "/bin/sh", "-c", GUARD, "mttb-tool",
                    Long.toString(ProcessHandle.current().pid())));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        if (grouped) {
            GROUPS.add(p.pid());
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                stop(p, grouped);
                throw new BridgeException("'" + String.join(" ", command) + "' did not finish within "
                        + timeoutSeconds + " s; see " + log);
            }
        } catch (InterruptedException e) {
            stop(p, grouped);
            Thread.currentThread().interrupt();
            throw new BridgeException("interrupted while running " + command.get(0), e);
        } finally {
            GROUPS.remove(p.pid());
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void stop(Process p, boolean grouped) {
        if (grouped) {
            killGroup(p.pid());
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** SIGKILL to every process of the group led by {@code leader}. */
    static void killGroup(long leader) {
        try {
            new ProcessBuilder("/bin/kill", "-KILL", "--", "-" + leader).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(leader).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The first error of a Verilator or compiler log without its tag ({@code "t.v:3:1: syntax error, unexpected
     * endmodule"}), or null when the log has none.
     */
    static String firstError(String log) {
        for (String line : log.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^%Error(?:-[A-Z0-9_]+)?: (.*)$").matcher(line);
            if (m.find() && !m.group(1).startsWith("Exiting due to")) {
                return m.group(1).strip();
            }
        }
        for (String line : log.split("\n")) {
            if (line.matches("^\\S+:\\d+:(\\d+:)? (fatal )?error: .*")) {
                return line.strip();
            }
        }
        return null;
    }

    /** The last {@code n} lines of {@code text}. */
    static String tail(String text, int n) {
        String[] lines = text.split("\n", -1);
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }
}
