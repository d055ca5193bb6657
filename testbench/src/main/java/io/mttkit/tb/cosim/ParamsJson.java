package io.mttkit.tb.cosim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;

/**
 * The JSON form of a checker's parameters, shared by every file that records them (the bring-your-own manifest
 * {@code checker.json}, repro bundles), so that the field names are spelled once.
 */
public final class ParamsJson {
    private ParamsJson() {
    }

    /** Writes the walker parameters as fields of {@code o} (xlen, formats, paw, …, pmpLatency). */
    public static void putParams(ObjectNode o, WalkerParams params) {
        o.put("xlen", params.xlen());
        o.put("formats", params.formats().name());
        o.put("paw", params.paw());
        o.put("sdidLen", params.sdidLen());
        o.put("idWidth", params.idWidth());
        o.put("rsvdTupleScope", params.rsvdTupleScope().name());
        o.put("v01OneGigAsOneGiB", params.v01OneGigAsOneGiB());
        o.put("bigEndianSupport", params.bigEndianSupport());
        o.put("pmpLatency", params.pmpLatency());
    }

    /** Writes the cache shape as the object {@code o.cache}. */
    public static void putCache(ObjectNode o, CacheShape cache) {
        ObjectNode c = o.putObject("cache");
        c.put("leafSets", cache.leafSets());
        c.put("leafWays", cache.leafWays());
        c.put("superpageEntries", cache.superpageEntries());
        c.put("walkCacheEntries", cache.walkCacheEntries());
        c.put("minvalQueueDepth", cache.minvalQueueDepth());
        c.put("paFenceDropsWalkCache", cache.paFenceDropsWalkCache());
    }
}
