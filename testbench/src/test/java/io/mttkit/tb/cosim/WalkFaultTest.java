package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** VERIFICATION-PLAN §4 items 17–20 (bus errors, PMP on entry addresses, next level beyond paw), every mode. */
class WalkFaultTest {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static final long PA = Bench.TARGET + 0x3000;
    /** A page no memory region covers: reads there are bus errors. */
    static final long UNMAPPED_PPN = 0xC0000L;

    static Stream<MttMode> modes() {
        return Bench.allModes();
    }

    /** §4.17: a bus error on the entry read at each level → WALK_BUS_ERROR at that level, nothing after it. */
    @ParameterizedTest
    @MethodSource("modes")
    void item17_busErrorAtEachLevel(MttMode mode) {
        Bench b = Bench.of(mode);
        // the root: a root PPN with no memory behind it
        LookupResult r = b.check(CheckRequest.of(mode, UNMAPPED_PPN, PA, Access.R, false));
        Bench.assertCause(Cause.WALK_BUS_ERROR, r);
        assertEquals(b.rootLevel(), r.level());
        assertEquals(1, r.readCount());
        // every deeper level: the pointer above it leads to unmapped memory
        for (int level = b.rootLevel() - 1; level >= 0; level--) {
            b.put(PA, level + 1, b.pointer(level + 1, UNMAPPED_PPN));
            r = b.check(PA, Access.R);
            Bench.assertCause(Cause.WALK_BUS_ERROR, r);
            assertEquals(level, r.level());
            assertEquals(b.rootLevel() - level + 1, r.readCount());
            b.restore();
        }
        // injected by the bridge at random reads: the golden model is told which read failed
        b.settings(SessionSettings.simple(11).withLatency(1, 4).withBusErrors(400));
        List<CheckRequest> reqs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            reqs.add(CheckRequest.of(mode, b.world.rootPpn(), PA + ((long) i << 12), Access.R, false));
        }
        b.checks(reqs); // the harness fails on any difference
    }

    /** §4.18: PMP denies the root entry's address, then a deeper entry's → WALK_PMP, no read of that entry. */
    @ParameterizedTest
    @MethodSource("modes")
    void item18_pmpDeniesAnEntry(MttMode mode) {
        Bench b = Bench.of(mode);
        int size = b.world.entryBytes();
        for (int level = b.rootLevel(); level >= 0; level--) {
            long addr = b.entryAt(PA, level);
            b.pmp(List.of(new PmpRegion(addr, size, false)));
            LookupResult r = b.check(PA, Access.R);
            Bench.assertCause(Cause.WALK_PMP, r);
            assertEquals(level, r.level());
            assertEquals(b.rootLevel() - level, r.readCount(), "the denied entry is not read");
        }
    }

    /** §4.19: a PMP boundary inside a table page: the exact entry address and size decide. */
    @ParameterizedTest
    @MethodSource("modes")
    void item19_pmpBoundaryInsideATablePage(MttMode mode) {
        Bench b = Bench.of(mode);
        int size = b.world.entryBytes();
        long pa = Bench.TARGET + 0x5_3000L; // level-0 index 5 (RV64) / 10 (RV32): the entry is inside its page
        long addr = b.entryAt(pa, 0);
        long page = addr & ~0xFFFL;
        assertTrue(addr > page);
        // allowed up to the entry, denied from it: the walk stops at level 0
        b.pmp(List.of(new PmpRegion(page, addr - page, true), new PmpRegion(addr, 0x1000 - (addr - page), false)));
        Bench.assertCause(Cause.WALK_PMP, b.check(pa, Access.R));
        // allowed from the entry on: fine
        b.pmp(List.of(new PmpRegion(page, addr - page, false), new PmpRegion(addr, size, true)));
        assertEquals(Cause.NONE, b.check(pa, Access.R).cause());
        // a region that holds only half the entry: the access must lie entirely inside → denied
        b.pmp(List.of(new PmpRegion(addr + size / 2, 64, true)));
        Bench.assertCause(Cause.WALK_PMP, b.check(pa, Access.R));
        // default deny with the whole table image allowed
        b.settings(SessionSettings.simple(5).withPmpDefaultAllow(false));
        b.pmp(List.of(new PmpRegion(b.world.tables().base(), b.world.tables().image().length, true)));
        assertEquals(Cause.NONE, b.check(pa, Access.R).cause());
        b.pmp(List.of());
        Bench.assertCause(Cause.WALK_PMP, b.check(pa, Access.R));
    }

    /** §4.20: a next-level PPN beyond paw → WALK_BUS_ERROR on the next level, after its PMP check, no read. */
    @ParameterizedTest
    @MethodSource("modes")
    void item20_nextLevelBeyondPaw(MttMode mode) {
        var params = mode.xlen() == 64 ? Bench.RV64_ALT : Bench.RV32_ALT;
        Bench b = Bench.of(params, mode);
        long beyondPpn = 1L << (params.paw() - 12);
        for (int level = b.rootLevel() - 1; level >= 0; level--) {
            b.put(PA, level + 1, b.pointer(level + 1, beyondPpn));
            LookupResult r = b.check(PA, Access.R);
            Bench.assertCause(Cause.WALK_BUS_ERROR, r);
            assertEquals(level, r.level());
            assertEquals(b.rootLevel() - level, r.readCount(), "the entry beyond paw is not read");
            // a PMP denial of that (paw-bit) address wins: the PMP check comes first
            b.pmp(List.of(new PmpRegion(0, 1L << 20, false)));
            Bench.assertCause(Cause.WALK_PMP, b.check(PA, Access.R));
            b.pmp(List.of());
            b.restore();
        }
        assertTrue(b.rootLevel() >= 1);
    }
}
