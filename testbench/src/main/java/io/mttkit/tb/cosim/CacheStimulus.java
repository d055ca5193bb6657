package io.mttkit.tb.cosim;

import io.mttkit.tb.dut.CheckerDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The part of the random stimulus that exercises a cached checker (VERIFICATION-PLAN §2, §4 #21–#31, #37–#40):
 * locality (checks near recent ones, so that leaves, superpages and walk-cache entries are hit, filled, evicted
 * and overwritten), a small set of SDIDs (so that SDID-tagged entries and fences matter, with bits above
 * {@code sdidLen} now and then), and fences of all four operand kinds — MFENCE.PA (invalidation + sync), MINVAL.PA
 * batches (0 to queue depth + 2) closed by SFENCE.INVAL.IR, lone syncs — placed between checks, with idle gaps
 * that let the queue drain, and bursts of checks each presented with a MINVAL.PA operand in the same cycle. Uses
 * its own random stream.
 */
final class CacheStimulus {
    private static final int RECENT = 24;

    private final SplittableRandom rnd;
    private final CheckerDescription params;
    private final CheckerDescription.Cache shape;
    private final long paMask;
    private final List<CheckRequest> recent = new ArrayList<>();
    private final int[] sdids;

    CacheStimulus(SplittableRandom rnd, CheckerDescription params, CheckerDescription.Cache shape) {
        this.rnd = rnd;
        this.params = params;
        this.shape = shape;
        this.paMask = params.paWidth() == 64 ? -1L : (1L << params.paWidth()) - 1;
        int portMask = (1 << params.sdidPortWidth()) - 1;
        // three domains plus one that differs from the first only above sdidLen (must alias to it)
        int a = rnd.nextInt(portMask + 1);
        this.sdids = new int[] {a, rnd.nextInt(portMask + 1), rnd.nextInt(portMask + 1),
                a ^ (portMask & ~((1 << params.sdidLen()) - 1))};
    }

    SplittableRandom rnd() {
        return rnd;
    }

    /** The next check: often a neighbour of a recent one (same page, same 64 KiB, same 2 MiB), else a fresh one. */
    CheckRequest check(Supplier<CheckRequest> fresh) {
        CheckRequest c;
        int k = rnd.nextInt(100);
        if (k < 60 && !recent.isEmpty()) {
            CheckRequest r = recent.get(rnd.nextInt(recent.size()));
            long pa = switch (rnd.nextInt(4)) {
                case 0 -> r.pa();
                case 1 -> r.pa() ^ rnd.nextInt(1 << 12);
                case 2 -> r.pa() ^ rnd.nextInt(1 << 16);
                default -> r.pa() ^ rnd.nextInt(1 << 21);
            };
            int need = rnd.nextInt(3) == 0 ? rnd.nextInt(8) : r.need();
            c = new CheckRequest(pa & paMask, need, r.mode(), r.rawMode(), r.rootPpn(), sdid(r.sdid()), r.be(),
                    r.bypass());
        } else {
            CheckRequest f = fresh.get();
            c = new CheckRequest(f.pa(), f.need(), f.mode(), f.rawMode(), f.rootPpn(),
                    sdids[rnd.nextInt(sdids.length)], f.be(), f.bypass());
        }
        if (!c.isBypass() && c.mode() != null) {
            if (recent.size() < RECENT) {
                recent.add(c);
            } else {
                recent.set(rnd.nextInt(RECENT), c);
            }
        }
        return c;
    }

    private int sdid(int keep) {
        return rnd.nextInt(8) != 0 ? keep : sdids[rnd.nextInt(sdids.length)];
    }

    /** Checks of the current burst still to be presented with an operand. */
    private int pairsLeft;

    /**
     * The MINVAL.PA operand to present in the same cycle as the next check, or null (issue #17): now and then a
     * burst of 2 .. queue depth + 4 consecutive checks each comes with one, as from a hart whose invalidations do
     * not stop its lookups — while they hit, the cache applies only when its queue is full.
     */
    Stimulus.Invalidate withNextCheck() {
        if (pairsLeft == 0 && rnd.nextInt(1000) < 4) {
            pairsLeft = 2 + rnd.nextInt(shape.minvalQueueDepth() + 3);
        }
        if (pairsLeft == 0) {
            return null;
        }
        pairsLeft--;
        return randomInvalidation().withNextCheck();
    }

    /** Appends the fences (if any) that follow the check just added. */
    void fences(List<Stimulus> out) {
        int k = rnd.nextInt(1000);
        if (k < 12) {
            out.add(randomInvalidation()); // MFENCE.PA
            out.add(new Stimulus.Sync());
        } else if (k < 20) {
            int batch = rnd.nextInt(shape.minvalQueueDepth() + 3); // 0 .. depth + 2 (backpressure)
            for (int i = 0; i < batch; i++) {
                out.add(randomInvalidation()); // MINVAL.PA
            }
            if (rnd.nextInt(4) != 0) {
                out.add(new Stimulus.Sync()); // SFENCE.INVAL.IR (else: left to drain while checks go on)
            }
        } else if (k < 23) {
            out.add(new Stimulus.Sync());
        } else if (k < 26) {
            out.add(new Stimulus.Idle(1 + rnd.nextInt(12)));
        } else if (k < 50) {
            // MFENCE.PA timed to the walk of the check just sent: accepted k + 1 cycles after it, its sync waiting in
            // the following cycle — when that is the walk's response cycle, the invalidation is applied in the fill
            // cycle (R2: it wins, nothing is filled), otherwise the walk is stale (R1) or already filled
            out.add(new Stimulus.Idle(3 + rnd.nextInt(32))); // a walk of 1..5 levels at latency 1..8
            out.add(randomInvalidation());
            out.add(new Stimulus.Sync());
        }
    }

    private Stimulus.Invalidate randomInvalidation() {
        boolean hasPa = rnd.nextInt(3) != 0;
        boolean hasSdid = rnd.nextBoolean();
        long pa = 0;
        if (hasPa) {
            long base = recent.isEmpty() ? rnd.nextLong() : recent.get(rnd.nextInt(recent.size())).pa();
            // inside the entry, or just below/above a range boundary (VERIFICATION-PLAN §4 #24)
            pa = switch (rnd.nextInt(5)) {
                case 0 -> base;
                case 1 -> base ^ rnd.nextInt(1 << 16);
                case 2 -> (base | 0xFFFF) + 1;
                case 3 -> (base & ~0xFFFFL) - 1;
                default -> base ^ rnd.nextInt(1 << 25);
            };
        }
        long pawMask = params.paw() >= 64 ? -1L : (1L << params.paw()) - 1;
        int sdid = hasSdid ? sdids[rnd.nextInt(sdids.length)] : 0;
        return new Stimulus.Invalidate(hasPa, pa & pawMask, hasSdid, sdid);
    }
}
