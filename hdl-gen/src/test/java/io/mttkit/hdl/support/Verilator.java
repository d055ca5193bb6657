package io.mttkit.hdl.support;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.Dut;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.ToolMissingException;
import io.mttkit.bridge.Variant;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Verilator for hdl-gen's own tests: lint with {@code -Wall}, and cycle-by-cycle simulation of emitted
 * modules through the bridge's generic port-by-id layer (a test-scoped dependency; hdl-gen's main code
 * depends on nothing in the project).
 */
public final class Verilator {
    private Verilator() {}

    /** The build folder ({@code target*}) this test run uses. */
    public static Path buildDir() {
        try {
            Path classes = Path.of(Verilator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Result of a tool run. */
    public record Run(int exitCode, String output) {}

    /** Writes the design's Verilog into a fresh folder and lints it with {@code -Wall}; returns the tool output. */
    public static Run lint(Design design) throws IOException, InterruptedException {
        return lint(design, EmitOptions.withSourceComments());
    }

    /** Like {@link #lint(Design)}, emitted with {@code options} (module names, header). */
    public static Run lint(Design design, EmitOptions options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(buildDir(), "lint-");
        List<Path> files = Hdl.write(design, options, dir);
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module",
                options.emittedTop(design)));
        files.forEach(f -> cmd.add(f.toString()));
        Run r = exec(cmd, dir);
        if (r.exitCode() == 0 && r.output().isBlank()) {
            for (Path f : files) {
                Files.delete(f);
            }
            Files.delete(dir);
        }
        return r;
    }

    /**
     * Runs the design's top module for {@code vectors.size()} cycles through the bridge's generic port-by-id
     * layer ({@link Dut}). Each vector holds the values of {@code inputs} (names of top ports; {@code rst}
     * included for designs with reset values); the result holds, per cycle, the values of {@code outputs}
     * sampled after the inputs were applied and before the clock edge. Builds are cached by content hash.
     */
    public static List<BigInteger[]> simulate(Design design, List<String> inputs, List<String> outputs,
                                              List<BigInteger[]> vectors) throws IOException {
        ModuleDef top = design.topModule();
        Map<String, String> verilog = Hdl.emit(design, EmitOptions.plain());
        Path dir = buildDir().resolve("verilator-src").resolve(hash(verilog, ""));
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> f : verilog.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.writeString(file, f.getValue());
            files.add(file);
        }
        LoadedLibrary lib = driver().load(BuildSpec.generic(files, top.name(), Variant.FAST));
        List<BigInteger[]> rows = new ArrayList<>();
        try (Dut dut = lib.openDut()) {
            int[] in = inputs.stream().mapToInt(dut::id).toArray();
            int[] inWidth = inputs.stream().mapToInt(n -> width(top, n)).toArray();
            int[] out = outputs.stream().mapToInt(dut::id).toArray();
            int[] outWidth = outputs.stream().mapToInt(n -> width(top, n)).toArray();
            for (BigInteger[] v : vectors) {
                for (int i = 0; i < v.length; i++) {
                    if (inWidth[i] > 64) {
                        dut.pokeWide(in[i], littleEndian(v[i], (inWidth[i] + 7) / 8));
                    } else {
                        dut.poke(in[i], v[i].longValue());
                    }
                }
                dut.eval();
                BigInteger[] row = new BigInteger[out.length];
                for (int i = 0; i < out.length; i++) {
                    row[i] = outWidth[i] > 64 ? fromLittleEndian(dut.peekWide(out[i]))
                            : new BigInteger(Long.toUnsignedString(dut.peek(out[i])));
                }
                rows.add(row);
                if (top.clocked()) {
                    dut.step(1);
                }
            }
        }
        return rows;
    }

    /** The bridge's build driver; a missing Verilator skips the test (fails it when MTTKIT_REQUIRE_TOOLS=1). */
    private static BuildDriver driver() {
        try {
            return BuildDriver.fromEnvironment();
        } catch (ToolMissingException e) {
            Tools.requireVerilator();
            throw e;
        }
    }

    private static byte[] littleEndian(BigInteger v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = v.shiftRight(8 * i).byteValue();
        }
        return b;
    }

    private static BigInteger fromLittleEndian(byte[] b) {
        byte[] be = new byte[b.length + 1];
        for (int i = 0; i < b.length; i++) {
            be[b.length - i] = b[i];
        }
        return new BigInteger(be);
    }

    private static int width(ModuleDef top, String port) {
        if (port.equals("rst") || port.equals("clk")) {
            return 1;
        }
        return top.ports().stream().filter(s -> s.name().equals(port)).mapToInt(Signal::width).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no port " + port + " on " + top.name()));
    }

    private static String hash(Map<String, String> verilog, String main) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            verilog.forEach((k, v) -> {
                md.update(k.getBytes(StandardCharsets.UTF_8));
                md.update(v.getBytes(StandardCharsets.UTF_8));
            });
            md.update(main.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
