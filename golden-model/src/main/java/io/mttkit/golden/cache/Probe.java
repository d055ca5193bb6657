package io.mttkit.golden.cache;

import java.util.List;

/**
 * What the front end did with one lookup of a checker with several walks in flight ({@link MttCacheModel#probeInFlight},
 * {@link MttCacheModel#replay}; docs/nonblocking.md): answered it (Bare, PA range fault, hit), started a walk in
 * MSHR {@link #walkId()}, or parked the miss in MSHR {@link #walkId()} on the walk {@link #waitOn()} it conflicts with.
 *
 * @param kind    what happened
 * @param walkId  the MSHR of the miss (WALK, WAIT; also ANSWERED for a replay, whose MSHR is freed), else -1
 * @param waitOn  WAIT: the walk the miss is parked on, else -1
 * @param outcome ANSWERED: the answer (its events are the HIT, if any), else null
 * @param walk    WALK: the walk the model began (its reads are done), else null
 * @param events  the cache events of the lookup: HIT; MISS [+ WALK_HIT] for a walk; MISS [+ WALK_HIT] for a wait too (the
 *                walk cache is probed and touched whether or not the miss conflicts)
 */
public record Probe(Kind kind, int walkId, int waitOn, CheckOutcome outcome, PendingWalk walk, List<CacheEvent> events) {

    /** The three outcomes of a lookup. */
    public enum Kind {
        /** Answered without a walk: Bare, a PA range fault or a hit. */
        ANSWERED,
        /** A miss that starts its own walk. */
        WALK,
        /** A miss that conflicts with a walk in flight: WAIT(j), no walk (the walk cache is still probed). */
        WAIT
    }

    public Probe {
        events = List.copyOf(events);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANSWERED -> "ANSWERED " + outcome.kind() + (walkId >= 0 ? " (replay of MSHR " + walkId + ")" : "");
            case WALK -> "WALK in MSHR " + walkId + " " + events;
            case WAIT -> "WAIT in MSHR " + walkId + " on walk " + waitOn;
        };
    }
}
