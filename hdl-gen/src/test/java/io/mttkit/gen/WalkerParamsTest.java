package io.mttkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkMode;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.ir.Design;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter validation of the walker/checker generator and its {@code mtt gen} configurations. */
class WalkerParamsTest {
    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaultsFollowTheXlen() {
        assertEquals(56, WalkerParams.defaults(64).paw());
        assertEquals(34, WalkerParams.defaults(32).paw());
        assertEquals(Formats.BOTH, WalkerParams.defaults(64).formats());
        assertEquals(List.of(WalkMode.SMMTT46, WalkMode.SMMTT56, WalkMode.SMMPT43, WalkMode.SMMPT52, WalkMode.SMMPT64),
                WalkerParams.defaults(64).modes());
        assertEquals(List.of(WalkMode.SMMTT34, WalkMode.SMMPT34), WalkerParams.defaults(32).modes());
    }

    @Test
    void outOfRangeValuesNameTheParameterTheRangeAndTheValue() {
        assertEquals("parameter 'xlen' must be 32 or 64; got 128", error(() -> WalkerParams.defaults(128)));
        assertEquals("parameter 'paw' must be in 32..34 (for xlen 32); got 35",
                error(() -> new WalkerParams(32, Formats.BOTH, 35, 6, 8, TupleScope.ANY, false, true, 1)));
        assertEquals("parameter 'paw' must be in 32..64 (for xlen 64); got 31",
                error(() -> new WalkerParams(64, Formats.BOTH, 31, 6, 8, TupleScope.ANY, false, true, 1)));
        assertEquals("parameter 'sdidLen' must be in 0..6; got 7",
                error(() -> new WalkerParams(64, Formats.BOTH, 56, 7, 8, TupleScope.ANY, false, true, 1)));
        assertEquals("parameter 'idWidth' must be in 1..16; got 0",
                error(() -> new WalkerParams(64, Formats.BOTH, 56, 6, 0, TupleScope.ANY, false, true, 1)));
        assertEquals("parameter 'pmpLatency' must be in 1..4; got 5",
                error(() -> new WalkerParams(64, Formats.BOTH, 56, 6, 8, TupleScope.ANY, false, true, 5)));
        assertTrue(error(() -> new WalkerParams(64, null, 56, 6, 8, TupleScope.ANY, false, true, 1)).contains("'formats'"));
        assertTrue(error(() -> new WalkerParams(64, Formats.V01, 56, 6, 8, null, false, true, 1)).contains("'rsvdTupleScope'"));
    }

    @Test
    void configurationsAreRegisteredWithCheckedSettings() {
        assertTrue(Configurations.names().containsAll(List.of("walker-rv64", "walker-rv32")));
        String help = Configurations.describe("walker-rv32");
        assertTrue(help.contains("paw") && help.contains("32..34") && help.contains("pmpLatency"), help);
        String bad = error(() -> Configurations.resolve("walker-rv32", Map.of("paw", "40")));
        assertTrue(bad.contains("'paw'") && bad.contains("32..34") && bad.contains("'40'"), bad);
        String unknown = error(() -> Configurations.resolve("walker-rv64", Map.of("cacheWays", "4")));
        assertTrue(unknown.contains("'cacheWays'"), unknown);
        ParamValues v = Configurations.resolve("walker-rv64", Map.of("formats", "smmpt-v0.9", "rsvdTupleScope", "SELECTED"));
        assertEquals(Formats.V09, v.get(WalkerParams.FORMATS));
        assertEquals(TupleScope.SELECTED, v.get(WalkerParams.RSVD_TUPLE_SCOPE));
        // values are written as they read: names for choices, true/false for flags; ordinals are refused
        String ordinal = error(() -> Configurations.resolve("walker-rv64", Map.of("formats", "2")));
        assertTrue(ordinal.contains("smmtt-v0.1|smmpt-v0.9|both") && ordinal.contains("'2'"), ordinal);
        String flag = error(() -> Configurations.resolve("walker-rv64", Map.of("bigEndianSupport", "1")));
        assertTrue(flag.contains("true|false"), flag);
    }

    @Test
    void settingsReachTheGeneratedTop(@TempDir Path dir) throws Exception {
        Design d = Configurations.elaborate("walker-rv64", Map.of("formats", "smmpt-v0.9", "paw", "48", "idWidth", "5"));
        assertEquals("MttChecker_xlen64_fmtv09_paw48_sdid6_id5_scopeany_gig0_be1_pmplat1", d.top());
        List<Path> files = Configurations.generate("walker-rv32", Map.of(), dir);
        assertEquals(3, files.size()); // walker, top, checker.json
        String top = Files.readString(files.get(1));
        String manifest = Files.readString(dir.resolve("checker.json"));
        assertTrue(manifest.contains("\"xlen\": 32") && manifest.contains("\"formats\": \"both\"")
                && manifest.contains("\"paw\": 34") && !manifest.contains("\"cache\""), manifest);
        assertTrue(top.contains("input  wire [33:0] req_pa"), "RV32 PAs are 34 bits");
        assertTrue(top.contains("module MttChecker_xlen32"), top.substring(0, 200));
        assertEquals(Hdl.elaborate(new MttChecker(WalkerParams.defaults(32))).top(),
                Configurations.elaborate("walker-rv32", Map.of()).top());
    }
}
