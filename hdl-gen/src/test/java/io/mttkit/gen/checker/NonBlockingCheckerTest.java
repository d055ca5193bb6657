package io.mttkit.gen.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.Configurations;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.checker.Concurrency.ResponseOrder;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-blocking checker's parameters (issue #15): their errors, that the default is today's top (the manifest and
 * hash carry nothing new), the v4 ports, and {@code verilator --lint-only -Wall} over W × order × walker and cache
 * corners. Its behaviour is co-simulated in the testbench ({@code NonBlockingCosimTest}).
 */
class NonBlockingCheckerTest {

    @Test
    void outOfRangeValuesAreRefusedWithTheirRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve("checker-rv64", Map.of("walksInFlight", "9")));
        assertTrue(e.getMessage().contains("walksInFlight") && e.getMessage().contains("1..8")
                && e.getMessage().contains("'9'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve("checker-rv64", Map.of("walksInFlight", "0")));
        assertTrue(e.getMessage().contains("1..8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve("checker-rv32", Map.of("responseOrder", "ANY")));
        assertTrue(e.getMessage().contains("responseOrder") && e.getMessage().contains("IN_ORDER|BY_ID"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Concurrency(12, ResponseOrder.IN_ORDER));
        assertTrue(e.getMessage().contains("walksInFlight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NonBlockingChecker(WalkerParams.defaults(64),
                CacheShape.DEFAULT, Concurrency.BLOCKING));
        assertTrue(e.getMessage().contains("walksInFlight 1"), e.getMessage());
    }

    @Test
    void answerSlotsOutsideWPlusOneTo32OrWithOneWalkAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.elaborate("checker-rv64", Map.of("walksInFlight", "4", "answerSlots", "4")));
        assertTrue(e.getMessage().contains("answerSlots") && e.getMessage().contains("5..32")
                && e.getMessage().contains("got 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve("checker-rv64", Map.of("walksInFlight", "2", "answerSlots", "33")));
        assertTrue(e.getMessage().contains("answerSlots") && e.getMessage().contains("'33'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.elaborate("checker-rv32", Map.of("answerSlots", "8")));
        assertTrue(e.getMessage().contains("answerSlots") && e.getMessage().contains("walksInFlight 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Concurrency(8, ResponseOrder.BY_ID, 8));
        assertTrue(e.getMessage().contains("9..32"), e.getMessage());
        assertEquals(6, new Concurrency(4, ResponseOrder.IN_ORDER).slots());
        assertEquals(6, new Concurrency(4, ResponseOrder.BY_ID).slots());
        assertEquals(4, new Concurrency(2, ResponseOrder.IN_ORDER).slots());
        assertEquals(12, new Concurrency(4, ResponseOrder.IN_ORDER, 12).slots());
    }

    @Test
    void answerSlotsIsQuietAtZeroAndNeverInTheManifest() {
        String auto = Configurations.resolve("checker-rv64", Map.of("walksInFlight", "4")).toString();
        assertFalse(auto.contains("answerSlots"), auto);
        assertEquals(auto, Configurations.resolve("checker-rv64", Map.of("walksInFlight", "4", "answerSlots", "0"))
                .toString());
        assertTrue(Configurations.resolve("checker-rv64", Map.of("walksInFlight", "4", "answerSlots", "12"))
                .toString().contains("answerSlots=12"));
        Map<String, String> m = CheckerConfigurations.manifestFields(WalkerParams.defaults(64), CacheShape.DEFAULT,
                new Concurrency(4, ResponseOrder.IN_ORDER, 12));
        assertEquals("4", m.get("walksInFlight"));
        assertFalse(m.containsKey("answerSlots"), m.toString());
        String v = String.join("\n", Hdl.emit(Configurations.elaborate("checker-rv64",
                Map.of("walksInFlight", "4", "answerSlots", "12")), io.mttkit.hdl.emit.EmitOptions.plain()).values());
        assertTrue(v.contains("Reorder buffer of 12 answers"), "the buffer has 12 slots");
    }

    @Test
    void theDefaultsLeaveTheBlockingCheckerAndItsManifestAlone() {
        String blocking = Configurations.resolve("checker-rv64", Map.of()).toString();
        assertFalse(blocking.contains("walksInFlight") || blocking.contains("responseOrder"), blocking);
        String set = Configurations.resolve("checker-rv64", Map.of("walksInFlight", "1")).toString();
        assertEquals(blocking, set, "walksInFlight=1 given explicitly is the same configuration");
        Map<String, String> m = CheckerConfigurations.manifestFields(WalkerParams.defaults(64), CacheShape.DEFAULT,
                new Concurrency(4, ResponseOrder.BY_ID));
        assertEquals("4", m.get("walksInFlight"));
        assertEquals("\"BY_ID\"", m.get("responseOrder"));
        assertFalse(CheckerConfigurations.manifestFields(WalkerParams.defaults(64), CacheShape.DEFAULT)
                .containsKey("walksInFlight"));
        assertTrue(Configurations.describe("checker-rv64").contains("walksInFlight"));
    }

    @Test
    void fourWalksHaveTwoBitTagsAndTheWalkObservationPorts() {
        String v = String.join("\n", Hdl.emit(Configurations.elaborate("checker-rv64",
                Map.of("walksInFlight", "4")), io.mttkit.hdl.emit.EmitOptions.plain()).values());
        for (String port : List.of("output wire [1:0] mrd_tag,", "input wire [1:0] mrs_tag,",
                "output wire [1:0] obs_walk_id,", "output wire obs_replay,", "output wire obs_wait,",
                "output wire [1:0] obs_wait_on,", "output wire obs_walk_end,", "output wire [1:0] obs_fill_walk_id",
                "mtt_walker u_walker_3", "mtt_answers u_answers")) {
            assertTrue(v.replaceAll(" +", " ").contains(port), port);
        }
    }

    static Stream<Arguments> corners() {
        List<Arguments> out = new ArrayList<>();
        WalkerParams rv64 = WalkerParams.defaults(64);
        WalkerParams rv32 = WalkerParams.defaults(32);
        WalkerParams odd = new WalkerParams(64, Formats.BOTH, 32, 0, 3, TupleScope.SELECTED, true, false, 3);
        WalkerParams v01 = new WalkerParams(32, Formats.V01, 33, 6, 16, TupleScope.ANY, false, true, 2);
        out.add(Arguments.of(rv64, CacheShape.DEFAULT, new Concurrency(2, ResponseOrder.IN_ORDER)));
        out.add(Arguments.of(rv64, CacheShape.DEFAULT, new Concurrency(4, ResponseOrder.BY_ID)));
        out.add(Arguments.of(rv64, CacheShape.DEFAULT, new Concurrency(8, ResponseOrder.IN_ORDER)));
        out.add(Arguments.of(rv32, CacheShape.DEFAULT, new Concurrency(3, ResponseOrder.BY_ID)));
        out.add(Arguments.of(odd, new CacheShape(1, 1, 1, 0, 1, false), new Concurrency(5, ResponseOrder.IN_ORDER)));
        out.add(Arguments.of(v01, new CacheShape(4, 1, 4, 2, 3, true), new Concurrency(2, ResponseOrder.BY_ID)));
        // answerSlots corners: W + 1 (the least), a power of two, an odd size, the most, by id
        out.add(Arguments.of(rv64, CacheShape.DEFAULT, new Concurrency(2, ResponseOrder.IN_ORDER, 3)));
        out.add(Arguments.of(rv64, CacheShape.DEFAULT, new Concurrency(4, ResponseOrder.IN_ORDER, 16)));
        out.add(Arguments.of(rv32, CacheShape.DEFAULT, new Concurrency(4, ResponseOrder.IN_ORDER, 12)));
        out.add(Arguments.of(rv64, CacheShape.DEFAULT, new Concurrency(8, ResponseOrder.IN_ORDER, 32)));
        out.add(Arguments.of(rv64, CacheShape.DEFAULT, new Concurrency(8, ResponseOrder.BY_ID, 9)));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("corners")
    void lintsCleanWithAllWarnings(WalkerParams p, CacheShape shape, Concurrency c) throws Exception {
        Tools.requireVerilator();
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new NonBlockingChecker(p, shape, c)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + p + " " + shape + " " + c);
        assertEquals(0, r.exitCode());
    }
}
