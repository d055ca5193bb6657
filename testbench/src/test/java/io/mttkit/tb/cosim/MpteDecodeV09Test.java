package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** VERIFICATION-PLAN §4 items 6–11 and 13–16 for every smmpt-v0.9 mode (v0.9 §4 steps 3–7). */
class MpteDecodeV09Test {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static final int R = Access.R;
    static final int W = Access.W;
    static final int X = Access.X;
    static final long PA = Bench.TARGET + 0x5000;

    static Stream<MttMode> modes() {
        return Bench.v09Modes();
    }

    /** §4.6: a non-leaf MPTE at level 0 → NONLEAF_AT_L0. */
    @ParameterizedTest
    @MethodSource("modes")
    void item06_nonLeafAtLevel0(MttMode mode) {
        Bench b = Bench.of(mode);
        b.put(PA, 0, Bench.v09Pointer(b.world.rootPpn()));
        LookupResult r = b.check(PA, R);
        Bench.assertCause(Cause.NONLEAF_AT_L0, r);
        assertEquals(0, r.level());
    }

    /** §4.7: V=0 at the root, at each intermediate level and at the leaf → MPTE_INVALID; V=1 again → allowed. */
    @ParameterizedTest
    @MethodSource("modes")
    void item07_invalidAtEveryLevelThenValidAgain(MttMode mode) {
        Bench b = Bench.of(mode);
        for (int level = b.rootLevel(); level >= 0; level--) {
            long addr = b.entryAt(PA, level);
            long old = b.read(addr);
            b.write(addr, old & ~1L);
            LookupResult r = b.check(PA, R);
            Bench.assertCause(Cause.MPTE_INVALID, r);
            assertEquals(level, r.level());
            b.write(addr, old);
            assertEquals(Cause.NONE, b.check(PA, R).cause(), "V set to 1 again: the next access succeeds");
        }
    }

    /** §4.8: V=0 with garbage in every other bit → MPTE_INVALID, not reserved bits. */
    @ParameterizedTest
    @MethodSource("modes")
    void item08_invalidWithGarbageIsInvalid(MttMode mode) {
        Bench b = Bench.of(mode);
        long garbage = b.rv64() ? 0xFFFF_FFFF_FFFF_FFFEL : 0xFFFF_FFFEL;
        for (int level = b.rootLevel(); level >= 0; level--) {
            long addr = b.entryAt(PA, level);
            long old = b.read(addr);
            b.write(addr, garbage);
            Bench.assertCause(Cause.MPTE_INVALID, b.check(PA, R | W | X));
            b.write(addr, old);
        }
    }

    /** §4.9: L=0 with N=1 → reserved encoding; each reserved bit of a non-leaf → reserved bits (which wins). */
    @ParameterizedTest
    @MethodSource("modes")
    void item09_nonLeafReservedBitsAndN(MttMode mode) {
        Bench b = Bench.of(mode);
        List<Integer> rsvd = new ArrayList<>();
        for (int i = 3; i <= 9; i++) {
            rsvd.add(i);
        }
        if (b.rv64()) {
            for (int i = 54; i <= 63; i++) {
                rsvd.add(i);
            }
        }
        for (int level = b.rootLevel(); level >= 1; level--) {
            long addr = b.entryAt(PA, level);
            long old = b.read(addr);
            b.write(addr, old | 0b100);
            Bench.assertCause(Cause.MPTE_RSVD_ENC, b.check(PA, R));
            for (int bit : rsvd) {
                b.write(addr, old | (1L << bit));
                Bench.assertCause(Cause.MPTE_RSVD_BITS, b.check(PA, R));
                b.write(addr, old | (1L << bit) | 0b100);
                Bench.assertCause(Cause.MPTE_RSVD_BITS, b.check(PA, R));
            }
            b.write(addr, old);
        }
    }

    /** §4.10: each reserved bit of a non-NAPOT leaf and of a NAPOT leaf, at every level → reserved bits. */
    @ParameterizedTest
    @MethodSource("modes")
    void item10_leafReservedBits(MttMode mode) {
        Bench b = Bench.of(mode);
        int width = b.rv64() ? 64 : 32;
        List<Integer> leafRsvd = new ArrayList<>();
        List<Integer> napotRsvd = new ArrayList<>();
        for (int i = 3; i <= 7; i++) {
            leafRsvd.add(i);
            napotRsvd.add(i);
        }
        napotRsvd.add(11);
        for (int i = 16; i < width; i++) {
            napotRsvd.add(i);
        }
        if (b.rv64()) {
            for (int i = 56; i <= 63; i++) {
                leafRsvd.add(i);
            }
        }
        for (int level = b.rootLevel(); level >= 0; level--) {
            long leaf = b.v09Uniform(R | W | X);
            long napot = Bench.v09Napot(R | W | X, b.legalG());
            long addr = b.put(PA, level, leaf);
            assertEquals(Cause.NONE, b.check(PA, R).cause());
            List<CheckRequest> reqs = new ArrayList<>();
            for (int bit : leafRsvd) {
                b.write(addr, leaf | (1L << bit));
                Bench.assertCause(Cause.MPTE_RSVD_BITS, b.check(PA, R));
            }
            b.write(addr, napot);
            assertEquals(Cause.NONE, b.check(PA, R).cause());
            for (int bit : napotRsvd) {
                b.write(addr, napot | (1L << bit));
                Bench.assertCause(Cause.MPTE_RSVD_BITS, b.check(PA, R));
            }
            assertTrue(reqs.isEmpty());
            b.restore();
        }
    }

    /** §4.11: all 16 G values at every level: only G=4 (RV64) / G=6 (Smmpt34) succeed. */
    @ParameterizedTest
    @MethodSource("modes")
    void item11_everyNapotG(MttMode mode) {
        Bench b = Bench.of(mode);
        for (int level = b.rootLevel(); level >= 0; level--) {
            long addr = b.entryAt(PA, level);
            long old = b.read(addr);
            for (int g = 0; g < 16; g++) {
                b.write(addr, Bench.v09Napot(R | X, g));
                LookupResult r = b.check(PA, R);
                if (g == b.legalG()) {
                    assertEquals(Cause.NONE, r.cause());
                    int leafLog2 = (b.rv64() ? 16 + 9 * level : 15 + 10 * level) + g + 1;
                    assertEquals(leafLog2, r.leafLog2());
                } else {
                    Bench.assertCause(Cause.NAPOT_G_BAD, r);
                }
            }
            b.write(addr, old);
        }
    }

    /** §4.13: reserved XWR (010, 110) selected → fault; not selected → fault under ANY, allowed under SELECTED. */
    @ParameterizedTest
    @MethodSource("modes")
    void item13_reservedXwrUnderBothScopes(MttMode mode) {
        for (var params : List.of(mode.xlen() == 64 ? Bench.RV64 : Bench.RV32, mode.xlen() == 64 ? Bench.RV64_ALT : Bench.RV32_ALT)) {
            Bench b = Bench.of(params, mode);
            boolean any = params.rsvdTupleScope() == io.mttkit.gen.walker.WalkerParams.TupleScope.ANY;
            for (int rsvd : new int[] {0b010, 0b110}) {
                for (int level = b.rootLevel(); level >= 0; level--) {
                    int[] t = new int[b.tuples()];
                    java.util.Arrays.fill(t, R | W);
                    int sel = b.tupleIndex(PA, level);
                    t[sel] = rsvd;
                    long addr = b.put(PA, level, Bench.v09Leaf(t));
                    Bench.assertCause(Cause.MPTE_RSVD_ENC, b.check(PA, R));
                    t[sel] = R | W;
                    t[(sel + 1) % t.length] = rsvd;
                    b.write(addr, Bench.v09Leaf(t));
                    LookupResult r = b.check(PA, R);
                    assertEquals(any ? Cause.MPTE_RSVD_ENC : Cause.NONE, r.cause(), r::toString);
                    b.write(addr, Bench.v09Napot(rsvd, b.legalG()));
                    Bench.assertCause(Cause.MPTE_RSVD_ENC, b.check(PA, R));
                    b.restore();
                }
            }
        }
    }

    /** §4.14: XWR=100 (execute-only): fetch allowed, load denied. */
    @ParameterizedTest
    @MethodSource("modes")
    void item14_executeOnly(MttMode mode) {
        Bench b = Bench.of(mode);
        b.put(PA, 0, b.v09Uniform(X));
        List<LookupResult> r = b.checks(List.of(req(b, X), req(b, R), req(b, W)));
        assertEquals(Cause.NONE, r.get(0).cause());
        Bench.assertCause(Cause.PERM_DENY, r.get(1));
        Bench.assertCause(Cause.PERM_DENY, r.get(2));
    }

    /** §4.15: XWR=001: store/AMO/shadow-stack denied; XWR=011: AMO allowed, fetch denied. */
    @ParameterizedTest
    @MethodSource("modes")
    void item15_readOnlyAndReadWrite(MttMode mode) {
        Bench b = Bench.of(mode);
        long addr = b.put(PA, 0, b.v09Uniform(R));
        List<LookupResult> r = b.checks(List.of(req(b, R), req(b, W), req(b, R | W)));
        assertEquals(Cause.NONE, r.get(0).cause());
        Bench.assertCause(Cause.PERM_DENY, r.get(1));
        Bench.assertCause(Cause.PERM_DENY, r.get(2));
        b.write(addr, b.v09Uniform(R | W));
        r = b.checks(List.of(req(b, R | W), req(b, X)));
        assertEquals(Cause.NONE, r.get(0).cause());
        Bench.assertCause(Cause.PERM_DENY, r.get(1));
    }

    /** §4.16: tuple index 0 and the last one (15, or 7 on RV32) at every leaf level. */
    @ParameterizedTest
    @MethodSource("modes")
    void item16_tupleIndexExtremes(MttMode mode) {
        Bench b = Bench.of(mode);
        for (int level = b.rootLevel(); level >= 0; level--) {
            int[] t = new int[b.tuples()];
            t[0] = R;
            t[t.length - 1] = R | W | X;
            b.put(PA, level, Bench.v09Leaf(t));
            long first = b.withTuple(PA, level, 0);
            long last = b.withTuple(PA, level, t.length - 1);
            List<LookupResult> r = b.checks(List.of(
                    CheckRequest.of(mode, b.world.rootPpn(), first, R, false),
                    CheckRequest.of(mode, b.world.rootPpn(), last, X, false),
                    CheckRequest.of(mode, b.world.rootPpn(), b.withTuple(PA, level, 1), R, false)));
            assertEquals(R, r.get(0).xwr());
            assertEquals(R | W | X, r.get(1).xwr());
            Bench.assertCause(Cause.PERM_DENY, r.get(2));
            b.restore();
        }
    }

    private static CheckRequest req(Bench b, int need) {
        return CheckRequest.of(b.mode, b.world.rootPpn(), PA, need, false);
    }
}
