package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.CheckObserver;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.smmpt.SmmptLookup;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckObserver.CacheObservation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cache bins of VERIFICATION-PLAN §5 for a cached checker of one {@link CheckerDescription} and {@link CheckerDescription.Cache}:
 * defines every bin the geometry allows (so what is never hit is a named hole) and samples the compared cache
 * steps the harness reports ({@code CheckObserver.onCache}), plus the check that follows a lookup
 * (for the walk's reads). Every bin is derived from the observed cache events, the invalidation operand and the
 * golden result, never from what the stimulus meant to do. Groups:
 * <ul>
 * <li>{@value #LOOKUP}: leaf array hit × set × way and miss × set; superpage entry hit × entry;</li>
 * <li>{@value #VICTIM}: per array, the placement of every FILL: an invalid way (FILL without EVICT into a way
 *     not holding the same tag) × way, the PLRU victim (EVICT + FILL) × way, or an overwrite in place (FILL of an
 *     entry holding the same tag, no EVICT);</li>
 * <li>{@value #SUPERPAGE}: superpage hits × mode × leaf level × leaf size (the hit entry's {@code leaf_log2});</li>
 * <li>{@value #WALK}: walk-cache hits × mode × table level, and × entry;</li>
 * <li>{@value #READS}: MPTE reads per walk × walk-cache hit depth (the level the walk started at) × mode, and
 *     checks answered from the leaf or superpage array;</li>
 * <li>{@value #FENCE}: applied invalidation kind (rs1/rs2 given) × entries dropped (0, 1, &gt; 1) × SDID (for an
 *     SDID fence: operand bits above {@code sdidLen} or not; for a fence of every SDID dropping several entries:
 *     entries of one or of several SDIDs);</li>
 * <li>{@value #FENCE_PA}: PA fences × array × where the PA lies in each entry it dropped (first byte, interior,
 *     last byte);</li>
 * <li>{@value #FENCE_WALK}: invalidation accepted × the walk in flight (none, 0, 1, 2+ reads issued), and walks
 *     made stale (R1) × whether they had a cacheable leaf to fill;</li>
 * <li>{@value #FENCE_FILL}: an invalidation applied in a walk's response cycle (R2) × the arrays that fill
 *     suppressed (walk cache, leaf array, superpage array; derived from the golden walk as the fill policy
 *     would place it), or nothing cacheable;</li>
 * <li>{@value #MINVAL}: MINVAL batch length (invalidations accepted since the last check lookup or sync) × sync
 *     wait (cycles from the sync's presentation to its acknowledgement), and the queue occupancy each accepted
 *     invalidation reached.</li>
 * </ul>
 * PLRU tree states are not binned: the events show which way a fill took, not the tree bits.
 */
public final class CacheCoverage {
    public static final String LOOKUP = "cache_lookup";
    public static final String VICTIM = "cache_victim";
    public static final String SUPERPAGE = "cache_superpage";
    public static final String WALK = "cache_walk";
    public static final String READS = "cache_reads";
    public static final String FENCE = "cache_fence";
    public static final String FENCE_PA = "cache_fence_pa";
    public static final String FENCE_WALK = "cache_fence_walk";
    public static final String FENCE_FILL = "cache_fence_fill";
    public static final String MINVAL = "cache_minval";

    /** Every cache group, in definition order (the walk-cache group only exists with a walk cache). */
    public static final List<String> GROUPS = List.of(LOOKUP, VICTIM, SUPERPAGE, WALK, READS, FENCE, FENCE_PA,
            FENCE_WALK, FENCE_FILL, MINVAL);

    private static final String[] POSITIONS = {"first byte", "interior", "last byte"};

    private final CheckerDescription params;
    private final CheckerDescription.Cache shape;
    private final CoverageDb db;
    private final CacheShadow shadow = new CacheShadow();
    /** The LOOKUP of the check being answered (null: none, or a check that does not probe). */
    private CacheObservation lookup;
    /** The FILL step of the check being answered (null: none). */
    private CacheObservation fill;
    /** Invalidations accepted since the last check lookup or sync. */
    private int batch;

    /** Defines the cache bins of {@code shape} on {@code db}. */
    public CacheCoverage(CheckerDescription params, CheckerDescription.Cache shape, CoverageDb db) {
        if (params == null || shape == null || db == null) {
            throw new IllegalArgumentException("params, shape and db must all be given (a cache-less checker has no "
                    + "cache coverage)");
        }
        this.params = params;
        this.shape = shape;
        this.db = db;
        define();
    }

    // ---- definition ----------------------------------------------------------------------------------

    private void define() {
        List<MttMode> modes = params.modes();
        for (int s = 0; s < shape.leafSets(); s++) {
            for (int w = 0; w < shape.leafWays(); w++) {
                db.define(LOOKUP, "leaf set " + s + " way " + w + " hit");
            }
            db.define(LOOKUP, "leaf set " + s + " miss");
        }
        for (int i = 0; i < shape.superpageEntries(); i++) {
            db.define(LOOKUP, "superpage entry " + i + " hit");
        }
        for (ArrayId a : ArrayId.values()) {
            int ways = ways(a);
            for (int w = 0; w < ways; w++) {
                db.define(VICTIM, arrayName(a) + " invalid way " + w);
            }
            for (int w = 0; w < ways; w++) {
                db.define(VICTIM, arrayName(a) + " plru victim way " + w);
            }
            if (ways > 0) {
                db.define(VICTIM, arrayName(a) + " overwrite in place");
            }
        }
        for (MttMode m : modes) {
            for (int level = 0; level < m.levels(); level++) {
                for (int size : superpageSizes(m, level)) {
                    db.define(SUPERPAGE, superpageBin(m, level, size));
                }
            }
        }
        if (shape.walkCacheEntries() > 0) {
            for (MttMode m : modes) {
                for (int level = 0; level <= m.levels() - 2; level++) {
                    db.define(WALK, m.id() + " table L" + level + " hit");
                }
            }
            for (int i = 0; i < shape.walkCacheEntries(); i++) {
                db.define(WALK, "entry " + i + " hit");
            }
        }
        for (MttMode m : modes) {
            db.define(READS, m.id() + " answered from the cache");
            int root = m.levels() - 1;
            int lowest = shape.walkCacheEntries() > 0 ? 0 : root;
            for (int start = root; start >= lowest; start--) {
                for (int n = 0; n <= start + 1; n++) {
                    db.define(READS, readsBin(m, start, n));
                }
            }
        }
        boolean severalSdids = params.sdidLen() > 0;
        boolean aliasing = params.sdidPortWidth() > params.sdidLen();
        for (String kind : List.of("global", "sdid", "pa", "pa+sdid")) {
            boolean sdidKind = kind.contains("sdid");
            for (String dropped : List.of("dropped=0", "dropped=1", "dropped>1")) {
                if (sdidKind && aliasing) {
                    db.define(FENCE, kind + " " + dropped + " sdid within sdidLen");
                    db.define(FENCE, kind + " " + dropped + " sdid bits above sdidLen");
                } else if (!sdidKind && dropped.equals("dropped>1")) {
                    db.define(FENCE, kind + " " + dropped + " one sdid");
                    if (severalSdids) {
                        db.define(FENCE, kind + " " + dropped + " several sdids");
                    }
                } else {
                    db.define(FENCE, kind + " " + dropped);
                }
            }
        }
        for (String kind : List.of("pa", "pa+sdid")) {
            for (ArrayId a : ArrayId.values()) {
                if (ways(a) > 0 && (a != ArrayId.WALK || shape.paFenceDropsWalkCache())) {
                    for (String p : POSITIONS) {
                        db.define(FENCE_PA, kind + " " + arrayName(a) + " " + p);
                    }
                }
            }
        }
        db.define(FENCE_WALK, "accepted, no walk in flight");
        db.define(FENCE_WALK, "accepted, walk issued 0 reads");
        db.define(FENCE_WALK, "accepted, walk issued 1 read");
        db.define(FENCE_WALK, "accepted, walk issued 2+ reads");
        db.define(FENCE_WALK, "stale walk (R1), cacheable leaf not filled");
        db.define(FENCE_WALK, "stale walk (R1), nothing cacheable");
        if (shape.walkCacheEntries() > 0) {
            db.define(FENCE_FILL, "same cycle (R2), walk cache fill suppressed");
        }
        db.define(FENCE_FILL, "same cycle (R2), leaf array fill suppressed");
        db.define(FENCE_FILL, "same cycle (R2), superpage fill suppressed");
        db.define(FENCE_FILL, "same cycle (R2), nothing cacheable");
        int d = shape.minvalQueueDepth();
        Set<String> batches = new LinkedHashSet<>();
        Set<String> waits = new LinkedHashSet<>();
        for (int n = 0; n <= d + 1; n++) {
            batches.add(batchBucket(n));
            waits.add(waitBucket(n));
        }
        for (String b : batches) {
            for (String w : waits) {
                db.define(MINVAL, "batch=" + b + " sync wait=" + w);
            }
        }
        for (int k = 1; k <= d; k++) {
            db.define(MINVAL, "queue held " + k);
        }
    }

    private int ways(ArrayId a) {
        return switch (a) {
            case LEAF -> shape.leafWays();
            case SUPERPAGE -> shape.superpageEntries();
            case WALK -> shape.walkCacheEntries();
        };
    }

    /**
     * Sizes ({@code leaf_log2}) of the leaves a mode keeps in the superpage array at a level: every leaf but the
     * level-0 leaf of tuples (cache-model.md fill policy 1). smmpt-v0.9 §4: a leaf of tuples covers the range of one
     * MPTE at its level, a NAPOT leaf 2^(G+1) of them with the one legal G; smmtt-v0.1 §4: an MTTL2 1G or 2M/4M_PAGES
     * entry covers 32 MiB, a 1G leaf 1 GiB under {@code v01OneGigAsOneGiB} (SPEC-DECISIONS #8); MTTL3 has no leaf.
     */
    private List<Integer> superpageSizes(MttMode m, int level) {
        List<Integer> out = new ArrayList<>();
        if (m.format() == TableFormat.SMMPT_V0_9) {
            int range = SmmptLookup.rangeLog2(m, level);
            if (level > 0) {
                out.add(range);
            }
            out.add(range + SmmptLookup.legalG(m) + 1);
        } else if (level == 1) {
            out.add(25);
            if (params.v01OneGigAsOneGiB()) {
                out.add(30);
            }
        }
        return out;
    }

    private String batchBucket(int n) {
        int d = shape.minvalQueueDepth();
        if (n <= 1) {
            return Integer.toString(n);
        }
        if (n < d) {
            return d - 1 == 2 ? "2" : "2.." + (d - 1);
        }
        return n == d ? Integer.toString(d) : ">" + d;
    }

    private String waitBucket(long w) {
        int d = shape.minvalQueueDepth();
        if (w <= 1) {
            return Long.toString(Math.max(0, w));
        }
        if (w <= d) {
            return d == 2 ? "2" : "2.." + d;
        }
        return ">" + d;
    }

    // ---- sampling ----------------------------------------------------------------------------------

    /** One compared cache step. */
    public void onCache(CacheObservation o) {
        switch (o.step()) {
            case LOOKUP -> sampleLookup(o);
            case FILL -> sampleFill(o);
            case INVALIDATION_ACCEPTED -> {
                int r = o.walkReads();
                db.hit(FENCE_WALK, r < 0 ? "accepted, no walk in flight" : r == 0 ? "accepted, walk issued 0 reads"
                        : r == 1 ? "accepted, walk issued 1 read" : "accepted, walk issued 2+ reads");
                db.hit(MINVAL, "queue held " + o.queued());
                batch++;
            }
            case INVALIDATION_APPLIED -> sampleApplied(o);
            case SYNC -> {
                db.hit(MINVAL, "batch=" + batchBucket(batch) + " sync wait=" + waitBucket(o.syncWaitCycles()));
                batch = 0;
            }
        }
    }

    private void sampleLookup(CacheObservation o) {
        lookup = o;
        fill = null;
        batch = 0; // a check came between: what follows is a new batch
        CacheEvent first = o.events().get(0);
        if (first.kind() == Kind.HIT) {
            if (first.array() == ArrayId.LEAF) {
                db.hit(LOOKUP, "leaf set " + first.set() + " way " + first.way() + " hit");
            } else {
                db.hit(LOOKUP, "superpage entry " + first.way() + " hit");
                db.hit(SUPERPAGE, superpageBin(first.mode(), first.level(), first.sizeLog2()));
            }
            shadow.holds(first);
            return;
        }
        db.hit(LOOKUP, "leaf set " + first.set() + " miss");
        CacheEvent walkHit = walkHit(o);
        shadow.missed(first, walkHit);
        if (walkHit != null) {
            db.hit(WALK, walkHit.mode().id() + " table L" + walkHit.level() + " hit");
            db.hit(WALK, "entry " + walkHit.way() + " hit");
            shadow.holds(walkHit);
        }
    }

    private static CacheEvent walkHit(CacheObservation o) {
        for (CacheEvent e : o.events()) {
            if (e.kind() == Kind.WALK_HIT) {
                return e;
            }
        }
        return null;
    }

    private void sampleFill(CacheObservation o) {
        fill = o;
        Set<ArrayId> evicted = new HashSet<>();
        for (CacheEvent e : o.events()) {
            if (e.kind() == Kind.EVICT) {
                evicted.add(e.array());
            } else if (e.kind() == Kind.FILL) {
                String a = arrayName(e.array());
                if (evicted.contains(e.array())) {
                    db.hit(VICTIM, a + " plru victim way " + e.way());
                } else if (CacheShadow.Tag.of(e).equals(shadow.at(e))) {
                    db.hit(VICTIM, a + " overwrite in place");
                } else {
                    db.hit(VICTIM, a + " invalid way " + e.way());
                }
                shadow.holds(e);
            }
        }
    }

    private void sampleApplied(CacheObservation o) {
        Invalidation inv = o.invalidation();
        if (inv == null) {
            throw new IllegalArgumentException("an INVALIDATION_APPLIED cache observation must carry the applied "
                    + "operand (CheckObserver.CacheObservation.invalidation); got none with events " + o.events());
        }
        List<CacheEvent> cleared = o.events();
        String kind = inv.hasPa() ? (inv.hasSdid() ? "pa+sdid" : "pa") : (inv.hasSdid() ? "sdid" : "global");
        int n = cleared.size();
        String bin = kind + " " + (n == 0 ? "dropped=0" : n == 1 ? "dropped=1" : "dropped>1");
        if (inv.hasSdid()) {
            if (params.sdidPortWidth() > params.sdidLen()) {
                boolean above = (inv.sdid() & ~((1L << params.sdidLen()) - 1)) != 0;
                bin += above ? " sdid bits above sdidLen" : " sdid within sdidLen";
            }
        } else if (n > 1) {
            Set<Integer> sdids = new HashSet<>();
            cleared.forEach(e -> sdids.add(e.sdid()));
            bin += sdids.size() > 1 ? " several sdids" : " one sdid";
        }
        db.hit(FENCE, bin);
        for (CacheEvent e : cleared) {
            if (inv.hasPa()) {
                long size = 1L << e.sizeLog2();
                long off = (inv.pa() - e.base()) & (size - 1);
                String pos = off == 0 ? POSITIONS[0] : off == size - 1 ? POSITIONS[2] : POSITIONS[1];
                db.hit(FENCE_PA, kind + " " + arrayName(e.array()) + " " + pos);
            }
            shadow.cleared(e);
        }
    }

    /**
     * The check answered after the cache steps of its lookup (and walk): the walk's reads against where it started,
     * and what a stale or same-cycle-fenced walk did not fill. {@code golden} is null for checks without a walk.
     */
    public void onCheck(CheckRequest req, LookupResult golden) {
        CacheObservation l = lookup;
        CacheObservation f = fill;
        lookup = null;
        fill = null;
        if (l == null || l.request() != req || golden == null) {
            return; // no probe (bypass, Bare, PA range, unimplemented mode), or a lookup whose check never finished
        }
        MttMode m = req.mode();
        CacheEvent first = l.events().get(0);
        if (first.kind() == Kind.HIT) {
            db.hit(READS, m.id() + " answered from the cache");
            return;
        }
        CacheEvent wh = walkHit(l);
        int start = wh != null ? wh.level() : m.levels() - 1;
        db.hit(READS, readsBin(m, start, golden.readCount()));
        if (f == null) {
            return;
        }
        if (f.stale()) {
            db.hit(FENCE_WALK, golden.cacheable() ? "stale walk (R1), cacheable leaf not filled"
                    : "stale walk (R1), nothing cacheable");
        } else if (f.sameCycleInvalidation()) {
            if (!golden.cacheable()) {
                db.hit(FENCE_FILL, "same cycle (R2), nothing cacheable");
                return;
            }
            // where the fill policy would have put the walk (cache-model.md §6.2, §6.3)
            if (shape.walkCacheEntries() > 0 && golden.pointerCount() > 0) {
                db.hit(FENCE_FILL, "same cycle (R2), walk cache fill suppressed");
            }
            if (!MttCacheModel.hasReservedTuple(golden, m)) { // the model's fill rule (SPEC-DECISIONS #11)
                boolean leafArray = golden.level() == 0 && golden.leafKind() == LeafKind.TUPLES;
                db.hit(FENCE_FILL, leafArray ? "same cycle (R2), leaf array fill suppressed"
                        : "same cycle (R2), superpage fill suppressed");
            }
        }
    }

    // ---- bin names -----------------------------------------------------------------------------------

    private static String arrayName(ArrayId a) {
        return switch (a) {
            case LEAF -> "leaf";
            case SUPERPAGE -> "superpage";
            case WALK -> "walk";
        };
    }

    private static String superpageBin(MttMode m, int level, int sizeLog2) {
        return m.id() + " L" + level + " 2^" + sizeLog2;
    }

    private static String readsBin(MttMode m, int start, int reads) {
        return m.id() + " start L" + start + (start == m.levels() - 1 ? " (root)" : "") + " reads=" + reads;
    }
}
