package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.Variant;
import io.mttkit.gen.Configurations;
import io.mttkit.gen.ShippedRtl;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.tb.bench.NonBlockingRun;
import io.mttkit.tb.dut.ResponseOrder;
import io.mttkit.tb.mutation.Mutant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directed races of {@link WalkDirected} (R1–R8, conflicts at every level, walks ending together, response
 * order) on the real RTL: the shipped rv64-smmpt settings with W = 2 {@code IN_ORDER} and W = 4 {@code BY_ID}, the
 * same two Verilator builds as NonBlockingCosimTest (content-hashed cache). Each slot must give 0 scoreboard
 * differences <b>and</b> its race must be observed; five mutants of the RTL (R1, R2, R5, R7, R8) show the slots can fail.
 */
class NonBlockingDirectedTest {

    @Test
    void twoWalksInOrderRunEveryRaceWithoutDifference() {
        runAll(Map.of("walksInFlight", "2"), ResponseOrder.IN_ORDER);
    }

    @Test
    void fourWalksByIdRunEveryRaceWithoutDifference() {
        runAll(Map.of("walksInFlight", "4", "responseOrder", "BY_ID"), ResponseOrder.BY_ID);
    }

    /** R1 per MSHR: an RTL whose MSHR 1 ignores applied invalidations fills a stale walk, and R1's slot reports it. */
    @Test
    void r1CatchesAnMshrThatIgnoresInvalidations(@TempDir Path dir) throws IOException {
        assertMutantReported(dir, "R1", "mtt_checker", "mshr1_stale <= 1'b1;", "mshr1_stale <= 1'b0;");
    }

    /** R7 in the rise cycle: an RTL whose MSHR 0 does not hold sync_ack in the cycle the sync rises is reported. */
    @Test
    void r7CatchesAnAckInTheRiseCycle(@TempDir Path dir) throws IOException {
        assertMutantReported(dir, "R7", "mtt_checker", "((mshr0_before_sync | sync_rise) & (mshr0_state",
                "((mshr0_before_sync) & (mshr0_state");
    }

    /** R2: a cache that fills in the cycle an invalidation is applied is reported by R2's slot. */
    @Test
    void r2CatchesAFillBesideAnInvalidation(@TempDir Path dir) throws IOException {
        assertMutantReported(dir, "R2", "mtt_cache", "fill_valid & ~fill_stale & ~inv_apply;",
                "fill_valid & ~fill_stale;");
    }

    /**
     * R8: an RTL whose MSHR 1 keeps its old stale bit when a miss parks in it (set by an invalidation applied while it
     * was FREE) lets the sync overtake the parked miss; R8_PARK's slot reports it.
     */
    @Test
    void r8ParkCatchesAStaleBitNotSampledAtThePark(@TempDir Path dir) throws IOException {
        assertMutantReported(dir, "R8_PARK", "mtt_checker", "if (mshr1_start | mshr1_park) begin",
                "if (mshr1_start) begin");
    }

    /** R5: a cache whose second fill of a walk-cache pointer takes another way (a duplicate) is reported by R5's slot. */
    @Test
    void r5CatchesADuplicatePointer(@TempDir Path dir) throws IOException {
        assertMutantReported(dir, "R5", "mtt_cache", "assign wc_fill_dup = |wc_fill_dup_ways;",
                "assign wc_fill_dup = 1'b0;");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private record World(MttMode mode, PhysicalMemory memory, long rootPpn) {
    }

    private static NonBlockingRun.Built build(Map<String, String> concurrency) {
        ShippedRtl.Shipped s = shipped();
        Map<String, String> settings = new LinkedHashMap<>(s.settings());
        settings.putAll(concurrency);
        return NonBlockingRun.build(s.configuration(), settings);
    }

    private static ShippedRtl.Shipped shipped() {
        return ShippedRtl.ALL.stream().filter(s -> s.name().equals("rv64-smmpt")).findFirst().orElseThrow();
    }

    private static World world(NonBlockingRun.Built b) {
        MttMode mode = b.description().modes().stream().filter(m -> m.format() == TableFormat.SMMPT_V0_9)
                .findFirst().orElseThrow();
        PhysicalMemory memory = new PhysicalMemory();
        BuiltTables t = WalkDirected.tables(mode, memory);
        return new World(mode, memory, t.rootPpn());
    }

    private static void runAll(Map<String, String> concurrency, ResponseOrder order) {
        NonBlockingRun.Built b = build(concurrency);
        World w = world(b);
        List<String> failures = new ArrayList<>();
        for (WalkDirected.Slot slot : new WalkDirected(w.mode(), w.rootPpn(), b.walksInFlight()).slots(order)) {
            WalkDirected.Recorder rec = new WalkDirected.Recorder();
            WalkCosim.Result r = WalkCosim.run(b.library(), b.description(), b.walksInFlight(), order, w.memory(),
                    slot.stream(), slot.seed(), slot.latMin(), slot.latMax(), 0, null, rec);
            long seen;
            if (slot.proof() != null) {
                seen = slot.proof().count(rec.steps());
            } else {
                NonBlockingRun.Result v = NonBlockingRun.run(b, w.memory(), slot.stream(), slot.seed(), slot.latMin(),
                        slot.latMax(), 0);
                seen = order == ResponseOrder.BY_ID ? v.overtaken() : v.hitsUnderMiss();
            }
            System.out.printf("W=%d %s %-22s %3d checks %5d cycles %d differences, observed %d (%s)%n",
                    b.walksInFlight(), order, slot.rule(), r.checks(), r.cycles(), r.differences().size(), seen,
                    slot.proves() != null ? slot.proves() : slot.orderProof());
            if (!r.differences().isEmpty()) {
                failures.add(slot.rule() + ": " + r.differences().stream().limit(5).toList());
            }
            if (seen <= 0) {
                failures.add(slot.rule() + ": the race was not observed (" + (slot.proves() != null ? slot.proves()
                        : slot.orderProof()) + "); steps " + rec.steps());
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Builds W = 2 IN_ORDER with {@code original} replaced by {@code replacement} in {@code module}; runs {@code rule}. */
    private static void assertMutantReported(Path dir, String rule, String module, String original,
                                             String replacement)
            throws IOException {
        NonBlockingRun.Built good = build(Map.of("walksInFlight", "2"));
        ShippedRtl.Shipped s = shipped();
        Map<String, String> settings = new LinkedHashMap<>(s.settings());
        settings.put("walksInFlight", "2");
        Configurations.generate(s.configuration(), settings, dir);
        Mutant m = new Mutant("directed-" + rule, s.name(), "breaks " + rule, module, original, replacement);
        List<Path> sources = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".v")).sorted().toList()) {
                if (Mutant.moduleFileMatches(m.file(), f.getFileName().toString())) {
                    Files.writeString(f, m.apply(f.getFileName().toString(), Files.readString(f)));
                }
                sources.add(f);
            }
        }
        LoadedLibrary lib = BuildDriver.fromEnvironment().load(BuildSpec.checker(sources,
                good.description().top(), Variant.FAST));
        World w = world(good);
        WalkDirected.Slot slot = new WalkDirected(w.mode(), w.rootPpn(), 2).slots(ResponseOrder.IN_ORDER).stream()
                .filter(x -> x.rule().equals(rule)).findFirst().orElseThrow();
        WalkCosim.Result r = WalkCosim.run(lib, good.description(), 2, ResponseOrder.IN_ORDER, w.memory(),
                slot.stream(), slot.seed(), slot.latMin(), slot.latMax(), 0, null, null);
        System.out.printf("mutant %s: %d differences, first %s%n", m.id(), r.differences().size(),
                r.differences().stream().limit(2).toList());
        assertFalse(r.differences().isEmpty(), "the " + rule + " slot must report the mutant " + m.id());
        assertTrue(r.differences().stream().anyMatch(x -> !x.contains("never answered")),
                "a difference at the race, not only a hang: " + r.differences());
    }
}
