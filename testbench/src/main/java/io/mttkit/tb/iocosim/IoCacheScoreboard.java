package io.mttkit.tb.iocosim;

import io.mttkit.bridge.EventKind;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RawEvent;
import io.mttkit.bridge.Records;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheParams;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.FenceDuringWalk;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.cache.PendingWalk;
import io.mttkit.golden.iompt.MptInval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cache half of the I/O scoreboard: the golden {@link MttCacheModel}, driven with the lookup context of port
 * contract v3 ("The cached I/O checker": {sdid = the classified SDID, format 1, mode = MPT_MODE}), against the cache
 * observation ports of {@code mtt_io_checker} (contract v2 names and encodings).
 *
 * <p>Events arrive cycle by cycle as raw records; each cycle's observation is gathered and, when the next cycle
 * starts, kept as the cycle's lookup (obs_valid with kind/array/set/way, obs_wc_hit/obs_wc_index), fill
 * (obs_fill_*) or applied invalidation (obs_inv_apply with the cleared-entry masks). The harness asks for a
 * transaction's lookup and fill at its verdict, when the model is driven: with one transaction in flight and
 * invalidations applied only while none is (the FENCE state waits), nothing else touches the cache between a
 * handshake and its verdict, so the model's state at the verdict is the one the RTL had at the handshake.
 * A lookup or fill no transaction explains, or an invalidation no MPTINVAL explains, is a difference.
 */
final class IoCacheScoreboard {
    /** What the counters count (each compared with the RTL before it is counted); names in {@link IoCoverage#CACHE_EVENT_BINS}. */
    enum Stat {
        HIT_LEAF, HIT_SUPERPAGE, MISS, WALK_HIT, FILL_LEAF, FILL_SUPERPAGE, FILL_WALK, EVICT_LEAF, EVICT_SUPERPAGE,
        EVICT_WALK, INVALIDATIONS, ENTRIES_CLEARED, STALE_HITS
    }

    private final MttCacheModel model;
    private final CacheParams params;
    private final long pawMask;
    private final int leafWays;
    private final long[] stats = new long[Stat.values().length];
    /** Applied invalidations by scope (0 all, 1 SDID, 2 PA, 3 PA of an SDID) x anything cleared (0 no, 1 yes). */
    private final long[][] invScope = new long[4][2];

    // observation port ids (-1: absent)
    private final int pWcHit;
    private final int pWcIndex;
    private final int pFillWalk;
    private final int pFillWalkEvict;
    private final int pFillWalkWay;
    private final int pFillLeaf;
    private final int pFillLeafEvict;
    private final int pFillLeafArray;
    private final int pFillLeafSet;
    private final int pFillLeafWay;
    private final int pInvApply;
    private final int pInvLeaf;
    private final int pInvSuperpage;
    private final int pInvWalk;

    // the cycle being gathered: words of the observation ports (word 0 only, the masks up to 4 words)
    private long cycle = -1;
    private final long[][] words;
    private final int[] touched;
    private int touchedCount;
    private boolean obsValid;
    /** The lookup of the cycle being gathered was taken by its handshake ({@link #takeCurrent}). */
    private boolean obsTaken;
    private int obsKind;
    private int obsArray;
    private int obsSet;
    private int obsWay;

    /** The last closed lookup (cycle -1: none); {@code lookupUsed}: a transaction's verdict accounted for it. */
    private long lookupCycle = -1;
    private boolean lookupUsed = true;
    private int lookupKind;
    private int lookupArray;
    private int lookupSet;
    private int lookupWay;
    private boolean lookupWcHit;
    private long lookupWcIndex;
    /** The last closed fill. */
    private long fillCycle = -1;
    private boolean fillUsed = true;
    private boolean fillLeaf;
    private boolean fillLeafEvict;
    private long fillLeafArray;
    private long fillLeafSet;
    private long fillLeafWay;
    private boolean fillWalk;
    private boolean fillWalkEvict;
    private long fillWalkWay;

    /** The operand of the MPTINVAL executed but not yet applied by the RTL (null: none). */
    private Invalidation pendingInvalidation;
    /** Differences found while closing cycles, for the harness to report. */
    private final List<String> diffs = new ArrayList<>();

    IoCacheScoreboard(LoadedLibrary lib, IoCheckerLibrary.IoCheckerDescription desc, MttLookup lookup) {
        // the cache shape of port contract v3: the manifest's geometry, a MINVAL.PA queue of 1, paFenceDropsWalkCache,
        // sdidLen 6. FenceDuringWalk never matters here: no walk is in flight when an invalidation is applied.
        this.params = new CacheParams(desc.xlen(), desc.leafSets(), desc.leafWays(), desc.superpageEntries(),
                desc.walkCacheEntries(), 6, 1, FenceDuringWalk.DELIVER_NO_FILL, true, false);
        this.model = new MttCacheModel(params, lookup);
        this.pawMask = desc.paw() >= 64 ? -1L : (1L << desc.paw()) - 1;
        this.leafWays = desc.leafWays();
        int n = lib.ports().size();
        this.words = new long[n][];
        this.touched = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        lib.observationPorts().forEach(o -> ids.put(o.name(), o.id()));
        pWcHit = ids.getOrDefault("obs_wc_hit", -1);
        pWcIndex = ids.getOrDefault("obs_wc_index", -1);
        pFillWalk = ids.getOrDefault("obs_fill_walk", -1);
        pFillWalkEvict = ids.getOrDefault("obs_fill_walk_evict", -1);
        pFillWalkWay = ids.getOrDefault("obs_fill_walk_way", -1);
        pFillLeaf = required(ids, "obs_fill_leaf");
        pFillLeafEvict = required(ids, "obs_fill_leaf_evict");
        pFillLeafArray = required(ids, "obs_fill_leaf_array");
        pFillLeafSet = required(ids, "obs_fill_leaf_set");
        pFillLeafWay = required(ids, "obs_fill_leaf_way");
        pInvApply = required(ids, "obs_inv_apply");
        pInvLeaf = required(ids, "obs_inv_leaf");
        pInvSuperpage = required(ids, "obs_inv_superpage");
        pInvWalk = ids.getOrDefault("obs_inv_walk", -1);
        if (desc.walkCacheEntries() > 0 && (pWcHit < 0 || pFillWalk < 0 || pInvWalk < 0)) {
            throw new IllegalArgumentException("an I/O checker with a walk cache must have the obs_wc_hit,"
                    + " obs_wc_index, obs_fill_walk* and obs_inv_walk observation ports (docs/port-contract.md,"
                    + " contract v2 and v3)");
        }
    }

    private static int required(Map<String, Integer> ids, String name) {
        Integer i = ids.get(name);
        if (i == null) {
            throw new IllegalArgumentException("a cached I/O checker must have the observation port " + name
                    + " (docs/port-contract.md, \"The cached I/O checker\")");
        }
        return i;
    }

    private IoObserver observer = new IoObserver() {
    };

    void setObserver(IoObserver o) {
        observer = o;
    }

    private void count(Stat st) {
        stats[st.ordinal()]++;
        observer.cacheEvent(IoCoverage.CACHE_EVENT_BINS.get(st.ordinal()));
    }

    long[] stats() {
        return stats.clone();
    }

    long[][] invalidationScopes() {
        long[][] c = new long[4][];
        for (int i = 0; i < 4; i++) {
            c[i] = invScope[i].clone();
        }
        return c;
    }

    MttCacheModel model() {
        return model;
    }

    // ---- event intake ------------------------------------------------------------------------------------

    /** Every raw event, in order, before the harness handles it: closes the cycle before {@code e}'s. */
    void onEvent(RawEvent e) {
        if (e.cycle() != cycle) {
            closeCycle();
            cycle = e.cycle();
        }
        int k = e.kind();
        if (k == EventKind.OBS.code()) {
            obsValid = true;
            obsKind = e.b1();
            obsArray = e.b2();
            obsWay = e.b3();
            obsSet = e.a32();
        } else if (k == EventKind.OBSX.code()) {
            int port = e.a32();
            int word = e.b1();
            if (port >= 0 && port < words.length && word < 4) {
                if (words[port] == null) {
                    words[port] = new long[4];
                    touched[touchedCount++] = port;
                }
                words[port][word] = e.x();
            }
        }
    }

    /** Differences found so far (cleared by the call). */
    List<String> takeDiffs() {
        if (diffs.isEmpty()) {
            return List.of();
        }
        List<String> d = new ArrayList<>(diffs);
        diffs.clear();
        return d;
    }

    boolean hasDiffs() {
        return !diffs.isEmpty();
    }

    private long value(int port) {
        return port < 0 || words[port] == null ? 0 : words[port][0];
    }

    private boolean bit(int port, int i) {
        return port >= 0 && words[port] != null && i / 64 < 4 && ((words[port][i / 64] >>> (i % 64)) & 1) != 0;
    }

    /** Ends the cycle being gathered (also at the end of a run, when every verdict is in). */
    void closeCycle() {
        if (cycle >= 0) {
            if (obsValid && !obsTaken) {
                if (!lookupUsed) {
                    diffs.add("  the RTL reported a cache lookup in cycle " + lookupCycle + " that no transaction"
                            + " explains (no DMA handshake that probes the cache in that cycle)");
                }
                lookupCycle = cycle;
                lookupUsed = false;
                lookupKind = obsKind;
                lookupArray = obsArray;
                lookupSet = obsSet;
                lookupWay = obsWay;
                lookupWcHit = value(pWcHit) != 0;
                lookupWcIndex = value(pWcIndex);
            } else if (!obsValid && value(pWcHit) != 0) {
                diffs.add("  the RTL reported a walk-cache hit in cycle " + cycle + " without a lookup (obs_valid 0)");
            }
            boolean leaf = value(pFillLeaf) != 0;
            boolean walk = value(pFillWalk) != 0;
            if (leaf || walk) {
                if (!fillUsed) {
                    diffs.add("  the RTL reported a cache fill in cycle " + fillCycle + " that no walk explains");
                }
                fillCycle = cycle;
                fillUsed = false;
                fillLeaf = leaf;
                fillLeafEvict = leaf && value(pFillLeafEvict) != 0;
                fillLeafArray = value(pFillLeafArray);
                fillLeafSet = value(pFillLeafSet);
                fillLeafWay = value(pFillLeafWay);
                fillWalk = walk;
                fillWalkEvict = walk && value(pFillWalkEvict) != 0;
                fillWalkWay = value(pFillWalkWay);
            }
            if (value(pInvApply) != 0) {
                applyInvalidation();
            } else if (any(pInvLeaf) || any(pInvSuperpage) || any(pInvWalk)) {
                diffs.add("  the RTL cleared cache entries in cycle " + cycle + " without applying an invalidation"
                        + " (obs_inv_apply 0)");
            }
        }
        obsValid = false;
        obsTaken = false;
        for (int i = 0; i < touchedCount; i++) {
            words[touched[i]] = null;
        }
        touchedCount = 0;
    }

    private boolean any(int port) {
        if (port < 0 || words[port] == null) {
            return false;
        }
        for (long w : words[port]) {
            if (w != 0) {
                return true;
            }
        }
        return false;
    }

    /** At the end of a run (every verdict in): every lookup and fill must have been explained. */
    void endOfRun() {
        closeCycle();
        cycle = -1;
        if (!lookupUsed) {
            diffs.add("  the RTL reported a cache lookup in cycle " + lookupCycle + " that no transaction explains");
            lookupUsed = true;
        }
        if (!fillUsed) {
            diffs.add("  the RTL reported a cache fill in cycle " + fillCycle + " that no walk explains");
            fillUsed = true;
        }
    }

    // ---- invalidations ---------------------------------------------------------------------------------------

    /**
     * A successful MPTINVAL was executed (its command write taken): the cache's operand, as port contract v3 maps it
     * ("MPTINVAL → one invalidation operand"), is what the RTL must apply next.
     */
    void mptinval(MptInval m) {
        if (pendingInvalidation != null) {
            diffs.add("  an MPTINVAL executed while the previous one's invalidation " + pendingInvalidation
                    + " was never applied (obs_inv_apply)");
        }
        pendingInvalidation = operand(m, params.leafRangeLog2(), pawMask);
    }

    /**
     * The operand of MPTINVAL {@code m}: SDIDV/SDID as given; a PA when PPNV = 1 and the range is at most one leaf
     * entry (2^{@code leafLog2} bytes: every cached entry is at least that large, so an entry overlapping the range
     * contains {@code PPN << 12}); a larger NAPOT range, or PPNV = 0, clears every entry of the scope's SDIDs.
     */
    static Invalidation operand(MptInval m, int leafLog2, long pawMask) {
        boolean hasPa = m.ppnValid() && m.rangeLog2() <= leafLog2;
        return new Invalidation(hasPa, hasPa ? (m.ppn() << 12) & pawMask : 0, m.sdidValid(), m.sdidValid() ? m.sdid() : 0);
    }

    /** The MPTINVAL whose invalidation is not applied yet (the FENCE state must not end before it is). */
    boolean invalidationPending() {
        return pendingInvalidation != null;
    }

    private void applyInvalidation() {
        if (pendingInvalidation == null) {
            diffs.add("  the RTL applied an invalidation in cycle " + cycle + " but no MPTINVAL is pending");
            return;
        }
        Invalidation inv = pendingInvalidation;
        pendingInvalidation = null;
        model.minval(inv);
        List<CacheEvent> cleared = model.applyNextQueued();
        boolean[] leaf = new boolean[params.leafSets() * leafWays];
        boolean[] sp = new boolean[params.superpageEntries()];
        boolean[] wc = new boolean[params.walkCacheEntries()];
        for (CacheEvent ev : cleared) {
            switch (ev.array()) {
                case LEAF -> leaf[ev.set() * leafWays + ev.way()] = true;
                case SUPERPAGE -> sp[ev.way()] = true;
                case WALK -> wc[ev.way()] = true;
            }
        }
        int before = diffs.size();
        compareMask(inv, "leaf array (bit = set x ways + way)", leaf, pInvLeaf);
        compareMask(inv, "superpage array", sp, pInvSuperpage);
        if (wc.length > 0) {
            compareMask(inv, "walk cache", wc, pInvWalk);
        }
        if (diffs.size() == before) {
            count(Stat.INVALIDATIONS);
            stats[Stat.ENTRIES_CLEARED.ordinal()] += cleared.size();
            int scope = (inv.hasPa() ? 2 : 0) + (inv.hasSdid() ? 1 : 0);
            invScope[scope][cleared.isEmpty() ? 0 : 1]++;
            observer.cacheInvalidation(scope, !cleared.isEmpty());
        }
    }

    private void compareMask(Invalidation inv, String what, boolean[] expected, int port) {
        List<Integer> missing = new ArrayList<>();
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            boolean actual = bit(port, i);
            if (expected[i] && !actual) {
                missing.add(i);
            } else if (!expected[i] && actual) {
                extra.add(i);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            diffs.add("  invalidation " + inv + " applied in cycle " + cycle + ", " + what + ": entries the model"
                    + " clears but the RTL kept " + missing + ", entries the RTL cleared but the model kept " + extra);
        }
    }

    // ---- transactions ----------------------------------------------------------------------------------------

    /** What the cache did with one transaction: a hit's answer, or a walk begun on a miss (null: no probe). */
    record Lookup(CheckOutcome hit, PendingWalk walk) {
    }

    /**
     * The transaction accepted in {@code acceptCycle} with context {@code ctx} probes the model; the RTL's lookup of
     * that cycle must match (HIT array/set/way; MISS set, walk-cache hit and entry). Empty when the model does not
     * probe (a PA out of range for the mode): the RTL must report no lookup either. The walk of a miss is performed
     * now (the caller may redo it knowing which read the bridge failed: {@link MttCacheModel#rewalk}).
     */
    Optional<Lookup> lookup(long acceptCycle, CheckContext ctx, long pa, int need, List<String> d) {
        takeCurrent(acceptCycle);
        boolean seen = lookupCycle == acceptCycle && !lookupUsed;
        if (seen) {
            lookupUsed = true;
        }
        Optional<CheckOutcome> front = model.probe(ctx, pa, need);
        if (front.isPresent() && front.get().kind() != CheckOutcome.Kind.HIT) {
            if (seen) {
                d.add("  cache lookup: the model does not probe (" + front.get().kind() + ") but the RTL reported "
                        + lookupText());
            }
            return Optional.empty();
        }
        if (front.isPresent()) {
            CacheEvent h = front.get().events().get(0);
            int array = h.array() == ArrayId.LEAF ? 0 : 1;
            if (!seen || lookupKind != Records.OBS_HIT || lookupArray != array || lookupSet != h.set()
                    || lookupWay != h.way() || lookupWcHit) {
                d.add("  cache lookup at the handshake (cycle " + acceptCycle + "): expected HIT array " + array
                        + " set " + h.set() + " way " + h.way() + " (" + h + "), RTL reported "
                        + (seen ? lookupText() : "no lookup"));
            }
            count(array == 0 ? Stat.HIT_LEAF : Stat.HIT_SUPERPAGE);
            return Optional.of(new Lookup(front.get(), null));
        }
        PendingWalk pw = model.beginMiss(ctx, pa, need);
        CacheEvent m = pw.events().get(0);
        boolean wcHit = pw.walkHitWay() >= 0;
        if (!seen || lookupKind != Records.OBS_MISS || lookupSet != m.set() || lookupWcHit != wcHit
                || (wcHit && lookupWcIndex != pw.walkHitWay())) {
            d.add("  cache lookup at the handshake (cycle " + acceptCycle + "): expected MISS set " + m.set()
                    + (wcHit ? ", WALK_HIT entry " + pw.walkHitWay() + " (table level " + pw.startLevel() + ")"
                    : ", no walk-cache hit") + "; RTL reported " + (seen ? lookupText() : "no lookup"));
        }
        count(Stat.MISS);
        if (wcHit) {
            count(Stat.WALK_HIT);
        }
        return Optional.of(new Lookup(null, pw));
    }

    /**
     * True when the RTL's lookup of the handshake in {@code acceptCycle} is what the model would report for
     * {@code ctx} (no state change), and, for a miss walked from the root, its first MPTE read {@code firstRead}
     * (-1: none) lies in {@code ctx}'s root table: which of several legal contexts the RTL used.
     */
    boolean consistent(long acceptCycle, CheckContext ctx, long pa, long firstRead) {
        takeCurrent(acceptCycle);
        boolean seen = lookupCycle == acceptCycle && !lookupUsed;
        int[] p = model.peek(ctx, pa);
        if (p[0] < 0) {
            return !seen;
        }
        if (!seen || lookupKind != (p[0] == 0 ? Records.OBS_HIT : Records.OBS_MISS) || lookupSet != p[2]) {
            return false;
        }
        if (p[0] == 0) {
            return lookupArray == p[1] && lookupWay == p[3];
        }
        if (lookupWcHit != (p[4] >= 0) || (p[4] >= 0 && lookupWcIndex != p[4])) {
            return false;
        }
        return p[4] >= 0 || firstRead < 0 || (firstRead >>> 12) == ctx.rootPpn();
    }

    /** True when the RTL reported a lookup in {@code acceptCycle} (the cycle being gathered, or the last closed one). */
    boolean probedIn(long acceptCycle) {
        return (cycle == acceptCycle && obsValid && !obsTaken) || (lookupCycle == acceptCycle && !lookupUsed);
    }

    /**
     * The handshake is in the cycle being gathered (the lookup pulse and obs_wc_* of a cycle come before its DMA
     * handshake event): its lookup is taken from there, and closing the cycle does not keep it again.
     */
    private void takeCurrent(long acceptCycle) {
        if (cycle == acceptCycle && obsValid && !obsTaken) {
            obsTaken = true;
            if (!lookupUsed) {
                diffs.add("  the RTL reported a cache lookup in cycle " + lookupCycle + " that no transaction"
                        + " explains (no DMA handshake that probes the cache in that cycle)");
            }
            lookupCycle = cycle;
            lookupUsed = false;
            lookupKind = obsKind;
            lookupArray = obsArray;
            lookupSet = obsSet;
            lookupWay = obsWay;
            lookupWcHit = value(pWcHit) != 0;
            lookupWcIndex = value(pWcIndex);
        }
    }

    /** A transaction accepted in {@code acceptCycle} that must not probe: the RTL must report no lookup for it. */
    void noLookup(long acceptCycle, List<String> d) {
        takeCurrent(acceptCycle);
        if (lookupCycle == acceptCycle && !lookupUsed) {
            lookupUsed = true;
            d.add("  cache lookup: this transaction must not probe the cache (decided without the MPT, or a PA out"
                    + " of range / an MXL the walker lacks), but the RTL reported " + lookupText());
        }
    }

    /**
     * A miss's walk ended and its verdict rose at {@code validCycle}: the model finishes it and the RTL's fill (in
     * the cycle the walker's result was taken, {@code validCycle - 1}) must match.
     */
    CheckOutcome finishWalk(PendingWalk pw, long validCycle, List<String> d) {
        CheckOutcome out = model.finishMiss(pw, false);
        CacheEvent wFill = null;
        CacheEvent wEvict = null;
        CacheEvent lFill = null;
        CacheEvent lEvict = null;
        for (CacheEvent ev : out.events()) {
            boolean w = ev.array() == ArrayId.WALK;
            if (ev.kind() == CacheEvent.Kind.FILL) {
                if (w) {
                    wFill = ev;
                } else {
                    lFill = ev;
                }
            } else if (ev.kind() == CacheEvent.Kind.EVICT) {
                if (w) {
                    wEvict = ev;
                } else {
                    lEvict = ev;
                }
            }
        }
        boolean seen = !fillUsed && fillCycle == validCycle - 1;
        if (seen) {
            fillUsed = true;
        }
        boolean rLeaf = seen && fillLeaf;
        boolean rWalk = seen && fillWalk;
        boolean same = (wFill != null) == rWalk && (wFill == null || (fillWalkWay == wFill.way()
                && (wEvict != null) == fillWalkEvict))
                && (lFill != null) == rLeaf && (lFill == null || (fillLeafArray == (lFill.array() == ArrayId.LEAF ? 0 : 1)
                && fillLeafSet == lFill.set() && fillLeafWay == lFill.way() && (lEvict != null) == fillLeafEvict));
        if (!same) {
            d.add("  cache fill in the cycle the walk's result was taken (" + (validCycle - 1) + "): expected "
                    + (out.events().isEmpty() ? "none" : out.events().toString()) + ", RTL reported "
                    + (seen ? fillText() : !fillUsed ? "a fill in cycle " + fillCycle + ": " + fillText() : "none"));
        }
        for (CacheEvent ev : out.events()) {
            boolean evict = ev.kind() == CacheEvent.Kind.EVICT;
            Stat st = switch (ev.array()) {
                case LEAF -> evict ? Stat.EVICT_LEAF : Stat.FILL_LEAF;
                case SUPERPAGE -> evict ? Stat.EVICT_SUPERPAGE : Stat.FILL_SUPERPAGE;
                case WALK -> evict ? Stat.EVICT_WALK : Stat.FILL_WALK;
            };
            count(st);
        }
        return out;
    }

    /** A hit whose answer differs from the current MPT's (an entry kept after a store or root change: legal). */
    void staleHit() {
        count(Stat.STALE_HITS);
    }

    private String lookupText() {
        return (lookupKind == Records.OBS_HIT ? "HIT" : lookupKind == Records.OBS_MISS ? "MISS" : "kind " + lookupKind)
                + " array " + lookupArray + " set " + lookupSet + " way " + lookupWay
                + (lookupWcHit ? " WALK_HIT entry " + lookupWcIndex : "") + " in cycle " + lookupCycle;
    }

    private String fillText() {
        List<String> l = new ArrayList<>();
        if (fillWalk) {
            l.add((fillWalkEvict ? "EVICT+" : "") + "FILL WALK way=" + fillWalkWay);
        }
        if (fillLeaf) {
            l.add((fillLeafEvict ? "EVICT+" : "") + "FILL " + (fillLeafArray == 0 ? "LEAF set=" + fillLeafSet
                    + " way=" : "SUPERPAGE way=") + fillLeafWay);
        }
        return l.toString();
    }

    String snapshot() {
        return model.snapshot().toString();
    }
}
