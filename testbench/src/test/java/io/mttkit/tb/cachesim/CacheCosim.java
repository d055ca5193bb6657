package io.mttkit.tb.cachesim;

import io.mttkit.gen.cache.MttCache;
import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.CacheParams;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.FenceDuringWalk;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.cache.PendingWalk;
import io.mttkit.golden.mem.PhysicalMemory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives the generated cache cycle by cycle and the golden {@link MttCacheModel} at the same points, and
 * compares every cycle: hit/miss, every event (kind, array, set, way, in order), the data of every hit (level,
 * range, selected XWR, uniform range), staleness, queue backpressure and sync. The driver plays the requester
 * and the walker: on a miss it takes the golden walk ({@code beginMiss}) and drives the RTL's fill port with
 * that walk's leaf and deepest pointer ({@code docs/cache-rtl.md}).
 *
 * <p>Within one cycle the model calls are made in the RTL's order: lookup ({@code probe}/{@code beginMiss}),
 * fill ({@code finishMiss}), sync ({@code sync}, only acknowledged with an empty queue), enqueue ({@code minval}),
 * the applied queue head ({@code applyNextQueued}).
 */
final class CacheCosim implements AutoCloseable {
    final MttCacheParams rtlParams;
    final MttCacheModel model;
    final CacheRtl rtl;
    private final String label;
    long cycle;
    /** Event counts by kind and array, for coverage assertions. */
    final int[][] seen = new int[Kind.values().length][ArrayId.values().length];
    int checks;
    int staleFills;
    int refusedEnqueues;

    /** What the requester and walker drive in one cycle. */
    static final class Cycle {
        CheckContext ctx;
        long pa;
        int need;
        boolean walkReady = true;
        PendingWalk fill;
        Invalidation enqueue;
        boolean sync;
    }

    /** What happened in one cycle. */
    static final class Result {
        Optional<CheckOutcome> probe = Optional.empty();
        PendingWalk started;
        CheckOutcome filled;
        boolean enqueued;
        boolean synced;
        boolean applied;
    }

    CacheCosim(MttCacheParams rtlParams, PhysicalMemory memory, LookupConfig config, String label) {
        this.rtlParams = rtlParams;
        this.label = label;
        CacheParams mp = new CacheParams(rtlParams.xlen(), rtlParams.leafSets(), rtlParams.leafWays(),
                rtlParams.superpageEntries(), rtlParams.walkCacheEntries(), rtlParams.sdidLen(),
                rtlParams.minvalQueueDepth(), FenceDuringWalk.RETRY, rtlParams.paFenceDropsWalkCache(),
                rtlParams.v01OneGigAsOneGiB());
        this.model = new MttCacheModel(mp, new MttLookup(memory, ImplicitReadCheck.ALLOW_ALL,
                config.withPaw(rtlParams.paw()).withV01OneGigAsOneGiB(rtlParams.v01OneGigAsOneGiB())));
        this.rtl = CacheRtl.open(rtlParams);
    }

    /** One clock cycle of both; throws {@link AssertionError} with both states on any difference. */
    Result run(Cycle c) {
        Result res = new Result();
        List<CacheEvent> expected = new ArrayList<>();
        boolean driveLookup = false;
        if (c.ctx != null) {
            if (c.fill != null) {
                throw new IllegalStateException("the driver never offers a lookup in a fill cycle (lookup_ready = 0)");
            }
            res.probe = model.probe(c.ctx, c.pa, c.need);
            driveLookup = res.probe.isEmpty() || res.probe.get().kind() == CheckOutcome.Kind.HIT;
            if (res.probe.isEmpty() && c.walkReady) {
                res.started = model.beginMiss(c.ctx, c.pa, c.need);
            }
        }
        pokeLookup(driveLookup, c);
        pokeFill(c.fill);
        pokeInvalidation(c.enqueue, c.sync);
        rtl.eval();
        boolean applied = rtl.peekBool("obs_inv_apply");
        res.applied = applied;

        // Lookup.
        if (driveLookup) {
            checks++;
            if (res.probe.isPresent()) {
                expect(rtl.peekBool("hit"), "a hit");
                expected.addAll(res.probe.get().events());
                compareHitData(c, res.probe.get().result());
            } else {
                expect(!rtl.peekBool("hit"), "no hit");
                expect(rtl.peekBool("miss") == (res.started != null), "miss = " + (res.started != null));
                if (res.started != null) {
                    expected.addAll(res.started.events());
                }
            }
        } else {
            expect(!rtl.peekBool("hit") && !rtl.peekBool("miss"), "no lookup activity");
        }
        // Fill (R2: tell the model whether an invalidation is applied in this same cycle).
        if (c.fill != null) {
            res.filled = model.finishMiss(c.fill, applied);
            expect(rtl.peekBool("walk_stale") == res.filled.stale(), "walk_stale = " + res.filled.stale());
            if (res.filled.stale()) {
                staleFills++;
            }
            expected.addAll(res.filled.events());
        }
        // Sync: acknowledged only with an empty queue (so nothing is applied in this cycle); a MINVAL.PA offered in
        // the same cycle is behind the sync.
        if (c.sync) {
            res.synced = rtl.peekBool("sync_ack");
            if (res.synced) {
                expect(!applied, "no invalidation applied in a sync_ack cycle");
                List<CacheEvent> rest = model.sync();
                expect(rest.isEmpty() && model.queuedCount() == 0, "nothing left to apply at sync_ack, model has " + rest);
            }
        }
        // Enqueue (before the applied head: the RTL's inv_ready is decided before this cycle's dequeue).
        if (c.enqueue != null) {
            boolean ready = rtl.peekBool("inv_ready");
            res.enqueued = model.minval(c.enqueue);
            expect(ready == res.enqueued, "inv_ready = " + res.enqueued);
            if (!ready) {
                refusedEnqueues++;
            }
        }
        if (applied) {
            expect(model.queuedCount() > 0, "an invalidation applied only with a queued one");
            expected.addAll(model.applyNextQueued());
        }
        compareEvents(expected, observed(driveLookup, c));
        for (CacheEvent e : expected) {
            seen[e.kind().ordinal()][e.array().ordinal()]++;
        }
        rtl.step();
        cycle++;
        return res;
    }

    // ------------------------------------------------------------------ driving

    private void pokeLookup(boolean valid, Cycle c) {
        rtl.poke("lookup_valid", valid ? 1 : 0);
        rtl.poke("walk_ready", c.walkReady ? 1 : 0);
        if (valid) {
            rtl.poke("lookup_pa", c.pa);
            rtl.pokeIfPresent("lookup_sdid", c.ctx.sdid() & sdidMask());
            rtl.poke("lookup_format", c.ctx.mode().format() == TableFormat.SMMPT_V0_9 ? 1 : 0);
            rtl.poke("lookup_mode", c.ctx.mode().csrEncoding());
        }
    }

    /** The walker's side of the fill port: the golden walk's leaf and its deepest followed pointer. */
    private void pokeFill(PendingWalk pw) {
        rtl.poke("fill_valid", pw == null ? 0 : 1);
        if (pw == null) {
            return;
        }
        LookupResult r = pw.result();
        boolean cacheable = r.cacheable();
        rtl.poke("fill_cacheable", cacheable ? 1 : 0);
        rtl.poke("fill_leaf_rsvd", cacheable && hasReservedTuple(pw, r) ? 1 : 0);
        if (cacheable) {
            rtl.poke("fill_leaf_level", r.level());
            rtl.poke("fill_leaf_kind", kindCode(r.leafKind()));
            rtl.poke("fill_leaf_log2", r.leafLog2());
            rtl.poke("fill_tuple_log2", r.tupleLog2());
            rtl.poke("fill_tuples", r.packedTuples());
        }
        if (rtl.has("fill_ptr_valid")) {
            int n = r.pointerCount();
            rtl.poke("fill_ptr_valid", n > 0 ? 1 : 0);
            if (n > 0) {
                rtl.poke("fill_ptr_level", r.pointerLevel(n - 1) - 1);
                rtl.poke("fill_ptr_ppn", r.pointerNextPpn(n - 1));
            }
        }
    }

    /**
     * cache-model.md §6.2: a TUPLES leaf holding a reserved encoding (Smmpt XWR 010/110 in any tuple; v0.1 MTTL1
     * nibble with bits [3:2] set, seen in the raw word of the walk's last read).
     */
    private static boolean hasReservedTuple(PendingWalk pw, LookupResult r) {
        if (r.leafKind() != LeafKind.TUPLES) {
            return false;
        }
        if (pw.context().mode().format() == TableFormat.SMMPT_V0_9) {
            for (int i = 0; i < r.tupleCount(); i++) {
                int xwr = r.tupleXwr(i);
                if (xwr == 0b010 || xwr == 0b110) {
                    return true;
                }
            }
            return false;
        }
        if (r.level() != 0) {
            return false;
        }
        long word = r.readValue(r.readCount() - 1);
        for (int i = 0; i < r.tupleCount(); i++) {
            if (((word >>> (4 * i + 2)) & 3) != 0) {
                return true;
            }
        }
        return false;
    }

    private static int kindCode(LeafKind k) {
        return switch (k) {
            case TUPLES -> MttCache.KIND_TUPLES;
            case NAPOT -> MttCache.KIND_NAPOT;
            case UNIFORM -> MttCache.KIND_UNIFORM;
        };
    }

    private void pokeInvalidation(Invalidation inv, boolean sync) {
        rtl.poke("inv_valid", inv == null ? 0 : 1);
        if (inv != null) {
            rtl.poke("inv_has_pa", inv.hasPa() ? 1 : 0);
            rtl.poke("inv_pa", inv.hasPa() ? inv.pa() & paMask() : 0);
            rtl.pokeIfPresent("inv_has_sdid", inv.hasSdid() ? 1 : 0);
            // The top passes only the implemented SDID bits (smmpt ch. 3: higher rs2 bits are ignored).
            rtl.pokeIfPresent("inv_sdid", inv.hasSdid() ? inv.sdid() & sdidMask() : 0);
        }
        rtl.poke("sync_req", sync ? 1 : 0);
    }

    private long sdidMask() {
        return (1L << rtlParams.sdidLen()) - 1;
    }

    private long paMask() {
        return rtlParams.paw() >= 64 ? -1L : (1L << rtlParams.paw()) - 1;
    }

    // ------------------------------------------------------------------ observing

    private List<CacheEvent> observed(boolean lookup, Cycle c) {
        List<CacheEvent> out = new ArrayList<>();
        if (lookup && rtl.peekBool("hit")) {
            out.add(ev(Kind.HIT, rtl.peekBool("hit_array") ? ArrayId.SUPERPAGE : ArrayId.LEAF,
                    (int) rtl.peek("hit_set"), (int) rtl.peek("hit_way")));
        }
        if (lookup && rtl.peekBool("miss")) {
            int set = (int) ((c.pa >>> rtlParams.leafRange()) & (rtlParams.leafSets() - 1));
            out.add(ev(Kind.MISS, ArrayId.LEAF, set, -1));
            if (rtl.has("wc_hit") && rtl.peekBool("wc_hit")) {
                out.add(ev(Kind.WALK_HIT, ArrayId.WALK, 0, (int) rtl.peek("wc_index")));
            }
        }
        if (rtl.has("obs_fill_walk") && rtl.peekBool("obs_fill_walk")) {
            int way = (int) rtl.peek("obs_fill_walk_way");
            if (rtl.peekBool("obs_fill_walk_evict")) {
                out.add(ev(Kind.EVICT, ArrayId.WALK, 0, way));
            }
            out.add(ev(Kind.FILL, ArrayId.WALK, 0, way));
        }
        if (rtl.peekBool("obs_fill_leaf")) {
            ArrayId a = rtl.peekBool("obs_fill_leaf_array") ? ArrayId.SUPERPAGE : ArrayId.LEAF;
            int set = (int) rtl.peek("obs_fill_leaf_set");
            int way = (int) rtl.peek("obs_fill_leaf_way");
            if (rtl.peekBool("obs_fill_leaf_evict")) {
                out.add(ev(Kind.EVICT, a, set, way));
            }
            out.add(ev(Kind.FILL, a, set, way));
        }
        if (rtl.peekBool("obs_inv_apply")) {
            BigInteger leaf = rtl.peekBig("obs_inv_leaf");
            for (int i = 0; i < rtlParams.leafSets() * rtlParams.leafWays(); i++) {
                if (leaf.testBit(i)) {
                    out.add(ev(Kind.INVALIDATE, ArrayId.LEAF, i / rtlParams.leafWays(), i % rtlParams.leafWays()));
                }
            }
            BigInteger sp = rtl.peekBig("obs_inv_superpage");
            for (int i = 0; i < rtlParams.superpageEntries(); i++) {
                if (sp.testBit(i)) {
                    out.add(ev(Kind.INVALIDATE, ArrayId.SUPERPAGE, 0, i));
                }
            }
            if (rtl.has("obs_inv_walk")) {
                BigInteger wc = rtl.peekBig("obs_inv_walk");
                for (int i = 0; i < rtlParams.walkCacheEntries(); i++) {
                    if (wc.testBit(i)) {
                        out.add(ev(Kind.INVALIDATE, ArrayId.WALK, 0, i));
                    }
                }
            }
        }
        return out;
    }

    private static CacheEvent ev(Kind k, ArrayId a, int set, int way) {
        return new CacheEvent(k, a, set, way, 0, null, 0, 0, 0);
    }

    private void compareEvents(List<CacheEvent> expected, List<CacheEvent> actual) {
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            CacheEvent e = expected.get(i);
            CacheEvent a = actual.get(i);
            same = e.kind() == a.kind() && e.array() == a.array() && e.set() == a.set() && e.way() == a.way();
        }
        if (!same) {
            throw mismatch("events differ\n  model: " + brief(expected) + "\n  rtl:   " + brief(actual)
                    + "\n  model events in full: " + expected);
        }
    }

    private static String brief(List<CacheEvent> events) {
        StringBuilder sb = new StringBuilder("[");
        for (CacheEvent e : events) {
            sb.append(sb.length() > 1 ? ", " : "").append(e.kind()).append(' ').append(e.array()).append(" set ")
                    .append(e.set()).append(" way ").append(e.way());
        }
        return sb.append(']').toString();
    }

    /** The RTL returns the stored leaf; the answer it implies must be the model's (cache-model.md §4.1). */
    private void compareHitData(Cycle c, LookupResult want) {
        int level = (int) rtl.peek("hit_level");
        int kind = (int) rtl.peek("hit_kind");
        int leafLog2 = (int) rtl.peek("hit_leaf_log2");
        int tupleLog2 = (int) rtl.peek("hit_tuple_log2");
        long tuples = rtl.peekBig("hit_tuples").longValue();
        int count = kind == MttCache.KIND_TUPLES ? 1 << (leafLog2 - tupleLog2) : 1;
        int idx = kind == MttCache.KIND_TUPLES ? (int) ((c.pa >>> tupleLog2) & (count - 1)) : 0;
        int xwr = (int) ((tuples >>> (3 * idx)) & 7);
        int uniform = kind == MttCache.KIND_TUPLES ? io.mttkit.golden.UniformBlock.log2(tuples, count, idx, tupleLog2) : leafLog2;
        boolean allow = (c.need & ~xwr) == 0;
        if (level != want.level() || leafLog2 != want.leafLog2() || xwr != want.xwr()
                || uniform != want.uniformLog2() || allow != want.allow()) {
            throw mismatch(String.format("hit data differ for pa 0x%x need %d: rtl level %d leaf_log2 %d xwr %d "
                            + "uniform_log2 %d allow %b (kind %d tuple_log2 %d tuples 0x%x); model %s", c.pa, c.need,
                    level, leafLog2, xwr, uniform, allow, kind, tupleLog2, tuples, want));
        }
    }

    private void expect(boolean ok, String what) {
        if (!ok) {
            throw mismatch("the RTL does not show " + what);
        }
    }

    private AssertionError mismatch(String what) {
        return new AssertionError("[" + label + "] cycle " + cycle + ": " + what + "\nmodel state:\n" + model);
    }

    // ------------------------------------------------------------------ whole operations

    /** One idle cycle (the RTL may apply a queued invalidation; the model mirrors it). */
    Result idle() {
        return run(new Cycle());
    }

    /**
     * One complete request: the lookup cycle and, on a miss, {@code latency} further cycles (idle) and the fill
     * cycle. Returns the model's outcome (probe or fill), or empty when the lookup could not start a walk.
     */
    CheckOutcome check(CheckContext ctx, long pa, int need, int latency) {
        Cycle c = new Cycle();
        c.ctx = ctx;
        c.pa = pa;
        c.need = need;
        Result r = run(c);
        if (r.probe.isPresent()) {
            return r.probe.get();
        }
        for (int i = 0; i < latency; i++) {
            idle();
        }
        return fill(r.started);
    }

    /** The fill cycle of {@code pw}. */
    CheckOutcome fill(PendingWalk pw) {
        Cycle f = new Cycle();
        f.fill = pw;
        return run(f).filled;
    }

    /** MINVAL.PA: offers {@code inv} until accepted (idle cycles drain the queue); returns the cycles waited. */
    int minval(Invalidation inv) {
        for (int waited = 0; ; waited++) {
            Cycle c = new Cycle();
            c.enqueue = inv;
            if (run(c).enqueued) {
                return waited;
            }
            if (waited > 1000) {
                throw mismatch("MINVAL.PA never accepted");
            }
        }
    }

    /** SFENCE.INVAL.IR: holds {@code sync_req} until {@code sync_ack}; returns the cycles waited. */
    int sync() {
        for (int waited = 0; ; waited++) {
            Cycle c = new Cycle();
            c.sync = true;
            if (run(c).synced) {
                return waited;
            }
            if (waited > 1000) {
                throw mismatch("sync never acknowledged");
            }
        }
    }

    /** MFENCE.PA: the invalidation behind any queued ones, then the sync. */
    void mfence(Invalidation inv) {
        minval(inv);
        sync();
    }

    int seen(Kind k, ArrayId a) {
        return seen[k.ordinal()][a.ordinal()];
    }

    @Override
    public void close() {
        rtl.close();
    }
}
