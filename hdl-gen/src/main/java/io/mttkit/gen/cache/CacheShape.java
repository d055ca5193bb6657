package io.mttkit.gen.cache;

import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import io.mttkit.gen.walker.WalkerParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** {@code leafSets}. */
    public static final Param<Integer> LEAF_SETS = Param.powerOfTwo("leafSets", 16, 1, 256, "sets of the leaf array");
    /** {@code leafWays}. */
    public static final Param<Integer> LEAF_WAYS = Param.powerOfTwo("leafWays", 4, 1, 16, "ways per leaf-array set");
    /** {@code superpageEntries}. */
    public static final Param<Integer> SUPERPAGE_ENTRIES = Param.powerOfTwo("superpageEntries", 8, 1, 64,
            "entries of the fully associative superpage/NAPOT array");
    /** {@code walkCacheEntries}. */
    public static final Param<Integer> WALK_CACHE_ENTRIES = Param.zeroOrPowerOfTwo("walkCacheEntries", 4, 64,
            "entries of the walk cache (0: no walk cache)");
    /** {@code minvalQueueDepth}. */
    public static final Param<Integer> MINVAL_QUEUE_DEPTH = Param.integer("minvalQueueDepth", 4, 1, 64,
            "entries of the MINVAL.PA queue");
    /** {@code paFenceDropsWalkCache}. */
    public static final Param<Boolean> PA_FENCE_DROPS_WALK_CACHE = Param.flag("paFenceDropsWalkCache", true,
            "a fence with a PA also drops the walk-cache entries covering it");

    /** The descriptors, in documentation order. */
    public static final List<Param<?>> PARAMETERS = List.of(LEAF_SETS, LEAF_WAYS, SUPERPAGE_ENTRIES,
            WALK_CACHE_ENTRIES, MINVAL_QUEUE_DEPTH, PA_FENCE_DROPS_WALK_CACHE);

    /** The defaults: 16 sets × 4 ways, 8 superpage entries, 4 walk-cache entries, queue depth 4, PA fences drop. */
    public static final CacheShape DEFAULT = new CacheShape(LEAF_SETS.defaultValue(), LEAF_WAYS.defaultValue(),
            SUPERPAGE_ENTRIES.defaultValue(), WALK_CACHE_ENTRIES.defaultValue(), MINVAL_QUEUE_DEPTH.defaultValue(),
            PA_FENCE_DROPS_WALK_CACHE.defaultValue());

    /** Checks every value against its descriptor. */
    public CacheShape {
        LEAF_SETS.check(leafSets);
        LEAF_WAYS.check(leafWays);
        SUPERPAGE_ENTRIES.check(superpageEntries);
        WALK_CACHE_ENTRIES.check(walkCacheEntries);
        MINVAL_QUEUE_DEPTH.check(minvalQueueDepth);
    }

    /** The shape from checked configuration values. */
    public static CacheShape of(ParamValues v) {
        return new CacheShape(v.get(LEAF_SETS), v.get(LEAF_WAYS), v.get(SUPERPAGE_ENTRIES), v.get(WALK_CACHE_ENTRIES),
                v.get(MINVAL_QUEUE_DEPTH), v.get(PA_FENCE_DROPS_WALK_CACHE));
    }

    /** The values by descriptor, in {@link #PARAMETERS} order. */
    public ParamValues values() {
        Map<Param<?>, Object> m = new LinkedHashMap<>();
        m.put(LEAF_SETS, leafSets);
        m.put(LEAF_WAYS, leafWays);
        m.put(SUPERPAGE_ENTRIES, superpageEntries);
        m.put(WALK_CACHE_ENTRIES, walkCacheEntries);
        m.put(MINVAL_QUEUE_DEPTH, minvalQueueDepth);
        m.put(PA_FENCE_DROPS_WALK_CACHE, paFenceDropsWalkCache);
        return ParamValues.of(m);
    }

    /** The cache parameters of a checker with walker parameters {@code w}. */
    public MttCacheParams params(WalkerParams w) {
        return new MttCacheParams(w.xlen(), w.paw(), w.sdidLen(), w.v01OneGigAsOneGiB(), this);
    }
}
