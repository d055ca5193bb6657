package io.mttkit.tb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.hart.HartMatrix;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.golden.tables.SeedMatrix;
import io.mttkit.tb.selftest.GoldenSeedMatrix;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt selftest}: the seed's permission matrix on the golden model, every mode of both formats. */
@Command(name = "selftest",
        header = "Run the seed's permission matrix on the golden model and the golden hart.",
        description = {
            "Run the seed's permission matrix on the golden model and the golden hart. for every mode of both formats and every",
            "permission (disallow, allow-rx, allow-rw, allow-rwx), build tables for a 1 GiB region at 0xC000_0000,",
            "a 2 MiB (RV64) / 4 MiB (RV32) region at 0xB000_0000 and a 4 KiB region at 0xB800_0000, probe their",
            "pages with load, store and fetch through the lookup and the cache reference model, and compare;",
            "then run the same matrix as RISC-V programs on the golden hart (M-mode firmware, S-mode probes).",
            "Prints PASS|FAIL <xlen> <mode> <perm> per cell, a summary and the report path."
        },
        footer = {"", "Examples:", "  ./mtt selftest", "  ./mtt selftest --full --report out/selftest"},
        mixinStandardHelpOptions = true)
final class SelftestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "Probe every page of the 1 GiB region (262144 pages) instead of a sample (slow; the hart needs -Xmx3g via MTT_JAVA_OPTS).")
    boolean full;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: target/reports/selftest).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
        // the report folder first: a folder that cannot be written is said before minutes of work, not after
        Path dir = ReportFolder.prepare(reportDir != null ? reportDir : repoRoot().resolve("target/reports/selftest"),
                List.of("report.json"), "--report");
        PrintWriter out = spec.commandLine().getOut();
        // A prime stride visits every offset within the 1 GiB region's leaves over the run.
        GoldenSeedMatrix matrix = new GoldenSeedMatrix(full ? 1 : 61);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = json.createObjectNode();
        report.put("job", "selftest: seed matrix on the golden model");
        ArrayNode cells = report.putArray("cells");
        int pass = 0;
        int fail = 0;
        long probes = 0;
        long t0 = System.nanoTime();
        for (MttMode mode : MttMode.values()) {
            if (mode == MttMode.BARE) {
                continue;
            }
            for (int xwr : SeedMatrix.PERMISSIONS) {
                GoldenSeedMatrix.Cell c = matrix.run(mode, xwr);
                out.printf("%s %s%n", c.pass() ? "PASS" : "FAIL", c.label());
                for (String f : c.failures()) {
                    out.println("     " + f);
                }
                out.flush();
                ObjectNode n = cells.addObject();
                n.put("xlen", mode.xlen());
                n.put("mode", mode.id());
                n.put("format", mode.format().id());
                n.put("perm", GoldenSeedMatrix.permName(xwr));
                n.put("result", c.pass() ? "PASS" : "FAIL");
                n.put("checks", c.probes());
                n.put("tables", c.tableSummary());
                c.failures().forEach(n.putArray("failures")::add);
                probes += c.probes();
                if (c.pass()) {
                    pass++;
                } else {
                    fail++;
                }
            }
        }
        // Stage 2: the same matrix as real RISC-V programs on the golden hart.
        out.println();
        out.println("seed matrix as RISC-V programs on the golden hart:");
        ArrayNode hartCells = report.putArray("hartCells");
        if (!ProgramBuild.toolchainAvailable()) {
            out.println("FAIL hart matrix not run: " + ProgramBuild.MISSING);
            fail++;
        } else {
            Path root = repoRoot();
            HartMatrix.Result hm = HartMatrix.runAll(root.resolve("programs"), root.resolve("target/programs"),
                    full ? 1 : HartMatrix.DEFAULT_STRIDE);
            for (HartMatrix.Cell c : hm.cells()) {
                out.println(c.line());
                ObjectNode n = hartCells.addObject();
                n.put("line", c.line());
                n.put("result", c.pass() ? "PASS" : "FAIL");
                if (c.pass()) {
                    pass++;
                } else {
                    fail++;
                }
            }
            out.flush();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.put("passed", pass);
        report.put("failed", fail);
        report.put("checks", probes);
        report.put("seconds", Math.round(seconds * 1000) / 1000.0);
        Path file = dir.resolve("report.json");
        io.mttkit.tb.report.AtomicFiles.writeString(file, json.writeValueAsString(report));
        out.printf("%nsummary: %d cells, %d passed, %d failed (golden lookup + cache model: %d checks; golden hart"
                + " programs) in %.1f s%n", pass + fail, pass, fail, probes, seconds);
        out.println("report: " + file.toAbsolutePath());
        out.flush();
        return fail == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static Path repoRoot() {
        String root = System.getProperty("mttkit.repo.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    }
}
