package io.mttkit.gen.spmp;

import io.mttkit.gen.Configuration;
import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import io.mttkit.gen.walker.WalkerParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mtt gen} configurations of the SPMP: {@code spmp-alone-rv64}/{@code spmp-alone-rv32}, the SPMP by itself
 * ({@link SpmpChecker}, {@code mtt_spmp}), and {@code spmp-rv64}/{@code spmp-rv32}, the SPMP in front of the PMP hook
 * and the cache-less MPT checker ({@link SpmpMptChecker}, {@code mtt_spmp_checker}).
 */
public final class SpmpConfigurations {
    private SpmpConfigurations() {}

    /** The SPMP alone for {@code xlen}, named {@code spmp-alone-rv<xlen>}. */
    public static Configuration aloneForXlen(int xlen) {
        return Configuration.of("spmp-alone-rv" + xlen, "S-mode PMP (Sspmp + Sspmpen; mtt_spmp), RV" + xlen,
                SpmpParams.parameters(xlen), values -> new SpmpChecker(SpmpParams.of(xlen, values)));
    }

    /**
     * The SPMP in front of the PMP hook and the cache-less MPT checker for {@code xlen}, named {@code spmp-rv<xlen>}:
     * the SPMP's descriptors (its {@code paw} is the one physical address width of both) and the walker's others.
     */
    public static Configuration composedForXlen(int xlen) {
        List<Param<?>> params = new ArrayList<>(SpmpParams.parameters(xlen));
        for (Param<?> q : WalkerParams.parameters(xlen)) {
            if (q != WalkerParams.paw(xlen)) {
                params.add(q);
            }
        }
        return Configuration.of("spmp-rv" + xlen,
                "S-mode PMP in front of the PMP hook and the cache-less MPT checker (mtt_spmp_checker), RV" + xlen,
                params, values -> new SpmpMptChecker(SpmpParams.of(xlen, values), walker(xlen, values)));
    }

    /** The walker parameters of a composed configuration: the walker's descriptors with the SPMP's {@code paw}. */
    public static WalkerParams walker(int xlen, ParamValues v) {
        return new WalkerParams(xlen, v.get(WalkerParams.FORMATS), v.get(SpmpParams.paw(xlen)),
                v.get(WalkerParams.SDID_LEN), v.get(WalkerParams.ID_WIDTH), v.get(WalkerParams.RSVD_TUPLE_SCOPE),
                v.get(WalkerParams.V01_ONE_GIG_AS_ONE_GIB), v.get(WalkerParams.BIG_ENDIAN_SUPPORT),
                v.get(WalkerParams.PMP_LATENCY));
    }
}
