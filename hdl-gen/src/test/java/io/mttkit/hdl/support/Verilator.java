package io.mttkit.hdl.support;

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
 * A minimal Verilator harness for hdl-gen's own tests (the real bridge lives in sim-bridge, which hdl-gen may
 * not depend on): lint, and a generated C++ main that reads one line of hex input values per cycle, evaluates,
 * prints the outputs, and clocks. Builds are cached under the build folder by a hash of their sources.
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
        Path dir = Files.createTempDirectory(buildDir(), "lint-");
        List<Path> files = Hdl.write(design, EmitOptions.withSourceComments(), dir);
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", design.top()));
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
     * Runs the design's top module for {@code vectors.size()} cycles. Each vector holds the values of
     * {@code inputs} (names of top ports; {@code rst} included for designs with reset values); the result holds, per
     * cycle, the values of {@code outputs} sampled after the inputs were applied and before the clock edge.
     */
    public static List<BigInteger[]> simulate(Design design, List<String> inputs, List<String> outputs,
                                              List<BigInteger[]> vectors) throws IOException, InterruptedException {
        ModuleDef top = design.topModule();
        Map<String, String> verilog = Hdl.emit(design, EmitOptions.plain());
        String main = mainCpp(top, inputs, outputs);
        Path dir = buildDir().resolve("verilator-cache").resolve(hash(verilog, main));
        Path exe = dir.resolve("obj").resolve("sim");
        if (!Files.isExecutable(exe)) {
            Files.createDirectories(dir);
            List<String> cmd = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-j", "1",
                    "--prefix", "Vtop", "--top-module", top.name(), "--Mdir", "obj", "-o", "sim",
                    "-CFLAGS", "-O0", "-Wno-fatal"));
            for (Map.Entry<String, String> f : verilog.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
                cmd.add(f.getKey());
            }
            Files.writeString(dir.resolve("main.cpp"), main);
            cmd.add("main.cpp");
            Run r = exec(cmd, dir);
            if (r.exitCode() != 0 || !Files.isExecutable(exe)) {
                throw new IllegalStateException("verilator build failed in " + dir + ":\n" + r.output());
            }
        }
        Path stim = Files.createTempFile(buildDir(), "stim-", ".txt");
        StringBuilder sb = new StringBuilder();
        for (BigInteger[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : " ").append(v[i].toString(16));
            }
            sb.append('\n');
        }
        Files.writeString(stim, sb.toString());
        Run r = exec(List.of(exe.toString(), stim.toString()), dir);
        Files.deleteIfExists(stim);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("simulation failed: " + r.output());
        }
        List<BigInteger[]> rows = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] t = line.trim().split(" ");
            BigInteger[] row = new BigInteger[t.length];
            for (int i = 0; i < t.length; i++) {
                row[i] = new BigInteger(t[i], 16);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String mainCpp(ModuleDef top, List<String> inputs, List<String> outputs) {
        StringBuilder sb = new StringBuilder();
        sb.append("// generated by hdl-gen's test harness\n");
        sb.append("#include \"Vtop.h\"\n#include \"verilated.h\"\n");
        sb.append("#include <cstdint>\n#include <cstdio>\n#include <cstdlib>\n#include <cstring>\n\n");
        sb.append("static void setWide(uint32_t* w, int words, const char* hex) {\n"
                + "  for (int i = 0; i < words; i++) w[i] = 0;\n"
                + "  int bit = 0;\n"
                + "  for (int i = (int) strlen(hex) - 1; i >= 0; i--, bit += 4) {\n"
                + "    char c = hex[i];\n"
                + "    uint32_t v = (c >= '0' && c <= '9') ? c - '0' : (c | 32) - 'a' + 10;\n"
                + "    if (bit / 32 < words) w[bit / 32] |= v << (bit % 32);\n"
                + "  }\n}\n\n");
        sb.append("static void printWide(const uint32_t* w, int words) {\n"
                + "  for (int i = words - 1; i >= 0; i--) printf(\"%08x\", w[i]);\n}\n\n");
        sb.append("int main(int argc, char** argv) {\n"
                + "  if (argc < 2) return 2;\n"
                + "  VerilatedContext* ctx = new VerilatedContext;\n"
                + "  Vtop* top = new Vtop{ctx};\n"
                + "  FILE* in = fopen(argv[1], \"r\");\n"
                + "  if (!in) return 3;\n"
                + "  static char line[1 << 20];\n");
        if (top.clocked()) {
            sb.append("  top->clk = 0;\n");
        }
        sb.append("  top->eval();\n  while (fgets(line, sizeof line, in)) {\n    char* save = nullptr;\n    char* tok;\n");
        for (String in : inputs) {
            int w = width(top, in);
            sb.append("    tok = strtok_r(").append(in.equals(inputs.get(0)) ? "line" : "nullptr")
                    .append(", \" \\n\", &save);\n");
            if (w > 64) {
                sb.append("    setWide(top->").append(in).append(", ").append((w + 31) / 32).append(", tok);\n");
            } else {
                sb.append("    top->").append(in).append(" = strtoull(tok, nullptr, 16);\n");
            }
        }
        sb.append("    top->eval();\n");
        for (int i = 0; i < outputs.size(); i++) {
            String out = outputs.get(i);
            int w = width(top, out);
            if (i > 0) {
                sb.append("    printf(\" \");\n");
            }
            if (w > 64) {
                sb.append("    printWide(top->").append(out).append(", ").append((w + 31) / 32).append(");\n");
            } else {
                sb.append("    printf(\"%llx\", (unsigned long long) top->").append(out).append(");\n");
            }
        }
        sb.append("    printf(\"\\n\");\n");
        if (top.clocked()) {
            sb.append("    top->clk = 1;\n    top->eval();\n    top->clk = 0;\n    top->eval();\n");
        }
        sb.append("  }\n  top->final();\n  delete top;\n  delete ctx;\n  return 0;\n}\n");
        return sb.toString();
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
