package io.mttkit.golden.lookup;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.csr.MmptCsr;
import io.mttkit.golden.pmp.Pmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Random;

import static io.mttkit.golden.Access.R;
import static io.mttkit.golden.Access.W;
import static io.mttkit.golden.Access.X;
import static io.mttkit.golden.lookup.Fixture.field;
import static io.mttkit.golden.lookup.Fixture.leaf;
import static io.mttkit.golden.lookup.Fixture.napot;
import static io.mttkit.golden.lookup.Fixture.nonLeaf;
import static io.mttkit.golden.lookup.Fixture.smmptPn;
import static io.mttkit.golden.lookup.Fixture.uniformLeaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directed Smmpt (v0.9) lookup tests, named after VERIFICATION-PLAN.md §4 items. Expected values come
 * from the spec figures (see {@link Fixture}), never from the implementation.
 */
class SmmptLookupTest {
    private static final int RWX = R | W | X;

    /** log2 of the range one entry at {@code level} covers = lowest bit of pn[level] (figures). */
    private static int rangeLog2(MttMode m, int level) {
        return smmptPn(m)[level][0];
    }

    private static int numPg(MttMode m) {
        return m.xlen() == 32 ? 3 : 4; // NUMPGINRANGE
    }

    private static long randomPa(Random rnd, MttMode m) {
        long pa = rnd.nextLong();
        return m.paBits() == 64 ? pa : pa & ((1L << m.paBits()) - 1);
    }

    private static void assertReads(LookupResult r, long[] addrs, int size) {
        assertEquals(addrs.length, r.readCount(), () -> "read count of " + r);
        for (int i = 0; i < addrs.length; i++) {
            assertEquals(addrs[i], r.readAddr(i), "read " + i + " address");
            assertEquals(size, r.readSize(i), "read " + i + " size");
            assertFalse(r.readFailed(i));
        }
    }

    // ---- leaves at every level of every mode; reads list exactness -------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void leafAtEveryLevel_readsAndFieldsExact(MttMode m) {
        Random rnd = new Random(42 + m.ordinal());
        for (int level = 0; level < m.levels(); level++) {
            for (int trial = 0; trial < 20; trial++) {
                Fixture f = new Fixture();
                long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
                long pa = randomPa(rnd, m);
                int tuples = 1 << numPg(m);
                int[] xwr = new int[tuples];
                int[] legal = {0, 1, 3, 4, 5, 7};
                for (int t = 0; t < tuples; t++) {
                    xwr[t] = legal[rnd.nextInt(legal.length)];
                }
                long leafValue = leaf(xwr);
                long[] addrs = f.path(m, root, pa, level, leafValue);
                int need = 1 + rnd.nextInt(7);
                LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, need, false);

                int lo = rangeLog2(m, level);
                int tupleLog2 = lo - numPg(m);
                int pi = (int) field(pa, tupleLog2, numPg(m));
                boolean allowed = (need & ~xwr[pi]) == 0;
                assertEquals(allowed, r.allow(), r::toString);
                assertEquals(allowed ? Cause.NONE : Cause.PERM_DENY, r.cause());
                assertEquals(xwr[pi], r.xwr());
                assertEquals(level, r.level());
                assertEquals(lo, r.leafLog2());
                assertEquals(pa & -(1L << lo), r.leafBase());
                assertEquals(LeafKind.TUPLES, r.leafKind());
                assertEquals(tuples, r.tupleCount());
                assertEquals(tupleLog2, r.tupleLog2());
                for (int t = 0; t < tuples; t++) {
                    assertEquals(xwr[t], r.tupleXwr(t));
                }
                assertTrue(r.cacheable());
                assertReads(r, addrs, Fixture.entrySize(m));
                // Values: every pointer then the leaf, exactly as written.
                assertEquals(leafValue, r.readValue(addrs.length - 1));
                assertEquals(m.levels() - 1 - level, r.pointerCount());
                for (int p = 0; p < r.pointerCount(); p++) {
                    assertEquals(m.levels() - 1 - p, r.pointerLevel(p));
                    assertEquals(nonLeaf(r.pointerNextPpn(p)), r.readValue(p));
                    assertEquals(r.pointerNextPpn(p) << 12, addrs[p + 1] & ~0xFFFL);
                }
            }
        }
    }

    // ---- 1, 2, 3: PA range ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMTT34", "SMMTT46", "SMMTT56", "SMMPT34", "SMMPT43", "SMMPT52"})
    void item01_firstBitAboveModeWidth_faultsWithNoRead(MttMode m) {
        Fixture f = new Fixture();
        long root = f.newTable();
        // A fully valid path for PA 0 exists; bit paBits must still fault before any read.
        for (long pa : new long[] {1L << m.paBits(), (1L << m.paBits()) | 0x1234_5000L, -1L}) {
            CountingReader counting = new CountingReader(f);
            LookupResult r = new MttLookup(counting, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT)
                    .lookup(m, root, pa, R, false, new LookupResult());
            assertEquals(Cause.PA_RANGE, r.cause());
            assertEquals(m.levels() - 1, r.level());
            assertEquals(0, r.readCount());
            assertEquals(0, counting.calls);
            assertFalse(r.cacheable());
        }
    }

    @Test
    void item02_aboveThePlatformPawButInsideModeWidth_faultsWithNoRead() {
        MttMode m = MttMode.SMMPT43;
        Fixture f = new Fixture();
        long root = f.newTable();
        MttLookup l = Fixture.lookup(f, LookupConfig.DEFAULT.withPaw(40));
        LookupResult r = Fixture.run(l, m, root, 1L << 40, R, false);
        assertEquals(Cause.PA_RANGE, r.cause());
        assertEquals(0, r.readCount());
        // Bit 39 is inside paw: the walk reads the root entry (which is unmapped/zero here).
        f.path(m, root, 1L << 39, 0, uniformLeaf(m, R));
        r = Fixture.run(l, m, root, 1L << 39, R, false);
        assertTrue(r.allow(), r::toString);
        assertEquals(3, r.readCount());
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item03_paAllOnesBelowModeWidth_readsLastIndexAtEveryLevel(MttMode m) {
        Fixture f = new Fixture();
        long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
        long pa = m.paBits() == 64 ? -1L : (1L << m.paBits()) - 1;
        long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, RWX));
        int size = Fixture.entrySize(m);
        // Last index at every level: (2^width - 1) × size from the table base.
        for (int level = m.levels() - 1, k = 0; level >= 0; level--, k++) {
            int width = smmptPn(m)[level][1];
            assertEquals(((1L << width) - 1) * size, addrs[k] & ((1L << width) * size - 1));
        }
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, RWX, false);
        assertTrue(r.allow(), r::toString);
        assertReads(r, addrs, size);
        assertEquals((root << 12) + ((1L << smmptPn(m)[m.levels() - 1][1]) - 1) * size, r.readAddr(0));
    }

    @Test
    void item03_smmpt64Bit63Set_isLegalAnd12BitRootIndex() {
        MttMode m = MttMode.SMMPT64;
        Fixture f = new Fixture();
        long root = f.newTable(8); // 32 KiB root
        long pa = (1L << 63) | 0x0000_1234_5678_9000L;
        long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, R));
        // pn[4] = PA[63:52] = 0x800: the entry is 0x800 × 8 = 0x4000 into the 32 KiB root.
        assertEquals((root << 12) + 0x4000, addrs[0]);
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, R, false);
        assertTrue(r.allow(), r::toString);
        assertEquals((root << 12) + 0x4000, r.readAddr(0));
        assertEquals(5, r.readCount());
    }

    @Test
    void item04_smmpt64RootPpnLowBitsWritten_walkUsesAlignedRoot() {
        MttMode m = MttMode.SMMPT64;
        Fixture f = new Fixture();
        long root = f.newTable(8); // 32 KiB aligned
        MmptCsr mmpt = new MmptCsr(64, 0, EnumSet.of(MttMode.SMMPT64));
        mmpt.write((3L << 60) | root | 5); // PPN[2:0] = 101 written
        assertEquals(root, mmpt.ppn());
        long pa = 0x0123_4567_89AB_C000L;
        long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, R));
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), mmpt.mode(), mmpt.ppn(), pa, R, false);
        assertTrue(r.allow(), r::toString);
        assertEquals((root << 12) + 0x012 * 8, r.readAddr(0)); // pn[4] = PA[63:52] = 0x012
        assertEquals(addrs[0], r.readAddr(0));
    }

    // ---- 5: RV32 ----------------------------------------------------------------------------------------

    @Test
    void item05_rv32_fourByteEntries_tenBitLevel0Index_eightTuples_34BitPa() {
        MttMode m = MttMode.SMMPT34;
        Fixture f = new Fixture();
        long root = f.newTable();
        // PA bit 33 set (34-bit PA), pn[1] = 0x1FF, pn[0] = 0x3FF (10 bits), tuple PA[14:12] = 7.
        long pa = (1L << 34) - 1;
        int[] xwr = {0, 0, 0, 0, 0, 0, 0, R | X};
        long[] addrs = f.path(m, root, pa, 0, leaf(xwr));
        assertEquals((root << 12) + 0x1FF * 4, addrs[0]);
        assertEquals(0x3FF * 4, addrs[1] & 0xFFF);
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, X, false);
        assertTrue(r.allow(), r::toString);
        assertEquals(R | X, r.xwr());
        assertEquals(8, r.tupleCount());
        assertEquals(15, r.leafLog2());
        assertEquals(12, r.tupleLog2());
        assertReads(r, addrs, 4);
        // Tuple 6 (PA[14:12] = 6) has no access.
        r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa - 0x1000, R, false);
        assertEquals(Cause.PERM_DENY, r.cause());
        // Level-1 leaf: 8 tuples of 4 MiB, selected by PA[24:22].
        Fixture g = new Fixture();
        long root2 = g.newTable();
        int[] big = {R, 0, 0, 0, 0, 0, 0, RWX};
        g.path(m, root2, 0x1_FFC0_0000L, 1, leaf(big));
        r = Fixture.run(Fixture.lookup(g, LookupConfig.DEFAULT), m, root2, 0x1_FFC0_0000L, W, false);
        assertTrue(r.allow(), r::toString);
        assertEquals(25, r.leafLog2());
        assertEquals(22, r.tupleLog2());
        r = Fixture.run(Fixture.lookup(g, LookupConfig.DEFAULT), m, root2, 0x1_FE00_0000L, W, false);
        assertEquals(Cause.PERM_DENY, r.cause());
        assertEquals(R, r.xwr());
    }

    // ---- 6, 7, 8, 9, 10: entry encodings ------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item06_nonLeafAtLevel0_faults(MttMode m) {
        Fixture f = new Fixture();
        long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
        long pa = 0x1234_5000L & ((1L << 34) - 1);
        f.path(m, root, pa, 0, nonLeaf(0x55));
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, R, false);
        assertEquals(Cause.NONLEAF_AT_L0, r.cause());
        assertEquals(0, r.level());
        assertEquals(m.levels(), r.readCount());
        assertEquals(m.levels() - 1, r.pointerCount(), "the level-0 pointer is not followed");
        assertFalse(r.cacheable());
        assertNull(r.leafKind());
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item07_invalidAtEachLevel_thenValidWithoutFence(MttMode m) {
        for (int bad = m.levels() - 1; bad >= 0; bad--) {
            Fixture f = new Fixture();
            long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
            long pa = 0x3_2100_0000L;
            long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, RWX));
            int k = m.levels() - 1 - bad;
            long good = f.mem.read(addrs[k], Fixture.entrySize(m), false);
            f.put(m, addrs[k], good & ~1L); // V=0
            MttLookup l = Fixture.lookup(f, LookupConfig.DEFAULT);
            LookupResult r = Fixture.run(l, m, root, pa, R, false);
            assertEquals(Cause.MPTE_INVALID, r.cause());
            assertEquals(bad, r.level());
            assertEquals(k + 1, r.readCount());
            assertFalse(r.cacheable());
            f.put(m, addrs[k], good); // V back to 1
            assertTrue(Fixture.run(l, m, root, pa, R, false).allow());
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item08_invalidWithGarbage_isInvalidNotReserved(MttMode m) {
        Random rnd = new Random(8);
        for (int level = 0; level < m.levels(); level++) {
            for (int trial = 0; trial < 50; trial++) {
                Fixture f = new Fixture();
                long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
                long garbage = (rnd.nextLong() | (trial == 0 ? -1L : 0)) & ~1L;
                if (m.xlen() == 32) {
                    garbage &= 0xFFFF_FFFFL;
                }
                f.path(m, root, 0x4000_0000L, level, garbage);
                LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, 0x4000_0000L, R, false);
                assertEquals(Cause.MPTE_INVALID, r.cause(), () -> Long.toHexString(r.readValue(r.readCount() - 1)));
                assertEquals(level, r.level());
            }
        }
    }

    /** Reserved bit positions transcribed from the figures. */
    private static long nonLeafReservedMask(MttMode m) {
        return m.xlen() == 32 ? bits(3, 9) : bits(3, 9) | bits(54, 63);
    }

    private static long leafReservedMask(MttMode m) {
        return m.xlen() == 32 ? bits(3, 7) : bits(3, 7) | bits(56, 63);
    }

    private static long napotReservedMask(MttMode m) {
        return bits(3, 7) | (1L << 11) | bits(16, m.xlen() - 1);
    }

    private static long bits(int lo, int hi) {
        long v = 0;
        for (int b = lo; b <= hi; b++) {
            v |= 1L << b;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item09_nonLeafNSetAndEachReservedBit(MttMode m) {
        for (int level = 1; level < m.levels(); level++) {
            // L=0 with N=1.
            assertEquals(Cause.MPTE_RSVD_ENC, single(m, level, nonLeaf(0x99) | 4).cause());
            for (int b = 0; b < m.xlen(); b++) {
                long bit = 1L << b;
                if ((nonLeafReservedMask(m) & bit) == 0) {
                    continue;
                }
                LookupResult r = single(m, level, nonLeaf(0x99) | bit);
                assertEquals(Cause.MPTE_RSVD_BITS, r.cause(), "bit " + b);
                assertEquals(level, r.level());
                // Reserved bits win over N=1 (SPEC-DECISIONS #16).
                assertEquals(Cause.MPTE_RSVD_BITS, single(m, level, nonLeaf(0x99) | bit | 4).cause());
            }
        }
        // At level 0 too: reserved bits, then N, then NONLEAF_AT_L0.
        assertEquals(Cause.MPTE_RSVD_BITS, single(m, 0, nonLeaf(1) | (1L << 5)).cause());
        assertEquals(Cause.MPTE_RSVD_ENC, single(m, 0, nonLeaf(1) | 4).cause());
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item10_eachReservedBitOfLeafAndNapotLeaf(MttMode m) {
        int g = m.xlen() == 32 ? 6 : 4;
        for (int level = 0; level < m.levels(); level++) {
            for (int b = 0; b < m.xlen(); b++) {
                long bit = 1L << b;
                if ((leafReservedMask(m) & bit) != 0) {
                    LookupResult r = single(m, level, uniformLeaf(m, RWX) | bit);
                    assertEquals(Cause.MPTE_RSVD_BITS, r.cause(), "leaf bit " + b);
                    assertEquals(level, r.level());
                    assertFalse(r.cacheable());
                } else if (b > 2) {
                    // Every other bit above V/L/N is an XWR bit: flipping it never gives RSVD_BITS.
                    assertTrue(single(m, level, uniformLeaf(m, 0) | bit).cause() != Cause.MPTE_RSVD_BITS);
                }
                if ((napotReservedMask(m) & bit) != 0) {
                    LookupResult r = single(m, level, napot(RWX, g) | bit);
                    assertEquals(Cause.MPTE_RSVD_BITS, r.cause(), "napot bit " + b);
                    // Reserved bits beat a bad G and a reserved XWR.
                    assertEquals(Cause.MPTE_RSVD_BITS, single(m, level, napot(W, 0) | bit).cause());
                }
            }
        }
    }

    /** A lookup (need R) of a fixed 34-bit PA whose path ends at {@code level} with {@code entry}. */
    private static LookupResult single(MttMode m, int level, long entry) {
        return single(m, level, entry, LookupConfig.DEFAULT, 0x2_4680_0000L & ((1L << 34) - 1), R);
    }

    private static LookupResult single(MttMode m, int level, long entry, LookupConfig c, long pa, int need) {
        Fixture f = new Fixture();
        long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
        f.path(m, root, pa, level, entry);
        return Fixture.run(Fixture.lookup(f, c), m, root, pa, need, false);
    }

    // ---- 11, 12: NAPOT ------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item11_allSixteenGValues_onlyOneIsLegal(MttMode m) {
        int legal = m.xlen() == 32 ? 6 : 4;
        for (int level = 0; level < m.levels(); level++) {
            for (int g = 0; g < 16; g++) {
                LookupResult r = single(m, level, napot(R | W, g));
                if (g == legal) {
                    assertTrue(r.allow(), r::toString);
                    assertEquals(LeafKind.NAPOT, r.leafKind());
                } else {
                    assertEquals(Cause.NAPOT_G_BAD, r.cause(), "G=" + g);
                    assertEquals(level, r.level());
                    assertFalse(r.cacheable());
                    assertNull(r.leafKind());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item12_napotAtEveryLevel_coversExactlyTheAlignedRange(MttMode m) {
        int g = m.xlen() == 32 ? 6 : 4;
        for (int level = 0; level < m.levels(); level++) {
            int napotLog2 = rangeLog2(m, level) + g + 1;
            Fixture f = new Fixture();
            long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
            // The second NAPOT range of the table at this level (so neighbours on both sides exist in it).
            long base = 1L << napotLog2;
            long last = base + (1L << napotLog2) - 0x1000;
            long[] first = f.path(m, root, base, level, napot(X, g));
            // All 2^(G+1) entries of the range hold the same NAPOT MPTE (ch. 4).
            long table = first[first.length - 1] & ~0xFFFL;
            long firstIdx = (first[first.length - 1] - table) / Fixture.entrySize(m);
            for (int e = 0; e < (1 << (g + 1)); e++) {
                f.put(m, first[first.length - 1] + (long) e * Fixture.entrySize(m), napot(X, g));
            }
            assertEquals(0, firstIdx % (1 << (g + 1)));
            MttLookup l = Fixture.lookup(f, LookupConfig.DEFAULT);
            for (long pa : new long[] {base, last}) {
                LookupResult r = Fixture.run(l, m, root, pa, X, false);
                assertTrue(r.allow(), r::toString);
                assertEquals(napotLog2, r.leafLog2());
                assertEquals(napotLog2, r.uniformLog2());
                assertEquals(napotLog2, r.tupleLog2());
                assertEquals(base, r.leafBase());
                assertEquals(1, r.tupleCount());
                assertEquals(level, r.level());
            }
            // Neighbours: the 4 KiB just below and just above are other (empty, V=0) entries.
            for (long pa : new long[] {base - 0x1000, base + (1L << napotLog2)}) {
                LookupResult r = Fixture.run(l, m, root, pa, X, false);
                assertEquals(Cause.MPTE_INVALID, r.cause(), () -> Long.toHexString(pa));
            }
        }
    }

    // ---- 13, 14, 15, 16: permissions -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43"})
    void item13_reservedXwr_selectedAlwaysFaults_unselectedDependsOnScope(MttMode m) {
        int tuples = 1 << numPg(m);
        for (int rsvd : new int[] {0b010, 0b110}) {
            int[] xwr = new int[tuples];
            java.util.Arrays.fill(xwr, RWX);
            xwr[1] = rsvd;
            long entry = leaf(xwr);
            long tupleBytes = 1L << (rangeLog2(m, 0) - numPg(m));
            long paSel = 0x4_0000_0000L % (1L << 33) + tupleBytes;     // selects tuple 1
            long paOther = paSel + tupleBytes;                             // selects tuple 2
            for (RsvdTupleScope scope : RsvdTupleScope.values()) {
                LookupConfig c = LookupConfig.DEFAULT.withRsvdTupleScope(scope);
                LookupResult r = single(m, 0, entry, c, paSel, R);
                assertEquals(Cause.MPTE_RSVD_ENC, r.cause());
                assertFalse(r.cacheable());
                r = single(m, 0, entry, c, paOther, R);
                if (scope == RsvdTupleScope.ANY) {
                    assertEquals(Cause.MPTE_RSVD_ENC, r.cause());
                    assertFalse(r.cacheable());
                } else {
                    assertTrue(r.allow());
                    assertTrue(r.cacheable());
                }
            }
            // NAPOT's single XWR is always checked.
            assertEquals(Cause.MPTE_RSVD_ENC, single(m, 0, napot(rsvd, m.xlen() == 32 ? 6 : 4),
                    LookupConfig.DEFAULT.withRsvdTupleScope(RsvdTupleScope.SELECTED), 0, R).cause());
        }
    }

    @Test
    void item14_executeOnly_fetchAllowedLoadDenied() {
        MttMode m = MttMode.SMMPT43;
        assertTrue(single(m, 0, uniformLeaf(m, X), LookupConfig.DEFAULT, 0x5000, X).allow());
        LookupResult r = single(m, 0, uniformLeaf(m, X), LookupConfig.DEFAULT, 0x5000, R);
        assertEquals(Cause.PERM_DENY, r.cause());
        assertEquals(X, r.xwr());
        assertTrue(r.cacheable(), "a valid leaf that denies is still cacheable");
    }

    @Test
    void item15_readOnlyDeniesStoreAmoShadowStack_readWriteAllowsAmoNotFetch() {
        MttMode m = MttMode.SMMPT52;
        int amo = R | W;
        int shadowStack = R | W;
        for (int need : new int[] {W, amo, shadowStack}) {
            assertEquals(Cause.PERM_DENY, single(m, 1, uniformLeaf(m, R), LookupConfig.DEFAULT, 0x7000, need).cause());
        }
        assertTrue(single(m, 1, uniformLeaf(m, R), LookupConfig.DEFAULT, 0x7000, R).allow());
        assertTrue(single(m, 1, uniformLeaf(m, R | W), LookupConfig.DEFAULT, 0x7000, amo).allow());
        assertEquals(Cause.PERM_DENY, single(m, 1, uniformLeaf(m, R | W), LookupConfig.DEFAULT, 0x7000, X).cause());
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item16_tupleIndexExtremesAtEveryLeafLevel(MttMode m) {
        int tuples = 1 << numPg(m);
        int[] xwr = new int[tuples];
        xwr[0] = R;
        xwr[tuples - 1] = X;
        for (int level = 0; level < m.levels(); level++) {
            int tupleLog2 = rangeLog2(m, level) - numPg(m);
            long base = 3L << rangeLog2(m, level);
            LookupResult r0 = single(m, level, leaf(xwr), LookupConfig.DEFAULT, base, R);
            assertTrue(r0.allow(), r0::toString);
            assertEquals(R, r0.xwr());
            LookupResult rLast = single(m, level, leaf(xwr), LookupConfig.DEFAULT,
                    base + ((long) (tuples - 1) << tupleLog2) + (1L << tupleLog2) - 1, X);
            assertTrue(rLast.allow(), rLast::toString);
            assertEquals(X, rLast.xwr());
            assertEquals(Cause.PERM_DENY,
                    single(m, level, leaf(xwr), LookupConfig.DEFAULT, base + (1L << tupleLog2), R).cause());
        }
    }

    @Test
    void uniformLog2_craftedTuplePatterns() {
        MttMode m = MttMode.SMMPT43; // level 0: 16 tuples of 4 KiB (tupleLog2 12, leafLog2 16)
        int[] all = new int[16];
        java.util.Arrays.fill(all, R);
        assertEquals(16, single(m, 0, leaf(all), LookupConfig.DEFAULT, 0x3000, R).uniformLog2());
        // Tuples 0..7 RWX, 8..15 R: tuple 3 lies in a uniform 8-tuple (32 KiB) block.
        int[] halves = {RWX, RWX, RWX, RWX, RWX, RWX, RWX, RWX, R, R, R, R, R, R, R, R};
        assertEquals(15, single(m, 0, leaf(halves), LookupConfig.DEFAULT, 0x3000, R).uniformLog2());
        assertEquals(15, single(m, 0, leaf(halves), LookupConfig.DEFAULT, 0xF000, R).uniformLog2());
        // Alternating: only the tuple itself.
        int[] alt = {R, X, R, X, R, X, R, X, R, X, R, X, R, X, R, X};
        assertEquals(12, single(m, 0, leaf(alt), LookupConfig.DEFAULT, 0x5000, X).uniformLog2());
        // Tuples 4..7 equal, 0..3 differ: tuple 5 → a 4-tuple (16 KiB) block.
        int[] quad = {0, 1, 0, 1, R, R, R, R, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(14, single(m, 0, leaf(quad), LookupConfig.DEFAULT, 0x5000, R).uniformLog2());
        // Tuples 4,5 equal, 6 differs: the pair (8 KiB).
        int[] pair = {R, R, R, R, X, X, R, R, R, R, R, R, R, R, R, R};
        assertEquals(13, single(m, 0, leaf(pair), LookupConfig.DEFAULT, 0x5000, X).uniformLog2());
        // Same at level 1: tupleLog2 21.
        assertEquals(22, single(m, 1, leaf(pair), LookupConfig.DEFAULT, 5L << 21, X).uniformLog2());
    }

    // ---- 17, 18, 19, 20: the walk's reads ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43", "SMMPT52", "SMMPT64"})
    void item17_busErrorAtEachLevel(MttMode m) {
        for (int bad = m.levels() - 1; bad >= 0; bad--) {
            Fixture f = new Fixture();
            long root = m == MttMode.SMMPT64 ? f.newTable(8) : f.newTable();
            long pa = 0x2_0000_0000L;
            int k = m.levels() - 1 - bad;
            // Build the path with the table at level 'bad' unmapped: point into a PPN never written.
            long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, RWX));
            long unmappedPpn = 0x3FFF0;
            long badAddr;
            if (k == 0) {
                root = unmappedPpn;
                badAddr = Fixture.entryAddr(m, root, pa, bad);
            } else {
                f.put(m, addrs[k - 1], nonLeaf(unmappedPpn));
                badAddr = Fixture.entryAddr(m, unmappedPpn, pa, bad);
            }
            LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, R, false);
            assertEquals(Cause.WALK_BUS_ERROR, r.cause());
            assertEquals(bad, r.level());
            assertEquals(k + 1, r.readCount());
            assertEquals(badAddr, r.readAddr(k));
            assertTrue(r.readFailed(k));
            assertEquals(0, r.readValue(k));
            assertFalse(r.cacheable());
        }
    }

    @Test
    void item18_pmpDeniesRootThenDeeperEntry_noReadIssued() {
        MttMode m = MttMode.SMMPT52;
        Fixture f = new Fixture();
        long root = f.newTable();
        long pa = 0x8_1234_0000L;
        long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, RWX));
        for (int k = 0; k < addrs.length; k++) {
            long denied = addrs[k];
            CountingReader counting = new CountingReader(f);
            LookupResult r = new MttLookup(counting, (a, s) -> a != denied, LookupConfig.DEFAULT)
                    .lookup(m, root, pa, R, false, new LookupResult());
            assertEquals(Cause.WALK_PMP, r.cause());
            assertEquals(m.levels() - 1 - k, r.level());
            assertEquals(k, r.readCount(), "the denied read is not recorded");
            assertEquals(k, counting.reads, "the denied read is not issued");
            assertFalse(r.cacheable());
        }
    }

    @Test
    void item19_pmpAsMachineMode_unlockedDoesNotBlock_lockedDoes_exactEntryAddress() {
        MttMode m = MttMode.SMMPT43;
        Fixture f = new Fixture();
        long root = f.newTable();
        long pa = 0x1_0000L;  // pn[2]=0 pn[1]=0 pn[0]=1 → second entry of the level-0 table
        long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, R));
        long rootPage = root << 12;
        // Unlocked no-permission rule over the whole root page: ignored for M-mode.
        Pmp unlocked = Pmp.builder().napot(rootPage, 4096, "", false).build();
        assertTrue(new MttLookup(f.mem, unlocked, LookupConfig.DEFAULT).lookup(m, root, pa, R, false,
                new LookupResult()).allow());
        // Locked: applies to M.
        Pmp locked = Pmp.builder().napot(rootPage, 4096, "", true).build();
        LookupResult r = new MttLookup(f.mem, locked, LookupConfig.DEFAULT).lookup(m, root, pa, R, false,
                new LookupResult());
        assertEquals(Cause.WALK_PMP, r.cause());
        // A locked 8-byte rule (NAPOT of 8 bytes) exactly on the level-0 entry: that entry is denied...
        long leafAddr = addrs[2];
        assertEquals(8, leafAddr & 0xFFF);
        Pmp exact = Pmp.builder().napot(leafAddr, 8, "", true).build();
        MttLookup l = new MttLookup(f.mem, exact, LookupConfig.DEFAULT);
        r = l.lookup(m, root, pa, R, false, new LookupResult());
        assertEquals(Cause.WALK_PMP, r.cause());
        assertEquals(0, r.level());
        // ...while the neighbouring entry (PA one 64 KiB range lower, entry 0) is not.
        f.put(m, leafAddr - 8, uniformLeaf(m, R));
        assertTrue(l.lookup(m, root, pa - 0x1_0000L, R, false, new LookupResult()).allow());
        // A locked NA4 rule on the upper half of the entry is a partial match: the 8-byte read fails.
        Pmp half = Pmp.builder().na4(leafAddr + 4, "r", true).build();
        assertEquals(Cause.WALK_PMP, new MttLookup(f.mem, half, LookupConfig.DEFAULT)
                .lookup(m, root, pa, R, false, new LookupResult()).cause());
    }

    @Test
    void item20_nextLevelPpnBeyondPaw_faultsOnTheNextLevelWithoutRead() {
        MttMode m = MttMode.SMMPT43;
        Fixture f = new Fixture();
        long root = f.newTable();
        long pa = 0x3000;
        long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, R));
        long farPpn = 1L << (40 - 12); // page at PA 2^40
        f.put(m, addrs[0], nonLeaf(farPpn));
        CountingReader counting = new CountingReader(f);
        LookupResult r = new MttLookup(counting, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT.withPaw(40))
                .lookup(m, root, pa, R, false, new LookupResult());
        assertEquals(Cause.WALK_BUS_ERROR, r.cause());
        assertEquals(1, r.level());
        assertEquals(1, r.readCount());
        assertEquals(1, counting.reads);
        assertEquals(1, counting.canReadCalls, "no canRead for the out-of-paw address either");
        // With paw 41 the same pointer is followed (and that page is unmapped → recorded failed read).
        r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT.withPaw(41)), m, root, pa, R, false);
        assertEquals(Cause.WALK_BUS_ERROR, r.cause());
        assertEquals(2, r.readCount());
        assertTrue(r.readFailed(1));
    }

    // ---- 27: Bare ------------------------------------------------------------------------------------------

    @Test
    void item27_bareMode_noReads() {
        Fixture f = new Fixture();
        CountingReader counting = new CountingReader(f);
        LookupResult r = new MttLookup(counting, (a, s) -> false, LookupConfig.DEFAULT)
                .lookup(MttMode.BARE, 0, -1L, RWX, false, new LookupResult());
        assertTrue(r.allow());
        assertEquals(Cause.NONE, r.cause());
        assertEquals(0, r.readCount());
        assertEquals(0, counting.calls);
    }

    // ---- cause priority ------------------------------------------------------------------------------------

    @Test
    void priority_pmpDenialBeatsWhatTheEntryWouldSay() {
        MttMode m = MttMode.SMMPT43;
        Fixture f = new Fixture();
        long root = f.newTable();
        long[] addrs = f.path(m, root, 0, 0, 0xDEAD_BEEF_0000_0000L); // V=0 garbage leaf
        LookupResult r = new MttLookup(f.mem, (a, s) -> a != addrs[2], LookupConfig.DEFAULT)
                .lookup(m, root, 0, R, false, new LookupResult());
        assertEquals(Cause.WALK_PMP, r.cause());
        // PA range beats PMP: nothing is even asked.
        r = new MttLookup(f.mem, (a, s) -> {
            throw new AssertionError("PMP asked");
        }, LookupConfig.DEFAULT).lookup(m, root, 1L << 43, R, false, new LookupResult());
        assertEquals(Cause.PA_RANGE, r.cause());
    }

    @Test
    void priority_pmpBeforeAddressBeyondPaw_andBusErrorRecordsTheFailedRead() {
        MttMode m = MttMode.SMMPT43;
        Fixture f = new Fixture();
        long root = f.newTable();
        long[] addrs = f.path(m, root, 0, 0, uniformLeaf(m, R));
        f.put(m, addrs[0], nonLeaf(1L << 30)); // next table at PA 2^42, beyond paw 40
        long far = (1L << 42) + 0; // its entry for PA 0 (pn[1] = 0)
        LookupResult r = new MttLookup(f.mem, (a, s) -> a != far, LookupConfig.DEFAULT.withPaw(40))
                .lookup(m, root, 0, R, false, new LookupResult());
        assertEquals(Cause.WALK_PMP, r.cause());
        assertEquals(1, r.level());
        r = new MttLookup(f.mem, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT.withPaw(40))
                .lookup(m, root, 0, R, false, new LookupResult());
        assertEquals(Cause.WALK_BUS_ERROR, r.cause());
        assertEquals(1, r.readCount(), "beyond paw: no read issued or recorded");
        r = new MttLookup(f.mem, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT)
                .lookup(m, root, 0, R, false, new LookupResult());
        assertEquals(Cause.WALK_BUS_ERROR, r.cause());
        assertEquals(2, r.readCount(), "inside paw but unmapped: the failed read is recorded");
        assertEquals(far, r.readAddr(1));
        assertTrue(r.readFailed(1));
    }

    @Test
    void priority_reservedXwrBeforeBadG_andReservedBitsBeforeBoth() {
        MttMode m = MttMode.SMMPT43;
        assertEquals(Cause.MPTE_RSVD_ENC, single(m, 0, napot(0b110, 3)).cause());
        assertEquals(Cause.NAPOT_G_BAD, single(m, 0, napot(0b111, 3)).cause());
        assertEquals(Cause.MPTE_RSVD_BITS, single(m, 0, napot(0b110, 3) | (1L << 11)).cause());
        // Non-NAPOT leaf: reserved bits beat a reserved XWR.
        assertEquals(Cause.MPTE_RSVD_BITS, single(m, 0, leaf(2, 2, 2) | (1L << 60)).cause());
    }

    // ---- 36: big-endian -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT34", "SMMPT43"})
    void item36_bigEndianEntries(MttMode m) {
        Fixture f = new Fixture();
        f.bigEndian = true;
        long root = f.newTable();
        long pa = 0x1_2345_6000L;
        long leafValue = uniformLeaf(m, R | X);
        long[] addrs = f.path(m, root, pa, 0, leafValue);
        LookupResult r = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, X, true);
        assertTrue(r.allow(), r::toString);
        assertEquals(leafValue, r.readValue(addrs.length - 1), "recorded value is the entry as interpreted");
        // The raw bytes are big-endian: read little-endian the root pointer's V bit is not bit 0.
        LookupResult le = Fixture.run(Fixture.lookup(f, LookupConfig.DEFAULT), m, root, pa, X, false);
        assertFalse(le.allow());
        assertEquals(Cause.MPTE_INVALID, le.cause());
        long rawLe = f.mem.read(addrs[0], Fixture.entrySize(m), false);
        long expectSwapped = m.xlen() == 32 ? Integer.reverseBytes((int) rawLe) & 0xFFFF_FFFFL : Long.reverseBytes(rawLe);
        assertEquals(expectSwapped, r.readValue(0));
    }

    // ---- lookupFrom (walk-cache hit) --------------------------------------------------------------------------

    @Test
    void lookupFrom_startsAtTheGivenLevelAfterTheRangeCheck() {
        MttMode m = MttMode.SMMPT52;
        Fixture f = new Fixture();
        long root = f.newTable();
        long pa = 0x1_2340_0000L;
        long[] addrs = f.path(m, root, pa, 0, uniformLeaf(m, R));
        long level1Table = addrs[2] >>> 12; // table holding the level-1 entry
        MttLookup l = Fixture.lookup(f, LookupConfig.DEFAULT);
        LookupResult r = l.lookupFrom(m, 1, level1Table, pa, R, false, new LookupResult());
        assertTrue(r.allow(), r::toString);
        assertEquals(2, r.readCount());
        assertEquals(addrs[2], r.readAddr(0));
        assertEquals(addrs[3], r.readAddr(1));
        r = l.lookupFrom(m, 1, level1Table, 1L << 52, R, false, new LookupResult());
        assertEquals(Cause.PA_RANGE, r.cause());
        assertEquals(3, r.level());
        assertEquals(0, r.readCount());
    }

    /** Counts what a walk asks of memory. */
    static final class CountingReader implements io.mttkit.golden.MpteReader {
        private final Fixture f;
        int calls;
        int reads;
        int canReadCalls;

        CountingReader(Fixture f) {
            this.f = f;
        }

        @Override
        public boolean canRead(long addr, int size) {
            calls++;
            canReadCalls++;
            return f.mem.canRead(addr, size);
        }

        @Override
        public long read(long addr, int size, boolean bigEndian) {
            calls++;
            reads++;
            return f.mem.read(addr, size, bigEndian);
        }
    }
}
