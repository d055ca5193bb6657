package io.mttkit.gen.cache;

/**
 * Compile-time parameters of the MTT cache ({@code docs/cache-model.md} §1). Every value is checked in the
 * constructor; a value out of range is an {@link IllegalArgumentException} naming the parameter, its range and
 * the value given.
 *
 * <p>{@code fenceDuringWalk} of cache-model.md §1 is not a cache parameter: it decides what the <em>requester</em>
 * does with a stale response ({@code walk_stale}); the cache behaves the same under both values.
 *
 * @param xlen                  32 or 64: leaf range {@code r} = 15 (32 KiB) or 16 (64 KiB), 8 or 16 tuples per leaf
 * @param paWidth               width {@code W} of the stored and compared physical address: RV32 32..34 (default
 *                              34), RV64 32..64 (default 56); the requester's range check guarantees that no
 *                              cached request has a PA bit at or above it
 * @param leafSets              sets of the leaf array, 1..256, a power of two (default 16)
 * @param leafWays              ways per leaf-array set, 1..16, a power of two (default 4)
 * @param superpageEntries      entries of the fully associative superpage/NAPOT array, 1..64, a power of two (default 8)
 * @param walkCacheEntries      entries of the walk cache, 0 (none) or 1..64, a power of two (default 4)
 * @param sdidLen               implemented SDID bits, 0..6 (default 6); only these are stored and compared
 * @param minvalQueueDepth      entries of the MINVAL.PA queue, 1..64 (default 4)
 * @param paFenceDropsWalkCache a PA fence also drops the walk-cache entries covering the PA (default true)
 * @param v01OneGigAsOneGiB     v0.1 {@code 1G_*} entries are filled as one 1 GiB entry (default false: per 32 MiB);
 *                              must equal the walker's setting (the walker reports the leaf range the cache stores)
 */
public record MttCacheParams(int xlen, int paWidth, int leafSets, int leafWays, int superpageEntries,
                             int walkCacheEntries, int sdidLen, int minvalQueueDepth,
                             boolean paFenceDropsWalkCache, boolean v01OneGigAsOneGiB) {

    /** Checks every parameter (cache-model.md §1). */
    public MttCacheParams {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("parameter 'xlen' must be 32 or 64; got " + xlen);
        }
        range("paWidth", paWidth, 32, xlen == 32 ? 34 : 64, " (for xlen " + xlen + ")");
        powerOfTwo("leafSets", leafSets, 1, 256);
        powerOfTwo("leafWays", leafWays, 1, 16);
        powerOfTwo("superpageEntries", superpageEntries, 1, 64);
        if (walkCacheEntries != 0) {
            powerOfTwo("walkCacheEntries", walkCacheEntries, 0, 64);
        }
        range("sdidLen", sdidLen, 0, 6, "");
        range("minvalQueueDepth", minvalQueueDepth, 1, 64, "");
    }

    /** The defaults of cache-model.md §1 for {@code xlen}: paWidth 34/56, 16 sets × 4 ways, 8 superpage entries,
     * 4 walk-cache entries, sdidLen 6, queue depth 4, PA fences drop walk-cache entries, {@code 1G_*} per 32 MiB. */
    public static MttCacheParams defaults(int xlen) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("parameter 'xlen' must be 32 or 64; got " + xlen);
        }
        return new MttCacheParams(xlen, xlen == 32 ? 34 : 56, 16, 4, 8, 4, 6, 4, true, false);
    }

    private static void range(String name, int value, int min, int max, String context) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("parameter '" + name + "' must be in " + min + ".." + max + context
                    + "; got " + value);
        }
    }

    private static void powerOfTwo(String name, int value, int min, int max) {
        if (value < Math.max(1, min) || value > max || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a power of two in "
                    + (min == 0 ? "1.." + max + " or 0" : min + ".." + max) + "; got " + value);
        }
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
        return Integer.numberOfTrailingZeros(leafSets);
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
