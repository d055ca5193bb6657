package io.mttkit.tb.cosim;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import io.mttkit.tb.dut.ResponseOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Directed streams for the races of a checker with several walks in flight (docs/nonblocking.md "Directed races",
 * rules R1–R8): per race a short scripted stream of checks, invalidations, syncs and idle gaps, the memory latency
 * that makes its timing exact, and the observation that proves the race happened, counted from the
 * {@link WalkObserver} steps of one {@link WalkCosim} run. A stream that stops provoking its race counts 0.
 *
 * <p>The world: one level-0 table of {@link #NEAR_BLOCKS} 64 KiB blocks (alternating RW / RX, so every leaf is a
 * level-0 entry) and {@link #FAR_REGIONS} single blocks 16 GiB apart (distinct root entries, so their walks never
 * conflict). Every run starts cold (a fresh session and golden model), so a walk of a far block reads every level.
 */
public final class WalkDirected {
    /** 64 KiB: a level-0 leaf entry of Smmpt covers it, so two PAs in one block share their leaf. */
    private static final long BLOCK = 64 * 1024;
    private static final long NEAR_BASE = 1L << 32;
    /** 16 GiB apart: each far block sits under its own root entry. */
    private static final long FAR_STRIDE = 1L << 34;
    static final int NEAR_BLOCKS = 64;
    static final int FAR_REGIONS = 8;
    /** Fixed memory latency of the timed streams: every walk's timing is then exact. */
    static final int LATENCY = 10;

    /** One step the observer reported, in report order (within a cycle: lookup, fill, sync, invalidation). */
    public record Seen(WalkObserver.Step step, int walks, int level) {
    }

    /** Records every step of one run. */
    public static final class Recorder implements WalkObserver {
        private final List<Seen> steps = new ArrayList<>();

        @Override
        public void onWalkStep(Step step, int walks, int level) {
            steps.add(new Seen(step, walks, level));
        }

        /** The steps so far. */
        public List<Seen> steps() {
            return List.copyOf(steps);
        }
    }

    /** Counts, in one run's steps, how often the race was observed. */
    @FunctionalInterface
    public interface Proof {
        long count(List<Seen> steps);
    }

    /**
     * One directed race.
     *
     * @param rule    the rule of docs/nonblocking.md it provokes (R1..R8) or the situation (CONFLICT_LEVELS, ...)
     * @param race    what the stream does, in one sentence
     * @param stream  the items
     * @param latMin  memory latency, least
     * @param latMax  memory latency, most (equal to {@code latMin}: fixed)
     * @param seed    the run's seed (memory latency and stalls)
     * @param proves  what {@link #proof} counts, in one sentence
     * @param proof   the observation; null when it is not a walk step (response order: see {@link #orderProof})
     * @param orderProof for the response-order slots: what the caller must measure on the responses, else null
     */
    public record Slot(String rule, String race, List<Stimulus> stream, int latMin, int latMax, long seed,
                       String proves, Proof proof, String orderProof) {
    }

    private final MttMode mode;
    private final long rootPpn;
    private final int walksInFlight;

    /**
     * @param mode          the mode of every check (a 3-level-or-deeper Smmpt mode)
     * @param rootPpn       the root of the tables {@link #tables} built
     * @param walksInFlight W of the checker, 2..8
     */
    public WalkDirected(MttMode mode, long rootPpn, int walksInFlight) {
        if (walksInFlight < 2 || walksInFlight > 8) {
            throw new IllegalArgumentException("directed walk races need W in 2..8, got " + walksInFlight);
        }
        if (mode.levels() < 3) {
            throw new IllegalArgumentException("directed walk races need a mode of 3 levels or more, got " + mode);
        }
        this.mode = mode;
        this.rootPpn = rootPpn;
        this.walksInFlight = walksInFlight;
    }

    /** Builds the directed world's tables for {@code mode} into {@code memory}. */
    public static BuiltTables tables(MttMode mode, PhysicalMemory memory) {
        int rw = Access.R | Access.W;
        int rx = Access.R | Access.X;
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < NEAR_BLOCKS; i++) {
            regions.add(new Region(NEAR_BASE + i * BLOCK, BLOCK, i % 2 == 0 ? rw : rx));
        }
        for (int i = 1; i <= FAR_REGIONS; i++) {
            regions.add(new Region(far(i - 1), BLOCK, rw));
        }
        BuiltTables t = TableBuilder.build(regions, mode, TableWorld.TABLE_BASE, BuildOptions.DEFAULT);
        memory.load(t.base(), t.image());
        return t;
    }

    /** Far block {@code i}: alone under root entry {@code i + 1}. */
    private static long far(int i) {
        return NEAR_BASE + (i + 1) * FAR_STRIDE;
    }

    private static long near(int i) {
        return NEAR_BASE + i * BLOCK;
    }

    private CheckRequest load(long pa, int sdid) {
        CheckRequest c = CheckRequest.of(mode, rootPpn, pa, Access.R, false);
        return new CheckRequest(c.pa(), c.need(), c.mode(), c.rawMode(), c.rootPpn(), sdid, c.be(), c.bypass());
    }

    private CheckRequest load(long pa) {
        return load(pa, 1);
    }

    /** An invalidation of a PA no walk of the stream touches: it makes every walk in flight stale all the same (R1). */
    private static Stimulus.Invalidate elsewhere() {
        return new Stimulus.Invalidate(true, near(NEAR_BLOCKS - 1), false, 0);
    }

    /**
     * Every directed race for a checker answering in {@code order}: R1–R8, conflicts at every level, and the
     * response-order slot of that order (BY_ID overtaking or IN_ORDER head-of-line).
     */
    public List<Slot> slots(ResponseOrder order) {
        return List.of(r1(), r2(), r3(), r4(), r5(), r6(), r7(), r8(), r8Park(), conflictLevels(),
                order == ResponseOrder.BY_ID ? byId() : inOrder());
    }

    // ---- the races ------------------------------------------------------------------------------------

    /** R1: an invalidation overtaking W walks makes every one of them stale (a stale bit per MSHR). */
    Slot r1() {
        List<Stimulus> s = new ArrayList<>();
        for (int i = 0; i < walksInFlight; i++) {
            s.add(load(far(i)));
        }
        s.add(new Stimulus.Idle(8));
        s.add(elsewhere());
        return new Slot("R1", walksInFlight + " cold walks of far blocks, then an invalidation of an unrelated PA",
                s, LATENCY, LATENCY, 1, "stale fills while another walk was in flight (walks >= 2)",
                steps -> steps.stream().filter(x -> x.step() == WalkObserver.Step.STALE_FILL && x.walks() >= 2)
                        .count(), null);
    }

    /**
     * R2: a walk of a fresh leaf, then an MFENCE.PA (invalidation of an unrelated PA + sync) 0..59 cycles later, one
     * attempt per gap; then the leaf is checked again, and a lone sync marks the attempt's end. Where the invalidation
     * is applied in the walk's fill cycle the walk is not stale (its bit is set at that edge) but its fill is
     * suppressed: the re-check misses. The sync is what makes that cycle reachable: the cache applies a queued
     * invalidation in a lookup or fill cycle only when its queue is full or {@code sync_req} is high. The PA fence
     * drops the walk cache (paFenceDropsWalkCache), so every attempt walks from the root.
     */
    Slot r2() {
        List<Stimulus> s = new ArrayList<>();
        for (int gap = 0; gap < 60; gap++) {
            s.add(load(near(1 + gap)));
            if (gap > 0) {
                s.add(new Stimulus.Idle(gap));
            }
            s.add(elsewhere());
            s.add(new Stimulus.Sync());
            s.add(new Stimulus.Idle(60));
            s.add(load(near(1 + gap) + 0x40));
            s.add(new Stimulus.Sync());
            s.add(new Stimulus.Idle(60));
        }
        return new Slot("R2", "a walk, an invalidation + sync 0..59 cycles after it, the leaf again; 60 attempts", s,
                LATENCY, LATENCY, 1, "walks that ended unstale with the invalidation in their fill cycle: the "
                + "re-check of their leaf missed", WalkDirected::fillSuppressed, null);
    }

    /** R3: an MFENCE.PA (invalidation + sync) overtaking W walks: the sync is acknowledged, the walks go on. */
    Slot r3() {
        List<Stimulus> s = new ArrayList<>();
        for (int i = 0; i < walksInFlight; i++) {
            s.add(load(far(i)));
        }
        s.add(new Stimulus.Idle(6));
        s.add(Stimulus.Invalidate.all());
        s.add(new Stimulus.Sync());
        return new Slot("R3", walksInFlight + " cold walks, then invalidate-all + sync", s, LATENCY, LATENCY, 1,
                "stale walks ending (every read done) after the fence's sync_ack", steps -> {
                    long n = 0;
                    boolean synced = false;
                    for (Seen x : steps) {
                        synced = x.step() == WalkObserver.Step.SYNC || synced && x.step() != WalkObserver.Step.MISS;
                        n += synced && x.step() == WalkObserver.Step.STALE_FILL ? 1 : 0;
                    }
                    return n;
                }, null);
    }

    /**
     * R4: the same PA under two SDIDs walked at once (different contexts never conflict), then both again: each
     * walk filled the leaf with its own latched context, so both hit.
     */
    Slot r4() {
        long pa = far(0);
        List<Stimulus> s = List.of(load(pa, 1), load(pa + 8, 2), new Stimulus.Idle(100), load(pa + 16, 1),
                load(pa + 24, 2));
        return new Slot("R4", "one PA under SDID 1 and 2 back to back, then both again", s, LATENCY, LATENCY, 1,
                "a second walk started beside the first (no WAIT), and the re-checks hit (2 misses in all)", steps -> {
                    long misses = steps.stream().filter(x -> x.step() == WalkObserver.Step.MISS).count();
                    long waits = steps.stream().filter(x -> x.step() == WalkObserver.Step.WAIT).count();
                    return misses == 2 && waits == 0 ? steps.stream().filter(x -> x.step() == WalkObserver.Step.MISS
                            && x.walks() >= 1).count() : 0;
                }, null);
    }

    /**
     * R5: two blocks of one level-0 table from cold: the second parks on the first down to the level-0 entry, then
     * walks from the root while the first is still in flight; both fill the same level-0 table pointer (the second
     * in place, no eviction: compared by the scoreboard). A third block of the table then walks from the walk cache.
     */
    Slot r5() {
        List<Stimulus> s = List.of(load(near(0)), load(near(1)), new Stimulus.Idle(150), load(near(2)));
        return new Slot("R5", "two blocks of one level-0 table from cold, then a third", s, LATENCY, LATENCY, 1,
                "a replayed miss walking its own beside the walk it waited on, then both filling", steps -> {
                    long n = 0;
                    for (int k = 0; k + 1 < steps.size(); k++) {
                        n += steps.get(k).step() == WalkObserver.Step.MISS && steps.get(k).walks() >= 1
                                && steps.get(k + 1).step() == WalkObserver.Step.REPLAY ? 1 : 0;
                    }
                    long fills = steps.stream().filter(x -> x.step() == WalkObserver.Step.FILL).count();
                    return fills == 3 ? n : 0;
                }, null);
    }

    /**
     * R6: a long walk (cold, far block) and a short one (walk-cache hit) behind it; an invalidation applied between
     * their ends: the short walk's answer was not stale at its fill, though (in order) it leaves after the
     * invalidation; the long one is.
     */
    Slot r6() {
        List<Stimulus> s = List.of(load(near(0)), new Stimulus.Idle(100), load(far(0)), load(near(3)),
                new Stimulus.Idle(22), elsewhere());
        return new Slot("R6", "warm a level-0 pointer; a cold walk, a one-read walk, an invalidation between their "
                + "ends", s, LATENCY, LATENCY, 1, "a fill, then an invalidation, then a stale fill",
                steps -> pattern(steps, WalkObserver.Step.FILL, WalkObserver.Step.INVALIDATION,
                        WalkObserver.Step.STALE_FILL), null);
    }

    /**
     * R7: a sync presented the cycle after misses were accepted (its rise cycle has them busy, their
     * {@code before_sync} not written yet): {@code sync_ack} waits for every older walk.
     */
    Slot r7() {
        List<Stimulus> s = new ArrayList<>();
        s.add(load(far(0)));
        s.add(new Stimulus.Sync());
        s.add(new Stimulus.Idle(60));
        for (int i = 1; i < walksInFlight; i++) {
            s.add(load(far(i)));
        }
        s.add(new Stimulus.Sync());
        return new Slot("R7", "a sync right after one miss, later right after W - 1 misses", s, LATENCY, LATENCY, 1,
                "syncs acknowledged after non-stale walks older than them (no invalidation in the stream)",
                steps -> steps.stream().anyMatch(x -> x.step() == WalkObserver.Step.INVALIDATION) ? 0
                        : steps.stream().filter(x -> x.step() == WalkObserver.Step.SYNC && x.walks() >= 1).count(),
                null);
    }

    /**
     * R8: a miss parked on a walk of the same leaf; an invalidation applied while it waits makes the walk stale
     * (it fills nothing); the parked miss replays the cycle after, as a new lookup: it walks from the root, its
     * stale bit sampled anew, and fills.
     */
    Slot r8() {
        List<Stimulus> s = List.of(load(far(0)), load(far(0) + 0x100), new Stimulus.Idle(30), elsewhere());
        return new Slot("R8", "a miss parked on a walk of its leaf, an invalidation while it waits", s, LATENCY,
                LATENCY, 1, "after the invalidation and the stale fill, the parked miss replayed, walked and filled",
                steps -> {
                    int inv = indexOf(steps, 0, WalkObserver.Step.INVALIDATION);
                    int stale = indexOf(steps, Math.max(inv, 0), WalkObserver.Step.STALE_FILL);
                    if (inv < 0 || stale < 0) {
                        return 0;
                    }
                    long n = 0;
                    for (int k = stale; k + 1 < steps.size(); k++) {
                        if (steps.get(k).step() == WalkObserver.Step.MISS
                                && steps.get(k + 1).step() == WalkObserver.Step.REPLAY
                                && indexOf(steps, k + 2, WalkObserver.Step.FILL) >= 0) {
                            n++;
                        }
                    }
                    return n;
                }, null);
    }

    /**
     * R8 with R7: an invalidation makes a walk stale (and sets nothing in a FREE MSHR that counts), then a miss on
     * its leaf parks — its stale bit sampled anew, so 0 — and a sync follows: the sync needs not wait for the stale
     * walk but waits for the parked miss, which replays after the stale walk's end, walks and fills.
     */
    Slot r8Park() {
        // the idle after the invalidation lets it apply before the parking lookup (a lookup cycle defers it)
        List<Stimulus> s = List.of(load(far(0)), new Stimulus.Idle(5), elsewhere(), new Stimulus.Idle(3),
                load(far(0) + 0x100), new Stimulus.Sync());
        return new Slot("R8_PARK", "a walk made stale, then a miss parking on it, then a sync", s, LATENCY, LATENCY,
                1, "a sync acknowledged only after the miss that parked after the invalidation filled", steps -> {
                    int inv = indexOf(steps, 0, WalkObserver.Step.INVALIDATION);
                    int wait = inv < 0 ? -1 : indexOf(steps, inv, WalkObserver.Step.WAIT);
                    int fill = wait < 0 ? -1 : indexOf(steps, wait, WalkObserver.Step.FILL);
                    return fill >= 0 && indexOf(steps, fill, WalkObserver.Step.SYNC) >= 0 ? 1 : 0;
                }, null);
    }

    /** A miss on the leaf of a cold walk waits at every level of it, replaying as the walk passes each entry. */
    Slot conflictLevels() {
        List<Stimulus> s = List.of(load(far(0)), load(far(0) + 0x100));
        int levels = mode.levels();
        return new Slot("CONFLICT_LEVELS", "a cold walk and a miss on its leaf right behind it", s, LATENCY, LATENCY,
                1, "WAITs at every level 0.." + (levels - 1) + " (1 when all were seen)", steps -> {
                    for (int l = 0; l < levels; l++) {
                        int level = l;
                        if (steps.stream().noneMatch(x -> x.step() == WalkObserver.Step.WAIT && x.level() == level)) {
                            return 0;
                        }
                    }
                    return 1;
                }, null);
    }

    /** Hits behind a long miss: answered at once; with BY_ID they leave first. */
    Slot byId() {
        return new Slot("BY_ID_OVERTAKING", "warm 4 leaves; a cold walk, then 4 hits", hitsBehindMiss(), LATENCY,
                LATENCY, 1, null, null, "responses leaving before an older check's (BY_ID)");
    }

    /** The same stream in order: the hits are answered under the miss but wait behind it at the head of the ROB. */
    Slot inOrder() {
        return new Slot("IN_ORDER_HEAD_OF_LINE", "warm 4 leaves; a cold walk, then 4 hits", hitsBehindMiss(), LATENCY,
                LATENCY, 1, null, null, "hits answered while the walk waits for memory, delivered in order");
    }

    private List<Stimulus> hitsBehindMiss() {
        List<Stimulus> s = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            s.add(load(near(i)));
        }
        s.add(new Stimulus.Idle(100));
        s.add(load(far(0)));
        for (int i = 0; i < 4; i++) {
            s.add(load(near(i) + 0x40));
        }
        return s;
    }

    // ---- observations --------------------------------------------------------------------------------

    /**
     * R2 attempts (see {@link #r2}) whose walk ended unstale ({@code FILL}) and whose leaf then missed: a FILL, the
     * fence's INVALIDATION and its one SYNC (in either order), then the re-check's MISS. An attempt whose fill was
     * kept shows the end marker's second SYNC before the next MISS instead.
     */
    static long fillSuppressed(List<Seen> steps) {
        long n = 0;
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k).step() != WalkObserver.Step.FILL) {
                continue;
            }
            int inv = 0;
            int sync = 0;
            int j = k + 1;
            for (; j < steps.size(); j++) {
                WalkObserver.Step x = steps.get(j).step();
                if (x == WalkObserver.Step.INVALIDATION) {
                    inv++;
                } else if (x == WalkObserver.Step.SYNC) {
                    sync++;
                } else {
                    break;
                }
            }
            n += inv == 1 && sync == 1 && j < steps.size() && steps.get(j).step() == WalkObserver.Step.MISS ? 1 : 0;
        }
        return n;
    }

    /** How often {@code a}, then {@code b}, then {@code c} follow each other with no MISS, WAIT or REPLAY between. */
    static long pattern(List<Seen> steps, WalkObserver.Step a, WalkObserver.Step b, WalkObserver.Step c) {
        long n = 0;
        int at = 0;
        WalkObserver.Step[] want = {a, b, c};
        for (Seen x : steps) {
            if (x.step() == want[at]) {
                at++;
                if (at == want.length) {
                    n++;
                    at = 0;
                }
            } else if (x.step() == WalkObserver.Step.MISS || x.step() == WalkObserver.Step.WAIT
                    || x.step() == WalkObserver.Step.REPLAY) {
                at = 0;
            }
        }
        return n;
    }

    private static int indexOf(List<Seen> steps, int from, WalkObserver.Step step) {
        for (int k = from; k < steps.size(); k++) {
            if (steps.get(k).step() == step) {
                return k;
            }
        }
        return -1;
    }
}
