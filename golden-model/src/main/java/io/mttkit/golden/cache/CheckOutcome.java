package io.mttkit.golden.cache;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;

import java.util.List;

/**
 * What the cache-fronted checker answered for one request, and what it did in the cache.
 *
 * <p>{@link #result()} carries the verdict fields (allow, cause, XWR, level, leaf and uniform sizes) and, for
 * a miss, the walk's reads and pointers; a hit has zero reads. {@link #cacheable()} is the response's
 * {@code rsp_cacheable}: the lookup's statement, cleared when the walk was stale.
 */
public final class CheckOutcome {

    /** How the request was served. */
    public enum Kind {
        /** Bare mode: allowed, no probe, no reads. */
        BYPASS,
        /** PA range fault: decided before the probe, no cache activity, no reads. */
        RANGE_FAULT,
        /** Answered from the leaf or superpage array. */
        HIT,
        /** Walked (possibly from a walk-cache hit). */
        MISS
    }

    private final Kind kind;
    private final LookupResult result;
    private final boolean stale;
    private final boolean retry;
    private final int walkStartLevel;
    private final List<CacheEvent> events;

    CheckOutcome(Kind kind, LookupResult result, boolean stale, boolean retry, int walkStartLevel,
                 List<CacheEvent> events) {
        this.kind = kind;
        this.result = result;
        this.stale = stale;
        this.retry = retry;
        this.walkStartLevel = walkStartLevel;
        this.events = List.copyOf(events);
    }

    public Kind kind() {
        return kind;
    }

    public boolean hit() {
        return kind == Kind.HIT;
    }

    /** The verdict and, for a walk, its reads and pointers. */
    public LookupResult result() {
        return result;
    }

    public boolean allow() {
        return result.allow();
    }

    public Cause cause() {
        return result.cause();
    }

    /** {@code rsp_cacheable}: a valid, well-formed leaf decided and the walk was not stale. */
    public boolean cacheable() {
        return result.cacheable() && !stale;
    }

    /** {@code rsp_stale}: an invalidation was applied while the walk was in flight (race rule R1). */
    public boolean stale() {
        return stale;
    }

    /** True when the walk was stale and the policy is {@link FenceDuringWalk#RETRY}: the requester replays. */
    public boolean mustRetry() {
        return retry;
    }

    /**
     * Level of the table the walk started in: the root level for a walk from {@code mmpt}/{@code mttp}, lower
     * for a walk-cache hit; -1 when there was no walk.
     */
    public int walkStartLevel() {
        return walkStartLevel;
    }

    /** Cache events of this call, in their normative order. */
    public List<CacheEvent> events() {
        return events;
    }

    @Override
    public String toString() {
        return kind + (stale ? " stale" : "") + (retry ? " retry" : "") + " " + result
                + (walkStartLevel >= 0 ? " walk-start=L" + walkStartLevel : "") + " events=" + events;
    }
}
