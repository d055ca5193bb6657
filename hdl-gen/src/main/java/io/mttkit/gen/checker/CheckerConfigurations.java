package io.mttkit.gen.checker;

import io.mttkit.gen.Configuration;
import io.mttkit.gen.Parameter;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code mtt gen} configurations of the checker: with the MTT cache ({@code checker-rv64}, {@code checker-rv32},
 * the shipped ones) and cache-less ({@code walker-rv64}, {@code walker-rv32}).
 * Enumerated parameters are integers: {@code formats} 1 = smmtt-v0.1, 2 = smmpt-v0.9, 3 = both;
 * {@code rsvdTupleScope} 0 = ANY, 1 = SELECTED; flags 0/1.
 */
public final class CheckerConfigurations {
    private CheckerConfigurations() {}

    /** The cache-less configuration for {@code xlen} (32 or 64), named {@code walker-rv<xlen>}. */
    public static Configuration forXlen(int xlen) {
        return new Configuration("walker-rv" + xlen,
                "cache-less MTT checker (walker + contract v1 top), RV" + xlen,
                walkerParameters(xlen), values -> new MttChecker(params(xlen, values)));
    }

    /** The cached configuration for {@code xlen} (32 or 64), named {@code checker-rv<xlen>}. */
    public static Configuration cachedForXlen(int xlen) {
        CacheShape d = CacheShape.DEFAULT;
        List<Parameter> params = new ArrayList<>(walkerParameters(xlen));
        params.add(Parameter.powerOfTwo("leafSets", d.leafSets(), 1, 256, "sets of the leaf array"));
        params.add(Parameter.powerOfTwo("leafWays", d.leafWays(), 1, 16, "ways per leaf-array set"));
        params.add(Parameter.powerOfTwo("superpageEntries", d.superpageEntries(), 1, 64, "superpage/NAPOT array entries"));
        params.add(Parameter.integer("walkCacheEntries", d.walkCacheEntries(), 0, 64,
                "walk-cache entries (0 = none, else a power of 2)"));
        params.add(Parameter.integer("minvalQueueDepth", d.minvalQueueDepth(), 1, 64, "MINVAL.PA queue entries"));
        params.add(Parameter.integer("paFenceDropsWalkCache", 1, 0, 1, "1: a PA fence also drops covering walk-cache entries"));
        return new Configuration("checker-rv" + xlen,
                "MTT checker with the MTT cache (walker + cache + contract v2 top), RV" + xlen,
                List.copyOf(params), values -> new MttChecker(params(xlen, values), cacheShape(values)));
    }

    /** Converts checked configuration values into the cache shape (which checks the combination). */
    public static CacheShape cacheShape(Map<String, Long> v) {
        return new CacheShape(v.get("leafSets").intValue(), v.get("leafWays").intValue(),
                v.get("superpageEntries").intValue(), v.get("walkCacheEntries").intValue(),
                v.get("minvalQueueDepth").intValue(), v.get("paFenceDropsWalkCache") == 1);
    }

    private static List<Parameter> walkerParameters(int xlen) {
        WalkerParams d = WalkerParams.defaults(xlen);
        return List.of(
                Parameter.integer("formats", 3, 1, 3, "table formats: 1 smmtt-v0.1, 2 smmpt-v0.9, 3 both (req_mode[4] selects)"),
                Parameter.integer("paw", d.paw(), 32, xlen == 32 ? 34 : 64, "platform physical address width"),
                Parameter.integer("sdidLen", d.sdidLen(), 0, 6, "implemented SDID bits"),
                Parameter.integer("idWidth", d.idWidth(), 1, 16, "req_id/rsp_id width"),
                Parameter.integer("rsvdTupleScope", 0, 0, 1, "reserved-encoding check of leaf tuples: 0 ANY, 1 SELECTED"),
                Parameter.integer("v01OneGigAsOneGiB", 0, 0, 1, "1: report v0.1 1G_* leaves as 1 GiB (leaf_log2 30)"),
                Parameter.integer("bigEndianSupport", 1, 0, 1, "1: byte-swap MPTEs when req_be"),
                Parameter.integer("pmpLatency", d.pmpLatency(), 1, 4, "cycles from pmp_valid to pmp_ok"));
    }

    /** Converts checked configuration values into walker parameters. */
    public static WalkerParams params(int xlen, Map<String, Long> v) {
        WalkerParams.Formats formats = switch (v.get("formats").intValue()) {
            case 1 -> WalkerParams.Formats.V01;
            case 2 -> WalkerParams.Formats.V09;
            default -> WalkerParams.Formats.BOTH;
        };
        return new WalkerParams(xlen, formats, v.get("paw").intValue(), v.get("sdidLen").intValue(),
                v.get("idWidth").intValue(),
                v.get("rsvdTupleScope") == 1 ? WalkerParams.TupleScope.SELECTED : WalkerParams.TupleScope.ANY,
                v.get("v01OneGigAsOneGiB") == 1, v.get("bigEndianSupport") == 1, v.get("pmpLatency").intValue());
    }
}
