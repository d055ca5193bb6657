package io.mttkit.gen.contract;

import io.mttkit.hdl.Hw;

/**
 * The sizes of the cache structures the observation port reports on, and the widths they give its fields.
 *
 * @param leafSets         sets of the leaf array
 * @param leafWays         ways per set
 * @param superpageEntries superpage/NAPOT array entries
 * @param walkCacheEntries walk-cache entries (0: none)
 */
public record CacheGeometry(int leafSets, int leafWays, int superpageEntries, int walkCacheEntries) {
    /** Width of a leaf-array set number ({@code obs_set}, {@code obs_fill_leaf_set}). */
    public int setWidth() {
        return Hw.indexWidth(leafSets);
    }

    /** Width of a way or superpage entry number: wide enough for both arrays. */
    public int wayWidth() {
        return Hw.indexWidth(Math.max(leafWays, superpageEntries));
    }

    /** Width of a walk-cache entry number. */
    public int walkCacheIndexWidth() {
        return Hw.indexWidth(Math.max(1, walkCacheEntries));
    }
}
