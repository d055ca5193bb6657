package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.dut.CheckerDescription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #17: MINVAL.PA operands presented in the same cycle as checks (bridge ABI 5) fill the shipped checker's queue,
 * and the scoreboard holds the RTL to the golden queue both ways — an operand refused while the golden queue has room,
 * and one accepted while it is full, are mismatches (shown by configuring the golden model with a queue one entry
 * shorter or longer than the RTL's).
 */
class QueueFillTest {
    @BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    private static final MttMode MODE = MttMode.SMMPT43;
    private static final long TARGET = Bench.TARGET;

    private static TableWorld world() {
        return TableWorld.build(MODE, List.of(new Region(TARGET, 1 << 20, Access.R | Access.W)), BuildOptions.DEFAULT);
    }

    /** An operand that clears nothing the checks use (another SDID). */
    private static Stimulus.Invalidate operand(int i) {
        return new Stimulus.Invalidate(i % 2 == 0, TARGET + ((long) i << 16), true, 5);
    }

    /**
     * A walk, then {@code pairs} operands each presented with a hit, a sync right behind; then an operand presented
     * with a miss while another miss walks (the pair's operand is taken first, its check after the walk).
     */
    private static List<Stimulus> stream(TableWorld w, int pairs) {
        CheckRequest hit = CheckRequest.of(MODE, w.rootPpn(), TARGET, Access.R, false);
        List<Stimulus> s = new ArrayList<>();
        s.add(hit);
        s.add(new Stimulus.Idle(16));
        for (int i = 0; i < pairs; i++) {
            s.add(operand(i).withNextCheck());
            s.add(hit);
        }
        s.add(new Stimulus.Sync());
        s.add(CheckRequest.of(MODE, w.rootPpn(), TARGET + 0x4_0000, Access.R, false));
        s.add(operand(99).withNextCheck());
        s.add(CheckRequest.of(MODE, w.rootPpn(), TARGET + 0x8_0000, Access.R, false));
        s.add(new Stimulus.Sync());
        return s;
    }

    @Test
    void operandsPresentedWithHitsFillTheQueueAndTheSyncWaitsForAllOfIt() {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        int depth = lib.description().cache().minvalQueueDepth();
        TableWorld w = world();
        List<Integer> queued = new ArrayList<>();
        List<Long> syncWaits = new ArrayList<>();
        try (CosimHarness h = new CosimHarness(lib, w.memory(), SessionSettings.simple(3))) {
            h.setObserver(new CheckObserver() {
                @Override
                public void onCheck(CheckRequest request, LookupResult golden) {
                }

                @Override
                public void onCache(CacheObservation o) {
                    if (o.step() == CacheStep.INVALIDATION_ACCEPTED) {
                        queued.add(o.queued());
                    } else if (o.step() == CacheStep.SYNC) {
                        syncWaits.add(o.syncWaitCycles());
                    }
                }
            });
            h.run(stream(w, depth + 2)); // every event compared with the golden models
            List<CheckAnswer> a = h.answers();
            for (int i = 1; i <= depth + 2; i++) {
                assertTrue(a.get(i).hit(), "check " + i + " of the pairs hits: the cache is busy in every cycle");
            }
        }
        assertEquals(depth, queued.stream().mapToInt(Integer::intValue).max().orElse(0), "queue held " + queued);
        assertEquals(depth, syncWaits.get(0), "the sync behind a full queue waits for every operand: " + syncWaits);
    }

    private static CheckerDescription withQueueDepth(CheckerDescription d, int depth) {
        CheckerDescription.Cache c = d.cache();
        return d.withCache(new CheckerDescription.Cache(c.leafSets(), c.leafWays(), c.superpageEntries(),
                c.walkCacheEntries(), depth, c.paFenceDropsWalkCache()));
    }

    @Test
    void aQueueFullOneEntryEarlyOrLateIsAMismatch() {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        int depth = lib.description().cache().minvalQueueDepth();
        TableWorld w = world();
        // golden queue one longer: the RTL's refusal at depth is inv_ready low with room
        try (CosimHarness h = new CosimHarness(lib, w.memory(), SessionSettings.simple(3),
                withQueueDepth(lib.description(), depth + 1))) {
            CosimMismatchException e = assertThrows(CosimMismatchException.class, () -> h.run(stream(w, depth + 2)));
            assertTrue(e.getMessage().contains("inv_ready was low from cycle"), e.getMessage());
            assertTrue(e.getMessage().contains("(" + depth + " of " + (depth + 1) + " entries"), e.getMessage());
        }
        // golden queue one shorter: the RTL's acceptance of its last slot fills a full golden queue
        try (CosimHarness h = new CosimHarness(lib, w.memory(), SessionSettings.simple(3),
                withQueueDepth(lib.description(), depth - 1))) {
            CosimMismatchException e = assertThrows(CosimMismatchException.class, () -> h.run(stream(w, depth + 2)));
            assertTrue(e.getMessage().contains("although the model's MINVAL.PA queue is full (" + (depth - 1)),
                    e.getMessage());
        }
    }

    @Test
    void anOperandMustBePresentedWithACheck() {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        TableWorld w = world();
        try (CosimHarness h = new CosimHarness(lib, w.memory(), SessionSettings.simple(3))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> h.run(List.of(operand(0).withNextCheck(), new Stimulus.Sync())));
            assertTrue(e.getMessage().contains("item 1 is not a check"), e.getMessage());
        }
    }
}
