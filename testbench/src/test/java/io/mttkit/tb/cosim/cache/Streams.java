package io.mttkit.tb.cosim.cache;

import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.CheckObserver.CacheObservation;
import io.mttkit.tb.cosim.CheckObserver.CacheStep;
import io.mttkit.tb.cosim.Stimulus;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for building request streams and reading what the cache did with them. */
final class Streams {
    private Streams() {
    }

    static final Stimulus.Sync SYNC = new Stimulus.Sync();

    /** An MFENCE.PA / MINVAL.PA operand of every kind (rs1 = x0: no PA; rs2 = x0: no SDID). */
    static Stimulus.Invalidate all() {
        return Stimulus.Invalidate.all();
    }

    static Stimulus.Invalidate sdid(int sdid) {
        return new Stimulus.Invalidate(false, 0, true, sdid);
    }

    static Stimulus.Invalidate pa(long pa) {
        return new Stimulus.Invalidate(true, pa, false, 0);
    }

    static Stimulus.Invalidate paSdid(long pa, int sdid) {
        return new Stimulus.Invalidate(true, pa, true, sdid);
    }

    /** MFENCE.PA: the invalidation, then the sync the top sequences after it (docs/cache-rtl.md §7.1). */
    static List<Stimulus> mfence(Stimulus.Invalidate inv) {
        return List.of(inv, SYNC);
    }

    /** An idle gap of {@code cycles} (nothing for 0: the bridge refuses empty gaps). */
    static List<Stimulus> idle(int cycles) {
        return cycles <= 0 ? List.of() : List.of(new Stimulus.Idle(cycles));
    }

    /** Concatenates stimuli and lists of stimuli in order. */
    static List<Stimulus> of(Object... items) {
        List<Stimulus> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Stimulus s) {
                out.add(s);
            } else if (o instanceof List<?> l) {
                for (Object x : l) {
                    out.add((Stimulus) x);
                }
            } else {
                throw new IllegalArgumentException("not a stimulus: " + o);
            }
        }
        return out;
    }

    /** Empties the cache (global MFENCE.PA) and forgets what the recorder saw. */
    static void clear(CosimHarness h, Recorder rec) {
        h.run(mfence(all()));
        rec.clear();
    }

    /**
     * For every walk answered in {@code rec}'s steps, checks the fill rules R1/R2 of cache-model.md §6.2 against the
     * observed order: an invalidation applied after the walk's MISS and before its response makes it stale with no
     * fill; one applied in the response cycle suppresses the fill without making it stale. Returns a description of
     * the first violation, or null.
     */
    static String fillRuleViolation(Recorder rec) {
        int lastMiss = -1;
        boolean appliedSinceMiss = false;
        for (int i = 0; i < rec.steps.size(); i++) {
            CacheObservation o = rec.steps.get(i);
            switch (o.step()) {
                case LOOKUP -> {
                    boolean miss = o.events().get(0).kind() == io.mttkit.golden.cache.CacheEvent.Kind.MISS;
                    if (miss) {
                        lastMiss = i;
                        appliedSinceMiss = false;
                    }
                }
                case INVALIDATION_APPLIED -> appliedSinceMiss = true;
                case FILL -> {
                    if (lastMiss < 0) {
                        return "step " + i + ": a fill without a miss";
                    }
                    if (appliedSinceMiss && (!o.stale() || !o.events().isEmpty())) {
                        return "step " + i + ": an invalidation was applied during the walk (R1) but the fill is "
                                + (o.stale() ? "" : "not stale and ") + "filled " + o.events();
                    }
                    if (!appliedSinceMiss && o.stale()) {
                        return "step " + i + ": stale although no invalidation was applied during the walk";
                    }
                    if (o.sameCycleInvalidation() && !o.events().isEmpty()) {
                        return "step " + i + ": an invalidation was applied in the fill cycle (R2) but it filled "
                                + o.events();
                    }
                    lastMiss = -1;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Number of steps of kind {@code step}. */
    static long count(Recorder rec, CacheStep step) {
        return rec.steps.stream().filter(o -> o.step() == step).count();
    }
}
