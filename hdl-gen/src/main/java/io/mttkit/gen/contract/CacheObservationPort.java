package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * The cache events of contract v2's observation extension ({@code obs_fill_*}, {@code obs_inv_*}): every fill with
 * its placement and eviction, and the exact entries each applied invalidation cleared (one bit per entry). The
 * walk-cache fields are absent ({@code null}) without a walk cache.
 */
public final class CacheObservationPort extends Bundle {
    public final Bool fillWalk;
    public final Bool fillWalkEvict;
    public final UInt fillWalkWay;
    public final Bool fillLeaf;
    public final Bool fillLeafEvict;
    /** The fill went to the superpage array (else the leaf array). */
    public final Bool fillLeafArray;
    public final UInt fillLeafSet;
    public final UInt fillLeafWay;
    public final Bool invApply;
    public final UInt invLeaf;
    public final UInt invSuperpage;
    public final UInt invWalk;

    public CacheObservationPort(Scope s, CacheGeometry g) {
        super(s);
        fillWalk = g.walkCacheEntries() > 0 ? s.bool("fill_walk") : null;
        fillWalkEvict = g.walkCacheEntries() > 0 ? s.bool("fill_walk_evict") : null;
        fillWalkWay = g.walkCacheEntries() > 0 ? s.uint("fill_walk_way", g.walkCacheIndexWidth()) : null;
        fillLeaf = s.bool("fill_leaf");
        fillLeafEvict = s.bool("fill_leaf_evict");
        fillLeafArray = s.bool("fill_leaf_array");
        fillLeafSet = s.uint("fill_leaf_set", g.setWidth());
        fillLeafWay = s.uint("fill_leaf_way", g.wayWidth());
        invApply = s.bool("inv_apply");
        invLeaf = s.uint("inv_leaf", g.leafSets() * g.leafWays());
        invSuperpage = s.uint("inv_superpage", g.superpageEntries());
        invWalk = g.walkCacheEntries() > 0 ? s.uint("inv_walk", g.walkCacheEntries()) : null;
    }
}
