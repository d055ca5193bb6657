package io.mttkit.golden.cache;

/**
 * Geometry and policy parameters of the MTT cache (CHECKER-MICROARCH.md §2, §5). The generated RTL takes the
 * same parameters; a co-simulation compares event by event only when both use the same values.
 *
 * @param xlen                  32 or 64; selects the level-0 leaf range (2^15 or 2^16 bytes)
 * @param leafSets              sets of the leaf array, 1..256, a power of two
 * @param leafWays              ways per leaf-array set, 1..16, a power of two
 * @param superpageEntries      entries of the fully associative superpage/NAPOT array, 1..64, a power of two
 * @param walkCacheEntries      entries of the fully associative walk cache, 0..64, a power of two or 0
 *                              (0 disables the walk cache)
 * @param sdidLen               implemented SDID bits (SDIDLEN), 0..6; only these bits are tagged and compared
 * @param minvalQueueDepth      depth of the MINVAL.PA queue, 1..64; a full queue refuses (backpressure)
 * @param fenceDuringWalk       what a stale walk's requester does (see {@link FenceDuringWalk})
 * @param paFenceDropsWalkCache a PA fence also drops walk-cache entries whose prefix covers the PA (the spec
 *                              does not require it; over-invalidation is always legal)
 * @param v01OneGigAsOneGiB     SPEC-DECISIONS #8: a v0.1 {@code 1G_*} leaf is one 1 GiB entry instead of one
 *                              entry per 32 MiB; must equal the lookup's {@code LookupConfig} setting
 */
public record CacheParams(int xlen, int leafSets, int leafWays, int superpageEntries, int walkCacheEntries,
                          int sdidLen, int minvalQueueDepth, FenceDuringWalk fenceDuringWalk,
                          boolean paFenceDropsWalkCache, boolean v01OneGigAsOneGiB) {

    /** The default geometry for {@code xlen}: 16 sets × 4 ways, 8 superpage entries, 4 walk-cache entries. */
    public static CacheParams defaults(int xlen) {
        return new CacheParams(xlen, 16, 4, 8, 4, 6, 4, FenceDuringWalk.RETRY, true, false);
    }

    public CacheParams {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        requirePow2("leafSets", leafSets, 1, 256);
        requirePow2("leafWays", leafWays, 1, 16);
        requirePow2("superpageEntries", superpageEntries, 1, 64);
        if (walkCacheEntries != 0) {
            requirePow2("walkCacheEntries", walkCacheEntries, 1, 64);
        }
        if (sdidLen < 0 || sdidLen > 6) {
            throw new IllegalArgumentException("sdidLen must be in 0..6 (SDIDMAX is 6), got " + sdidLen);
        }
        if (minvalQueueDepth < 1 || minvalQueueDepth > 64) {
            throw new IllegalArgumentException("minvalQueueDepth must be in 1..64, got " + minvalQueueDepth);
        }
        if (fenceDuringWalk == null) {
            throw new IllegalArgumentException("fenceDuringWalk must be given (RETRY or DELIVER_NO_FILL)");
        }
    }

    private static void requirePow2(String name, int value, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(name + " must be a power of two in " + min + ".." + max
                    + (name.equals("walkCacheEntries") ? " (or 0 to disable the walk cache)" : "")
                    + ", got " + value);
        }
    }

    /** log2 of the range of one leaf-array entry: 16 on RV64 (64 KiB), 15 on RV32 (32 KiB). */
    public int leafRangeLog2() {
        return xlen == 64 ? 16 : 15;
    }

    /** Number of set-index bits of the leaf array. */
    public int leafSetBits() {
        return Integer.numberOfTrailingZeros(leafSets);
    }

    /** Mask of the implemented SDID bits. */
    public int sdidMask() {
        return (1 << sdidLen) - 1;
    }

    public CacheParams withLeafGeometry(int sets, int ways) {
        return new CacheParams(xlen, sets, ways, superpageEntries, walkCacheEntries, sdidLen, minvalQueueDepth,
                fenceDuringWalk, paFenceDropsWalkCache, v01OneGigAsOneGiB);
    }

    public CacheParams withSuperpageEntries(int n) {
        return new CacheParams(xlen, leafSets, leafWays, n, walkCacheEntries, sdidLen, minvalQueueDepth,
                fenceDuringWalk, paFenceDropsWalkCache, v01OneGigAsOneGiB);
    }

    public CacheParams withWalkCacheEntries(int n) {
        return new CacheParams(xlen, leafSets, leafWays, superpageEntries, n, sdidLen, minvalQueueDepth,
                fenceDuringWalk, paFenceDropsWalkCache, v01OneGigAsOneGiB);
    }

    public CacheParams withSdidLen(int n) {
        return new CacheParams(xlen, leafSets, leafWays, superpageEntries, walkCacheEntries, n, minvalQueueDepth,
                fenceDuringWalk, paFenceDropsWalkCache, v01OneGigAsOneGiB);
    }

    public CacheParams withMinvalQueueDepth(int n) {
        return new CacheParams(xlen, leafSets, leafWays, superpageEntries, walkCacheEntries, sdidLen, n,
                fenceDuringWalk, paFenceDropsWalkCache, v01OneGigAsOneGiB);
    }

    public CacheParams withFenceDuringWalk(FenceDuringWalk f) {
        return new CacheParams(xlen, leafSets, leafWays, superpageEntries, walkCacheEntries, sdidLen,
                minvalQueueDepth, f, paFenceDropsWalkCache, v01OneGigAsOneGiB);
    }

    public CacheParams withPaFenceDropsWalkCache(boolean b) {
        return new CacheParams(xlen, leafSets, leafWays, superpageEntries, walkCacheEntries, sdidLen,
                minvalQueueDepth, fenceDuringWalk, b, v01OneGigAsOneGiB);
    }

    public CacheParams withV01OneGigAsOneGiB(boolean b) {
        return new CacheParams(xlen, leafSets, leafWays, superpageEntries, walkCacheEntries, sdidLen,
                minvalQueueDepth, fenceDuringWalk, paFenceDropsWalkCache, b);
    }
}
