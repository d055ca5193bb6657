package io.mttkit.golden.lookup;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.pmp.Pmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static io.mttkit.golden.Access.R;
import static io.mttkit.golden.Access.W;
import static io.mttkit.golden.Access.X;
import static io.mttkit.golden.lookup.Fixture.field;
import static io.mttkit.golden.lookup.Fixture.mttl1;
import static io.mttkit.golden.lookup.Fixture.mttl2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directed Smmtt v0.1 lookup tests (VERIFICATION-PLAN.md §4 items 32–36 and the v0.1 side of 1–20).
 * Expected values come from the v0.1 figures and SPEC-DECISIONS #1–#9.
 */
class SmmttLookupTest {
    private static final int RWX = R | W | X;
    /** PERM → XWR from the v0.1 encoding tables: 00 none, 01 RX, 10 RW, 11 RWX. */
    private static final int[] PERM_XWR = {0, R | X, R | W, RWX};
    private static final int T_L1_DIR = 0b100;
    private static final int T_4M = 0b101;
    private static final int T_2M = 0b110;

    private static long root(Fixture f, MttMode m) {
        return f.newTable(m == MttMode.SMMTT46 ? 4096 : 1);
    }

    private static LookupResult single(MttMode m, int level, long entry, LookupConfig c, long pa, int need) {
        Fixture f = new Fixture();
        long root = root(f, m);
        f.path(m, root, pa, level, entry);
        return Fixture.run(Fixture.lookup(f, c), m, root, pa, need, false);
    }

    private static LookupResult single(MttMode m, int level, long entry) {
        return single(m, level, entry, LookupConfig.DEFAULT, 0x1_2345_6000L, R);
    }

    // ---- leaves at every level --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMTT34", "SMMTT46", "SMMTT56"})
    void mttl1WordLeaf_everyMode_readsAndFieldsExact(MttMode m) {
        Random rnd = new Random(3 + m.ordinal());
        int nibbles = m.xlen() / 4;
        for (int trial = 0; trial < 50; trial++) {
            Fixture f = new Fixture();
            long root = root(f, m);
            long pa = rnd.nextLong() & ((1L << m.paBits()) - 1);
            int[] perm = new int[nibbles];
            for (int t = 0; t < nibbles; t++) {
                perm[t] = rnd.nextInt(4);
            }
            long word = mttl1(perm);
            long[] addrs = f.path(m, root, pa, 0, word);
            int need = 1 + rnd.nextInt(7);
            LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, need, false);
            int nib = (int) field(pa, 12, m.xlen() == 32 ? 3 : 4); // pa.pn[0]
            int xwr = PERM_XWR[perm[nib]];
            assertEquals((need & ~xwr) == 0, r.allow(), r::toString);
            assertEquals(xwr, r.xwr());
            assertEquals(0, r.level());
            assertEquals(m.xlen() == 32 ? 15 : 16, r.leafLog2());
            assertEquals(12, r.tupleLog2());
            assertEquals(nibbles, r.tupleCount());
            assertEquals(LeafKind.TUPLES, r.leafKind());
            for (int t = 0; t < nibbles; t++) {
                assertEquals(PERM_XWR[perm[t]], r.tupleXwr(t));
            }
            assertEquals(addrs.length, r.readCount());
            for (int k = 0; k < addrs.length; k++) {
                assertEquals(addrs[k], r.readAddr(k));
                assertEquals(m.xlen() / 8, r.readSize(k), "every read is NON_LEAF_PTE_SIZE, MTTL1 too");
            }
            assertEquals(word, r.readValue(addrs.length - 1));
            assertEquals(m.levels() - 1, r.pointerCount());
            assertTrue(r.cacheable());
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMTT34", "SMMTT46", "SMMTT56"})
    void mttl2Leaves_pagesAndOneGig_everyMode(MttMode m) {
        boolean rv32 = m.xlen() == 32;
        // 2M_PAGES (RV64) / 4M_PAGES (RV32): PERM[t] at INFO bits 2t+1:2t.
        int n = rv32 ? 8 : 16;
        int tupleLog2 = rv32 ? 22 : 21;
        int[] perm = new int[n];
        for (int t = 0; t < n; t++) {
            perm[t] = (t * 7 + 1) & 3;
        }
        long info = 0;
        for (int t = 0; t < n; t++) {
            info |= (long) perm[t] << (2 * t);
        }
        long entry = mttl2(m, rv32 ? T_4M : T_2M, info);
        for (int t = 0; t < n; t++) {
            long pa = (5L << 25) + ((long) t << tupleLog2) + 0x3000;
            LookupResult r = single(m, 1, entry, LookupConfig.DEFAULT, pa, R);
            assertEquals(PERM_XWR[perm[t]], r.xwr(), "tuple " + t);
            assertEquals(1, r.level());
            assertEquals(25, r.leafLog2());
            assertEquals(5L << 25, r.leafBase());
            assertEquals(tupleLog2, r.tupleLog2());
            assertEquals(n, r.tupleCount());
            assertEquals(m.levels() - 1, r.readCount());
        }
        // 1G_*: TYPE 000..011 is the PERM of the whole entry.
        for (int type = 0; type < 4; type++) {
            LookupResult r = single(m, 1, mttl2(m, type, 0), LookupConfig.DEFAULT, 0x1234_5000L, X);
            assertEquals(PERM_XWR[type], r.xwr());
            assertEquals(LeafKind.UNIFORM, r.leafKind());
            assertEquals(25, r.leafLog2());
            assertEquals(25, r.uniformLog2());
            assertEquals(0x1200_0000L, r.leafBase());
            assertEquals((X & ~PERM_XWR[type]) == 0, r.allow());
            LookupResult big = single(m, 1, mttl2(m, type, 0), LookupConfig.DEFAULT.withV01OneGigAsOneGiB(true),
                    0x7234_5000L, X);
            assertEquals(30, big.leafLog2());
            assertEquals(30, big.uniformLog2());
            assertEquals(0x4000_0000L, big.leafBase());
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMTT34", "SMMTT46", "SMMTT56"})
    void item03_paAllOnesBelowModeWidth_lastIndexAtEveryLevel(MttMode m) {
        Fixture f = new Fixture();
        long root = root(f, m);
        long pa = (1L << m.paBits()) - 1;
        int nibbles = m.xlen() / 4;
        int[] perm = new int[nibbles];
        perm[nibbles - 1] = 2; // last nibble: read-write
        long[] addrs = f.path(m, root, pa, 0, mttl1(perm));
        int size = m.xlen() / 8;
        // Last index of the root: RV64 MTTL3 1023 / MTTL2 2^21-1; RV32 MTTL2 511.
        long rootLast = m == MttMode.SMMTT56 ? 1023 : m == MttMode.SMMTT46 ? (1 << 21) - 1 : 511;
        assertEquals((root << 12) + rootLast * size, addrs[0]);
        // Last MTTL1 word: RV64 511, RV32 1023.
        assertEquals((m.xlen() == 32 ? 1023 : 511) * size, addrs[addrs.length - 1] & 0xFFF);
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, R | W, false);
        assertTrue(r.allow(), r::toString);
        assertEquals(addrs.length, r.readCount());
        for (int k = 0; k < addrs.length; k++) {
            assertEquals(addrs[k], r.readAddr(k));
        }
        assertEquals(Cause.PERM_DENY, Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, X, false).cause());
    }

    // ---- 32: reserved encodings and ZERO bits --------------------------------------------------------------

    @Test
    void item32_reservedTypesAndInfo() {
        for (MttMode m : new MttMode[] {MttMode.SMMTT34, MttMode.SMMTT46, MttMode.SMMTT56}) {
            boolean rv32 = m.xlen() == 32;
            assertEquals(Cause.MPTE_RSVD_ENC, single(m, 1, mttl2(m, 0b111, 0)).cause());
            assertEquals(Cause.MPTE_RSVD_ENC, single(m, 1, mttl2(m, rv32 ? T_2M : T_4M, 0)).cause());
            assertTrue(single(m, 1, mttl2(m, rv32 ? T_4M : T_2M, rv32 ? 0xFFFF : 0xFFFF_FFFFL)).allow());
            for (int type = 0; type < 4; type++) {
                for (int b = 0; b < (rv32 ? 22 : 44); b++) {
                    LookupResult r = single(m, 1, mttl2(m, type, 1L << b));
                    assertEquals(Cause.MPTE_RSVD_ENC, r.cause(), "1G type " + type + " INFO bit " + b);
                    assertEquals(1, r.level());
                    assertFalse(r.cacheable());
                }
            }
            for (int b = rv32 ? 16 : 32; b < (rv32 ? 22 : 44); b++) {
                assertEquals(Cause.MPTE_RSVD_ENC, single(m, 1, mttl2(m, rv32 ? T_4M : T_2M, 1L << b)).cause(),
                        "pages INFO bit " + b);
            }
            // ZERO field: RV64 bits 63:47, RV32 bits 31:25 → reserved bits (before the TYPE check).
            for (int b = rv32 ? 25 : 47; b < m.xlen(); b++) {
                assertEquals(Cause.MPTE_RSVD_BITS, single(m, 1, mttl2(m, 0b011, 0) | (1L << b)).cause(), "bit " + b);
                assertEquals(Cause.MPTE_RSVD_BITS, single(m, 1, mttl2(m, 0b111, 0) | (1L << b)).cause());
            }
        }
        // MTTL3 ZERO[63:44].
        for (int b = 44; b < 64; b++) {
            LookupResult r = single(MttMode.SMMTT56, 2, 0x123L | (1L << b));
            assertEquals(Cause.MPTE_RSVD_BITS, r.cause(), "MTTL3 bit " + b);
            assertEquals(2, r.level());
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMTT34", "SMMTT46", "SMMTT56"})
    void item32_nibbleReservedBits_underBothScopes(MttMode m) {
        int nibbles = m.xlen() / 4;
        for (int nib = 0; nib < nibbles; nib++) {
            for (int rb : new int[] {4, 8}) {
                long word = mttl1(new int[nibbles]) | 0x3333_3333_3333_3333L & (m.xlen() == 32 ? 0xFFFF_FFFFL : -1L);
                word |= (long) rb << (4 * nib);
                long paSel = 0x4000_0000L + ((long) nib << 12);
                long paOther = 0x4000_0000L + ((long) ((nib + 1) % nibbles) << 12);
                for (RsvdTupleScope scope : RsvdTupleScope.values()) {
                    LookupConfig c = LookupConfig.DEFAULT.withRsvdTupleScope(scope);
                    assertEquals(Cause.MPTE_RSVD_ENC, single(m, 0, word, c, paSel, R).cause());
                    LookupResult r = single(m, 0, word, c, paOther, R);
                    assertEquals(scope == RsvdTupleScope.ANY ? Cause.MPTE_RSVD_ENC : Cause.NONE, r.cause(),
                            "nibble " + nib + " scope " + scope);
                    assertEquals(scope == RsvdTupleScope.SELECTED, r.cacheable());
                }
            }
        }
    }

    // ---- 33: 1G_* disagreeing entries ---------------------------------------------------------------------

    @Test
    void item33_oneGigEntriesDisagree_answersPer32MiB() {
        MttMode m = MttMode.SMMTT46;
        Fixture f = new Fixture();
        long root = root(f, m);
        long gig = 3L << 30;
        for (int e = 0; e < 32; e++) {
            long pa = gig + ((long) e << 25);
            f.put(m, Fixture.entryAddr(m, root, pa, 1), mttl2(m, e == 7 ? 0b000 : 0b011, 0));
        }
        MttLookup l = Fixture.lookup(f, LookupConfig.DEFAULT);
        for (int e = 0; e < 32; e++) {
            long pa = gig + ((long) e << 25) + 0x10_0000;
            LookupResult r = Fixture.run(l, m, root, pa, W, false);
            assertEquals(e != 7, r.allow(), "32 MiB entry " + e);
            assertEquals(gig + ((long) e << 25), r.leafBase());
            assertEquals(25, r.leafLog2());
        }
    }

    // ---- 34: all-zero MTTL3 entry ----------------------------------------------------------------------------

    @Test
    void item34_allZeroMttl3_walkContinuesAtPa0_orPmpStopsIt() {
        MttMode m = MttMode.SMMTT56;
        Fixture f = new Fixture();
        long root = f.newTable();
        long pa = (5L << 46) | (2L << 25) | 0x1_3000L;
        f.put(m, Fixture.entryAddr(m, root, pa, 2), 0); // MTTL3 entry: MTTL2 PPN 0
        long mttl2Addr = Fixture.entryAddr(m, 0, pa, 1); // index 2 of a table at PA 0 → address 0x10
        assertEquals(0x10, mttl2Addr);
        f.put(m, mttl2Addr, mttl2(m, 0b001, 0)); // 1G_allow_rx
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, X, false);
        assertTrue(r.allow(), r::toString);
        assertEquals(2, r.readCount());
        assertEquals(0x10, r.readAddr(1));
        assertEquals(2, r.pointerLevel(0));
        assertEquals(0, r.pointerNextPpn(0));
        Pmp pmp = Pmp.builder().napot(0, 4096, "", true).build();
        r = new MttLookup(f.mem, pmp, LookupConfig.DEFAULT).lookup(m, root, pa, X, false, new LookupResult());
        assertEquals(Cause.WALK_PMP, r.cause());
        assertEquals(1, r.level());
    }

    // ---- 35: Smmtt46 root not 16 MiB aligned ---------------------------------------------------------------

    @Test
    void item35_smmtt46RootNotNaturallyAligned_entryAddressByAddition() {
        MttMode m = MttMode.SMMTT46;
        Fixture f = new Fixture();
        long root = 0x1234_5L; // 4 KiB aligned only; bit 12 of the base is set
        long pa = (0x1F_FFFFL << 25) | (0x1FFL << 16) | 0xF000; // last MTTL2 and MTTL1 index, nibble 15
        long idx = 0x1F_FFFFL;
        long expected = (root << 12) + idx * 8;
        // With OR instead of ADD the address would differ.
        assertTrue(expected != ((root << 12) | (idx * 8)));
        long l1 = f.newTable();
        f.put(m, expected, mttl2(m, T_L1_DIR, l1));
        f.put(m, (l1 << 12) + 0x1FF * 8, mttl1(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}));
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, W, false);
        assertTrue(r.allow(), r::toString);
        assertEquals(expected, r.readAddr(0));
        assertEquals((l1 << 12) + 0x1FF * 8, r.readAddr(1));
        assertEquals(1, r.pointerLevel(0));
        assertEquals(l1, r.pointerNextPpn(0));
    }

    // ---- 36: big-endian ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMTT34", "SMMTT56"})
    void item36_bigEndianEntries(MttMode m) {
        Fixture f = new Fixture();
        f.bigEndian = true;
        long root = root(f, m);
        long pa = 0x2_0000_5000L & ((1L << 34) - 1);
        int[] perm = new int[m.xlen() / 4];
        perm[5] = 3;
        long word = mttl1(perm);
        long[] addrs = f.path(m, root, pa, 0, word);
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, RWX, true);
        assertTrue(r.allow(), r::toString);
        assertEquals(word, r.readValue(addrs.length - 1));
        long raw = f.mem.read(addrs[addrs.length - 1], m.xlen() / 8, false);
        assertEquals(m.xlen() == 32 ? Integer.reverseBytes((int) raw) & 0xFFFF_FFFFL : Long.reverseBytes(raw), word);
        assertFalse(Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, RWX, false).allow());
    }

    // ---- 17, 18, 20 for v0.1 -----------------------------------------------------------------------------------

    @Test
    void busErrorAndPmpAtEachLevel_smmtt56() {
        MttMode m = MttMode.SMMTT56;
        long pa = 0x00AB_CDEF_1234_5000L & ((1L << 56) - 1);
        for (int k = 0; k < 3; k++) {
            Fixture f = new Fixture();
            long root = f.newTable();
            long[] addrs = f.path(m, root, pa, 0, mttl1(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
            long denied = addrs[k];
            LookupResult r = new MttLookup(f.mem, (a, s) -> a != denied, LookupConfig.DEFAULT)
                    .lookup(m, root, pa, R, false, new LookupResult());
            assertEquals(Cause.WALK_PMP, r.cause());
            assertEquals(2 - k, r.level());
            assertEquals(k, r.readCount());
            // Bus error: remove the page by rebuilding without it.
            Fixture g = new Fixture();
            long root2 = g.newTable();
            long[] a2 = g.path(m, root2, pa, 0, mttl1(3));
            Fixture h = new Fixture();
            for (int j = 0; j < a2.length; j++) {
                if (j != k) {
                    h.put(m, a2[j], g.mem.read(a2[j], 8, false));
                }
            }
            r = Fixture.run(Fixture.lookup(h, LookupConfig.DEFAULT), m, root2, pa, R, false);
            assertEquals(Cause.WALK_BUS_ERROR, r.cause());
            assertEquals(2 - k, r.level());
            assertEquals(k + 1, r.readCount());
            assertTrue(r.readFailed(k));
        }
    }

    @Test
    void item20_l1DirPpnBeyondPaw() {
        MttMode m = MttMode.SMMTT46;
        Fixture f = new Fixture();
        long root = root(f, m);
        long pa = 0x4000;
        f.put(m, Fixture.entryAddr(m, root, pa, 1), mttl2(m, T_L1_DIR, 1L << 30)); // MTTL1 page at 2^42
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT.withPaw(42)), m, root, pa, R, false);
        assertEquals(Cause.WALK_BUS_ERROR, r.cause());
        assertEquals(0, r.level());
        assertEquals(1, r.readCount());
        assertNull(r.leafKind());
    }

    @Test
    void permMapping_mttl1() {
        MttMode m = MttMode.SMMTT46;
        // 01 = read-execute: fetch and load allowed, store denied.
        assertTrue(single(m, 0, mttl1(1), LookupConfig.DEFAULT, 0, X).allow());
        assertTrue(single(m, 0, mttl1(1), LookupConfig.DEFAULT, 0, R).allow());
        assertEquals(Cause.PERM_DENY, single(m, 0, mttl1(1), LookupConfig.DEFAULT, 0, W).cause());
        // 10 = read-write: AMO allowed, fetch denied.
        assertTrue(single(m, 0, mttl1(2), LookupConfig.DEFAULT, 0, R | W).allow());
        assertEquals(Cause.PERM_DENY, single(m, 0, mttl1(2), LookupConfig.DEFAULT, 0, X).cause());
        // 00 = no access.
        assertEquals(Cause.PERM_DENY, single(m, 0, mttl1(0), LookupConfig.DEFAULT, 0, R).cause());
    }
}
