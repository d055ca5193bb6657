package io.mttkit.tb.spmpcosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.tb.ToolGate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated {@code mtt_spmp} against the golden SPMP, 50 000 seeded random accesses per configuration with
 * their register programs; every CSR read-back and verdict must agree, and the run must reach the coverage that
 * makes the agreement mean something.
 */
class SpmpCosimTest {
    private static BuildDriver driver;

    @BeforeAll
    static void tools() {
        ToolGate.requireVerilator();
        driver = BuildDriver.fromEnvironment();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spmp-alone-rv64", "spmp-alone-rv32"})
    void defaultConfigurationAgreesWithTheGoldenModel(String config) {
        SpmpParams p = SpmpCosim.params(config, Map.of());
        SpmpCosim.Result r = SpmpCosim.run(driver, config, p, 14, 50_000);
        System.out.print(r.format());
        assertEquals(0, r.mismatchCount(), r.format());
        assertEquals(50_000, r.accesses());
        assertTrue(r.allowed() > 5_000 && r.accesses() - r.allowed() > 5_000, r.format());
        assertEquals(r.coverage().totalBins(), r.coverage().coveredBins(), "every bin at 50 000 accesses:\n"
                + r.format());
    }

    /**
     * Shapes the defaults do not reach: granularity (NA4 not selectable, NAPOT low bits read as ones, TOR bounds
     * rounded), the pipelined response, more than 32 entries on RV32 ({@code spmpenh}), no Sspmpen, 64 entries —
     * two builds that carry them all (each Verilator build costs more than the run).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spmp-alone-rv64 | granularity=2;pipeline=1;sspmpenPresent=false;entryCount=5",
        "spmp-alone-rv32 | granularity=1;entryCount=64;pipeline=1"})
    void otherShapesAgreeWithTheGoldenModel(String config, String settings) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String kv : settings.split(";")) {
            String[] f = kv.split("=");
            set.put(f[0].trim(), f[1].trim());
        }
        SpmpParams p = SpmpCosim.params(config, set);
        SpmpCosim.Result r = SpmpCosim.run(driver, config, p, 1414, 10_000);
        System.out.print(r.format());
        assertEquals(0, r.mismatchCount(), r.format());
        // 10 000 accesses over a smaller or larger bin space than the defaults': most bins, not all (holes named)
        assertTrue(r.coverage().coveredBins() * 10 >= r.coverage().totalBins() * 8,
                "at least 80% of the coverage bins:\n" + r.format());
    }

    /**
     * The comparison can fail: against a golden SPMP on which MXR does not act (the generator's behaviour before
     * the reconciliation), the same run reports mismatches, each an MXR load, printed first.
     */
    @org.junit.jupiter.api.Test
    void aGoldenModelWithoutMxrIsCaught() {
        SpmpParams p = SpmpCosim.params("spmp-alone-rv64", Map.of());
        io.mttkit.golden.spmp.SpmpParams g = SpmpCosim.golden(p);
        io.mttkit.golden.spmp.SpmpParams noMxr = new io.mttkit.golden.spmp.SpmpParams(g.entryCount(), g.xlen(),
                g.granularity(), g.sspmpen(), g.mpmpdeleg(), false);
        SpmpCosim.Result r = SpmpCosim.run(driver, "spmp-alone-rv64", p, noMxr, 14, 5_000);
        assertTrue(r.mismatchCount() > 0, r.format());
        assertTrue(r.format().startsWith("MISMATCH "), r.format());
        for (String m : r.mismatches()) {
            assertTrue(m.contains(" load ") && m.contains("MXR=1") && m.contains("RTL allow"), m);
        }
    }
}
