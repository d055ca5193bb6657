package io.mttkit.gen.cache;

import io.mttkit.gen.Configuration;
import io.mttkit.gen.Parameter;
import java.util.List;
import java.util.Map;

/**
 * The MTT cache on its own as generator configurations ({@code cache-rv64}, {@code cache-rv32}) for
 * {@code mtt gen}; parameters and ranges as in {@code docs/cache-model.md} §1.
 */
public final class CacheConfigurations {
    private CacheConfigurations() {}

    /** The configuration for {@code xlen} (32 or 64), named {@code cache-rv<xlen>}. */
    public static Configuration forXlen(int xlen) {
        MttCacheParams d = MttCacheParams.defaults(xlen);
        List<Parameter> params = List.of(
                Parameter.integer("paWidth", d.paWidth(), 32, xlen == 32 ? 34 : 64, "stored PA width (the checker's paw)"),
                Parameter.powerOfTwo("leafSets", d.leafSets(), 1, 256, "sets of the leaf array"),
                Parameter.powerOfTwo("leafWays", d.leafWays(), 1, 16, "ways per leaf-array set"),
                Parameter.powerOfTwo("superpageEntries", d.superpageEntries(), 1, 64, "superpage/NAPOT array entries"),
                Parameter.integer("walkCacheEntries", d.walkCacheEntries(), 0, 64, "walk-cache entries (0 = none, else a power of 2)"),
                Parameter.integer("sdidLen", d.sdidLen(), 0, 6, "implemented SDID bits"),
                Parameter.integer("minvalQueueDepth", d.minvalQueueDepth(), 1, 64, "MINVAL.PA queue entries"),
                Parameter.integer("paFenceDropsWalkCache", d.paFenceDropsWalkCache() ? 1 : 0, 0, 1, "1: a PA fence also drops covering walk-cache entries"),
                Parameter.integer("v01OneGigAsOneGiB", d.v01OneGigAsOneGiB() ? 1 : 0, 0, 1, "1: v0.1 1G_* leaves cached as one 1 GiB entry"));
        return new Configuration("cache-rv" + xlen, "MTT cache alone (leaf, superpage/NAPOT and walk cache), RV" + xlen,
                params, values -> new MttCache(params(xlen, values)));
    }

    /** Converts checked configuration values into cache parameters (which check the combinations). */
    public static MttCacheParams params(int xlen, Map<String, Long> v) {
        return new MttCacheParams(xlen, v.get("paWidth").intValue(), v.get("leafSets").intValue(),
                v.get("leafWays").intValue(), v.get("superpageEntries").intValue(),
                v.get("walkCacheEntries").intValue(), v.get("sdidLen").intValue(),
                v.get("minvalQueueDepth").intValue(), v.get("paFenceDropsWalkCache") == 1,
                v.get("v01OneGigAsOneGiB") == 1);
    }
}
