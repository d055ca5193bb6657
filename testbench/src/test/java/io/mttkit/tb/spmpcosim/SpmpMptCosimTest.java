package io.mttkit.tb.spmpcosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.tb.ToolGate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The composed {@code mtt_spmp_checker} against the golden SPMP, PMP and MPT lookup composed in the golden hart's
 * order: every answer, hook, MPTE query and read, and the latency rules must agree, and every unit and collision
 * between them must be reached. (That the comparison can fail: {@code mtt mutate --config spmp-rv64}, whose mutants
 * of the order, the causes and the SPMP rules are each killed by it; docs/mutation.md.)
 */
class SpmpMptCosimTest {
    private static BuildDriver driver;

    @BeforeAll
    static void tools() {
        ToolGate.requireVerilator();
        driver = BuildDriver.fromEnvironment();
    }

    @ParameterizedTest
    @CsvSource({"spmp-rv64, 20000", "spmp-rv32, 10000"})
    void composedTopAgreesWithTheGoldenModels(String config, long accesses) {
        SpmpMptCosim.Params p = SpmpMptCosim.params(config, Map.of());
        SpmpMptCosim.Result r = SpmpMptCosim.run(driver, config, p, 14, accesses);
        System.out.print(r.format());
        assertEquals(0, r.mismatchCount(), r.format());
        for (int u = 0; u < 4; u++) {
            assertTrue(r.byUnit()[u] > 100, "every unit decides some accesses:\n" + r.format());
        }
        SpmpCoverage.Group prio = r.coverage().get(SpmpMptCoverage.PRIORITY);
        assertEquals(prio.bins.size(), prio.covered(), "every SPMP/PMP/MPT collision:\n" + r.format());
        assertEquals(0, r.coverage().get(SpmpMptCoverage.UNIT).holes().size(), r.format());
    }

    /**
     * A pipelined SPMP (one more cycle before the hook) and an MPT with a slower PMP answer: the latency rules follow
     * the parameters, the order does not change.
     */
    @org.junit.jupiter.api.Test
    void pipelinedSpmpAndSlowerPmpAgree() {
        SpmpMptCosim.Params p = SpmpMptCosim.params("spmp-rv64", Map.of("pipeline", "1", "pmpLatency", "3",
                "entryCount", "6", "granularity", "1"));
        SpmpMptCosim.Result r = SpmpMptCosim.run(driver, "spmp-rv64", p, 1414, 5_000);
        System.out.print(r.format());
        assertEquals(0, r.mismatchCount(), r.format());
    }
}
