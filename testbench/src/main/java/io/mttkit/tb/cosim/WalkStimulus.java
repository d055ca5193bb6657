package io.mttkit.tb.cosim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The stimulus pieces a checker with several walks in flight needs (docs/nonblocking.md; issue #15), to follow a
 * check the random stream just sent: bursts of misses to distinct regions (so W walks overlap), misses sharing an
 * entry with a walk in flight at each level (WAIT, replay), and fences overtaking the walks (MINVAL.PA and MFENCE.PA
 * placed a few cycles into them: R1 for every walk, R2 when one lands on a fill, R7 for a sync behind older walks).
 * Uses its own random stream; ready to be switched on by {@code WorldStimulus} when the generator lands — a W = 1
 * checker never calls it, so today's stimulus and its digests do not change.
 */
final class WalkStimulus {
    /** Bits of the PA a walk-cache table of level 0 covers (32 MiB): distinct regions differ above them. */
    private static final int REGION_LOG2 = 25;
    /** Where the PAs of a conflicting miss may differ from the walk's: inside the leaf, the L0 table, L1, L2 entry. */
    private static final int[] SHARE_LOG2 = {16, 25, 34, 43};

    private final SplittableRandom rnd;
    private final int walksInFlight;
    private final int queueDepth;
    private final long paMask;

    /**
     * @param rnd           its own random stream
     * @param walksInFlight W of the checker, 2..8
     * @param queueDepth    MINVAL.PA queue depth
     * @param paWidth       width of {@code req_pa}
     */
    WalkStimulus(SplittableRandom rnd, int walksInFlight, int queueDepth, int paWidth) {
        if (walksInFlight < 2 || walksInFlight > 8) {
            throw new IllegalArgumentException("walk stimulus needs W in 2..8, got " + walksInFlight);
        }
        this.rnd = rnd;
        this.walksInFlight = walksInFlight;
        this.queueDepth = queueDepth;
        this.paMask = paWidth == 64 ? -1L : (1L << paWidth) - 1;
    }

    /** Appends, after check {@code last}, one piece (or nothing): a burst, a conflict, an overtaking fence. */
    void after(CheckRequest last, Supplier<CheckRequest> fresh, List<Stimulus> out) {
        int k = rnd.nextInt(100);
        if (k < 10) {
            burst(last, fresh, out);
        } else if (k < 18) {
            conflicting(last, out);
        } else if (k < 24) {
            burst(last, fresh, out);
            overtaking(out);
        } else if (k < 27) {
            burst(last, fresh, out);
            out.add(new Stimulus.Sync()); // an empty queue: the sync waits for the older walks (R7)
        }
    }

    /** Up to W − 1 more checks, back to back, each in a 32 MiB region none of the others (nor {@code last}) uses. */
    void burst(CheckRequest last, Supplier<CheckRequest> fresh, List<Stimulus> out) {
        Set<Long> regions = new HashSet<>();
        regions.add(last.pa() >>> REGION_LOG2);
        int want = 1 + rnd.nextInt(walksInFlight - 1);
        for (int tries = 0; tries < 8 * want && regions.size() <= want; tries++) {
            CheckRequest c = fresh.get();
            if (!c.isBypass() && c.mode() != null && regions.add(c.pa() >>> REGION_LOG2)) {
                out.add(c);
            }
        }
    }

    /**
     * A check right behind {@code last} whose PA shares its leaf, its level-0 table, its level-1 table or its level-2
     * entry (chosen at random): a miss conflicting with {@code last}'s walk at that level while the walk is there.
     */
    void conflicting(CheckRequest last, List<Stimulus> out) {
        int share = SHARE_LOG2[rnd.nextInt(SHARE_LOG2.length)];
        long pa = (last.pa() ^ (rnd.nextLong() & ((1L << share) - 1))) & paMask;
        int need = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(7) : last.need();
        out.add(new CheckRequest(pa, need, last.mode(), last.rawMode(), last.rootPpn(), last.sdid(), last.be(),
                last.bypass()));
    }

    /**
     * Fences overtaking the walks just started: an idle gap of 0 to 40 cycles (into a walk of 1..5 levels at
     * latency 1..8), then a MINVAL.PA batch of 1 .. queue depth, or an MFENCE.PA (invalidation + sync).
     */
    void overtaking(List<Stimulus> out) {
        int gap = rnd.nextInt(41);
        if (gap > 0) {
            out.add(new Stimulus.Idle(gap));
        }
        if (rnd.nextBoolean()) {
            int batch = 1 + rnd.nextInt(queueDepth);
            for (int i = 0; i < batch; i++) {
                out.add(invalidation());
            }
        } else {
            out.add(invalidation());
            out.add(new Stimulus.Sync());
        }
    }

    private Stimulus.Invalidate invalidation() {
        // an empty PA fence still makes every walk in flight stale (R1): the walks need not be hit
        return rnd.nextBoolean() ? Stimulus.Invalidate.all()
                : new Stimulus.Invalidate(true, rnd.nextLong() & paMask & ~0xFFFL, false, 0);
    }

    /** The pieces of {@code checks} consecutive random checks, for tests and a future world stream. */
    List<Stimulus> stream(int checks, Supplier<CheckRequest> fresh) {
        List<Stimulus> out = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            CheckRequest c = fresh.get();
            out.add(c);
            after(c, fresh, out);
        }
        return out;
    }
}
