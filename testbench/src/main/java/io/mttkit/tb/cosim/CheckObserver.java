package io.mttkit.tb.cosim;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.Invalidation;
import java.util.List;

/**
 * Called once per check that matched (coverage sampling, {@code io.mttkit.tb.coverage}): the request and the
 * golden result it was compared against, or {@code null} for a bypass/Bare check or an unimplemented
 * {@code req_mode} (answered by the contract, not by a walk). The result object is reused: read it at once.
 */
@FunctionalInterface
public interface CheckObserver {
    void onCheck(CheckRequest request, LookupResult golden);

    /**
     * Called for every cache event that matched the RTL (cached checkers only; coverage of VERIFICATION-PLAN §5,
     * cache bins). Default: ignored.
     */
    default void onCache(CacheObservation observation) {
    }

    /**
     * One compared cache step, in the order the scoreboard drives the golden cache model.
     *
     * @param step        what happened
     * @param request     the check (LOOKUP, FILL), else null
     * @param events      the golden cache model's events of the step (HIT / MISS, WALK_HIT / EVICT, FILL /
     *                    INVALIDATE ...), equal to what the RTL reported
     * @param invalidation the operand (INVALIDATION_ACCEPTED, INVALIDATION_APPLIED), else null
     * @param walkReads   MPTE reads the walk in flight had issued in that cycle, -1 when no walk was in flight
     * @param sameCycleInvalidation FILL: an invalidation was applied in the fill cycle (R2: no fill)
     * @param stale       FILL: the walk was stale (R1)
     * @param queued      MINVAL.PA operands queued after the step
     * @param syncWaitCycles SYNC: cycles from the sync's presentation to its acknowledgement, else -1
     */
    record CacheObservation(CacheStep step, CheckRequest request,
                                   List<CacheEvent> events,
                                   Invalidation invalidation, int walkReads,
                                   boolean sameCycleInvalidation, boolean stale, int queued,
                                   long syncWaitCycles) {
    }

    /** Kinds of {@link CacheObservation}. */
    enum CacheStep {
        /** a check probed the cache: HIT, or MISS [+ WALK_HIT]. */
        LOOKUP,
        /** a walk answered: its fills and evictions (possibly none). */
        FILL,
        /** the RTL accepted an invalidation into its MINVAL.PA queue. */
        INVALIDATION_ACCEPTED,
        /** the RTL applied the oldest queued invalidation: the entries it cleared. */
        INVALIDATION_APPLIED,
        /** the RTL acknowledged a sync. */
        SYNC
    }
}
