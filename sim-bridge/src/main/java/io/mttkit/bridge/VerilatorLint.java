package io.mttkit.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lint gate: {@code verilator --lint-only -Wall} must report nothing. Separate from the build (which
 * does not use -Wall) so a build never fails on style, and a lint failure lists every warning.
 */
public final class VerilatorLint {
    private VerilatorLint() {
    }

    /** Warnings and errors Verilator prints for {@code sources} with top {@code top}; empty when clean. */
    public static List<String> check(VerilatorTool tool, List<Path> sources, String top, List<String> extraArgs) {
        List<String> cmd = new ArrayList<>(List.of(tool.executable().toString(), "--lint-only", "-Wall",
                "--top-module", top));
        cmd.addAll(extraArgs);
        for (Path s : sources) {
            cmd.add(s.toAbsolutePath().toString());
        }
        try {
            Path dir = Files.createTempDirectory("mttb-lint");
            try {
                Processes.Result r = Processes.run(cmd, dir, 300, dir.resolve("lint.log"));
                List<String> findings = r.output().lines().filter(l -> l.startsWith("%Warning") || l.startsWith("%Error"))
                        .filter(l -> !l.startsWith("%Error: Exiting due to")).toList();
                if (r.exitCode() != 0 && findings.isEmpty()) {
                    return List.of("verilator --lint-only failed (exit " + r.exitCode() + "): "
                            + Processes.tail(r.output().strip(), 5));
                }
                return findings;
            } finally {
                BuildCache.deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("running the Verilator lint gate", e);
        }
    }
}
