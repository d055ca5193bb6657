package io.mttkit.gen.cache;

import io.mttkit.gen.walker.WalkerParams;

/**
 * Compile-time parameters of the MTT cache ({@code docs/cache-model.md} §1): the checker's XLEN, {@code paw},
 * {@code sdidLen} and {@code v01OneGigAsOneGiB} (the walker's descriptors, {@link WalkerParams}) and the cache's own
 * {@link CacheShape}. Every value is checked by its descriptor.
 *
 * <p>{@code fenceDuringWalk} of cache-model.md §1 is not a cache parameter: it decides what the <em>requester</em>
 * does with a stale response ({@code walk_stale}); the cache behaves the same under both values.
 *
 * @param xlen              32 or 64: leaf range {@code r} = 15 (32 KiB) or 16 (64 KiB), 8 or 16 tuples per leaf
 * @param paw               width of the stored and compared physical address (the checker's {@code paw}); the
 *                          requester's range check guarantees that no cached request has a PA bit at or above it
 * @param sdidLen           implemented SDID bits, 0..6; only these are stored and compared
 * @param v01OneGigAsOneGiB v0.1 {@code 1G_*} entries are filled as one 1 GiB entry (default false: per 32 MiB);
 *                          must equal the walker's setting (the walker reports the leaf range the cache stores)
 * @param shape             geometry and fence policy
 */
public record MttCacheParams(int xlen, int paw, int sdidLen, boolean v01OneGigAsOneGiB, CacheShape shape) {

    /** Checks every parameter (cache-model.md §1). */
    public MttCacheParams {
        WalkerParams.paw(xlen).check(paw);
        WalkerParams.SDID_LEN.check(sdidLen);
        java.util.Objects.requireNonNull(shape, "shape");
    }

    /** The parameters in the order of cache-model.md §1 (a shorthand for tests and tools). */
    public static MttCacheParams of(int xlen, int paw, int leafSets, int leafWays, int superpageEntries,
                                    int walkCacheEntries, int sdidLen, int minvalQueueDepth,
                                    boolean paFenceDropsWalkCache, boolean v01OneGigAsOneGiB) {
        return new MttCacheParams(xlen, paw, sdidLen, v01OneGigAsOneGiB, new CacheShape(leafSets, leafWays,
                superpageEntries, walkCacheEntries, minvalQueueDepth, paFenceDropsWalkCache));
    }

    /** The defaults of cache-model.md §1 for {@code xlen}. */
    public static MttCacheParams defaults(int xlen) {
        return CacheShape.DEFAULT.params(WalkerParams.defaults(xlen));
    }

    /** Sets of the leaf array. */
    public int leafSets() {
        return shape.leafSets();
    }

    /** Ways per leaf-array set. */
    public int leafWays() {
        return shape.leafWays();
    }

    /** Superpage/NAPOT array entries. */
    public int superpageEntries() {
        return shape.superpageEntries();
    }

    /** Walk-cache entries (0: none). */
    public int walkCacheEntries() {
        return shape.walkCacheEntries();
    }

    /** MINVAL.PA queue entries. */
    public int minvalQueueDepth() {
        return shape.minvalQueueDepth();
    }

    /** Whether a PA fence drops covering walk-cache entries. */
    public boolean paFenceDropsWalkCache() {
        return shape.paFenceDropsWalkCache();
    }

    /** Leaf range {@code r}: log2 of a level-0 leaf's range (cache-model.md §1). */
    public int leafRange() {
        return xlen == 64 ? 16 : 15;
    }

    /** Tuples per TUPLES leaf: 16 (RV64) or 8 (RV32); each tuple is one 3-bit XWR. */
    public int tupleCount() {
        return xlen == 64 ? 16 : 8;
    }

    /** Width of a PPN (walk-cache data): 44 (RV64) or 22 (RV32). */
    public int ppnWidth() {
        return xlen == 64 ? 44 : 22;
    }

    /** {@code s = log2(leafSets)}: the number of set-index bits. */
    public int setBits() {
        return Integer.numberOfTrailingZeros(leafSets());
    }

    /**
     * log2 of the PA range covered by a table of {@code tableLevel} (cache-model.md §3.3), or -1 when the format
     * has no table at that level on this XLEN. {@code v09} selects smmpt-v0.9, else smmtt-v0.1.
     */
    public int cover(boolean v09, int tableLevel) {
        if (tableLevel == 0) {
            return 25;
        }
        if (xlen == 32) {
            return -1;
        }
        if (v09) {
            return tableLevel <= 3 ? 25 + 9 * tableLevel : -1;
        }
        return tableLevel == 1 ? 46 : -1;
    }
}
