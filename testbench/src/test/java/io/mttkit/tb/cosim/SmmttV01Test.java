package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * smmtt-v0.1 corner cases: VERIFICATION-PLAN §4 items 32–35, and items 13, 15, 16 in their v0.1 form (MTTL1
 * nibbles, 2-bit PERM), for Smmtt34, Smmtt46 and Smmtt56.
 */
class SmmttV01Test {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static final int R = Access.R;
    static final int W = Access.W;
    static final int X = Access.X;
    static final long PA = Bench.TARGET + 0x2_7000;
    static final int TYPE_DIR = 0b100;
    static final int TYPE_4M = 0b101;
    static final int TYPE_2M = 0b110;
    static final int TYPE_RSVD = 0b111;

    static Stream<MttMode> modes() {
        return Bench.v01Modes();
    }

    /** §4.32: TYPE 111 / 101 (RV64) / 110 (RV32), 1G_* INFO ≠ 0, 2M/4M reserved INFO, nibble bits, ZERO bits. */
    @ParameterizedTest
    @MethodSource("modes")
    void item32_reservedEncodingsAndZeroBits(MttMode mode) {
        Bench b = Bench.of(mode);
        long l2 = b.entryAt(PA, 1);
        int infoW = b.v01InfoWidth();
        List<long[]> cases = new ArrayList<>(); // {value, expected cause}
        cases.add(new long[] {b.mttl2(TYPE_RSVD, 0), Cause.MPTE_RSVD_ENC.ordinal()});
        cases.add(new long[] {b.mttl2(b.rv64() ? TYPE_4M : TYPE_2M, 0), Cause.MPTE_RSVD_ENC.ordinal()});
        for (int type = 0; type < 4; type++) {
            cases.add(new long[] {b.mttl2(type, 1), Cause.MPTE_RSVD_ENC.ordinal()});
            cases.add(new long[] {b.mttl2(type, 1L << (infoW - 1)), Cause.MPTE_RSVD_ENC.ordinal()});
            cases.add(new long[] {b.mttl2(type, 0), type == 0 ? Cause.PERM_DENY.ordinal() : Cause.NONE.ordinal()});
        }
        int pagesType = b.rv64() ? TYPE_2M : TYPE_4M;
        int firstRsvdInfo = b.rv64() ? 32 : 16;
        for (int bit = firstRsvdInfo; bit < infoW; bit++) {
            cases.add(new long[] {b.mttl2(pagesType, 0xFFFF_FFFFL & ((1L << firstRsvdInfo) - 1) | (1L << bit)),
                    Cause.MPTE_RSVD_ENC.ordinal()});
        }
        int width = b.rv64() ? 64 : 32;
        for (int bit = infoW + 3; bit < width; bit++) {
            cases.add(new long[] {b.mttl2(TYPE_DIR, b.read(l2) & ((1L << infoW) - 1)) | (1L << bit),
                    Cause.MPTE_RSVD_BITS.ordinal()});
            cases.add(new long[] {b.mttl2(TYPE_RSVD, 5) | (1L << bit), Cause.MPTE_RSVD_BITS.ordinal()});
        }
        for (long[] c : cases) {
            b.write(l2, c[0]);
            LookupResult r = b.check(PA, R);
            assertEquals(Cause.values()[(int) c[1]], r.cause(), () -> String.format("MTTL2 0x%x: %s", c[0], r));
            b.restore();
        }
        // nibble bits [3:2] of the selected MTTL1 nibble
        long l1 = b.entryAt(PA, 0);
        int sel = (int) ((PA >>> 12) & (b.nibbles() - 1));
        for (int bit = 2; bit <= 3; bit++) {
            b.write(l1, b.read(l1) | (1L << (4 * sel + bit)));
            Bench.assertCause(Cause.MPTE_RSVD_ENC, b.check(PA, R));
            b.restore();
        }
        if (mode == MttMode.SMMTT56) {
            long l3 = b.entryAt(PA, 2);
            for (int bit = 44; bit < 64; bit++) {
                b.write(l3, b.read(l3) | (1L << bit));
                Bench.assertCause(Cause.MPTE_RSVD_BITS, b.check(PA, R));
                b.restore();
            }
        }
    }

    /** §4.33: the 32 MTTL2 entries of one 1 GiB range disagree → an answer per 32 MiB. */
    @ParameterizedTest
    @MethodSource("modes")
    void item33_disagreeingOneGigEntries(MttMode mode) {
        for (WalkerParams params : List.of(mode.xlen() == 64 ? Bench.RV64 : Bench.RV32,
                mode.xlen() == 64 ? Bench.RV64_ALT : Bench.RV32_ALT)) {
            Bench b = new Bench(params, mode, List.of(new Region(0xC000_0000L, 1L << 30, R | W | X)), BuildOptions.DEFAULT);
            List<CheckRequest> reqs = new ArrayList<>();
            for (int k = 0; k < 32; k++) {
                long pa = 0xC000_0000L + ((long) k << 25) + 0x12_3000L;
                b.write(b.entryAt(pa, 1), b.mttl2(k % 4, 0));
                reqs.add(CheckRequest.of(mode, b.world.rootPpn(), pa, R, false));
            }
            List<LookupResult> rs = b.checks(reqs);
            for (int k = 0; k < 32; k++) {
                assertEquals(Bench.permXwr(k % 4), rs.get(k).xwr(), "32 MiB slice " + k);
                assertEquals(params.v01OneGigAsOneGiB() ? 30 : 25, rs.get(k).leafLog2());
            }
        }
    }

    /** §4.34: an all-zero MTTL3 entry points at PA 0: the walk goes on there, or PMP stops it. */
    @ParameterizedTest
    @MethodSource("modes")
    void item34_zeroMttl3Entry(MttMode mode) {
        assumeTrue(mode == MttMode.SMMTT56, "only Smmtt56 has an MTTL3");
        Bench b = Bench.of(mode);
        b.world.memory().addRegion(0, 0x1000);
        b.put(PA, 2, 0);
        long l2AtZero = ((PA >>> 25) & ((1 << 21) - 1)) * 8;
        b.write(l2AtZero, b.mttl2(0b011, 0));
        LookupResult r = b.check(PA, R | W | X);
        assertEquals(Cause.NONE, r.cause());
        assertEquals(l2AtZero, r.readAddr(1));
        b.pmp(List.of(new PmpRegion(0, 0x1000, false)));
        LookupResult denied = b.check(PA, R);
        Bench.assertCause(Cause.WALK_PMP, denied);
        assertEquals(1, denied.level());
    }

    /** §4.35: the root is not naturally aligned (16 KiB-aligned Smmtt46 root, odd root pages): addresses add. */
    @ParameterizedTest
    @MethodSource("modes")
    void item35_unalignedRootAddsTheIndex(MttMode mode) {
        Bench b = Bench.of(mode);
        long rootAddr = b.world.rootPpn() << 12;
        if (mode == MttMode.SMMTT46) {
            assertEquals(true, rootAddr % (16 << 20) != 0, "the builder's root is not 16 MiB aligned");
        }
        List<CheckRequest> reqs = new ArrayList<>();
        long[] pas = {PA, 0x3F_FFFF_F000L, 0x2_0000_0000L | 0x1FF_F000L, 0x1_FE00_0000L};
        for (long root : new long[] {b.world.rootPpn(), b.world.rootPpn() + 1, b.world.rootPpn() + 3}) {
            for (long pa : pas) {
                long p = pa & ((1L << mode.paBits()) - 1);
                reqs.add(CheckRequest.of(mode, root, p, R, false));
            }
        }
        List<LookupResult> rs = b.checks(reqs);
        long idx = mode == MttMode.SMMTT56 ? (PA >>> 46) & 0x3FF : (PA >>> 25) & (b.rv64() ? 0x1F_FFFF : 0x1FF);
        assertEquals(rootAddr + idx * b.world.entryBytes(), rs.get(0).readAddr(0));
    }

    /** §4.13 (v0.1): reserved nibble bits selected → fault; elsewhere in the word → fault under ANY only. */
    @ParameterizedTest
    @MethodSource("modes")
    void item13_reservedNibbleBitsUnderBothScopes(MttMode mode) {
        for (WalkerParams params : List.of(mode.xlen() == 64 ? Bench.RV64 : Bench.RV32,
                mode.xlen() == 64 ? Bench.RV64_ALT : Bench.RV32_ALT)) {
            Bench b = Bench.of(params, mode);
            boolean any = params.rsvdTupleScope() == WalkerParams.TupleScope.ANY;
            long l1 = b.entryAt(PA, 0);
            int sel = (int) ((PA >>> 12) & (b.nibbles() - 1));
            int[] perm = new int[b.nibbles()];
            java.util.Arrays.fill(perm, 3);
            long word = Bench.mttl1(perm);
            b.write(l1, word | (0b0100L << (4 * sel)));
            Bench.assertCause(Cause.MPTE_RSVD_ENC, b.check(PA, R));
            b.write(l1, word | (0b1000L << (4 * ((sel + 1) % b.nibbles()))));
            LookupResult r = b.check(PA, R);
            assertEquals(any ? Cause.MPTE_RSVD_ENC : Cause.NONE, r.cause(), r::toString);
            b.restore();
        }
    }

    /** §4.15 (v0.1): PERM 01 (RX) denies stores and AMOs; PERM 10 (RW) allows AMOs and denies fetches. */
    @ParameterizedTest
    @MethodSource("modes")
    void item15_permEncodings(MttMode mode) {
        Bench b = Bench.of(mode);
        long l1 = b.entryAt(PA, 0);
        for (int perm = 0; perm < 4; perm++) {
            int[] p = new int[b.nibbles()];
            java.util.Arrays.fill(p, perm);
            b.write(l1, Bench.mttl1(p));
            List<CheckRequest> reqs = new ArrayList<>();
            int[] needs = {R, W, X, R | W, R | X, R | W | X};
            for (int need : needs) {
                reqs.add(CheckRequest.of(mode, b.world.rootPpn(), PA, need, false));
            }
            List<LookupResult> rs = b.checks(reqs);
            for (int i = 0; i < needs.length; i++) {
                boolean granted = (needs[i] & ~Bench.permXwr(perm)) == 0;
                assertEquals(granted ? Cause.NONE : Cause.PERM_DENY, rs.get(i).cause(), "perm " + perm + " need " + needs[i]);
            }
        }
        b.restore();
    }

    /** §4.16 (v0.1): nibble index 0 and 15 (7 on RV32) of an MTTL1 word; page 0 and 15/7 of 2M/4M_PAGES. */
    @ParameterizedTest
    @MethodSource("modes")
    void item16_tupleIndexExtremes(MttMode mode) {
        Bench b = Bench.of(mode);
        long l1 = b.entryAt(PA, 0);
        int last = b.nibbles() - 1;
        int[] perm = new int[b.nibbles()];
        perm[0] = 1;
        perm[last] = 3;
        b.write(l1, Bench.mttl1(perm));
        long base = PA & ~((long) last << 12);
        List<LookupResult> rs = b.checks(List.of(
                CheckRequest.of(mode, b.world.rootPpn(), base, R, false),
                CheckRequest.of(mode, b.world.rootPpn(), base | ((long) last << 12), W, false),
                CheckRequest.of(mode, b.world.rootPpn(), base | (1L << 12), R, false)));
        assertEquals(Bench.permXwr(1), rs.get(0).xwr());
        assertEquals(Bench.permXwr(3), rs.get(1).xwr());
        Bench.assertCause(Cause.PERM_DENY, rs.get(2));
        // 2M_PAGES (RV64) / 4M_PAGES (RV32): pages 0 and last of the 32 MiB
        int pages = b.rv64() ? 16 : 8;
        int pageShift = b.rv64() ? 21 : 22;
        int[] pp = new int[pages];
        pp[0] = 2;
        pp[pages - 1] = 1;
        long info = 0;
        for (int k = 0; k < pages; k++) {
            info |= (long) pp[k] << (2 * k);
        }
        b.write(b.entryAt(PA, 1), b.mttl2(b.rv64() ? TYPE_2M : TYPE_4M, info));
        long slice = PA & ~((1L << 25) - 1);
        rs = b.checks(List.of(
                CheckRequest.of(mode, b.world.rootPpn(), slice, W, false),
                CheckRequest.of(mode, b.world.rootPpn(), slice | ((long) (pages - 1) << pageShift), X, false),
                CheckRequest.of(mode, b.world.rootPpn(), slice | (1L << pageShift), R, false)));
        assertEquals(Bench.permXwr(2), rs.get(0).xwr());
        assertEquals(Bench.permXwr(1), rs.get(1).xwr());
        Bench.assertCause(Cause.PERM_DENY, rs.get(2));
        b.restore();
    }
}
