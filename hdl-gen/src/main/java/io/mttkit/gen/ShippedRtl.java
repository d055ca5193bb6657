package io.mttkit.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The configurations whose Verilog is checked in under {@code rtl/<name>/}: the hart-side checkers ({@link #ALL},
 * each with its {@code checker.json}), the I/O MPT checkers ({@link #IO}) and the SPMP ({@link #SPMP}), each of these
 * with its {@code manifest.json};
 * both manifests are {@link GeneratedRtl}'s: the provenance (configuration, every parameter by name, generator
 * version, a SHA-256 per file and one over all of them). {@link #write} regenerates every folder of {@link #EVERY};
 * {@link #differences} tells whether any checked-in file is stale.
 */
public final class ShippedRtl {
    /** One shipped configuration: a folder name, the registered configuration and its settings (by parameter name). */
    public record Shipped(String name, String configuration, Map<String, String> settings, String summary) {
    }

    /** The shipped configurations, the default first. */
    public static final List<Shipped> ALL = List.of(
            new Shipped("rv64-smmpt", "checker-rv64", Map.of("formats", "smmpt-v0.9"), "RV64, smmpt-v0.9 (the default)"),
            new Shipped("rv64-smmtt", "checker-rv64", Map.of("formats", "smmtt-v0.1"), "RV64, smmtt-v0.1"),
            new Shipped("rv32-smmpt", "checker-rv32", Map.of("formats", "smmpt-v0.9"), "RV32, smmpt-v0.9"),
            new Shipped("rv32-smmtt", "checker-rv32", Map.of("formats", "smmtt-v0.1"), "RV32, smmtt-v0.1"),
            new Shipped("rv64-smmpt-nb", "checker-rv64", Map.of("formats", "smmpt-v0.9", "walksInFlight", "4",
                    "responseOrder", "BY_ID"), "RV64, smmpt-v0.9, non-blocking: 4 walks in flight, responses by id "
                    + "(docs/nonblocking.md)"));

    /**
     * The shipped I/O MPT checkers (Smmpt v0.9 ch. 6, {@code mtt_io_checker}). Not in {@link #ALL}: that list means
     * the hart-side checkers (checker.json, regress, mutation), whose port contract the I/O checker does not have.
     */
    public static final List<Shipped> IO = List.of(
            new Shipped("io-rv64-smmpt", "io-rv64-smmpt", Map.of(),
                    "RV64 I/O MPT checker, smmpt-v0.9, SDID-tagged MPT cache, the golden model's chapter-6 defaults"));

    /**
     * The shipped SPMP (Sspmp + Sspmpen, {@code mtt_spmp_checker}: the SPMP in front of the PMP hook and the cache-less
     * MPT checker). Not in {@link #ALL} for the same reason as {@link #IO}: its top is not a port-contract checker. Its
     * {@code mtt_spmp.v} is the module the SPMP co-simulation ({@code mtt regress --config spmp-alone-rv64}) checks.
     */
    public static final List<Shipped> SPMP = List.of(
            new Shipped("spmp-rv64", "spmp-rv64", Map.of(),
                    "RV64 S-mode PMP (16 entries, Sspmpen, G 0, paw 56) in front of the PMP hook and the cache-less "
                            + "MPT checker"));

    /** Every shipped folder: {@link #ALL}, then {@link #IO}, then {@link #SPMP}. */
    public static final List<Shipped> EVERY = java.util.stream.Stream.of(ALL, IO, SPMP).flatMap(List::stream).toList();

    private ShippedRtl() {}

    /** The generated files of {@code s}: file name → text, the Verilog and the manifest. */
    public static Map<String, String> render(Shipped s) {
        return GeneratedRtl.render(s.configuration(), s.settings(), s.name(), s.summary()).files();
    }

    /** Regenerates every shipped configuration ({@link #EVERY}) under {@code rtlRoot}, replacing what was there. */
    public static List<Path> write(Path rtlRoot) {
        List<Path> written = new ArrayList<>();
        try {
            for (Shipped s : EVERY) {
                Path dir = rtlRoot.resolve(s.name());
                GeneratedRtl fresh = GeneratedRtl.render(s.configuration(), s.settings(), s.name(), s.summary());
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> old = Files.list(dir)) {
                        for (Path p : old.toList()) {
                            if (!fresh.files().containsKey(p.getFileName().toString())) {
                                Files.delete(p); // a file the generator does not write any more
                            }
                        }
                    }
                }
                written.addAll(fresh.write(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + rtlRoot + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * What differs between the checked-in {@code rtlRoot} and a fresh generation: one line per missing, extra
     * or changed file (empty when up to date).
     */
    public static List<String> differences(Path rtlRoot) {
        List<String> diffs = new ArrayList<>();
        try {
            for (Shipped s : EVERY) {
                Path dir = rtlRoot.resolve(s.name());
                Map<String, String> fresh = render(s);
                for (Map.Entry<String, String> f : fresh.entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    if (!Files.isRegularFile(p)) {
                        diffs.add("missing: " + p);
                    } else if (!Files.readString(p).equals(f.getValue())) {
                        diffs.add("stale: " + p);
                    }
                }
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> present = Files.list(dir)) {
                        for (Path p : present.toList()) {
                            if (!fresh.containsKey(p.getFileName().toString())) {
                                diffs.add("not generated any more: " + p);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + rtlRoot + ": " + e.getMessage(), e);
        }
        return diffs;
    }

}
