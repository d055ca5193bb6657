package io.mttkit.gen;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The configurations whose Verilog is checked in under {@code rtl/<name>/}, each with a {@code manifest.json}
 * (configuration, every parameter value, generator version, a SHA-256 per file and one over all of them).
 * {@link #write} regenerates them; {@link #differences} tells whether the checked-in files are stale.
 */
public final class ShippedRtl {
    /** Bumped when the generators change in a way that matters to users of the shipped RTL. */
    public static final String GENERATOR_VERSION = "0.1.0";

    /** One shipped configuration: a folder name, the registered configuration and its settings. */
    public record Shipped(String name, String configuration, Map<String, String> settings, String summary) {
    }

    /** The shipped configurations, the default first. */
    public static final List<Shipped> ALL = List.of(
            new Shipped("rv64-smmpt", "checker-rv64", Map.of("formats", "2"), "RV64, smmpt-v0.9 (the default)"),
            new Shipped("rv64-smmtt", "checker-rv64", Map.of("formats", "1"), "RV64, smmtt-v0.1"),
            new Shipped("rv32-smmpt", "checker-rv32", Map.of("formats", "2"), "RV32, smmpt-v0.9"),
            new Shipped("rv32-smmtt", "checker-rv32", Map.of("formats", "1"), "RV32, smmtt-v0.1"));

    private ShippedRtl() {}

    /** The generated files of {@code s}: file name → Verilog text, plus {@code manifest.json}. */
    public static Map<String, String> render(Shipped s) {
        Map<String, Long> values = Configurations.resolve(s.configuration(), s.settings());
        Design design = Configurations.elaborate(s.configuration(), s.settings());
        Map<String, String> files = new LinkedHashMap<>(Hdl.emit(design, EmitOptions.plain()));
        StringBuilder m = new StringBuilder();
        m.append("{\n");
        m.append("  \"name\": \"").append(s.name()).append("\",\n");
        m.append("  \"summary\": \"").append(s.summary()).append("\",\n");
        m.append("  \"configuration\": \"").append(s.configuration()).append("\",\n");
        m.append("  \"top\": \"").append(design.top()).append("\",\n");
        m.append("  \"generatorVersion\": \"").append(GENERATOR_VERSION).append("\",\n");
        m.append("  \"parameters\": {");
        String sep = "\n";
        for (Map.Entry<String, Long> e : values.entrySet()) {
            m.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
            sep = ",\n";
        }
        m.append("\n  },\n  \"files\": {");
        sep = "\n";
        MessageDigest all = sha256();
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
            all.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            all.update(bytes);
            m.append(sep).append("    \"").append(f.getKey()).append("\": \"sha256:")
                    .append(HexFormat.of().formatHex(sha256().digest(bytes))).append('"');
            sep = ",\n";
        }
        m.append("\n  },\n  \"contentHash\": \"sha256:").append(HexFormat.of().formatHex(all.digest())).append("\"\n}\n");
        files.put("manifest.json", m.toString());
        return files;
    }

    /** Regenerates every shipped configuration under {@code rtlRoot}, replacing what was there. */
    public static List<Path> write(Path rtlRoot) {
        List<Path> written = new ArrayList<>();
        try {
            for (Shipped s : ALL) {
                Path dir = rtlRoot.resolve(s.name());
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> old = Files.list(dir)) {
                        for (Path p : old.toList()) {
                            Files.delete(p);
                        }
                    }
                }
                Files.createDirectories(dir);
                for (Map.Entry<String, String> f : render(s).entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.writeString(p, f.getValue());
                    written.add(p);
                }
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
            for (Shipped s : ALL) {
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
