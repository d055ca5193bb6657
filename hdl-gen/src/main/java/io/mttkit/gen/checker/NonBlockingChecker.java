package io.mttkit.gen.checker;

import io.mttkit.gen.cache.CacheIo;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.cache.LookupObservation;
import io.mttkit.gen.cache.MttCache;
import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.gen.contract.CheckerIo;
import io.mttkit.gen.contract.ContractWidths;
import io.mttkit.gen.contract.WalkObservationPort;
import io.mttkit.gen.walker.LookupRequest;
import io.mttkit.gen.walker.ModeDecode;
import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.PointerPort;
import io.mttkit.gen.walker.Verdict;
import io.mttkit.gen.walker.WalkCause;
import io.mttkit.gen.walker.WalkMode;
import io.mttkit.gen.walker.WalkResultPort;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Fsm;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blocking MTT checker top ({@code walksInFlight} W &gt; 1, docs/nonblocking.md): port contract v4 around
 * one {@link MttCache}, W MSHRs each with its own {@link MttWalker} ({@code u_walker_<i>}), and the response side
 * ({@link ResponseBuffer}: a reorder buffer, or an output queue by id).
 *
 * <p>One lookup per cycle: a replay (R8) before a new request; a new request needs a free MSHR and a free answer
 * slot. A hit or bypass is answered at once; a miss takes an MSHR and starts its walker (from the deepest walk-cache
 * hit) unless it <b>conflicts</b> with a walk already reading the entry it would read next, in which case its MSHR
 * waits on that walk (WAIT) and replays its lookup once the walk has read past that entry (REPLAY). A PA-range fault
 * is answered at the lookup like bypass ({@code PA_RANGE} at the mode's root level, what a walker answers without a
 * read): it takes no MSHR and no walker (cache-model.md §11, the golden model's front). Walks end at the
 * fill arbiter (one per cycle, lowest MSHR first), which fills the cache and writes the answer; a fill cycle serves
 * no lookup. Memory reads go through a read arbiter ({@code mrd_tag} = MSHR index; {@code mrs_tag} routes the
 * answer), PMP queries through a query arbiter (one per cycle: each walker samples {@code pmp_ok} in its own cycle).
 * R1/R2 per MSHR (stale bit), R7 for {@code sync_ack}.
 */
public final class NonBlockingChecker extends Module {
    /** The life of one MSHR (docs/nonblocking.md). */
    public enum MshrState {
        /** holds nothing. */
        FREE,
        /** its miss conflicts with walk {@code wait_on}: parked until that walk reads past the shared entry. */
        WAIT,
        /** the walk it waited on has moved on: its lookup is to be replayed (R8). */
        REPLAY,
        /** its walker walks the miss. */
        WALK
    }

    private final WalkerParams p;
    private final CacheShape cache;
    private final Concurrency c;

    /** The checker's ports (port contract v4), after it is built. */
    public CheckerIo io;

    /**
     * @param params the walker parameters
     * @param cache  the cache geometry (a non-blocking checker always has a cache)
     * @param c      W &gt; 1 and the response order
     */
    public NonBlockingChecker(WalkerParams params, CacheShape cache, Concurrency c) {
        if (c.blocking()) {
            throw new IllegalArgumentException("walksInFlight 1 is the blocking checker (MttChecker); the"
                    + " non-blocking top needs walksInFlight 2..8");
        }
        this.p = params;
        this.cache = java.util.Objects.requireNonNull(cache, "cache");
        this.c = c;
        cache.params(params); // checks the combination now, with the cache's own message
        moduleName(MttChecker.MODULE_NAME);
    }

    @Override
    protected void build() {
        MttCacheParams cp = cache.params(p);
        int n = c.walksInFlight();
        int iw = WalkObservationPort.indexWidth(n);
        int wcN = cache.walkCacheEntries();
        ContractWidths widths = MttChecker.widths(p);
        doc("MTT checker, port contract v4 (" + p.xlen() + "-bit, formats " + p.formats().spelling() + ", paw "
                + p.paw() + "; cache " + cache.leafSets() + " sets x " + cache.leafWays() + " ways, "
                + cache.superpageEntries() + " superpage, " + wcN + " walk-cache entries; " + n
                + " walks in flight, responses " + c.responseOrder().spelling() + ").\n"
                + "Parameters: xlen=" + p.xlen() + " " + p.values() + " " + cache.values() + " " + c.values() + ".\n"
                + "Non-blocking (docs/nonblocking.md): one lookup per cycle (replay first), hits answered under\n"
                + "misses; mshr<i>_*: the miss of u_walker_<i> (FREE, WAIT on a conflicting walk, REPLAY, WALK);\n"
                + "fill arbiter lowest MSHR first; mrd_tag = MSHR index; u_answers: "
                + (c.responseOrder() == Concurrency.ResponseOrder.IN_ORDER ? "reorder buffer" : "output queue")
                + " of " + c.slots() + " answers.");
        io = ports(s -> new CheckerIo(s, widths, cp.geometry(), MttWalker.STATE_WIDTH, n));
        MttCache ch = instance("u_cache", new MttCache(cp, true));
        CacheIo cio = ch.io;
        List<MttWalker> walkers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            walkers.add(instance("u_walker_" + i, new MttWalker(p, true)));
        }
        ResponseBuffer answers = instance("u_answers", new ResponseBuffer(p.idWidth(), c));
        int seqW = answers.io.allocSlot.width();

        // ---- the MSHRs: state, the miss (R4: its context), R1 stale bit, R7 mark, walk level, R5 pointer ----
        List<Fsm<MshrState>> state = new ArrayList<>();
        List<MshrEntry> entry = new ArrayList<>();
        List<UInt> waitOn = new ArrayList<>();
        List<Bool> stale = new ArrayList<>();
        List<Bool> syncOld = new ArrayList<>();
        List<UInt> level = new ArrayList<>();
        List<PointerPort> deepest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String m = "mshr" + i;
            state.add(fsm(m + "_state", MshrState.class, MshrState.FREE));
            entry.add(reg(m, x -> new MshrEntry(x, widths, seqW)));
            waitOn.add(regInit(m + "_wait_on", iw, 0));
            stale.add(regInit(m + "_stale", false));
            syncOld.add(regInit(m + "_before_sync", false));
            // the level of the table whose entry the walk reads next (the conflict rule)
            level.add(regInit(m + "_level", MttWalker.LEVEL_WIDTH, 0));
            if (wcN > 0) {
                deepest.add(regInit(m + "_fill_ptr", x -> new PointerPort(x, p.ppnWidth())));
            }
        }

        // ---- fill arbiter: one walk ends per cycle, lowest MSHR first ----
        List<Bool> resultValid = new ArrayList<>();
        for (MttWalker w : walkers) {
            resultValid.add(w.io.result.valid);
        }
        UInt ending = Hw.lowestOneHot(Hw.catLsbFirst(resultValid)).named("walk_end_onehot");
        Bool anyEnd = Hw.orAll(resultValid).named("walk_end");
        UInt endIndex = Hw.oneHotToIndex(ending).named("walk_end_index");
        for (int i = 0; i < n; i++) {
            walkers.get(i).io.result.ready.set(ending.bit(i));
        }
        WalkResultPort result = wire("end", x -> new WalkResultPort(x, p));
        result.set(pick(ending, walkers.stream().map(w -> w.io.result).toList()));
        MshrEntry endEntry = wire("end_mshr", x -> new MshrEntry(x, widths, seqW));
        endEntry.set(pick(ending, entry));
        Bool endStale = Hw.selectOneHot(ending, stale).bit(0).named("end_stale");

        // ---- the lookup of this cycle: the lowest MSHR to replay, else the new request ----
        UInt replayMask = Hw.catLsbFirst(state.stream().map(f -> f.is(MshrState.REPLAY)).toList())
                .named("mshr_replay");
        UInt replaying = Hw.lowestOneHot(replayMask).named("replay_onehot");
        Bool anyReplay = replaying.orR().named("replay_pending");
        UInt freeMask = Hw.catLsbFirst(state.stream().map(f -> f.is(MshrState.FREE)).toList()).named("mshr_free_mask");
        UInt freeOne = Hw.lowestOneHot(freeMask).named("free_onehot");
        Bool anyFree = freeOne.orR().named("mshr_free");
        // a walk's end takes the cycle (one structure write per cycle, one answer written per cycle)
        Bool replayGo = anyReplay.and(anyEnd.not()).named("replay_go");
        io.req.ready.set(anyEnd.not().and(anyReplay.not()).and(anyFree).and(answers.io.space));
        Bool reqFire = io.req.valid.and(io.req.ready).named("req_fire");
        answers.io.alloc.set(reqFire);

        MshrEntry fresh = wire("req_entry", x -> new MshrEntry(x, widths, seqW));
        fresh.setFrom(io.req, answers.io.allocSlot);
        MshrEntry lk = wire("lookup", x -> new MshrEntry(x, widths, seqW));
        lk.set(Hw.mux(anyReplay, pick(replaying, entry), fresh));
        UInt target = Hw.mux(anyReplay, replaying, freeOne).named("lookup_mshr_onehot");
        UInt targetIndex = Hw.oneHotToIndex(target).named("lookup_mshr");

        Bool isBypass = io.req.bypass.or(io.req.modeField().eq(0)).named("req_is_bypass");
        ModeDecode md = ModeDecode.of(p, io.req.pa, io.req.formatV09(), io.req.modeField());
        Bool newProbe = reqFire.and(isBypass.not()).and(md.paRangeFault().not()).named("req_probes_cache");
        // a PA-range fault needs no walk: answered here, like bypass, and takes no MSHR (cache-model.md §11)
        Bool rangeNow = reqFire.and(isBypass.not()).and(md.paRangeFault()).named("req_range_answer");
        Bool bypassNow = reqFire.and(isBypass).named("req_bypass_answer");

        cio.lookup.valid.set(replayGo.or(newProbe));
        cio.lookup.pa.set(lk.pa.bits(p.paw() - 1, 0));
        if (p.sdidLen() > 0) {
            cio.lookup.ctx.sdid.set(lk.sdid.bits(p.sdidLen() - 1, 0));
        }
        cio.lookup.ctx.format.set(lk.formatV09());
        cio.lookup.ctx.mode.set(lk.mode.bits(1, 0));
        cio.walkReady.set(true); // the lookup's MSHR is free (new request) or its own (replay)
        Bool hit = cio.hit.valid;
        Bool miss = cio.miss;
        Bool invApply = cio.obs.invApply;

        // ---- the conflict rule: same context, same entry read next by a walk in flight ----
        List<Bool> conflicts = new ArrayList<>();
        List<Bool> descendings = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            MshrEntry e = entry.get(j);
            // the entry read next moves one level down as soon as the read entry is known to be a pointer: in
            // DECODE a descending walker queries the PMP for the next entry (waiting for pmp_grant, which can take
            // cycles with W walkers) — cache-model.md §11 "the first read whose response has not arrived"
            MttWalker wj = walkers.get(j);
            Bool descending = wj.io.state.eq(MttWalker.State.DECODE.ordinal()).and(wj.io.pmp.valid)
                    .named("mshr" + j + "_descending");
            descendings.add(descending);
            UInt next = Hw.mux(descending, level.get(j).sub(1), level.get(j)).named("mshr" + j + "_next_level");
            Bool sameCtx = lk.mode.eq(e.mode);
            if (p.sdidLen() > 0) {
                sameCtx = sameCtx.and(lk.sdid.bits(p.sdidLen() - 1, 0).eq(e.sdid.bits(p.sdidLen() - 1, 0)));
            }
            Bool sameEntry = lk.pa.bits(p.paw() - 1, 0).xor(e.pa.bits(p.paw() - 1, 0))
                    .and(entryMask(e.formatV09(), next)).isZero();
            conflicts.add(state.get(j).is(MshrState.WALK).and(sameCtx).and(sameEntry)
                    .named("conflict_" + j));
        }
        UInt conflictMask = Hw.catLsbFirst(conflicts).named("conflict_mask");
        Bool waiting = miss.and(conflictMask.orR()).named("miss_waits");
        UInt waitIndex = Hw.priorityEncode(conflictMask).named("miss_wait_on");
        Bool walkStart = miss.and(waiting.not()).named("miss_walks");
        Bool wcUsed = wcN > 0 ? walkStart.and(cio.wc.hit).named("walk_from_walk_cache") : Hw.low();

        // the table level a walk of the lookup starts at: the walk-cache entry's, else the mode's root
        List<UInt> unused = new ArrayList<>();
        UInt rootLevel = area("lookup", () -> {
            ModeDecode lmd = ModeDecode.of(p, lk.pa, lk.formatV09(), lk.modeField());
            unused.add(lmd.paRangeFault()); // decoded from the request (md) before the lookup: only the mode is used
            UInt r = Hw.lit(0, MttWalker.LEVEL_WIDTH);
            List<WalkMode> modes = p.modes();
            for (int i = 0; i < modes.size(); i++) {
                r = Hw.mux(lmd.modeHit().get(i), Hw.lit(modes.get(i).rootLevel(), MttWalker.LEVEL_WIDTH), r);
            }
            return r.named("root_level");
        });
        UInt startLevel = wcN > 0 ? Hw.mux(wcUsed, cio.wc.tableLevel, rootLevel) : rootLevel;

        // ---- walks passing: a walk that descends or ends releases the MSHRs waiting on it ----
        // A walk passes its entry in the first cycle it descends (DECODE of a pointer), not at the pointer pulse: a
        // miss parking while the walk waits for pmp_grant already conflicted with the next level's entry (above), and
        // the pulse would release it before that entry is read (cache-model.md §11 R8).
        List<Bool> passedList = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Bool wasDescending = regInit("mshr" + j + "_was_descending", false);
            wasDescending.set(descendings.get(j));
            passedList.add(descendings.get(j).and(wasDescending.not()).or(ending.bit(j)));
        }
        UInt passed = Hw.catLsbFirst(passedList).named("walk_passed");

        // ---- R7: the MSHRs busy when sync_req rose hold sync_ack until they are free or stale ----
        Bool syncSeen = regInit("sync_seen", false);
        Bool syncRise = io.sync.req.and(syncSeen.not()).named("sync_rise");

        // ---- per MSHR ----
        List<Bool> syncBlocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int idx = i;
            Fsm<MshrState> f = state.get(i);
            MshrEntry e = entry.get(i);
            MttWalker w = walkers.get(i);
            Bool mine = target.bit(i);
            Bool startsWalk = mine.and(walkStart).named("mshr" + i + "_start");
            Bool startsWait = mine.and(waiting).named("mshr" + i + "_park");
            when(reqFire.and(freeOne.bit(i)), () -> e.set(fresh));
            f.on(MshrState.FREE, () -> {
                when(startsWait, () -> f.go(MshrState.WAIT)).elseWhen(startsWalk, () -> f.go(MshrState.WALK));
            }).on(MshrState.WAIT, () -> {
                when(passed.bit(waitOn.get(idx)), () -> f.go(MshrState.REPLAY));
            }).on(MshrState.REPLAY, () -> {
                when(replayGo.and(mine), () -> {
                    when(hit, () -> f.go(MshrState.FREE))
                            .elseWhen(startsWait, () -> f.go(MshrState.WAIT))
                            .elseWhen(startsWalk, () -> f.go(MshrState.WALK));
                });
            }).on(MshrState.WALK, () -> {
                when(ending.bit(idx), () -> f.go(MshrState.FREE));
            });
            when(startsWait, () -> waitOn.get(idx).set(waitIndex));
            when(startsWalk, () -> level.get(idx).set(startLevel)).elseWhen(w.io.ptr.valid, () -> level.get(idx).set(level.get(idx).sub(1)));
            // R1 per MSHR: an applied invalidation makes a walk or a waiting miss stale; one applied in the
            // cycle the walk starts counts (its probe used the entries before it); a miss that parks samples it anew
            // too (R8: a lookup is a new lookup, and a FREE MSHR's bit is the previous walk's)
            when(startsWalk.or(startsWait), () -> stale.get(idx).set(invApply))
                    .elseWhen(invApply, () -> stale.get(idx).set(true));
            if (wcN > 0) {
                PointerPort d = deepest.get(i);
                when(startsWalk, () -> d.valid.set(false)).elseWhen(w.io.ptr.valid, () -> d.set(w.io.ptr));
            }
            when(syncRise, () -> syncOld.get(idx).set(f.is(MshrState.FREE).not()))
                    .elseWhen(f.is(MshrState.FREE), () -> syncOld.get(idx).set(false));
            // in the rise cycle itself before_sync is not written yet: the busy MSHRs hold sync_ack already (R7)
            syncBlocks.add(syncOld.get(i).or(syncRise).and(f.is(MshrState.FREE).not()).and(stale.get(i).not()));

            // walker i walks MSHR i's miss
            LookupRequest r = w.io.lookup.request;
            w.io.lookup.valid.set(startsWalk);
            r.pa.set(lk.pa);
            r.need.set(lk.need);
            r.format.set(lk.formatV09());
            r.mode.set(lk.modeField());
            r.be.set(lk.be);
            r.rootPpn.set(wcN > 0 ? Hw.mux(wcUsed, cio.wc.ppn, lk.rootPpn) : lk.rootPpn);
            r.start.set(wcUsed);
            r.startLevel.set(wcN > 0 ? cio.wc.tableLevel : Hw.lit(0, MttWalker.LEVEL_WIDTH));
        }
        Bool syncBlocked = Hw.orAll(syncBlocks).named("sync_waits_for_walks");
        syncSeen.set(io.sync.req.and(io.sync.ack.not()));
        cio.sync.req.set(io.sync.req);
        io.sync.ack.set(cio.sync.ack.and(syncBlocked.not()));
        connect(io.inv, cio.inv);

        // ---- memory reads: arbiter (lowest MSHR first), tag = MSHR index; responses routed by tag ----
        List<Bool> readValid = new ArrayList<>();
        for (MttWalker w : walkers) {
            readValid.add(w.io.mrd.valid);
        }
        UInt reading = Hw.lowestOneHot(Hw.catLsbFirst(readValid)).named("mrd_onehot");
        io.mrd.valid.set(Hw.orAll(readValid));
        io.mrd.addr.set(Hw.selectOneHot(reading, walkers.stream().map(w -> w.io.mrd.addr).toList()));
        io.mrd.size.set(Hw.selectOneHot(reading, walkers.stream().map(w -> w.io.mrd.size).toList()));
        io.mrd.tag.set(Hw.oneHotToIndex(reading).zext(iw));
        // ---- PMP queries: one per cycle; pmp_ok goes to every walker, only the one granted pmpLatency ago samples it
        List<Bool> queryValid = new ArrayList<>();
        for (MttWalker w : walkers) {
            queryValid.add(w.io.pmp.valid);
        }
        UInt querying = Hw.lowestOneHot(Hw.catLsbFirst(queryValid)).named("pmp_onehot");
        io.pmp.valid.set(Hw.orAll(queryValid));
        io.pmp.addr.set(Hw.selectOneHot(querying, walkers.stream().map(w -> w.io.pmp.addr).toList()));
        io.pmp.size.set(Hw.selectOneHot(querying, walkers.stream().map(w -> w.io.pmp.size).toList()));
        // the ending walk's handshake is per walker; of its MSHR only the id, slot, PA and context matter
        unused.addAll(List.of(result.valid, result.ready, endEntry.need, endEntry.mode.bits(3, 2), endEntry.rootPpn,
                endEntry.be));
        if (p.paw() < p.paWidth()) {
            unused.add(endEntry.pa.bits(p.paWidth() - 1, p.paw()));
        }
        for (int i = 0; i < n; i++) {
            MttWalker w = walkers.get(i);
            w.io.mrd.ready.set(io.mrd.ready.and(reading.bit(i)));
            w.io.mrs.valid.set(io.mrs.valid.and(io.mrs.tag.eq(i)));
            w.io.mrs.data.set(io.mrs.data);
            w.io.mrs.err.set(io.mrs.err);
            w.io.mrs.tag.set(Hw.lit(0, w.io.mrs.tag.width()));
            w.io.pmpGrant.set(querying.bit(i));
            w.io.pmp.ok.set(io.pmp.ok);
            unused.add(w.io.mrd.tag);
            unused.add(w.io.result.mpte);
            if (i > 0) {
                unused.add(w.io.state);
            }
            if (wcN == 0) {
                unused.addAll(List.of(w.io.ptr.valid, w.io.ptr.level, w.io.ptr.ppn));
            }
        }

        // ---- the walk that ends: fill (R1, R2 in the cache; R4: its MSHR's context) and its answer ----
        Verdict v = result.verdict;
        cio.fill.valid.set(anyEnd);
        cio.fill.cacheable.set(v.cacheable);
        cio.fill.leafRsvd.set(result.leafRsvd);
        cio.fill.leafLevel.set(result.level);
        cio.fill.leafKind.set(result.leafKind);
        cio.fill.leafLog2.set(v.leafLog2.bits(5, 0));
        cio.fill.tupleLog2.set(result.tupleLog2.bits(5, 0));
        cio.fill.tuples.set(result.tuples);
        if (wcN > 0) {
            cio.fill.ptr.set(pick(ending, deepest));
        }
        cio.fill.pa.set(endEntry.pa.bits(p.paw() - 1, 0));
        if (p.sdidLen() > 0) {
            cio.fill.ctx.sdid.set(endEntry.sdid.bits(p.sdidLen() - 1, 0));
        }
        cio.fill.ctx.format.set(endEntry.formatV09());
        cio.fill.ctx.mode.set(endEntry.mode.bits(1, 0));
        cio.fill.stale.set(endStale);

        Answer walked = wire("walk_answer", x -> new Answer(x, p.idWidth()));
        walked.id.set(endEntry.id);
        walked.allow.set(v.allow);
        walked.cause.set(v.cause);
        walked.xwr.set(v.xwr);
        walked.level.set(result.level);
        walked.leafLog2.set(v.leafLog2);
        walked.uniformLog2.set(v.uniformLog2);
        // R6: stale is judged at the fill cycle; a stale walk's result is not cacheable
        walked.cacheable.set(v.cacheable.and(endStale.not()));

        // ---- hits, bypass and PA-range faults: answered at the lookup (cache-model.md §4.1, §11) ----
        // a range fault answers what the walker's RANGE step would: PA_RANGE at the mode's root level (0 for a mode
        // that is not implemented), no permission, no ranges, not cacheable; bypass is decided before it
        HitAnswer ha = HitAnswer.of(p, cio.hit, lk.pa, lk.need, cp.tupleCount());
        Bool noLeaf = bypassNow.or(rangeNow).named("front_without_leaf");
        Bool frontAllow = bypassNow.or(ha.allow().and(rangeNow.not()));
        Answer front = wire("front_answer", x -> new Answer(x, p.idWidth()));
        front.id.set(lk.id);
        front.allow.set(frontAllow);
        front.cause.set(Hw.mux(rangeNow, Hw.lit(WalkCause.PA_RANGE.code(), WalkCause.WIDTH),
                Hw.mux(frontAllow, Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH),
                        Hw.lit(WalkCause.PERM_DENY.code(), WalkCause.WIDTH))));
        front.xwr.set(Hw.mux(noLeaf, Hw.lit(0, 3), ha.xwr()));
        front.level.set(Hw.mux(bypassNow, Hw.lit(0, MttWalker.LEVEL_WIDTH),
                Hw.mux(rangeNow, rootLevel, cio.hit.level)));
        front.leafLog2.set(Hw.mux(noLeaf, Hw.lit(0, MttWalker.LOG2_WIDTH),
                cio.hit.leafLog2.zext(MttWalker.LOG2_WIDTH)));
        front.uniformLog2.set(Hw.mux(noLeaf, Hw.lit(0, MttWalker.LOG2_WIDTH), ha.uniformLog2()));
        front.cacheable.set(noLeaf.not());

        answers.io.writeValid.set(anyEnd.or(noLeaf).or(hit));
        answers.io.writeSlot.set(Hw.mux(anyEnd, endEntry.seq, lk.seq));
        answers.io.writeStale.set(anyEnd.and(endStale));
        answers.io.write.set(Hw.mux(anyEnd, walked, front));
        connect(io.rsp, answers.io.rsp);

        // ---- observation: v1's pulse carries the lookup; obs_* the cache's events; v4 which walk ----
        LookupObservation.drive(io.obs, cio, cp, lk.pa.bits(p.paw() - 1, 0), "lookup_leaf_set", hit, miss,
                wcN > 0 ? miss.and(cio.wc.hit) : Hw.low());
        connect(io.obs.cache, cio.obs);
        io.obs.walkerState.set(walkers.get(0).io.state);
        WalkObservationPort wo = io.obs.walks;
        wo.walkId.set(Hw.mux(miss.or(replayGo), targetIndex.zext(iw), Hw.lit(0, iw)));
        wo.replay.set(replayGo);
        wo.waiting.set(waiting);
        wo.waitOn.set(Hw.mux(waiting, waitIndex.zext(iw), Hw.lit(0, iw)));
        wo.walkEnd.set(cio.fill.valid);
        wo.fillWalkId.set(Hw.mux(cio.fill.valid, endIndex.zext(iw), Hw.lit(0, iw)));

        // log2 values stay below 64: the cache stores 6 bits of them
        unused.addAll(List.of(result.mpte, v.leafLog2.bit(6), result.tupleLog2.bit(6)));
        if (p.sdidLen() == 0) {
            unused.addAll(List.of(io.req.sdid, lk.sdid, endEntry.sdid));
        }
        if (p.paw() < p.paWidth()) {
            unused.add(io.req.pa.bits(p.paWidth() - 1, p.paw())); // out-of-range PAs never reach the cache
        }
        wireInit("inputs_unused", Hw.cat(unused).xorR());
    }

    /** The bundle of the one-hot {@code sel}'s element (all-zero when none). */
    private static <B extends io.mttkit.hdl.Bundle> B pick(UInt sel, List<B> options) {
        B out = options.get(0);
        for (int i = 1; i < options.size(); i++) {
            out = Hw.mux(sel.bit(i), options.get(i), out);
        }
        return out;
    }

    /**
     * The PA bits above the range of the entry a walk reads next in a table of {@code tableLevel}: a level-0 entry
     * (a leaf) covers the leaf range {@code r}; an entry of a table of level L &ge; 1 points to a table of level
     * L - 1 and covers that table's range (cache-model.md §3.3). Two PAs that agree on these bits read that entry.
     */
    private UInt entryMask(Bool formatV09, UInt tableLevel) {
        MttCacheParams cp = cache.params(p);
        int paw = p.paw();
        UInt result = Hw.lit(maskAbove(cp.leafRange(), paw), paw);
        for (int v = 0; v <= 1; v++) {
            for (int lvl = 1; lvl <= 4; lvl++) {
                int cover = cp.cover(v == 1, lvl - 1);
                if (cover > 0) {
                    Bool fmt = v == 1 ? formatV09 : formatV09.not();
                    result = Hw.mux(fmt.and(tableLevel.eq(lvl)), Hw.lit(maskAbove(cover, paw), paw), result);
                }
            }
        }
        return result;
    }

    private static BigInteger maskAbove(int cover, int paw) {
        if (cover >= paw) {
            return BigInteger.ZERO;
        }
        return BigInteger.ONE.shiftLeft(paw).subtract(BigInteger.ONE.shiftLeft(cover));
    }
}
