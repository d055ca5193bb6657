package io.mttkit.tb.cosim;

import io.mttkit.bridge.Event;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.Records;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.cache.PendingWalk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cache half of the scoreboard: drives the golden cache reference model ({@link MttCacheModel}) at the points
 * the RTL's events say things happened, and compares every cache event the RTL reports on its observation ports
 * (port contract v2, docs/port-contract.md) with the events the model produces — HIT/MISS with array, set and way,
 * WALK_HIT, every FILL and EVICT, and the exact set of entries each applied invalidation cleared.
 *
 * <p>Within one cycle the model is driven in the order the cache defines (docs/cache-rtl.md): the lookup of a
 * check accepted in the cycle, then the fill of a walk answered in the cycle (an invalidation applied in the same
 * cycle suppresses it: R2), then a sync acknowledged, then an invalidation accepted into the queue, and last the
 * queue head the RTL applied ({@code obs_inv_apply}). Differences are returned as text lines; the harness turns
 * them into a mismatch report.
 */
final class CacheScoreboard {
    private final MttCacheModel model;
    private final int sdidMask;
    private final long pawMask;
    private final int leafWays;
    private final int leafSets;
    private final int superpage;
    private final int walkEntries;
    // port ids of the observation extension (-1: absent)
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

    // what the RTL reported in the current cycle
    private long cycle = -1;
    private Event.Observation obs; // the v1 OBS event of the cycle, or null
    private final long[][] words; // per port id: 64-bit words, null = all zero
    private final int[] touched; // ports with words this cycle (only these are cleared at the cycle's end)
    private int touchedCount;
    private boolean lookupSeen;
    private boolean fillSeen;

    private CheckObserver observer;

    void setObserver(CheckObserver observer) {
        this.observer = observer;
    }

    private void observe(CheckObserver.CacheStep step, CheckRequest req, List<CacheEvent> events, Invalidation inv,
                         int walkReads, boolean sameCycle, boolean stale, long syncWait) {
        if (observer != null) {
            observer.onCache(new CheckObserver.CacheObservation(step, req, List.copyOf(events), inv, walkReads,
                    sameCycle, stale, model.queuedCount(), syncWait));
        }
    }

    /** Event counters, indexed by {@link Stat}. */
    private final long[] stats = new long[Stat.values().length];

    /** What the counters count (all compared with the RTL before they are counted). */
    enum Stat {
        HIT_LEAF, HIT_SUPERPAGE, MISS, WALK_HIT, FILL_LEAF, FILL_SUPERPAGE, FILL_WALK, EVICT, INVALIDATIONS_APPLIED,
        ENTRIES_CLEARED, STALE_WALKS, FILLS_SUPPRESSED_SAME_CYCLE, SYNCS
    }

    long[] stats() {
        return stats.clone();
    }

    /** Cache events of the last lookup and fill the model produced (for reports and coverage). */
    private final List<CacheEvent> recent = new ArrayList<>();

    /** The cache scoreboard of (cached) checker {@code params}, driving the golden cache model over {@code lookup}. */
    CacheScoreboard(LoadedLibrary lib, CheckerDescription params, MttLookup lookup) {
        CheckerDescription.Cache shape = params.cache();
        this.model = new MttCacheModel(params.cacheParams(), lookup);
        this.sdidMask = (1 << params.sdidLen()) - 1;
        this.pawMask = params.paw() >= 64 ? -1L : (1L << params.paw()) - 1;
        this.leafWays = shape.leafWays();
        this.leafSets = shape.leafSets();
        this.superpage = shape.superpageEntries();
        this.walkEntries = shape.walkCacheEntries();
        this.words = new long[lib.ports().size()][];
        this.touched = new int[lib.ports().size()];
        java.util.Map<String, Integer> obsx = new java.util.HashMap<>();
        lib.observationPorts().forEach(o -> obsx.put(o.name(), o.id()));
        pWcHit = id(obsx, "obs_wc_hit");
        pWcIndex = id(obsx, "obs_wc_index");
        pFillWalk = id(obsx, "obs_fill_walk");
        pFillWalkEvict = id(obsx, "obs_fill_walk_evict");
        pFillWalkWay = id(obsx, "obs_fill_walk_way");
        pFillLeaf = required(obsx, "obs_fill_leaf");
        pFillLeafEvict = required(obsx, "obs_fill_leaf_evict");
        pFillLeafArray = required(obsx, "obs_fill_leaf_array");
        pFillLeafSet = required(obsx, "obs_fill_leaf_set");
        pFillLeafWay = required(obsx, "obs_fill_leaf_way");
        pInvApply = required(obsx, "obs_inv_apply");
        pInvLeaf = required(obsx, "obs_inv_leaf");
        pInvSuperpage = required(obsx, "obs_inv_superpage");
        pInvWalk = id(obsx, "obs_inv_walk");
        if (walkEntries > 0 && (pWcHit < 0 || pFillWalk < 0 || pInvWalk < 0)) {
            throw new IllegalArgumentException("a checker with a walk cache must have the obs_wc_hit, obs_wc_index, "
                    + "obs_fill_walk* and obs_inv_walk observation ports (docs/port-contract.md, contract v2)");
        }
    }

    private static int id(java.util.Map<String, Integer> observationPorts, String name) {
        return observationPorts.getOrDefault(name, -1);
    }

    private static int required(java.util.Map<String, Integer> observationPorts, String name) {
        int i = id(observationPorts, name);
        if (i < 0) {
            throw new IllegalArgumentException("a cached checker must have the observation port " + name
                    + " (docs/port-contract.md, contract v2)");
        }
        return i;
    }

    MttCacheModel model() {
        return model;
    }

    List<CacheEvent> recentEvents() {
        return recent;
    }

    // ---- event intake ----------------------------------------------------------------------------

    /**
     * Called for every event before it is handled; closes the previous cycle when {@code e} starts a new one.
     * Returns the differences found when closing (empty: none).
     */
    List<String> onEvent(Event e) {
        List<String> diffs = List.of();
        if (e.cycle() != cycle) {
            diffs = closeCycle();
            cycle = e.cycle();
        }
        if (e instanceof Event.Observation o) {
            obs = o;
        } else if (e instanceof Event.ExtensionWord x) {
            int port = x.port();
            int word = x.word();
            if (port >= 0 && port < words.length) {
                if (words[port] == null) {
                    touched[touchedCount++] = port;
                }
                if (words[port] == null || words[port].length <= word) {
                    words[port] = words[port] == null ? new long[word + 1] : Arrays.copyOf(words[port], word + 1);
                }
                words[port][word] = x.value();
            }
        }
        return diffs;
    }

    private long value(int port) {
        return port < 0 || words[port] == null ? 0 : words[port][0];
    }

    private boolean bitOf(int port, int bit) {
        if (port < 0 || words[port] == null || bit / 64 >= words[port].length) {
            return false;
        }
        return ((words[port][bit / 64] >>> (bit % 64)) & 1) != 0;
    }

    /**
     * Ends the current cycle: applies the invalidation the RTL applied (comparing the cleared entries) and checks that
     * no cache event went unexplained. Call at the end of every batch too (batches end on cycle boundaries).
     */
    /** The last cycle in which the RTL applied a queued invalidation (-1: none yet). */
    private long lastApplyCycle = -1;

    List<String> closeCycle() {
        List<String> diffs = new ArrayList<>();
        if (cycle >= 0) {
            if (obs != null && !lookupSeen) {
                diffs.add("  the RTL reported a cache " + (obs.obsKind() == Records.OBS_HIT ? "HIT" : "MISS") + " in cycle " + cycle
                        + " without accepting a check");
            }
            if (!fillSeen && (value(pFillLeaf) != 0 || value(pFillWalk) != 0)) {
                diffs.add("  the RTL reported a cache fill in cycle " + cycle + " without a walk response");
            }
            boolean applied = value(pInvApply) != 0;
            if (applied) {
                if (model.queuedCount() == 0) {
                    diffs.add("  the RTL applied an invalidation in cycle " + cycle + " but none is queued");
                } else {
                    Invalidation inv = model.nextQueued();
                    List<CacheEvent> cleared = model.applyNextQueued();
                    lastApplyCycle = cycle;
                    compareCleared(cleared, diffs);
                    if (diffs.isEmpty()) {
                        observe(CheckObserver.CacheStep.INVALIDATION_APPLIED, null, cleared, inv, -1, false, false, -1);
                    }
                    stats[Stat.INVALIDATIONS_APPLIED.ordinal()]++;
                    stats[Stat.ENTRIES_CLEARED.ordinal()] += cleared.size();
                }
            } else if (anyWord(pInvLeaf) || anyWord(pInvSuperpage) || anyWord(pInvWalk)) {
                diffs.add("  the RTL cleared cache entries in cycle " + cycle + " without applying an invalidation");
            }
        }
        obs = null;
        for (int i = 0; i < touchedCount; i++) {
            words[touched[i]] = null;
        }
        touchedCount = 0;
        lookupSeen = false;
        fillSeen = false;
        return diffs;
    }

    private boolean anyWord(int port) {
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

    private void compareCleared(List<CacheEvent> expected, List<String> diffs) {
        boolean[] leaf = new boolean[leafSets * leafWays];
        boolean[] sp = new boolean[superpage];
        boolean[] wc = new boolean[walkEntries];
        for (CacheEvent ev : expected) {
            switch (ev.array()) {
                case LEAF -> leaf[ev.set() * leafWays + ev.way()] = true;
                case SUPERPAGE -> sp[ev.way()] = true;
                case WALK -> wc[ev.way()] = true;
            }
        }
        compareMask("leaf array (bit = set x ways + way)", leaf, pInvLeaf, diffs);
        compareMask("superpage array", sp, pInvSuperpage, diffs);
        if (walkEntries > 0) {
            compareMask("walk cache", wc, pInvWalk, diffs);
        }
    }

    private void compareMask(String what, boolean[] expected, int port, List<String> diffs) {
        List<Integer> missing = new ArrayList<>();
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            boolean actual = bitOf(port, i);
            if (expected[i] && !actual) {
                missing.add(i);
            } else if (!expected[i] && actual) {
                extra.add(i);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            diffs.add("  invalidation applied in cycle " + cycle + ", " + what + ": entries the model clears but the "
                    + "RTL kept " + missing + ", entries the RTL cleared but the model kept " + extra);
        }
    }

    // ---- checks ---------------------------------------------------------------------------------

    /** What the front end did with a check: answered from the cache, or started a walk. */
    record Lookup(CheckOutcome hit, PendingWalk walk) {
    }

    /**
     * The lookup of a check accepted in this cycle (not bypass, an implemented mode): probes the model and compares
     * HIT/MISS, array, set, way and the walk-cache hit with the RTL's observation of this cycle. Returns empty for a
     * PA-range fault (no probe: the RTL must report nothing either).
     */
    Optional<Lookup> lookup(CheckRequest req, List<String> diffs) {
        lookupSeen = true;
        recent.clear();
        if (req.isBypass() || req.mode() == null) {
            if (obs != null) {
                diffs.add("  cache lookup: a " + (req.isBypass() ? "bypass/Bare" : "unimplemented-mode")
                        + " check must not probe the cache, but the RTL reported " + obsText());
            }
            return Optional.empty();
        }
        CheckContext ctx = new CheckContext(req.sdid() & sdidMask, req.mode(), req.rootPpn(), req.be());
        Optional<CheckOutcome> front = model.probe(ctx, req.pa(), req.need());
        if (front.isPresent() && front.get().kind() != CheckOutcome.Kind.HIT) {
            if (obs != null) {
                diffs.add("  cache lookup: the model does not probe (" + front.get().kind() + ") but the RTL reported "
                        + obsText());
            }
            return Optional.empty();
        }
        if (front.isPresent()) {
            CacheEvent h = front.get().events().get(0);
            recent.addAll(front.get().events());
            int array = h.array() == ArrayId.LEAF ? 0 : 1;
            if (obs == null || obs.obsKind() != Records.OBS_HIT || obs.array() != array || obs.set() != h.set()
                    || obs.way() != h.way()) {
                diffs.add("  cache lookup: expected " + h + " (array " + array + ", set " + h.set() + ", way "
                        + h.way() + "), RTL reported " + obsText());
            }
            stats[(array == 0 ? Stat.HIT_LEAF : Stat.HIT_SUPERPAGE).ordinal()]++;
            if (diffs.isEmpty()) {
                observe(CheckObserver.CacheStep.LOOKUP, req, front.get().events(), null, -1, false, false, -1);
            }
            return Optional.of(new Lookup(front.get(), null));
        }
        PendingWalk pw = model.beginMiss(ctx, req.pa(), req.need());
        recent.addAll(pw.events());
        CacheEvent m = pw.events().get(0);
        if (obs == null || obs.obsKind() != Records.OBS_MISS || obs.set() != m.set()) {
            diffs.add("  cache lookup: expected MISS (leaf set " + m.set() + "), RTL reported " + obsText());
        }
        boolean wcHit = pw.walkHitWay() >= 0;
        boolean rtlWcHit = value(pWcHit) != 0;
        if (wcHit != rtlWcHit || (wcHit && value(pWcIndex) != pw.walkHitWay())) {
            diffs.add("  walk cache: expected " + (wcHit ? "WALK_HIT entry " + pw.walkHitWay() + " (table level "
                    + pw.startLevel() + ")" : "no walk-cache hit") + ", RTL reported "
                    + (rtlWcHit ? "WALK_HIT entry " + value(pWcIndex) : "none"));
        }
        stats[Stat.MISS.ordinal()]++;
        if (diffs.isEmpty()) {
            observe(CheckObserver.CacheStep.LOOKUP, req, pw.events(), null, -1, false, false, -1);
        }
        if (wcHit) {
            stats[Stat.WALK_HIT.ordinal()]++;
        }
        return Optional.of(new Lookup(null, pw));
    }

    /** A walk's response handshake: the model finishes the walk and the RTL's fills of this cycle must match. */
    CheckOutcome finishWalk(PendingWalk pw, List<String> diffs) {
        fillSeen = true;
        boolean invalidationNow = value(pInvApply) != 0;
        CheckOutcome out = model.finishMiss(pw, invalidationNow);
        recent.addAll(out.events());
        CacheEvent walkFill = null;
        CacheEvent walkEvict = null;
        CacheEvent leafFill = null;
        CacheEvent leafEvict = null;
        for (CacheEvent ev : out.events()) {
            boolean walk = ev.array() == ArrayId.WALK;
            if (ev.kind() == Kind.FILL) {
                if (walk) {
                    walkFill = ev;
                } else {
                    leafFill = ev;
                }
            } else if (ev.kind() == Kind.EVICT) {
                if (walk) {
                    walkEvict = ev;
                } else {
                    leafEvict = ev;
                }
            }
        }
        boolean same = (walkFill != null) == (value(pFillWalk) != 0)
                && (walkFill == null || (value(pFillWalkWay) == walkFill.way()
                        && (walkEvict != null) == (value(pFillWalkEvict) != 0)))
                && (leafFill != null) == (value(pFillLeaf) != 0)
                && (leafFill == null || (value(pFillLeafArray) == (leafFill.array() == ArrayId.LEAF ? 0 : 1)
                        && value(pFillLeafSet) == leafFill.set() && value(pFillLeafWay) == leafFill.way()
                        && (leafEvict != null) == (value(pFillLeafEvict) != 0)));
        if (out.stale()) {
            stats[Stat.STALE_WALKS.ordinal()]++;
        }
        if (invalidationNow && pw.result().cacheable() && !out.stale()) {
            stats[Stat.FILLS_SUPPRESSED_SAME_CYCLE.ordinal()]++;
        }
        for (CacheEvent ev : out.events()) {
            Stat st = ev.kind() == Kind.EVICT ? Stat.EVICT : ev.array() == ArrayId.WALK ? Stat.FILL_WALK
                    : ev.array() == ArrayId.LEAF ? Stat.FILL_LEAF : Stat.FILL_SUPERPAGE;
            stats[st.ordinal()]++;
        }
        if (same) {
            observe(CheckObserver.CacheStep.FILL, null, out.events(), null, -1, invalidationNow, out.stale(), -1);
        } else {
            diffs.add("  cache fill at the walk's response: expected "
                    + (out.events().isEmpty() ? "none" : out.events().toString()) + ", RTL reported " + fillText());
        }
        return out;
    }

    /**
     * An invalidation the RTL accepted into its queue in cycle {@code e.cycle()}, presented (inv_valid high) since
     * cycle {@code presented}: {@code inv_ready} low in a cycle where the model's MINVAL.PA queue had room is a
     * difference (issue #17). One operand is presented at a time (alone, or with a check: a lookup never enters
     * the queue), so nothing else enters the queue while it waits: the queue was fullest at the start of the first
     * waiting cycle and emptiest at the start of the last one (cycle − 1): the RTL may refuse only if it was still
     * full then.
     */
    void invalidationAccepted(Event.InvalidationAccept e, List<String> diffs, int walkReads, long presented) {
        if (e.cycle() > presented) {
            int atLastWait = model.queuedCount() + (lastApplyCycle == e.cycle() - 1 ? 1 : 0);
            if (atLastWait < model.params().minvalQueueDepth()) {
                diffs.add("  inv_ready was low from cycle " + presented + " to cycle " + (e.cycle() - 1)
                        + " although the model's MINVAL.PA queue had room (" + atLastWait + " of "
                        + model.params().minvalQueueDepth() + " entries in cycle " + (e.cycle() - 1) + ")");
            }
        }
        invalidationAccepted(e, diffs, walkReads);
    }

    /** An invalidation the RTL accepted into its queue. */
    void invalidationAccepted(Event.InvalidationAccept e, List<String> diffs, int walkReads) {
        // inv_pa is paw bits wide: the RTL compares what the port carries
        Invalidation inv = new Invalidation(e.hasPa(), e.pa() & pawMask, e.hasSdid(), e.sdid());
        if (!model.minval(inv)) {
            diffs.add("  the RTL accepted " + inv + " although the model's MINVAL.PA queue is full ("
                    + model.params().minvalQueueDepth() + " entries)");
        } else {
            observe(CheckObserver.CacheStep.INVALIDATION_ACCEPTED, null, List.of(), inv, walkReads, false, false, -1);
        }
    }

    /** A sync the RTL acknowledged: every earlier invalidation must have been applied already. */
    void syncAcknowledged(List<String> diffs, long waitCycles) {
        stats[Stat.SYNCS.ordinal()]++;
        if (model.queuedCount() != 0) {
            diffs.add("  sync_ack while " + model.queuedCount() + " invalidation(s) are still queued in the model");
            model.sync();
        } else {
            observe(CheckObserver.CacheStep.SYNC, null, List.of(), null, -1, false, false, waitCycles);
        }
    }

    /** The model's state, for reports. */
    String snapshot() {
        return model.snapshot().toString();
    }

    private String obsText() {
        if (obs == null) {
            return "no lookup event";
        }
        return (obs.obsKind() == Records.OBS_HIT ? "HIT" : obs.obsKind() == Records.OBS_MISS ? "MISS"
                : "kind " + obs.obsKind()) + " array " + obs.array() + " set " + obs.set() + " way " + obs.way();
    }

    private String fillText() {
        List<String> l = new ArrayList<>();
        if (value(pFillWalk) != 0) {
            l.add((value(pFillWalkEvict) != 0 ? "EVICT+" : "") + "FILL WALK way=" + value(pFillWalkWay));
        }
        if (value(pFillLeaf) != 0) {
            l.add((value(pFillLeafEvict) != 0 ? "EVICT+" : "") + "FILL " + (value(pFillLeafArray) == 0
                    ? "LEAF set=" + value(pFillLeafSet) + " way=" : "SUPERPAGE way=") + value(pFillLeafWay));
        }
        return l.isEmpty() ? "none" : l.toString();
    }
}
