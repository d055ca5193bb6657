package io.mttkit.gen.checker;

import io.mttkit.gen.Configuration;
import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code mtt gen} configurations of the checker: with the MTT cache ({@code checker-rv64}, {@code checker-rv32},
 * the shipped ones) and cache-less ({@code walker-rv64}, {@code walker-rv32}). Their parameters are the descriptors
 * of {@link WalkerParams} and {@link CacheShape}; their folders get a {@code checker.json}.
 */
public final class CheckerConfigurations {
    private CheckerConfigurations() {}

    /** The cache-less configuration for {@code xlen} (32 or 64), named {@code walker-rv<xlen>}. */
    public static Configuration forXlen(int xlen) {
        return new Configuration("walker-rv" + xlen, "cache-less MTT checker (walker + contract v1 top), RV" + xlen,
                WalkerParams.parameters(xlen), values -> new MttChecker(WalkerParams.of(xlen, values)),
                values -> manifestFields(WalkerParams.of(xlen, values), null));
    }

    /** The cached configuration for {@code xlen} (32 or 64), named {@code checker-rv<xlen>}. */
    public static Configuration cachedForXlen(int xlen) {
        List<Param<?>> params = new ArrayList<>(WalkerParams.parameters(xlen));
        params.addAll(CacheShape.PARAMETERS);
        params.addAll(Concurrency.PARAMETERS);
        return new Configuration("checker-rv" + xlen,
                "MTT checker with the MTT cache (walker + cache + contract v2 top), RV" + xlen, params,
                values -> top(WalkerParams.of(xlen, values), CacheShape.of(values), Concurrency.of(values)),
                values -> manifestFields(WalkerParams.of(xlen, values), CacheShape.of(values), Concurrency.of(values)));
    }

    /** The cached top: the blocking {@link MttChecker} for one walk, else the {@link NonBlockingChecker}. */
    public static io.mttkit.hdl.Module top(WalkerParams p, CacheShape cache, Concurrency c) {
        return c.blocking() ? new MttChecker(p, cache) : new NonBlockingChecker(p, cache, c);
    }

    /**
     * The device-under-test fields of {@code checker.json} (docs/byo-rtl.md) for a checker of {@code p} with a
     * cache of {@code cache} ({@code null}: cache-less), name → JSON literal in schema order.
     */
    public static Map<String, String> manifestFields(WalkerParams p, CacheShape cache) {
        return manifestFields(p, cache, Concurrency.BLOCKING);
    }

    /**
     * As {@link #manifestFields(WalkerParams, CacheShape)}, with {@code "walksInFlight"} and {@code "responseOrder"}
     * unless they are the defaults (without them a reader takes one walk, in order: port contract v2). Never
     * {@code "answerSlots"}: it is microarchitecture, not port contract.
     */
    public static Map<String, String> manifestFields(WalkerParams p, CacheShape cache, Concurrency concurrency) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("xlen", Integer.toString(p.xlen()));
        p.values().json().forEach(out::put);
        if (cache != null) {
            StringBuilder c = new StringBuilder("{ ");
            String sep = "";
            for (Map.Entry<String, String> e : cache.values().json().entrySet()) {
                c.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue());
                sep = ", ";
            }
            out.put("cache", c.append(" }").toString());
        }
        concurrency.contractValues().json().forEach(out::put); // quiet at their defaults: a blocking checker's manifest is unchanged
        return out;
    }

    /** Converts checked configuration values into the walker parameters of {@code xlen}. */
    public static WalkerParams params(int xlen, ParamValues v) {
        return WalkerParams.of(xlen, v);
    }

    /** Converts checked configuration values into the cache shape. */
    public static CacheShape cacheShape(ParamValues v) {
        return CacheShape.of(v);
    }
}
