package io.mttkit.gen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every out-of-range parameter is an error naming the parameter, its range and the value (cache-model.md §1). */
class MttCacheParamsTest {
    private static void rejects(String name, String value, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got " + value), e.getMessage());
    }

    @Test
    void defaultsAreThoseOfTheModelDocument() {
        MttCacheParams d = MttCacheParams.defaults(64);
        assertEquals(16, d.leafSets());
        assertEquals(4, d.leafWays());
        assertEquals(8, d.superpageEntries());
        assertEquals(4, d.walkCacheEntries());
        assertEquals(6, d.sdidLen());
        assertEquals(4, d.minvalQueueDepth());
        assertTrue(d.paFenceDropsWalkCache());
        assertEquals(16, d.leafRange());
        assertEquals(15, MttCacheParams.defaults(32).leafRange());
    }

    @Test
    void outOfRangeValuesNameTheParameterRangeAndValue() {
        rejects("xlen", "48", () -> MttCacheParams.of(48, 40, 16, 4, 8, 4, 6, 4, true, false));
        rejects("xlen", "16", () -> MttCacheParams.defaults(16));
        rejects("paw", "35", () -> MttCacheParams.of(32, 35, 16, 4, 8, 4, 6, 4, true, false));
        rejects("paw", "65", () -> MttCacheParams.of(64, 65, 16, 4, 8, 4, 6, 4, true, false));
        rejects("paw", "31", () -> MttCacheParams.of(64, 31, 16, 4, 8, 4, 6, 4, true, false));
        rejects("leafSets", "0", () -> MttCacheParams.of(64, 56, 0, 4, 8, 4, 6, 4, true, false));
        rejects("leafSets", "12", () -> MttCacheParams.of(64, 56, 12, 4, 8, 4, 6, 4, true, false));
        rejects("leafSets", "512", () -> MttCacheParams.of(64, 56, 512, 4, 8, 4, 6, 4, true, false));
        rejects("leafWays", "3", () -> MttCacheParams.of(64, 56, 16, 3, 8, 4, 6, 4, true, false));
        rejects("leafWays", "32", () -> MttCacheParams.of(64, 56, 16, 32, 8, 4, 6, 4, true, false));
        rejects("superpageEntries", "0", () -> MttCacheParams.of(64, 56, 16, 4, 0, 4, 6, 4, true, false));
        rejects("superpageEntries", "128", () -> MttCacheParams.of(64, 56, 16, 4, 128, 4, 6, 4, true, false));
        rejects("walkCacheEntries", "6", () -> MttCacheParams.of(64, 56, 16, 4, 8, 6, 6, 4, true, false));
        rejects("walkCacheEntries", "-1", () -> MttCacheParams.of(64, 56, 16, 4, 8, -1, 6, 4, true, false));
        rejects("sdidLen", "7", () -> MttCacheParams.of(64, 56, 16, 4, 8, 4, 7, 4, true, false));
        rejects("minvalQueueDepth", "0", () -> MttCacheParams.of(64, 56, 16, 4, 8, 4, 6, 0, true, false));
        rejects("minvalQueueDepth", "65", () -> MttCacheParams.of(64, 56, 16, 4, 8, 4, 6, 65, true, false));
    }

    @Test
    void rangesAreStatedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MttCacheParams.of(64, 56, 16, 4, 8, 6, 6, 4, true, false));
        assertEquals("parameter 'walkCacheEntries' must be 0 or a power of two in 1..64; got 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MttCacheParams.of(32, 40, 16, 4, 8, 4, 6, 4, true, false));
        assertEquals("parameter 'paw' must be in 32..34 (for xlen 32); got 40", e.getMessage());
    }

    @Test
    void coverFollowsTheWalkCacheTable() {
        MttCacheParams rv64 = MttCacheParams.defaults(64);
        assertEquals(25, rv64.cover(true, 0));
        assertEquals(34, rv64.cover(true, 1));
        assertEquals(43, rv64.cover(true, 2));
        assertEquals(52, rv64.cover(true, 3));
        assertEquals(46, rv64.cover(false, 1));
        assertEquals(-1, rv64.cover(false, 2));
        assertEquals(-1, MttCacheParams.defaults(32).cover(true, 1));
    }
}
