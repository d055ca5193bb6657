package io.mttkit.tb.cosim;

/**
 * Told of every compared step of a checker with several walks in flight ({@link WalkScoreboard}), with how many walks
 * were in flight (MSHRs in WALK) when it happened: the coverage of "walks in flight × event" (docs/nonblocking.md
 * "Golden side and scoreboard", {@code io.mttkit.tb.coverage.WalkCoverage}).
 */
@FunctionalInterface
public interface WalkObserver {

    /** What happened. */
    enum Step {
        /** a miss started its walk (a new request or a replay); walks in flight before it */
        MISS,
        /** a miss parked on a conflicting walk; {@code level} = the level of the entry they share */
        WAIT,
        /** a parked miss replayed its lookup; walks in flight before it */
        REPLAY,
        /** a walk filled (or ended with nothing cacheable); walks in flight including it */
        FILL,
        /** a stale walk ended without filling (R1); walks in flight including it */
        STALE_FILL,
        /** a sync was acknowledged; walks in flight when its request rose */
        SYNC,
        /** an invalidation was applied; walks in flight (all of them now stale) */
        INVALIDATION,
        /**
         * two or more walks' results were ready in one cycle (the fill arbiter ends the lowest, the others wait); walks
         * in flight then
         */
        WALKS_END_TOGETHER
    }

    /**
     * @param step  what happened
     * @param walks walks in flight (0..W) as the step defines
     * @param level WAIT: the shared entry's level; else -1
     */
    void onWalkStep(Step step, int walks, int level);
}
