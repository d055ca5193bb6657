package io.mttkit.tb.mutation;

import io.mttkit.gen.Configurations;
import io.mttkit.gen.ShippedRtl;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.dut.CheckerManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checker configuration the mutation catalogue covers: the cache-less checkers {@code walker-rv64} and
 * {@code walker-rv32} (the generator's defaults), and the four shipped cached checkers {@code rv64-smmpt} (the
 * default), {@code rv32-smmpt}, {@code rv64-smmtt} and {@code rv32-smmtt} ({@code rtl/<name>}: the same settings as the
 * shipped Verilog), and the non-blocking {@code rv64-smmpt-nb} (rv64-smmpt with 4 walks in flight, responses by id).
 * Mutants edit the Verilog of
 * the folder the generator writes for it; what the checker implements comes from that folder's {@code checker.json}.
 *
 * @param name          the configuration name ({@code --config} of {@code mtt mutate})
 * @param configuration the generator configuration ({@code walker-rv64}, {@code checker-rv64}, ...)
 * @param settings      its {@code --set} values (empty: defaults)
 */
public record MutationConfig(String name, String configuration, Map<String, String> settings) {
    /** Cache-less RV64 checker, both formats. */
    public static final String WALKER_RV64 = "walker-rv64";
    /** Cache-less RV32 checker, both formats. */
    public static final String WALKER_RV32 = "walker-rv32";
    /** The shipped default: RV64, smmpt-v0.9, default cache. */
    public static final String RV64_SMMPT = "rv64-smmpt";
    /** The shipped RV32 smmpt-v0.9 checker with the default cache. */
    public static final String RV32_SMMPT = "rv32-smmpt";
    /** The shipped RV64 smmtt-v0.1 checker with the default cache. */
    public static final String RV64_SMMTT = "rv64-smmtt";
    /** The shipped RV32 smmtt-v0.1 checker with the default cache. */
    public static final String RV32_SMMTT = "rv32-smmtt";
    /**
     * The non-blocking checker (docs/nonblocking.md): {@link #RV64_SMMPT}'s settings with 4 walks in flight and
     * responses by id.
     */
    public static final String RV64_SMMPT_NB = "rv64-smmpt-nb";
    /** Every configuration name, the default ({@code mtt mutate} without {@code --config}) first. */
    public static final List<String> NAMES = List.of(RV64_SMMPT, RV32_SMMPT, RV64_SMMTT, RV32_SMMTT, WALKER_RV64,
            WALKER_RV32, RV64_SMMPT_NB);

    public MutationConfig {
        settings = Map.copyOf(settings);
    }

    /**
     * The configuration called {@code name}.
     *
     * @throws IllegalArgumentException for any other name (the message lists the known ones)
     */
    public static MutationConfig of(String name) {
        return switch (name) {
            case WALKER_RV64, WALKER_RV32 -> new MutationConfig(name, name, Map.of());
            case RV64_SMMPT, RV32_SMMPT, RV64_SMMTT, RV32_SMMTT, RV64_SMMPT_NB -> shipped(name);
            default -> throw new IllegalArgumentException("no mutation configuration '" + name + "'; expected one of "
                    + String.join(", ", NAMES));
        };
    }

    /** The configuration and settings of {@code rtl/<name>}, as {@code mtt gen --shipped} uses them. */
    private static MutationConfig shipped(String name) {
        ShippedRtl.Shipped s = ShippedRtl.ALL.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("'" + name + "' is not a shipped configuration any more"));
        return new MutationConfig(name, s.configuration(), s.settings());
    }

    /** The unmodified checker, generated and built (once per JVM). */
    public CheckerLibrary library() {
        return CheckerLibrary.forConfiguration(configuration, settings);
    }

    /** Generates the configuration into {@code dir} (Verilog and {@code checker.json}) and returns its description. */
    public CheckerDescription generate(Path dir) {
        Configurations.generate(configuration, settings, dir);
        return CheckerManifest.read(dir);
    }

    /**
     * The generated Verilog of this configuration: file name → text, in the manifest's order (children first, the top
     * last), and the description.
     */
    public Generated sources() {
        try {
            Path dir = Files.createTempDirectory("mtt-mutation-src");
            try {
                CheckerDescription d = generate(dir);
                Map<String, String> files = new LinkedHashMap<>();
                for (Path p : d.sources()) {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
                return new Generated(d, files, Files.readString(dir.resolve(CheckerManifest.FILE)));
            } finally {
                try (var s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("generating " + configuration, e);
        }
    }

    /**
     * A generated folder in memory.
     *
     * @param description what its manifest says (its source paths no longer exist)
     * @param files       Verilog file name → text
     * @param manifest    the text of its {@code checker.json}
     */
    public record Generated(CheckerDescription description, Map<String, String> files, String manifest) {
    }
}
