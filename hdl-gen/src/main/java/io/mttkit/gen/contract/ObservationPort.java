package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code obs_*}: for co-simulation, not for synthesis users. Contract v1's pulse ({@code valid}, {@code kind},
 * {@code array}, {@code set}, {@code way}) carries the cache lookup (HIT or MISS) and {@code walker_state} the
 * walker's FSM state; a cached checker adds the walk-cache hit of a miss and the cache events
 * ({@link CacheObservationPort}) as contract v2 extension outputs.
 */
public final class ObservationPort extends Bundle {
    /** Width of {@code obs_kind}. */
    public static final int KIND_WIDTH = 3;
    /** Width of {@code obs_array}. */
    public static final int ARRAY_WIDTH = 2;
    /** {@code obs_kind} of a hit. */
    public static final int KIND_HIT = 0;
    /** {@code obs_kind} of a miss. */
    public static final int KIND_MISS = 1;

    public final Bool valid;
    public final UInt kind;
    public final UInt array;
    public final UInt set;
    public final UInt way;
    public final UInt walkerState;
    /** A miss walks from a walk-cache hit (null without a walk cache). */
    public final Bool wcHit;
    public final UInt wcIndex;
    /** The cache's events (null for a cache-less checker). */
    public final CacheObservationPort cache;
    /** Which walk each event belongs to (contract v4; null with one walk in flight). */
    public final WalkObservationPort walks;

    /**
     * @param cacheGeometry the cache, or {@code null} for a cache-less checker (contract v1: set and way 1 bit)
     * @param stateWidth    width of the walker's state
     */
    public ObservationPort(Scope s, CacheGeometry cacheGeometry, int stateWidth) {
        this(s, cacheGeometry, stateWidth, 1);
    }

    /** With {@code walks} walks in flight: more than one adds {@link WalkObservationPort} (contract v4). */
    public ObservationPort(Scope s, CacheGeometry cacheGeometry, int stateWidth, int walks) {
        super(s);
        boolean cached = cacheGeometry != null;
        boolean wc = cached && cacheGeometry.walkCacheEntries() > 0;
        valid = s.bool("valid");
        kind = s.uint("kind", KIND_WIDTH);
        array = s.uint("array", ARRAY_WIDTH);
        set = s.uint("set", cached ? cacheGeometry.setWidth() : 1);
        way = s.uint("way", cached ? cacheGeometry.wayWidth() : 1);
        walkerState = s.uint("walker_state", stateWidth);
        wcHit = wc ? s.bool("wc_hit") : null;
        wcIndex = wc ? s.uint("wc_index", cacheGeometry.walkCacheIndexWidth()) : null;
        cache = cached ? s.bundle("", x -> new CacheObservationPort(x, cacheGeometry)) : null;
        this.walks = walks > 1 ? s.bundle("", x -> new WalkObservationPort(x, walks)) : null;
    }
}
