package io.mttkit.golden.cache;

import io.mttkit.golden.LookupResult;

import java.util.List;

/**
 * A walk in flight, between {@link MttCacheModel#beginMiss} and {@link MttCacheModel#finishMiss}. It keeps the
 * context it started with (race rule R4), the invalidation epoch sampled at its start (R1), the walk-cache
 * probe result, and the walk itself (the model performs the walk's reads at {@code beginMiss}, so memory
 * edits after that are invisible to it, as they would be to a walk whose reads were already issued).
 */
public final class PendingWalk {
    private final CheckContext ctx;
    private final long pa;
    private final int need;
    private final long epochAtStart;
    private final long resetGeneration;
    private final int walkHitWay;
    private final int startLevel;
    private final long startTablePpn;
    private final LookupResult result;
    private final List<CacheEvent> events;
    private boolean finished;

    PendingWalk(CheckContext ctx, long pa, int need, long epochAtStart, long resetGeneration, int walkHitWay,
                int startLevel, long startTablePpn, LookupResult result, List<CacheEvent> events) {
        this.ctx = ctx;
        this.pa = pa;
        this.need = need;
        this.epochAtStart = epochAtStart;
        this.resetGeneration = resetGeneration;
        this.walkHitWay = walkHitWay;
        this.startLevel = startLevel;
        this.startTablePpn = startTablePpn;
        this.result = result;
        this.events = List.copyOf(events);
    }

    public CheckContext context() {
        return ctx;
    }

    public long pa() {
        return pa;
    }

    public int need() {
        return need;
    }

    /** Invalidation epoch when the walk started (its walk-cache probe / first read). */
    public long epochAtStart() {
        return epochAtStart;
    }

    /** Walk-cache entry that supplied the start, or -1 when the walk started at the root. */
    public int walkHitWay() {
        return walkHitWay;
    }

    /** Level of the first table read. */
    public int startLevel() {
        return startLevel;
    }

    /** PPN of the first table read: the root, or the walk-cache entry's table. */
    public long startTablePpn() {
        return startTablePpn;
    }

    /** The walk's verdict, reads and pointers. */
    public LookupResult result() {
        return result;
    }

    /** Events of the walk's start: MISS, then WALK_HIT if the walk cache supplied the start. */
    public List<CacheEvent> events() {
        return events;
    }

    public boolean finished() {
        return finished;
    }

    long resetGeneration() {
        return resetGeneration;
    }

    void markFinished() {
        finished = true;
    }
}
