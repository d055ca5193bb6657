package io.mttkit.tb.cosim.cache;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckObserver.CacheObservation;
import io.mttkit.tb.cosim.CheckObserver.CacheStep;
import io.mttkit.tb.cosim.CheckObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the cache steps the scoreboard compared (each one already equal between the RTL and the golden cache
 * model), so a directed test can assert its item's own point on them: which array/set/way a fill or eviction used,
 * what an applied invalidation cleared, whether a walk was stale or met an invalidation in its fill cycle.
 */
final class Recorder implements CheckObserver {
    final List<CacheObservation> steps = new ArrayList<>();

    @Override
    public void onCheck(CheckRequest request, LookupResult golden) {
        // verdicts are read from CosimHarness.answers()
    }

    @Override
    public void onCache(CacheObservation observation) {
        steps.add(observation);
    }

    void clear() {
        steps.clear();
    }

    List<CacheObservation> of(CacheStep step) {
        return steps.stream().filter(o -> o.step() == step).toList();
    }

    /** Every event of the steps of kind {@code step}, in order. */
    List<CacheEvent> events(CacheStep step) {
        List<CacheEvent> out = new ArrayList<>();
        for (CacheObservation o : of(step)) {
            out.addAll(o.events());
        }
        return out;
    }

    /** Index in {@link #steps} of the first step of kind {@code step} at or after {@code from}, -1 when none. */
    int indexOf(CacheStep step, int from) {
        for (int i = from; i < steps.size(); i++) {
            if (steps.get(i).step() == step) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("cache steps:\n");
        for (CacheObservation o : steps) {
            sb.append("  ").append(o.step());
            if (o.invalidation() != null) {
                sb.append(' ').append(o.invalidation());
            }
            if (o.walkReads() >= 0) {
                sb.append(" walkReads=").append(o.walkReads());
            }
            if (o.step() == CacheStep.FILL) {
                sb.append(" stale=").append(o.stale()).append(" sameCycleInvalidation=").append(o.sameCycleInvalidation());
            }
            sb.append(" queued=").append(o.queued()).append(' ').append(o.events()).append('\n');
        }
        return sb.toString();
    }
}
