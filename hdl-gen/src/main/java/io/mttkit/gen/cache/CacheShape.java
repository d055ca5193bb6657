package io.mttkit.gen.cache;

import io.mttkit.gen.walker.WalkerParams;

/**
 * The cache geometry and fence policy of a cached checker (CHECKER-MICROARCH.md §2, cache-model.md §1): what a
 * checker adds to its {@link WalkerParams} to instantiate an {@link MttCache}. XLEN, {@code paw}, {@code sdidLen}
 * and {@code v01OneGigAsOneGiB} come from the walker parameters, so the two can never disagree.
 *
 * @param leafSets              sets of the leaf array, 1..256, a power of two (default 16)
 * @param leafWays              ways per set, 1..16, a power of two (default 4)
 * @param superpageEntries      superpage/NAPOT array entries, 1..64, a power of two (default 8)
 * @param walkCacheEntries      walk-cache entries, 0 (none) or a power of two up to 64 (default 4)
 * @param minvalQueueDepth      MINVAL.PA queue entries, 1..64 (default 4)
 * @param paFenceDropsWalkCache a PA fence also drops covering walk-cache entries (default true)
 */
public record CacheShape(int leafSets, int leafWays, int superpageEntries, int walkCacheEntries,
                         int minvalQueueDepth, boolean paFenceDropsWalkCache) {

    /** The defaults: 16 sets × 4 ways, 8 superpage entries, 4 walk-cache entries, queue depth 4, PA fences drop. */
    public static final CacheShape DEFAULT = new CacheShape(16, 4, 8, 4, 4, true);

    /** Checks every value (the same ranges and messages as {@link MttCacheParams}). */
    public CacheShape {
        new MttCacheParams(64, 56, leafSets, leafWays, superpageEntries, walkCacheEntries, 6, minvalQueueDepth,
                paFenceDropsWalkCache, false);
    }

    /** The cache parameters of a checker with walker parameters {@code w}. */
    public MttCacheParams params(WalkerParams w) {
        return new MttCacheParams(w.xlen(), w.paw(), leafSets, leafWays, superpageEntries, walkCacheEntries,
                w.sdidLen(), minvalQueueDepth, paFenceDropsWalkCache, w.v01OneGigAsOneGiB());
    }
}
