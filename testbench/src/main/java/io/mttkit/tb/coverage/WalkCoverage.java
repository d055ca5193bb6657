package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.WalkObserver;

/**
 * Coverage of a checker with several walks in flight (docs/nonblocking.md "Golden side and scoreboard"): walks in
 * flight × event, conflicts at every level, walks ending in one cycle. Defined up front from W and the deepest walk
 * of the configured modes, so what is never reached is a named hole; sampled from the scoreboard's compared steps
 * ({@link WalkObserver}). Groups:
 * <ul>
 * <li>{@value #IN_FLIGHT}: {@code <event> with <k> walks} for every k the event can have: a miss or a replay with 0 ..
 *     W − 1 walks already in flight, a wait with 1 .. W − 1, a fill and a stale fill with 1 .. W (itself included),
 *     a sync acknowledged and an invalidation applied with 0 .. W, two or more walks ready to end in one cycle
 *     (the fill arbiter ends the lowest, docs/cache-model.md §11 "Walk ends") with 2 .. W;</li>
 * <li>{@value #CONFLICT}: {@code conflict at L<l>}: a miss parked on a walk reading an entry at level l, for every
 *     level of the deepest mode.</li>
 * </ul>
 * Not wired into {@code CheckerCoverage} until the generator of issue #15 lands: a W = 1 checker has none of these
 * bins (so today's coverage files and reports do not change).
 */
public final class WalkCoverage implements WalkObserver {
    public static final String IN_FLIGHT = "walks_in_flight";
    public static final String CONFLICT = "walk_conflict";

    private final CoverageDb db;

    /**
     * Defines the bins in {@code db}.
     *
     * @param walksInFlight W, 2..8
     * @param levels        levels of the deepest configured mode (e.g. 5 for Smmpt64)
     */
    public WalkCoverage(CoverageDb db, int walksInFlight, int levels) {
        if (walksInFlight < 2 || walksInFlight > 8) {
            throw new IllegalArgumentException("walks-in-flight coverage needs W in 2..8, got " + walksInFlight);
        }
        this.db = db;
        for (Step s : Step.values()) {
            for (int k = lowest(s); k <= highest(s, walksInFlight); k++) {
                db.define(IN_FLIGHT, bin(s, k));
            }
        }
        for (int l = 0; l < levels; l++) {
            db.define(CONFLICT, "conflict at L" + l);
        }
    }

    private static int lowest(Step s) {
        return switch (s) {
            case MISS, REPLAY, SYNC, INVALIDATION -> 0;
            case WAIT, FILL, STALE_FILL -> 1;
            case WALKS_END_TOGETHER -> 2;
        };
    }

    private static int highest(Step s, int w) {
        return switch (s) {
            case MISS, REPLAY, WAIT -> w - 1; // it needs a free MSHR
            default -> w;
        };
    }

    static String bin(Step s, int walks) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " with " + walks + " walks";
    }

    @Override
    public void onWalkStep(Step step, int walks, int level) {
        db.hit(IN_FLIGHT, bin(step, walks));
        if (step == Step.WAIT) {
            db.hit(CONFLICT, "conflict at L" + level);
        }
    }
}
