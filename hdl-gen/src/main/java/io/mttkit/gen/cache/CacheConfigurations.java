package io.mttkit.gen.cache;

import io.mttkit.gen.Configuration;
import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import io.mttkit.gen.walker.WalkerParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The MTT cache on its own as generator configurations ({@code cache-rv64}, {@code cache-rv32}) for
 * {@code mtt gen}; the parameters are the checker's own descriptors ({@link WalkerParams}, {@link CacheShape}).
 */
public final class CacheConfigurations {
    private CacheConfigurations() {}

    /** The configuration for {@code xlen} (32 or 64), named {@code cache-rv<xlen>}. */
    public static Configuration forXlen(int xlen) {
        List<Param<?>> params = new ArrayList<>(List.of(WalkerParams.paw(xlen), WalkerParams.SDID_LEN,
                WalkerParams.V01_ONE_GIG_AS_ONE_GIB));
        params.addAll(CacheShape.PARAMETERS);
        return Configuration.of("cache-rv" + xlen,
                "MTT cache alone (leaf, superpage/NAPOT and walk cache), RV" + xlen, params,
                values -> new MttCache(params(xlen, values)));
    }

    /** Converts checked configuration values into cache parameters. */
    public static MttCacheParams params(int xlen, ParamValues v) {
        return new MttCacheParams(xlen, v.get(WalkerParams.paw(xlen)), v.get(WalkerParams.SDID_LEN),
                v.get(WalkerParams.V01_ONE_GIG_AS_ONE_GIB), CacheShape.of(v));
    }
}
