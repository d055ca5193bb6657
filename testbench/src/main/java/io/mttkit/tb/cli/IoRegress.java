package io.mttkit.tb.cli;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.iompt.AbortReason;
import io.mttkit.tb.iocosim.IoCheckerLibrary;
import io.mttkit.tb.iocosim.IoCoverage;
import io.mttkit.tb.iocosim.IoRegression;
import io.mttkit.tb.report.AtomicFiles;
import io.mttkit.tb.report.JUnitXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mtt regress} of an I/O MPT checker (port contract v3): the I/O co-simulation ({@link IoRegression}) with
 * the command's {@code --seed/--checks/--report}, printing a summary, the event digest and the report folder.
 */
final class IoRegress {
    private IoRegress() {
    }

    static int run(PrintWriter out, String what, IoCheckerLibrary lib, long seed, long checks, Path dir)
            throws IOException {
        out.printf("mtt regress: %s (I/O MPT checker, port contract v3), %d DMA checks, seed %d%n", what, checks, seed);
        out.flush();
        ProgressDisplay progress = ProgressDisplay.forConsole();
        MttMode shown = lib.description().modes().get(0);
        IoRegression.Result r = IoRegression.run(lib, seed, checks, n -> progress.update(Math.min(n, checks), checks,
                shown));
        progress.finish();
        if (r.firstMismatch() != null) {
            out.println(r.firstMismatch()); // the report first, before any file
            out.flush();
            AtomicFiles.writeString(dir.resolve("mismatch.txt"), r.firstMismatch());
        }
        JUnitXml.write(dir.resolve("junit.xml"), "mtt.regress." + what,
                List.of(new JUnitXml.Case("seed " + seed + ", " + checks + " DMA checks", r.seconds(), r.firstMismatch())));
        r.coverage().db().write(dir.resolve("coverage.json"));
        AtomicFiles.writeString(dir.resolve("report.json"), json(what, lib, seed, checks, r));
        out.println();
        out.printf("checks: %d   mismatches: %d   checks/s: %.0f   (simulated cycles %d, MPTE reads %d, register"
                        + " accesses %d, status polls %d, verdicts in a reconfiguration window %d)%n", r.checks(),
                r.mismatches(), r.checksPerSecond(), r.cycles(), r.reads(), r.registerAccesses(), r.polls(), r.windows());
        out.printf("event digest: %016x%n", r.digest());
        out.printf("verdict timing: rsp_valid 1 cycle after the handshake without a walk; %s after a walk without reads,"
                + " %s after a PMP denial, %s after the last MPTE response (learned from the first walk of each kind, then held)%n",
                cycles(r.walkDelays()[0]), cycles(r.walkDelays()[1]), cycles(r.walkDelays()[2]));
        out.println(r.coverage().db().summary(8));
        out.println(reasons(r));
        if (r.cacheStats() != null) {
            StringBuilder b = new StringBuilder("cache events (each compared with the golden cache model):");
            for (int i = 0; i < r.cacheStats().length; i++) {
                b.append(i == 0 ? " " : ", ").append(IoCoverage.CACHE_EVENT_BINS.get(i)).append('=')
                        .append(r.cacheStats()[i]);
            }
            out.println(b);
        }
        out.println(r.passed() ? "PASS: the RTL agreed with the golden I/O MPT checker on every DMA verdict and register"
                + " access" : "FAIL: first mismatch above (also in " + dir.resolve("mismatch.txt") + ")");
        out.println("report: " + dir.toAbsolutePath().resolve("report.json") + " (also junit.xml, coverage.json"
                + (r.passed() ? "" : ", mismatch.txt") + ")");
        out.flush();
        return r.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String cycles(long n) {
        return n < 0 ? "(not seen)" : n + (n == 1 ? " cycle" : " cycles");
    }

    static String reasons(IoRegression.Result r) {
        StringBuilder b = new StringBuilder("abort reasons:");
        for (AbortReason a : AbortReason.values()) {
            b.append(' ').append(a.name()).append('=').append(r.reasons()[a.ordinal()]);
        }
        return b.toString();
    }

    private static String json(String what, IoCheckerLibrary lib, long seed, long checks, IoRegression.Result r) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"checker\": ").append(quote(what)).append(",\n");
        b.append("  \"kind\": \"io\",\n");
        b.append("  \"configuration\": ").append(quote(lib.description().label())).append(",\n");
        b.append("  \"seed\": ").append(seed).append(",\n");
        b.append("  \"checksAsked\": ").append(checks).append(",\n");
        b.append("  \"checks\": ").append(r.checks()).append(",\n");
        b.append("  \"mismatches\": ").append(r.mismatches()).append(",\n");
        b.append("  \"checksPerSecond\": ").append(Math.round(r.checksPerSecond())).append(",\n");
        b.append("  \"seconds\": ").append(String.format("%.3f", r.seconds())).append(",\n");
        b.append("  \"cycles\": ").append(r.cycles()).append(",\n");
        b.append("  \"mpteReads\": ").append(r.reads()).append(",\n");
        b.append("  \"registerAccesses\": ").append(r.registerAccesses()).append(",\n");
        b.append("  \"polls\": ").append(r.polls()).append(",\n");
        b.append("  \"reconfigurationWindows\": ").append(r.windows()).append(",\n");
        b.append("  \"eventDigest\": \"").append(String.format("%016x", r.digest())).append("\",\n");
        b.append("  \"abortReasons\": {");
        for (AbortReason a : AbortReason.values()) {
            b.append(a.ordinal() == 0 ? "" : ", ").append(quote(a.name())).append(": ").append(r.reasons()[a.ordinal()]);
        }
        b.append("},\n");
        b.append("  \"passed\": ").append(r.passed()).append(",\n");
        b.append("  \"firstMismatch\": ").append(r.firstMismatch() == null ? "null" : quote(r.firstMismatch())).append('\n');
        return b.append("}\n").toString();
    }

    /** {@code s} as a JSON string literal (Jackson's escaping, the same as every other report writer's). */
    private static String quote(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
