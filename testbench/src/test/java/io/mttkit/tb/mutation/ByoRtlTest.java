package io.mttkit.tb.mutation;

import io.mttkit.tb.cosim.Checkers;
import io.mttkit.tb.cosim.RegressionResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.dut.CheckerManifest;
import io.mttkit.tb.cosim.Regression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bring-your-own RTL ({@code mtt regress --rtl DIR}): Verilog + {@code checker.json} in a folder. */
class ByoRtlTest {

    /** Generated Verilog and a bring-your-own manifest (no generator block) for it; returns the top. */
    private static String write(Path dir, WalkerParams params) {
        Design d = Hdl.elaborate(new MttChecker(params));
        List<Path> files = Hdl.write(d, EmitOptions.plain(), dir);
        CheckerDescription generated = Checkers.describe(params);
        CheckerManifest.write(dir, new CheckerDescription(d.top(), files, generated.xlen(), generated.formats(),
                generated.paw(), generated.sdidLen(), generated.idWidth(), generated.rsvdTupleScope(),
                generated.v01OneGigAsOneGiB(), generated.bigEndianSupport(), generated.pmpLatency(), null, null));
        return d.top();
    }

    @Test
    void generatedVerilogWithItsManifestPassesAShortRegression(@TempDir Path dir) {
        WalkerParams params = WalkerParams.defaults(32);
        String top = write(dir, params);
        CheckerDescription m = CheckerManifest.read(dir);
        assertTrue(m.sameDevice(Checkers.describe(params)), m.label());
        assertEquals(null, m.generator());
        assertEquals(top, m.top());
        CheckerLibrary lib = CheckerLibrary.fromManifest(dir);
        RegressionResult r = Regression.run(lib, 7, 4_000);
        assertTrue(r.passed(), r.firstMismatch());
        assertTrue(r.checks() >= 4_000 - Checkers.describe(params).modes().size(), "checks run: " + r.checks());
    }

    private static String edit(Path dir, String from, String to) throws Exception {
        Path f = dir.resolve(CheckerManifest.FILE);
        String s = Files.readString(f);
        assertTrue(s.contains(from), s);
        Files.writeString(f, s.replace(from, to));
        return assertThrows(IllegalArgumentException.class, () -> CheckerManifest.read(dir)).getMessage();
    }

    @Test
    void missingFieldIsNamed(@TempDir Path dir) throws Exception {
        write(dir, WalkerParams.defaults(64));
        String msg = edit(dir, "\"pmpLatency\" : 1", "\"pmpLatencyX\" : 1");
        assertTrue(msg.contains("pmpLatencyX") && msg.contains("unknown field"), msg);
        write(dir, WalkerParams.defaults(64));
        String json = Files.readString(dir.resolve(CheckerManifest.FILE)).replaceAll(",\\s*\"paw\" : 56", "");
        Files.writeString(dir.resolve(CheckerManifest.FILE), json);
        msg = assertThrows(IllegalArgumentException.class, () -> CheckerManifest.read(dir)).getMessage();
        assertTrue(msg.contains("missing field 'paw'") && msg.contains(CheckerManifest.FILE), msg);
    }

    @Test
    void invalidFieldsAreNamed(@TempDir Path dir) throws Exception {
        write(dir, WalkerParams.defaults(64));
        String msg = edit(dir, "\"formats\" : \"both\"", "\"formats\" : \"V2\"");
        assertTrue(msg.contains("'formats'") && msg.contains("smmtt-v0.1"), msg);
        write(dir, WalkerParams.defaults(64));
        msg = edit(dir, "\"formats\" : \"both\"", "\"formats\" : \"BOTH\"");
        assertTrue(msg.contains("old spelling") && msg.contains("write \"both\""), msg);
        write(dir, WalkerParams.defaults(64));
        msg = edit(dir, "\"paw\" : 56", "\"paw\" : 70");
        assertTrue(msg.contains("'paw'") && msg.contains("70"), msg);
        write(dir, WalkerParams.defaults(64));
        msg = edit(dir, "\"bigEndianSupport\" : true", "\"bigEndianSupport\" : \"yes\"");
        assertTrue(msg.contains("'bigEndianSupport'") && msg.contains("true or false"), msg);
        write(dir, WalkerParams.defaults(64));
        msg = edit(dir, "\"xlen\" : 64", "\"xlen\" : 128");
        assertTrue(msg.contains("'xlen'") && msg.contains("128"), msg);
    }

    @Test
    void missingSourceAndMissingManifestAreErrors(@TempDir Path dir) throws Exception {
        String msg = assertThrows(IllegalArgumentException.class, () -> CheckerManifest.read(dir)).getMessage();
        assertTrue(msg.contains(CheckerManifest.FILE) && msg.contains("byo-rtl"), msg);
        write(dir, WalkerParams.defaults(32));
        msg = edit(dir, ".v\"", "_gone.v\"");
        assertTrue(msg.contains("'sources'") && msg.contains("does not exist"), msg);
    }
}
