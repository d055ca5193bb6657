package io.mttkit.gen.spmp;

import io.mttkit.gen.Configuration;

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
}
