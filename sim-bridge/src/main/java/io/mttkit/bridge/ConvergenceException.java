package io.mttkit.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The design did not settle: Verilator's evaluation hit its convergence limit ("... region did not converge"), which
 * almost always means a combinational loop in the RTL. The message names the cause and, when Verilator flagged the
 * loop while building ({@code UNOPTFLAT}, kept in the cache entry's {@code build.log}), where it is.
 */
public final class ConvergenceException extends FixableException {
    private static final Pattern UNOPTFLAT = Pattern.compile(
            "%Warning-UNOPTFLAT: ([^\\s:]+:\\d+(?::\\d+)?): .*?'([^']+)'");

    ConvergenceException(String message) {
        super(message);
    }

    /** True when {@code nativeError} is Verilator's convergence failure. */
    static boolean matches(String nativeError) {
        // Verilator 5: "<region> region did not converge."; older runtimes: "Verilated model didn't converge"
        return nativeError != null && (nativeError.contains("did not converge") || nativeError.contains("didn't converge"));
    }

    /** The exception for {@code nativeError} raised while {@code what} ran a design built as {@code built}. */
    static ConvergenceException of(String what, String nativeError, BuiltLibrary built) {
        String top = built.spec() != null ? built.spec().top() : "the top";
        StringBuilder b = new StringBuilder("the design '").append(top).append("' did not settle during ").append(what)
                .append(" (Verilator: ").append(nativeError.replaceFirst("^.*?Verilator fatal error at ", "").strip())
                .append("): most likely a combinational loop in your RTL (a signal that depends on itself through "
                        + "assign/always_comb logic)");
        Path log = built.manifest() == null ? null : built.manifest().resolveSibling("build.log");
        List<String> loops = loops(log);
        if (!loops.isEmpty()) {
            b.append("; Verilator found circular logic at ").append(String.join(", ", loops)).append(" (UNOPTFLAT in ")
                    .append(log).append(')');
        }
        b.append(". Break the loop (register one of its signals), then run again");
        return new ConvergenceException(b.toString());
    }

    /** "file:line:col 'signal'" of each UNOPTFLAT warning in {@code log} (at most 3). */
    static List<String> loops(Path log) {
        List<String> out = new ArrayList<>();
        if (log == null || !Files.isRegularFile(log)) {
            return out;
        }
        try {
            Matcher m = UNOPTFLAT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            while (m.find() && out.size() < 3) {
                out.add(m.group(1) + " '" + m.group(2) + "'");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // the location is a help, not a must: the message still names the likely cause
        }
        return out;
    }
}
