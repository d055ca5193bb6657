package io.mttkit.golden.cache;

import org.junit.jupiter.api.Test;

import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheParamsTest {
    private static final CacheParams D = CacheParams.defaults(64);

    private static void rejects(String name, String range, int value, IntFunction<CacheParams> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make.apply(value),
                name + "=" + value);
        String m = e.getMessage();
        assertTrue(m.contains(name) && m.contains(range) && m.contains(String.valueOf(value)),
                "message must name the parameter, its range and the value: " + m);
    }

    @Test
    void defaults() {
        assertEquals(16, D.leafSets());
        assertEquals(4, D.leafWays());
        assertEquals(8, D.superpageEntries());
        assertEquals(4, D.walkCacheEntries());
        assertEquals(6, D.sdidLen());
        assertEquals(4, D.minvalQueueDepth());
        assertEquals(FenceDuringWalk.RETRY, D.fenceDuringWalk());
        assertTrue(D.paFenceDropsWalkCache());
        assertEquals(16, D.leafRangeLog2());
        assertEquals(15, CacheParams.defaults(32).leafRangeLog2());
    }

    @Test
    void everyOutOfRangeValueIsNamed() {
        rejects("xlen", "32 or 64", 48, CacheParams::defaults);
        for (int v : new int[] {0, 3, 512}) {
            rejects("leafSets", "1..256", v, n -> D.withLeafGeometry(n, 4));
        }
        for (int v : new int[] {0, 6, 32}) {
            rejects("leafWays", "1..16", v, n -> D.withLeafGeometry(16, n));
        }
        for (int v : new int[] {0, 12, 128}) {
            rejects("superpageEntries", "1..64", v, D::withSuperpageEntries);
        }
        for (int v : new int[] {-1, 3, 128}) {
            rejects("walkCacheEntries", "1..64", v, D::withWalkCacheEntries);
        }
        for (int v : new int[] {-1, 7}) {
            rejects("sdidLen", "0..6", v, D::withSdidLen);
        }
        for (int v : new int[] {0, 65}) {
            rejects("minvalQueueDepth", "1..64", v, D::withMinvalQueueDepth);
        }
        assertEquals(0, D.withWalkCacheEntries(0).walkCacheEntries(), "0 disables the walk cache");
        assertThrows(IllegalArgumentException.class, () -> D.withFenceDuringWalk(null));
    }
}
