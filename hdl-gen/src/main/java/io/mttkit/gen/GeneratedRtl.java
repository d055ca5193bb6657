package io.mttkit.gen;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder {@code mtt gen} writes for a configuration: one {@code <module>.v} per module definition and a
 * manifest. A checker configuration's manifest is {@code checker.json} in the bring-your-own schema
 * ({@code docs/byo-rtl.md}: top, sources, the device-under-test fields, optional cache) plus a {@code generator}
 * block of provenance (configuration, every parameter by name with its value, generator version, a short hash of
 * the configuration, a SHA-256 per file and one over all of them), so the testbench reads generated and own RTL
 * the same way. Other configurations get {@code manifest.json} with top, sources and the provenance.
 *
 * @param files file name → text, the Verilog files children first, then the manifest
 * @param top   the top module's name
 */
public record GeneratedRtl(Map<String, String> files, String top) {
    /** Bumped when the generators change in a way that matters to users of generated RTL. */
    public static final String GENERATOR_VERSION = "0.2.0";
    /** The manifest of a checker configuration. */
    public static final String CHECKER_MANIFEST = "checker.json";
    /** The manifest of any other configuration. */
    public static final String MANIFEST = "manifest.json";

    /**
     * Generates {@code configuration} with {@code settings} (unset parameters take their defaults).
     *
     * @param shippedName the name of a shipped configuration ({@code rtl/<name>}), or {@code null}
     * @param summary     the one-line summary for the manifest, or {@code null} for the configuration's own
     * @throws IllegalArgumentException for an unknown configuration, key, or an unparsable or out-of-range value
     */
    public static GeneratedRtl render(String configuration, Map<String, String> settings, String shippedName,
                                      String summary) {
        Configuration c = Configurations.get(configuration);
        ParamValues values = Configurations.resolve(configuration, settings);
        Design design = Hdl.elaborate(c.build().apply(values));
        Map<String, String> files = new LinkedHashMap<>(Hdl.emit(design, EmitOptions.plain()));
        StringBuilder m = new StringBuilder("{\n");
        m.append("  \"top\": ").append(quote(design.top())).append(",\n");
        m.append("  \"sources\": [");
        String sep = "";
        for (String f : files.keySet()) {
            m.append(sep).append(quote(f));
            sep = ", ";
        }
        m.append("],\n");
        if (c.isChecker()) {
            c.checker().apply(values).forEach((k, v) -> m.append("  ").append(quote(k)).append(": ").append(v)
                    .append(",\n"));
        }
        m.append("  \"generator\": {\n");
        if (shippedName != null) {
            m.append("    \"name\": ").append(quote(shippedName)).append(",\n");
        }
        m.append("    \"configuration\": ").append(quote(configuration)).append(",\n");
        m.append("    \"summary\": ").append(quote(summary != null ? summary : c.summary())).append(",\n");
        m.append("    \"version\": ").append(quote(GENERATOR_VERSION)).append(",\n");
        m.append("    \"parameters\": {");
        sep = "\n";
        for (Map.Entry<String, String> e : values.json().entrySet()) {
            m.append(sep).append("      ").append(quote(e.getKey())).append(": ").append(e.getValue());
            sep = ",\n";
        }
        m.append("\n    },\n");
        m.append("    \"configurationHash\": ").append(quote(configurationHash(configuration, values))).append(",\n");
        m.append("    \"files\": {");
        sep = "\n";
        MessageDigest all = sha256();
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
            all.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            all.update(bytes);
            m.append(sep).append("      ").append(quote(f.getKey())).append(": \"sha256:")
                    .append(HexFormat.of().formatHex(sha256().digest(bytes))).append('"');
            sep = ",\n";
        }
        m.append("\n    },\n    \"contentHash\": \"sha256:").append(HexFormat.of().formatHex(all.digest()))
                .append("\"\n  }\n}\n");
        files.put(c.isChecker() ? CHECKER_MANIFEST : MANIFEST, m.toString());
        return new GeneratedRtl(files, design.top());
    }

    /**
     * A short hash naming a configuration and its parameter values (not the emitted text): the same
     * configuration gives the same hash whatever the emitter's formatting, different values a different hash. The
     * module header comments carry it, so a Verilog file can be matched to its manifest.
     */
    public static String configurationHash(String configuration, ParamValues values) {
        String canonical = "mttkit " + GENERATOR_VERSION + "\nconfiguration " + configuration + "\n"
                + String.join("\n", values.texts()) + "\n";
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    }

    /**
     * Writes every file into {@code dir} (created if missing), each to a temporary file first and then renamed,
     * so a reader never sees half a file.
     *
     * @return the files written, in {@link #files} order
     */
    public List<Path> write(Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Path tmp = Files.createTempFile(dir, "." + f.getKey(), ".tmp");
                try {
                    Files.writeString(tmp, f.getValue());
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                written.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
