package io.mttkit.tb.cosim;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.dut.CheckerDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stimulus aimed at the coverage holes random checks leave (docs/coverage.md "Directed stimulus"): the first
 * phases of each mode's first world. Each <em>slot</em> rewrites one or a few entries on the walk of a PA inside a
 * region (written between two parts of the phase's stream, fenced on a cached checker, restored after the slot) and
 * checks the PAs that entry decides:
 * <ul>
 * <li>a leaf at every level of the mode: v0.9 leaves of tuples with uniform blocks of every size (every tuple of
 *     every level, both outcomes) and NAPOT leaves with every G; v0.1 MTTL2 1G entries of every TYPE and with each
 *     INFO bit set alone, 2M/4M_PAGES entries with uniform blocks of every size and each reserved INFO bit,
 *     reserved TYPEs, MTTL1 words with uniform blocks and reserved nibble bits;</li>
 * <li>v0.9 NAPOT leaves with each reserved bit set alone;</li>
 * <li>walk-cache starts at every table level with walks of every length behind them: a leaf at level s on one PA's
 *     walk (its walk fills the walk cache with the level-s table), then PAs of the same table whose entry is the
 *     old pointer (a walk to level 0), a leaf at a lower level under it, a leaf, or a PMP-denied entry;</li>
 * <li>every {@code req_mode} encoding (32), implemented or not, and root PPNs at the top of the PPN range;</li>
 * <li>MINVAL.PA batches of every size up to queue depth + 2 with the sync right behind, behind a check, or after
 *     an idle gap (every sync wait), and operands presented in the same cycle as hits until the queue is full and
 *     refuses one.</li>
 * </ul>
 * Draws from a stream of its own (seeded by the world), so the random phases do not depend on it.
 */
final class DirectedStimulus {
    /** v0.9 XWR values that are not reserved (W without R is). */
    private static final int[] LEGAL_XWR = {0, 1, 3, 4, 5, 7};
    private static final int[] NEEDS = {Access.R, Access.W, Access.X, Access.R | Access.W};

    /**
     * One slot: entry writes (address, logical value) made before its items, undone after them.
     *
     * @param writes {addr, value} pairs, the value as the checker decodes it (byte-swapped for big-endian tables)
     * @param items  the checks (and fences) of the slot
     */
    record Slot(List<long[]> writes, List<Stimulus> items) {
        int checks() {
            int n = 0;
            for (Stimulus s : items) {
                if (s instanceof CheckRequest) {
                    n++;
                }
            }
            return n;
        }
    }

    private final CheckerDescription params;
    private final MttMode mode;
    private final TableWorld world;
    private final List<Region> regions;
    private final boolean be;
    private final SplittableRandom rnd;
    private final MttLookup walker;
    private final boolean v09;
    private final int bits;
    /** Per level: the PA bit where a leaf's range at that level starts (-1: no leaf found there). */
    private final int[] shifts = new int[8];
    /** Entries read by the walks of the targets (never PMP-denied). */
    private final java.util.Set<Long> onPaths = new java.util.HashSet<>();
    /** Entries a PMP region denies during the directed phases (siblings of the targets, for reads=0 starts). */
    private final List<PmpRegion> pmp = new ArrayList<>();

    DirectedStimulus(CheckerDescription params, MttMode mode, TableWorld world, List<Region> regions, boolean be,
                     long seed) {
        this.params = params;
        this.mode = mode;
        this.world = world;
        this.regions = regions;
        this.be = be;
        this.rnd = new SplittableRandom(seed);
        this.walker = new MttLookup(world.memory(), ImplicitReadCheck.ALLOW_ALL, params.lookupConfig());
        this.v09 = mode.format() == TableFormat.SMMPT_V0_9;
        this.bits = mode.entryBytes() * 8;
    }

    /** The PMP regions of the directed phases (denied sibling entries). */
    List<PmpRegion> pmpRegions() {
        return pmp;
    }

    /** Every slot, in order. */
    List<Slot> slots() {
        List<Slot> out = new ArrayList<>();
        long[] targets = new long[mode.levels()];
        for (int level = mode.levels() - 1; level >= 0; level--) {
            targets[level] = target(level);
            if (targets[level] >= 0) {
                LookupResult g = walk(targets[level]);
                for (int i = 0; i < g.readCount(); i++) {
                    onPaths.add(g.readAddr(i));
                }
            }
        }
        for (int level = mode.levels() - 1; level >= 0; level--) {
            long target = targets[level];
            if (target >= 0) {
                int at = mode.levels() - 1 - level;
                shifts[level] = (int) leafAt(walk(target).readAddr(at), leafValue(level), target);
            }
            if (target < 0) {
                continue;
            }
            int step = mode.levels() - 1 - level;
            long addr = walk(target).readAddr(step);
            if (v09) {
                v09Leaves(out, target, level, addr);
            } else {
                v01Leaves(out, target, level, addr);
            }
            walkStarts(out, target, level, addr);
        }
        modes(out);
        out.add(fences());
        return out;
    }

    // ---- leaves -------------------------------------------------------------------------------------------

    private void v09Leaves(List<Slot> out, long target, int level, long addr) {
        int tuples = bits == 64 ? 16 : 8;
        for (int block : blocks(tuples)) {
            long v = 0b011; // V = 1, L = 1, N = 0
            int[] xwr = pattern(tuples, block, LEGAL_XWR);
            for (int t = 0; t < tuples; t++) {
                v |= (long) xwr[t] << (8 + 3 * t);
            }
            out.add(tupleSlot(target, addr, v, tuples));
        }
        { // one reserved tuple (W without R): MPTE_RSVD_ENC when selected (or, scope ANY, always)
            long v = 0b011;
            int[] xwr = pattern(tuples, 1, LEGAL_XWR);
            xwr[rnd.nextInt(tuples)] = rnd.nextBoolean() ? 2 : 6;
            for (int t = 0; t < tuples; t++) {
                v |= (long) xwr[t] << (8 + 3 * t);
            }
            out.add(tupleSlot(target, addr, v, tuples));
        }
        for (int g = 0; g < 16; g++) {
            long v = 0b111L | ((long) LEGAL_XWR[rnd.nextInt(LEGAL_XWR.length)] << 8) | ((long) g << 12);
            out.add(slot(addr, v, check(target, randomNeed()), check(target, randomNeed())));
            // and both outcomes for certain (random XWR and needs may both allow): RX, a load and a store
            long rx = 0b111L | (5L << 8) | ((long) g << 12);
            out.add(slot(addr, rx, check(target, Access.R), check(target, Access.W)));
        }
        // reserved bits one at a time: of a leaf of tuples (3..7, RV64 56..63), and of the pointer this entry was
        long old = fromMemory(world.readEntry(addr));
        for (int b = 3; b < bits; b++) {
            boolean leafRsvd = b <= 7 || (bits == 64 && b >= 56);
            if (leafRsvd) {
                out.add(slot(addr, leafValue(level) | (1L << b), check(target, Access.R)));
            }
            boolean pointerRsvd = b <= 9 || (bits == 64 && b >= 54);
            if (pointerRsvd && level > 0 && isPointer(old)) {
                out.add(slot(addr, old | (1L << b), check(target, Access.R)));
            }
        }
        if (level == 0) {
            // NAPOT reserved bits one at a time (3..7, 11, 16 up)
            for (int b = 3; b < bits; b++) {
                if (b >= 8 && b != 11 && b < 16) {
                    continue;
                }
                long v = 0b111L | (7L << 8) | ((long) (bits == 64 ? 4 : 6) << 12) | (1L << b);
                out.add(slot(addr, v, check(target, Access.R)));
            }
        }
    }

    private void v01Leaves(List<Slot> out, long target, int level, long addr) {
        boolean rv32 = bits == 32;
        if (level == 1) {
            int typeLo = rv32 ? 22 : 44;
            int infoBits = rv32 ? 22 : 44;
            for (int type = 0; type < 4; type++) {
                long v = (long) type << typeLo;
                out.add(slot(addr, v, check(target, randomNeed()), check(target, randomNeed())));
            }
            for (int b = 0; b < infoBits; b++) { // a 1G entry's INFO must be 0, bit by bit
                long v = ((long) rnd.nextInt(4) << typeLo) | (1L << b);
                out.add(slot(addr, v, check(target, Access.R)));
            }
            int pagesType = rv32 ? 0b101 : 0b110;
            int tuples = rv32 ? 8 : 16;
            for (int block : blocks(tuples)) {
                int[] perm = pattern(tuples, block, new int[] {0, 1, 2, 3});
                long v = (long) pagesType << typeLo;
                for (int t = 0; t < tuples; t++) {
                    v |= (long) perm[t] << (2 * t);
                }
                out.add(tupleSlot(target, addr, v, tuples));
            }
            for (int b = 2 * tuples; b < infoBits; b++) { // reserved INFO bits of 2M/4M_PAGES
                out.add(slot(addr, ((long) pagesType << typeLo) | (1L << b), check(target, Access.R)));
            }
            for (int type : rv32 ? new int[] {0b110, 0b111} : new int[] {0b101, 0b111}) { // reserved TYPEs
                out.add(slot(addr, ((long) type << typeLo) | rnd.nextInt(1 << 16), check(target, Access.R)));
            }
        } else if (level == 0) {
            int tuples = rv32 ? 8 : 16;
            for (int block : blocks(tuples)) {
                int[] perm = pattern(tuples, block, new int[] {0, 1, 2, 3});
                long v = 0;
                for (int t = 0; t < tuples; t++) {
                    v |= (long) perm[t] << (4 * t);
                }
                out.add(tupleSlot(target, addr, v, tuples));
            }
            for (int t = 0; t < tuples; t++) { // a reserved nibble bit, in the selected nibble or another one
                long v = (long) (4 << rnd.nextInt(2)) << (4 * t);
                out.add(slot(addr, v, check(target, Access.R), check(target ^ (1L << 12), Access.R)));
            }
        }
    }

    /** A leaf of tuples at {@code addr}: one check per tuple (both outcomes come from the pattern), each checked twice. */
    private Slot tupleSlot(long target, long addr, long v, int tuples) {
        long old = world.readEntry(addr);
        world.writeEntry(addr, toMemory(v));
        LookupResult g = walk(target);
        world.writeEntry(addr, old);
        List<Stimulus> items = new ArrayList<>();
        if (g.leafKind() != LeafKind.TUPLES) {
            items.add(check(target, Access.R));
            return new Slot(List.<long[]>of(new long[] {addr, v}), items);
        }
        int sdid = rnd.nextInt(1 << params.sdidPortWidth());
        for (int t = 0; t < tuples; t++) {
            long pa = (target & ~((long) (tuples - 1) << g.tupleLog2())) | ((long) t << g.tupleLog2());
            pa ^= rnd.nextLong() & ((1L << g.tupleLog2()) - 1);
            if (t > 0 && params.cache() != null) {
                // drop the leaf the previous tuple's walk cached, so that the walker (not only the hit path)
                // selects every tuple: one cached leaf covers all of them (issue #17, docs/mutation.md)
                items.add(Stimulus.Invalidate.all());
                items.add(new Stimulus.Sync());
            }
            items.add(withSdid(check(pa, randomNeed()), sdid));
            items.add(withSdid(check(pa, randomNeed()), sdid)); // a hit on a cached checker
        }
        return new Slot(List.<long[]>of(new long[] {addr, v}), items);
    }

    // ---- walk-cache starts ---------------------------------------------------------------------------------

    /**
     * A leaf at {@code level} on the target's walk, then PAs of the same table whose entries end their walks after
     * 0 (PMP-denied), 1 (a leaf) or more reads (the old pointer, with a leaf lower down).
     */
    private void walkStarts(List<Slot> out, long target, int level, long addr) {
        int eb = mode.entryBytes();
        long old = fromMemory(world.readEntry(addr));
        long leaf = leafValue(level);
        long probeLeaf = leafAt(addr, leaf, target);
        if (probeLeaf < 0) {
            return;
        }
        int shift = (int) probeLeaf; // the PA bit of this level's index LSB
        int sdid = rnd.nextInt(1 << params.sdidPortWidth());
        if (params.cache() != null) {
            out.add(paFences(target, level, addr, leaf, sdid));
        }
        long sibling = addr ^ eb;
        long siblingPa = target ^ (1L << shift);
        int k = 2;
        while (k < 8 && onPaths.contains(addr ^ ((long) k * eb))) {
            k++;
        }
        long denied = addr ^ ((long) k * eb);
        long deniedPa = target ^ ((long) k << shift);
        int at = mode.levels() - 1 - level;
        LookupResult sw = walk(siblingPa);
        LookupResult dw = walk(deniedPa);
        if (sw.readCount() <= at || sw.readAddr(at) != sibling || dw.readCount() <= at || dw.readAddr(at) != denied) {
            return; // the index does not map to neighbouring entries (never expected; nothing aimed)
        }
        pmp.add(new PmpRegion(denied, eb, false));
        // sibling = a leaf (1 read), a PMP-denied entry (0 reads)
        out.add(new Slot(List.of(new long[] {addr, leaf}, new long[] {sibling, leaf}), List.of(
                withSdid(check(target, Access.R), sdid), withSdid(check(siblingPa, Access.R), sdid),
                withSdid(check(deniedPa, Access.R), sdid))));
        if (level == 0 || !isPointer(old)) {
            return;
        }
        // sibling = the old pointer: the walk goes on under it, to a leaf at each lower level
        LookupResult below = walk(target);
        for (int lower = level - 1; lower >= 0; lower--) {
            int kStep = mode.levels() - 1 - lower;
            if (below.readCount() <= kStep) {
                break;
            }
            long kAddr = below.readAddr(kStep);
            List<long[]> writes = List.of(new long[] {addr, leaf}, new long[] {sibling, old},
                    new long[] {kAddr, leafValue(lower)});
            out.add(new Slot(writes, List.of(withSdid(check(target, Access.R), sdid),
                    withSdid(check(siblingPa, Access.R), sdid))));
        }
        // and the full walk of the old table under it
        out.add(new Slot(List.of(new long[] {addr, leaf}, new long[] {sibling, old}), List.of(
                withSdid(check(target, Access.R), sdid), withSdid(check(siblingPa, Access.R), sdid))));
    }

    /**
     * PA fences at the first and last byte of the leaf at {@code level} and of the walk-cache entry of the table
     * above it (the leaf range one level up), with and without the SDID, each after a check that filled them.
     */
    private Slot paFences(long target, int level, long addr, long leaf, int sdid) {
        List<Stimulus> items = new ArrayList<>();
        List<Long> pas = new ArrayList<>();
        int lo = shifts[level];
        pas.add(target & -(1L << lo));
        pas.add(target | ((1L << lo) - 1));
        int up = level + 1 < mode.levels() ? shifts[level + 1] : -1;
        if (up > 0 && up < 64) {
            pas.add(target & -(1L << up));
            pas.add(target | ((1L << up) - 1));
        }
        long pawMask = params.paw() >= 64 ? -1L : (1L << params.paw()) - 1;
        for (long pa : pas) {
            for (boolean hasSdid : new boolean[] {false, true}) {
                items.add(Stimulus.Invalidate.all()); // nothing cached: the check below walks and fills every array
                items.add(new Stimulus.Sync());
                items.add(withSdid(check(target, Access.R), sdid));
                items.add(new Stimulus.Idle(64)); // the walk fills before the fence (else it is stale, R1)
                items.add(new Stimulus.Invalidate(true, pa & pawMask, hasSdid, sdid));
                items.add(new Stimulus.Sync());
            }
        }
        return new Slot(List.<long[]>of(new long[] {addr, leaf}), items);
    }

    /** A leaf granting rwx everywhere at {@code level} (v0.1: a 1G entry at MTTL2, an MTTL1 word at level 0). */
    private long leafValue(int level) {
        if (v09) {
            long v = 0b011L;
            for (int t = 0; t < (bits == 64 ? 16 : 8); t++) {
                v |= 7L << (8 + 3 * t);
            }
            return v;
        }
        if (level == 1) {
            return 3L << (bits == 32 ? 22 : 44);
        }
        return bits == 32 ? 0x3333_3333L : 0x3333_3333_3333_3333L;
    }

    /** With {@code v} at {@code addr}: the PA bit where the leaf's range starts (its index LSB), or -1. */
    private long leafAt(long addr, long v, long target) {
        long old = world.readEntry(addr);
        world.writeEntry(addr, toMemory(v));
        LookupResult g = walk(target);
        world.writeEntry(addr, old);
        return g.leafKind() == null ? -1 : g.leafLog2();
    }

    private boolean isPointer(long v) {
        if (v09) {
            return (v & 0b011) == 0b001;
        }
        return true; // v0.1 MTTL3 entries and MTTL2 MTT_L1_DIR are pointers here (the walk passed through them)
    }

    // ---- modes and root PPNs -------------------------------------------------------------------------------

    private void modes(List<Slot> out) {
        List<Stimulus> items = new ArrayList<>();
        Region r = regions.get(rnd.nextInt(regions.size()));
        long pa = r.base() + rnd.nextLong(r.size());
        for (int raw = 0; raw < 32; raw++) {
            MttMode m = null;
            if ((raw & 0xF) == 0) {
                m = MttMode.BARE;
            } else {
                for (MttMode x : params.modes()) {
                    if (CheckRequest.reqMode(x) == raw) {
                        m = x;
                    }
                }
            }
            boolean same = m == mode;
            for (boolean bypass : new boolean[] {false, true}) {
                items.add(new CheckRequest(pa, randomNeed(), m, raw, world.rootPpn(),
                        rnd.nextInt(1 << params.sdidPortWidth()), same && be, bypass));
            }
        }
        // root PPNs at the top of the range: entry addresses at and beyond 2^paw, at the first and last root index
        long top = (1L << params.ppnWidth()) - 1;
        int width = Math.min(mode.paBits(), params.paw());
        for (long root : new long[] {top, top - 1, top - 2}) {
            for (long p : new long[] {0, pa, (1L << width) - 1, (1L << (width - 1))}) {
                items.add(new CheckRequest(p, Access.R, mode, CheckRequest.reqMode(mode), root, 0, be, false));
            }
        }
        out.add(new Slot(List.of(), items));
    }

    // ---- MINVAL.PA batches and syncs -----------------------------------------------------------------------

    private Slot fences() {
        List<Stimulus> items = new ArrayList<>();
        int depth = params.cache() == null ? 0 : params.cache().minvalQueueDepth();
        if (depth == 0) {
            return new Slot(List.of(), items);
        }
        Region r = regions.get(rnd.nextInt(regions.size()));
        long pa = r.base() + rnd.nextLong(r.size());
        CheckRequest hit = check(pa, Access.R); // SDID 0: the operands below (other SDIDs) never drop its entry
        items.add(hit);
        items.add(new Stimulus.Idle(64));
        for (int batch = 0; batch <= depth + 2; batch++) {
            for (int gap = 0; gap <= depth + 2; gap++) {
                for (int i = 0; i < batch; i++) {
                    items.add(operand());
                }
                switch (gap % 4) {
                    case 0 -> {
                    }
                    case 1 -> items.add(hit);
                    case 2 -> items.add(new Stimulus.Idle(gap));
                    default -> {
                        for (int i = 0; i < gap; i++) {
                            items.add(hit); // lookups keep the cache busy: the queue waits
                        }
                    }
                }
                items.add(new Stimulus.Sync());
                if (gap == 0) {
                    items.add(new Stimulus.Sync()); // a sync with nothing before it
                }
                items.add(hit);
            }
            // with walks in flight: a fresh PA (a miss) before or inside the batch, the sync right behind
            for (int where = 0; where <= Math.min(batch, 2); where++) {
                for (int i = 0; i < batch; i++) {
                    if (i == where) {
                        items.add(fresh());
                    }
                    items.add(operand());
                }
                if (where >= batch) {
                    items.add(fresh());
                }
                items.add(new Stimulus.Sync());
            }
        }
        // a walk's fill (the cache is busy for it) landing on every cycle of a short batch and its sync
        for (int k = 1; k <= 48; k++) {
            items.add(fresh());
            items.add(new Stimulus.Idle(k));
            for (int i = 0; i < 1 + k % 3; i++) {
                items.add(operand());
            }
            items.add(new Stimulus.Sync());
            items.add(new Stimulus.Idle(64));
        }
        queueFills(items, hit, depth);
        return new Slot(List.of(), items);
    }

    /**
     * A requester that issues MINVAL.PA while its lookups go on (issue #17): each operand is presented in the same
     * cycle as a check that hits, so the cache, busy with a lookup every cycle, applies nothing until the queue is
     * full; then an operand is offered while it is full (refused until the head is applied) — 1 .. depth + 3 pairs,
     * closed by a sync right behind (it waits for the whole queue), by a check and a sync (batch 0), or by one more
     * operand and a sync.
     */
    private void queueFills(List<Stimulus> items, CheckRequest hit, int depth) {
        items.add(hit); // cached again (the walks above may have evicted it), so the pairs below hit
        items.add(new Stimulus.Idle(64));
        for (int pairs = 1; pairs <= depth + 3; pairs++) {
            for (int end = 0; end < 3; end++) {
                for (int i = 0; i < pairs; i++) {
                    items.add(operand().withNextCheck());
                    items.add(hit);
                }
                if (end == 1) {
                    items.add(hit);
                } else if (end == 2) {
                    items.add(operand());
                }
                items.add(new Stimulus.Sync());
            }
        }
        // and with a walk in flight: an operand presented with a miss, then hits once it has answered
        for (int i = 0; i <= depth; i++) {
            items.add(operand().withNextCheck());
            items.add(fresh());
            items.add(operand().withNextCheck());
            items.add(hit);
        }
        items.add(new Stimulus.Sync());
    }

    /** A MINVAL.PA operand of an SDID other than 0 (so that the SDID-0 entries the fence slots hit stay). */
    private Stimulus.Invalidate operand() {
        int max = 1 << params.sdidPortWidth();
        int sdid = max > 1 ? 1 + rnd.nextInt(max - 1) : 0;
        long ipa = fresh().pa() & (params.paw() >= 64 ? -1L : (1L << params.paw()) - 1);
        return new Stimulus.Invalidate(rnd.nextBoolean(), ipa, max > 1, sdid);
    }

    /** A check of a random PA inside a random region. */
    private CheckRequest fresh() {
        Region r = regions.get(rnd.nextInt(regions.size()));
        return check(r.base() + rnd.nextLong(r.size()), Access.R);
    }

    /** Block sizes of uniform patterns: the whole leaf, halves, quarters, pairs, single tuples. */
    private static int[] blocks(int tuples) {
        return tuples == 16 ? new int[] {16, 8, 4, 2, 1, 1} : new int[] {8, 4, 2, 1, 1};
    }

    /** Values per tuple, equal within aligned blocks of {@code block} (neighbouring blocks differ). */
    private int[] pattern(int tuples, int block, int[] values) {
        int[] out = new int[tuples];
        int prev = -1;
        for (int b = 0; b < tuples; b += block) {
            int v;
            do {
                v = values[rnd.nextInt(values.length)];
            } while (v == prev && block < tuples);
            prev = v;
            for (int t = b; t < b + block; t++) {
                out[t] = v;
            }
        }
        return out;
    }

    /** A PA inside a region whose walk reaches {@code level} (reads its entry), or -1. */
    private long target(int level) {
        int step = mode.levels() - 1 - level;
        for (int tries = 0; tries < 64; tries++) {
            Region r = regions.get(rnd.nextInt(regions.size()));
            long pa = r.base() + rnd.nextLong(r.size());
            LookupResult g = walk(pa);
            if (g.readCount() > step && !g.readFailed(step) && g.readCount() == g.pointerCount() + 1
                    && g.leafKind() != null) {
                return pa;
            }
        }
        return -1;
    }

    private LookupResult walk(long pa) {
        return walker.lookup(mode, world.rootPpn(), pa, Access.R, be, new LookupResult());
    }

    private Slot slot(long addr, long v, CheckRequest... checks) {
        return new Slot(List.<long[]>of(new long[] {addr, v}), List.of(checks));
    }

    private CheckRequest check(long pa, int need) {
        long paMask = params.paWidth() == 64 ? -1L : (1L << params.paWidth()) - 1;
        return new CheckRequest(pa & paMask, need, mode, CheckRequest.reqMode(mode), world.rootPpn(), 0, be, false);
    }

    private static CheckRequest withSdid(CheckRequest c, int sdid) {
        return new CheckRequest(c.pa(), c.need(), c.mode(), c.rawMode(), c.rootPpn(), sdid, c.be(), c.bypass());
    }

    private int randomNeed() {
        return rnd.nextInt(4) == 0 ? rnd.nextInt(8) : NEEDS[rnd.nextInt(NEEDS.length)];
    }

    /** The little-endian memory value of an entry the checker decodes as {@code v}. */
    long toMemory(long v) {
        if (!be) {
            return v;
        }
        return bits == 64 ? Long.reverseBytes(v) : Integer.reverseBytes((int) v) & 0xFFFF_FFFFL;
    }

    /** The entry the checker decodes from the little-endian memory value {@code m}. */
    long fromMemory(long m) {
        return toMemory(m); // a byte swap is its own inverse
    }
}
