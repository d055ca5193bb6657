package io.mttkit.gen.iompt;

import static io.mttkit.gen.iompt.IoFrontBench.BUSY;
import static io.mttkit.gen.iompt.IoFrontBench.COMMAND;
import static io.mttkit.gen.iompt.IoFrontBench.DATA1;
import static io.mttkit.gen.iompt.IoFrontBench.DATA2;
import static io.mttkit.gen.iompt.IoFrontBench.STATUS;
import static io.mttkit.gen.iompt.IoFrontBench.command;
import static io.mttkit.gen.iompt.IoMptCheckerSimTest.R;
import static io.mttkit.gen.iompt.IoMptCheckerSimTest.W;
import static io.mttkit.gen.iompt.IoMptCheckerSimTest.X;
import static io.mttkit.gen.iompt.IoMptCheckerSimTest.leaf;
import static io.mttkit.gen.iompt.IoMptCheckerSimTest.nonLeaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.iompt.IoMptCheckerSimTest.Bench;
import io.mttkit.gen.iompt.IoMptCheckerSimTest.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SDID-tagged MPT cache of {@code mtt_io_checker} in the DSL's simulator. Four SDIDs (devices 0x10..0x40) map
 * the same physical addresses with different permissions: 64 KiB leaves at {@link #BASE} (four level-0 leaves of
 * 16 pages, each the leaf array's kind) and a 32 MiB level-1 leaf at {@link #SP_BASE} (16 tuples of 2 MiB, the
 * superpage array's kind), every table of its own (Smmpt43, MPTE bits from ch. 4 as in
 * {@link IoMptCheckerSimTest}). Expected verdicts come from the test's own copy of each SDID's permissions; what may
 * legally be old or new (a store, or a root change, without MPTINVAL: ch. 6 §"MPTINVAL" note, §"IOFENCE") is
 * accepted as either and no more.
 */
class IoMptCacheSimTest {
    static final long BASE = 0x8000_0000L;      // pn[2] 0, pn[1] 64, pn[0] = leaf 0..3
    static final long SP_BASE = 0x8200_0000L;   // pn[1] 65: a level-1 leaf
    static final int SMMPT43 = 1;
    static final int LEAVES = 4;
    static final int SDIDS = 4;
    /** The XWR values a leaf may hold (010 and 110 are reserved, ch. 4). */
    static final int[] LEGAL = {0, R, R | W, X, R | X, R | W | X};
    static final int MPTINVAL = 6;
    static final int IOFENCE = 1;
    static final int SET_SDCFG = 4;

    /** The platform and each SDID's permissions: page[sdid][leaf * 16 + page], tuple[sdid][i]. */
    static final class Platform {
        final Bench b;
        final int[][] page = new int[SDIDS + 1][LEAVES * 16];
        final int[][] tuple = new int[SDIDS + 1][16];

        Platform(CacheShape shape, long seed) {
            this(shape, seed, false);
        }

        /** With {@code record}, every clock edge's inputs are recorded to replay in Verilator. */
        Platform(CacheShape shape, long seed, boolean record) {
            b = new Bench(IoMptCheckerSimTest.params(1), shape, record);
            Random rnd = new Random(seed);
            // per page (and tuple) the SDIDs hold different XWRs: a hit on another SDID's entry shows
            for (int i = 0; i < LEAVES * 16; i++) {
                int[] perm = shuffled(rnd);
                for (int sd = 1; sd <= SDIDS; sd++) {
                    page[sd][i] = perm[sd - 1];
                }
            }
            for (int i = 0; i < 16; i++) {
                int[] perm = shuffled(rnd);
                for (int sd = 1; sd <= SDIDS; sd++) {
                    tuple[sd][i] = perm[sd - 1];
                }
            }
            for (int sd = 1; sd <= SDIDS; sd++) {
                b.setRule(sd - 1, 0x10L * sd, sd, 0);
                b.setSdcfg(sd, SMMPT43, 0, root(sd));
                b.memory.put(root(sd) << 12, nonLeaf(root(sd) + 1));
                b.memory.put(((root(sd) + 1) << 12) + 64 * 8, nonLeaf(root(sd) + 2));
                writeLeaves(sd);
            }
            assertEquals(2, b.regs.control(2));
        }

        static long root(int sd) {
            return 0x100L * sd;
        }

        /** Writes SDID {@code sd}'s leaves from {@link #page} and {@link #tuple} into the memory. */
        void writeLeaves(int sd) {
            for (int l = 0; l < LEAVES; l++) {
                int[] xwr = new int[16];
                System.arraycopy(page[sd], l * 16, xwr, 0, 16);
                b.memory.put(((root(sd) + 2) << 12) + l * 8L, leaf(xwr));
            }
            b.memory.put(((root(sd) + 1) << 12) + 65 * 8, leaf(tuple[sd]));
        }

        /** The PA of page {@code i} (of the 64 KiB leaves), or of tuple {@code i} of the superpage. */
        static long pagePa(int i) {
            return BASE + i * 0x1000L;
        }

        static long tuplePa(int i) {
            return SP_BASE + i * 0x20_0000L;
        }

        int xwrOf(int sd, long pa) {
            return pa >= SP_BASE ? tuple[sd][(int) ((pa - SP_BASE) >> 21)] : page[sd][(int) ((pa - BASE) >> 12)];
        }

        /** A transaction of SDID {@code sd}'s device; checks the verdict against {@code xwr}. */
        Verdict check(int sd, long pa, int need, Set<Integer> legalXwr, String what) {
            Verdict v = b.dma(0x10L * sd, false, pa, need);
            assertTrue(v.matched() && v.sdid() == sd, what + ": classified into SDID " + sd + ", got " + v);
            assertTrue(legalXwr.contains(v.xwr()), what + ": XWR " + v.xwr() + " not in " + legalXwr);
            boolean allow = (need & ~v.xwr()) == 0;
            assertEquals(allow, v.allow(), what + ": allow follows the XWR");
            assertEquals(allow ? 0 : IoMptCheckerSimTest.MPT_DISALLOWED, v.reason(), what);
            assertEquals(allow ? 0 : IoMptCheckerSimTest.CAUSE_PERM_DENY, v.cause(), what);
            return v;
        }

        Verdict check(int sd, long pa, int need) {
            return check(sd, pa, need, Set.of(xwrOf(sd, pa)), "SDID " + sd + " PA " + Long.toHexString(pa));
        }

        /** The kind of the last lookup pulse (0 HIT, 1 MISS). */
        long lastLookup() {
            return b.lookups.get(b.lookups.size() - 1)[1];
        }

        int mptinval(boolean sdidv, int sd, boolean ppnv, boolean s, long ppn) {
            long cmd = command(MPTINVAL, sd) | (sdidv ? 1L << 15 : 0);
            return b.regs.run(cmd, (ppnv ? 1 : 0) | (s ? 2 : 0) | (ppn << 10), 0);
        }
    }

    static int[] shuffled(Random rnd) {
        int[] a = LEGAL.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static final CacheShape SHIPPED = new CacheShape(16, 4, 8, 4, 1, true);

    @Test
    void aHitIsAnsweredTheCycleAfterItsHandshakeWithoutReadingTheMpt() {
        Platform pf = new Platform(SHIPPED, 1);
        pf.check(1, Platform.pagePa(3), R);
        assertEquals(1, pf.lastLookup(), "the first access misses");
        assertEquals(3, pf.b.reads.size(), "root, level 1, level 0");
        long missLatency = pf.b.responseCycles.get(0) - pf.b.acceptCycles.get(0);
        assertTrue(missLatency > 3, "a walk takes its reads: " + missLatency);
        pf.b.reads.clear();
        // another page of the same 64 KiB leaf, and a superpage after its own walk
        pf.check(1, Platform.pagePa(5), W);
        assertEquals(0, pf.lastLookup(), "same leaf: a hit");
        assertEquals(List.of(), pf.b.reads);
        int last = pf.b.responseCycles.size() - 1;
        assertEquals(pf.b.acceptCycles.get(last) + 1, pf.b.responseCycles.get(last), "verdict one cycle after");
        pf.check(1, Platform.tuplePa(7), X);
        assertEquals(1, pf.lastLookup());
        pf.b.reads.clear();
        pf.check(1, Platform.tuplePa(7) + 0x1234_5000L % 0x20_0000L, R);
        assertEquals(0, pf.lastLookup(), "the superpage array hits");
        assertEquals(List.of(), pf.b.reads);
        last = pf.b.responseCycles.size() - 1;
        assertEquals(pf.b.acceptCycles.get(last) + 1, pf.b.responseCycles.get(last));
    }

    @Test
    void hitsStreamOnePerCycle() {
        Platform pf = new Platform(SHIPPED, 2);
        pf.check(2, Platform.pagePa(0), R);
        int before = pf.b.acceptCycles.size();
        // keep dma_valid high: each hit is taken in the cycle its predecessor's verdict is taken
        for (int i = 0; i < 8; i++) {
            pf.b.offer(0x20, false, false, Platform.pagePa(i), R, i);
        }
        pf.b.await();
        List<Long> acc = pf.b.acceptCycles.subList(before, before + 8);
        for (int i = 1; i < 8; i++) {
            assertEquals(acc.get(i - 1) + 1, acc.get(i), "back-to-back hits: " + acc);
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(acc.get(i) + 1, pf.b.responseCycles.get(1 + i));
            assertEquals(i, pf.b.responses.get(1 + i)[7], "rsp_id in order");
            assertEquals(pf.page[2][i], pf.b.responses.get(1 + i)[5], "XWR of page " + i);
        }
    }

    /**
     * The property of issue #12: no lookup ever returns another SDID's permission. A small cache (2 sets x 2 ways,
     * 2 superpage and 2 walk-cache entries) is shared by four SDIDs that map the same PAs with different XWRs, over
     * random transactions, so entries are evicted, refilled and hit under every SDID.
     */
    @Test
    void noLookupEverReturnsAnotherSdidsPermission() {
        for (long seed = 11; seed <= 13; seed++) {
            Platform pf = new Platform(new CacheShape(2, 2, 2, 2, 1, true), seed);
            Random rnd = new Random(seed * 7919);
            int n = 300;
            for (int i = 0; i < n; i++) {
                int sd = 1 + rnd.nextInt(SDIDS);
                long pa = rnd.nextInt(4) == 0 ? Platform.tuplePa(rnd.nextInt(16)) + rnd.nextInt(512) * 0x1000L
                        : Platform.pagePa(rnd.nextInt(LEAVES * 16)) + rnd.nextInt(512) * 8L;
                pf.check(sd, pa, 1 + rnd.nextInt(7), Set.of(pf.xwrOf(sd, pa)), "seed " + seed + " #" + i);
            }
            long hits = pf.b.lookups.stream().filter(l -> l[1] == 0).count();
            assertEquals(n, pf.b.lookups.size(), "every transaction probes the cache once");
            assertTrue(hits > n / 5 && hits < n, "hits " + hits + " of " + n + ": the cache served and missed");
        }
    }

    /** Fills SDIDs 1 and 2 at pages 0 and 20 (two leaves) and the superpage; returns the platform. */
    static Platform filled(long seed) {
        Platform pf = new Platform(SHIPPED, seed);
        for (int sd = 1; sd <= 2; sd++) {
            pf.check(sd, Platform.pagePa(0), R);
            pf.check(sd, Platform.pagePa(20), R);
            pf.check(sd, Platform.tuplePa(3), R);
        }
        for (int sd = 1; sd <= 2; sd++) {
            pf.check(sd, Platform.pagePa(0), R);
            assertEquals(0, pf.lastLookup(), "filled");
        }
        return pf;
    }

    /** Software's store: SDID {@code sd}'s XWR at {@code pa} becomes a different legal value. */
    static void store(Platform pf, int sd, long pa) {
        int old = pf.xwrOf(sd, pa);
        int next = LEGAL[(indexOf(old) + 1) % LEGAL.length];
        if (pa >= SP_BASE) {
            pf.tuple[sd][(int) ((pa - SP_BASE) >> 21)] = next;
        } else {
            pf.page[sd][(int) ((pa - BASE) >> 12)] = next;
        }
        pf.writeLeaves(sd);
    }

    static int indexOf(int xwr) {
        for (int i = 0; i < LEGAL.length; i++) {
            if (LEGAL[i] == xwr) {
                return i;
            }
        }
        throw new IllegalArgumentException("" + xwr);
    }

    /** The stores of every test below: both SDIDs, pages 0 and 20 and tuple 3. Returns the old XWRs. */
    static int[][] storeEverything(Platform pf) {
        long[] pas = {Platform.pagePa(0), Platform.pagePa(20), Platform.tuplePa(3)};
        int[][] old = new int[3][pas.length];
        for (int sd = 1; sd <= 2; sd++) {
            for (int i = 0; i < pas.length; i++) {
                old[sd][i] = pf.xwrOf(sd, pas[i]);
                store(pf, sd, pas[i]);
            }
        }
        return old;
    }

    /**
     * After the stores and one MPTINVAL, each (SDID, PA) in {@code mustBeNew} gives the new XWR; every other one
     * the old or the new, and with {@code exact} the old (what the RTL documents it keeps: it invalidates a 4 KiB or
     * small NAPOT range precisely).
     */
    static void expectAfter(Platform pf, int[][] old, boolean[][] mustBeNew, boolean exact) {
        long[] pas = {Platform.pagePa(0), Platform.pagePa(20), Platform.tuplePa(3)};
        for (int sd = 1; sd <= 2; sd++) {
            for (int i = 0; i < pas.length; i++) {
                int now = pf.xwrOf(sd, pas[i]);
                String what = "SDID " + sd + " PA " + Long.toHexString(pas[i]);
                if (mustBeNew[sd][i]) {
                    pf.check(sd, pas[i], R, Set.of(now), what + " in the MPTINVAL's scope");
                } else {
                    pf.check(sd, pas[i], R, exact ? Set.of(old[sd][i]) : Set.of(old[sd][i], now),
                            what + " outside the scope");
                }
            }
        }
    }

    static boolean[][] scope(boolean... flags) {
        boolean[][] out = new boolean[3][3];
        for (int i = 0; i < 6; i++) {
            out[1 + i / 3][i % 3] = flags[i];
        }
        return out;
    }

    @Test
    void mptinvalAllAndPerSdid() {
        Platform pf = filled(3);
        int[][] old = storeEverything(pf);
        assertEquals(1, pf.mptinval(false, 0, false, false, 0), "PPNV=0 SDIDV=0");
        expectAfter(pf, old, scope(true, true, true, true, true, true), false);

        pf = filled(4);
        old = storeEverything(pf);
        assertEquals(1, pf.mptinval(true, 2, false, false, 0), "PPNV=0 SDIDV=1: SDID 2 only");
        expectAfter(pf, old, scope(false, false, false, true, true, true), true);
        BigIntegerCheck.cleared(pf.b, "the SDID's leaf, superpage and walk-cache entries");
    }

    @Test
    void mptinvalOfA4KiBRange() {
        Platform pf = filled(5);
        int[][] old = storeEverything(pf);
        long ppn20 = Platform.pagePa(20) >> 12;
        assertEquals(1, pf.mptinval(false, 0, true, false, ppn20), "PPNV=1 S=0 SDIDV=0: page 20 of every SDID");
        expectAfter(pf, old, scope(false, true, false, false, true, false), true);

        pf = filled(6);
        old = storeEverything(pf);
        assertEquals(1, pf.mptinval(true, 1, true, false, ppn20), "PPNV=1 S=0 SDIDV=1: page 20 of SDID 1");
        expectAfter(pf, old, scope(false, true, false, false, false, false), true);

        pf = filled(7);
        old = storeEverything(pf);
        long tupleppn = (Platform.tuplePa(3) + 0x5000) >> 12;
        assertEquals(1, pf.mptinval(true, 2, true, false, tupleppn), "a 4 KiB range inside SDID 2's superpage");
        expectAfter(pf, old, scope(false, false, false, false, false, true), true);
    }

    @Test
    void mptinvalOfNapotRanges() {
        // S=1, PPN ...0: 8 KiB at pages 20..21, every SDID: within one leaf, invalidated precisely
        Platform pf = filled(8);
        int[][] old = storeEverything(pf);
        assertEquals(1, pf.mptinval(false, 0, true, true, Platform.pagePa(20) >> 12));
        expectAfter(pf, old, scope(false, true, false, false, true, false), true);

        // S=1, PPN ...0111: 64 KiB, pages 16..31 of SDID 1 (x = 3, still one leaf's range)
        pf = filled(9);
        old = storeEverything(pf);
        assertEquals(1, pf.mptinval(true, 1, true, true, (Platform.pagePa(16) >> 12) | 0b0111));
        expectAfter(pf, old, scope(false, true, false, false, false, false), true);

        // S=1, PPN ...0 1111 1111: 2 MiB from BASE (pages 0 and 20), SDID 2: more than a leaf, the whole SDID
        pf = filled(10);
        old = storeEverything(pf);
        assertEquals(1, pf.mptinval(true, 2, true, true, (BASE >> 12) | 0xFF));
        expectAfter(pf, old, scope(false, false, false, true, true, true), false);

        // S=1 with every PPN bit 1 (UNSPECIFIED; mttkit: every address), every SDID
        pf = filled(11);
        old = storeEverything(pf);
        assertEquals(1, pf.mptinval(false, 0, true, true, (1L << 44) - 1));
        expectAfter(pf, old, scope(true, true, true, true, true, true), false);
    }

    @Test
    void iofenceAndMptinvalWaitForTheTransactionInFlight() {
        for (int op : new int[] {IOFENCE, MPTINVAL}) {
            Platform pf = filled(12);
            pf.b.rspReady(false);
            int before = pf.b.responses.size();
            pf.b.offer(0x10, false, false, Platform.pagePa(40), R, 7); // a miss: walks, then waits in RESP
            pf.b.regs.write64(DATA1, 0);
            pf.b.regs.write64(DATA2, 0);
            pf.b.regs.write32(COMMAND, command(op, 0));
            for (int i = 0; i < 30; i++) {
                assertTrue((pf.b.regs.read32(STATUS) & BUSY) != 0, "BUSY while the verdict is not taken (op " + op + ")");
                assertEquals(0, pf.b.sim.peek(pf.b.sim.port("dma_ready")).intValue(), "no new transaction");
            }
            assertEquals(List.of(), pf.b.responses.subList(before, pf.b.responses.size()), "verdict held");
            pf.b.rspReady(true);
            assertEquals(7, pf.b.await().id());
            pf.b.regs.waitNotBusy();
            assertEquals(1, pf.b.regs.read32(STATUS) & 0xFF, "CODE success");
            pf.check(1, Platform.pagePa(41), R); // taken again afterwards
        }
    }

    @Test
    void reprogrammingWithoutMptinvalGivesOldOrNewAndAfterItNew() {
        Platform pf = filled(13);
        // SDID 1 moved to SDID 2's tables (same mode) by SET_SDCFG_ENTRY alone: cached entries may keep answering
        int[] old = {pf.xwrOf(1, Platform.pagePa(0)), pf.xwrOf(1, Platform.pagePa(50))};
        assertEquals(1, pf.b.regs.run(command(SET_SDCFG, 1), IoFrontBench.sdcfg(SMMPT43, 0, 0, Platform.root(2)), 0));
        int[] now = {pf.xwrOf(2, Platform.pagePa(0)), pf.xwrOf(2, Platform.pagePa(50))};
        pf.check(1, Platform.pagePa(0), R, Set.of(old[0], now[0]), "cached page, root changed");
        assertEquals(0, pf.lastLookup(), "the RTL answers from its cache (the old root's entry)");
        pf.check(1, Platform.pagePa(50), R, Set.of(old[1], now[1]), "uncached page, root changed");
        // the sequence of §"IOFENCE": IOFENCE, then MPTINVAL with PPNV=0
        assertEquals(1, pf.b.regs.run(command(IOFENCE, 0), 0, 0));
        assertEquals(1, pf.mptinval(true, 1, false, false, 0));
        pf.check(1, Platform.pagePa(0), R, Set.of(now[0]), "after IOFENCE + MPTINVAL");
        pf.check(1, Platform.pagePa(50), R, Set.of(now[1]), "after IOFENCE + MPTINVAL");
        // SDID 1 made Bare: no MPT check at all, at once (the mode is read at the handshake, never cached)
        assertEquals(1, pf.b.regs.run(command(SET_SDCFG, 1), IoFrontBench.sdcfg(0, 0, 0, 0), 0));
        int lookups = pf.b.lookups.size();
        Verdict v = pf.b.dma(0x10, false, Platform.pagePa(0), R | W | X);
        assertTrue(v.allow() && v.xwr() == 0, "SDID Bare allows: " + v);
        assertEquals(lookups, pf.b.lookups.size(), "no cache probe");
        // a rule moved to another SDID: the new classification at once, that SDID's permission
        pf.b.setRule(1, 0x20, 3, 0); // device 0x20 (rule 1) now classified into SDID 3
        v = pf.b.dma(0x20, false, Platform.pagePa(0), R);
        assertEquals(3, v.sdid());
        assertEquals(pf.xwrOf(3, Platform.pagePa(0)), v.xwr(), "SDID 3's permission, not SDID 2's cached one");
        assertFalse(pf.b.responses.isEmpty());
    }

    /** Checks on the observation of applied invalidations. */
    static final class BigIntegerCheck {
        static void cleared(Bench b, String what) {
            assertFalse(b.invalidations.isEmpty(), what + ": one invalidation applied");
            java.math.BigInteger[] last = b.invalidations.get(b.invalidations.size() - 1);
            assertTrue(last[1].signum() > 0 && last[2].signum() > 0 && last[3].signum() > 0,
                    what + ": leaf, superpage and walk-cache entries cleared " + List.of(last));
        }
    }

    @Test
    void aFailedMptinvalNeitherWaitsNorInvalidates() {
        Platform pf = filled(14);
        int applied = pf.b.invalidations.size();
        // SDIDV=1 with SDID 9 >= sdidCount 8: CODE "invalid SDID" (4 by the table), nothing cleared
        assertEquals(4, pf.mptinval(true, 9, false, false, 0));
        assertEquals(applied, pf.b.invalidations.size(), "no invalidation applied");
        assertFalse(pf.b.regs.statesSeen.contains(IoMptRegs.State.FENCE.ordinal()), "no FENCE wait");
        pf.check(1, Platform.pagePa(0), R);
        assertEquals(0, pf.lastLookup(), "still cached");
    }

    /**
     * The emitted Verilog of the cached top against the DSL's interpreter, cycle by cycle, on the stimulus of a
     * directed run (fills, hits, evictions in a small cache, stores, MPTINVAL of a range and of an SDID, IOFENCE,
     * random transactions of four SDIDs): every output of every cycle must agree.
     */
    @Test
    void theEmittedVerilogAgreesWithTheSimulator() throws Exception {
        io.mttkit.hdl.support.Tools.requireVerilator();
        Platform pf = new Platform(new CacheShape(2, 2, 2, 2, 1, true), 21, true);
        Random rnd = new Random(21);
        for (int i = 0; i < 60; i++) {
            int sd = 1 + rnd.nextInt(SDIDS);
            long pa = rnd.nextInt(4) == 0 ? Platform.tuplePa(rnd.nextInt(16)) : Platform.pagePa(rnd.nextInt(LEAVES * 16));
            pf.check(sd, pa, 1 + rnd.nextInt(7));
            if (i == 20) {
                storeEverything(pf);
                assertEquals(1, pf.mptinval(true, 1, true, false, Platform.pagePa(20) >> 12));
                assertEquals(1, pf.mptinval(true, 1, false, false, 0));
                assertEquals(1, pf.mptinval(false, 0, false, false, 0));
            }
            if (i == 40) {
                assertEquals(1, pf.b.regs.run(command(IOFENCE, 0), 0, 0));
            }
        }
        io.mttkit.hdl.ir.Design d = pf.b.design;
        List<String> ins = pf.b.regs.recordedInputs;
        List<String> outs = d.topModule().ports().stream()
                .filter(x -> x.kind() == io.mttkit.hdl.ir.Signal.Kind.OUTPUT).map(x -> x.name()).toList();
        List<java.math.BigInteger[]> vectors = pf.b.regs.recorded;
        assertTrue(vectors.size() > 500, "cycles " + vectors.size());
        List<java.math.BigInteger[]> rtl = io.mttkit.hdl.support.Verilator.simulate(d, ins, outs, vectors);
        List<java.math.BigInteger[]> interp = io.mttkit.hdl.support.Bench.interpret(d, ins, outs, vectors);
        io.mttkit.hdl.support.Bench.assertSameCycles(d.top(), ins, outs, vectors, rtl, interp);
    }

    /** The FENCE wait as port-contract v3 states it, with nothing in flight: IOFENCE 1 cycle, MPTINVAL 3. */
    @Test
    void fenceCyclesWithNothingInFlight() {
        Platform pf = filled(15);
        int fence = IoMptRegs.State.FENCE.ordinal();
        int before = pf.b.invalidations.size();
        List<Integer> seen = pf.b.regs.statesSeen;
        int from = seen.size();
        assertEquals(1, pf.b.regs.run(command(IOFENCE, 0), 0, 0));
        assertEquals(1, seen.subList(from, seen.size()).stream().filter(x -> x == fence).count(), "IOFENCE");
        assertEquals(before, pf.b.invalidations.size(), "IOFENCE invalidates nothing");
        from = seen.size();
        assertEquals(1, pf.mptinval(true, 1, false, false, 0));
        assertEquals(3, seen.subList(from, seen.size()).stream().filter(x -> x == fence).count(), "MPTINVAL");
        assertEquals(before + 1, pf.b.invalidations.size(), "one invalidation applied");
    }
}
