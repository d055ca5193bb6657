package io.mttkit.tb.spmpcosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.tb.ToolGate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
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
    }
}
