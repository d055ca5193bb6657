package io.mttkit.gen.iompt;

import io.mttkit.gen.Configuration;
import io.mttkit.gen.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mtt gen} configurations of the I/O MPT checker: {@code io-sdcl-rv64}/{@code io-sdcl-rv32}, the register
 * interface and the SDCL ({@link IoMptFront}); {@code io-checker-rv64}/{@code io-checker-rv32}, the cache-less
 * checker top ({@link IoMptChecker}, which adds the walker's {@code idWidth} and {@code pmpLatency}); and
 * {@code io-rv64-smmpt}, the shipped RV64 checker top with its SDID-tagged MPT cache (adds the cache geometry
 * {@link IoMptChecker#CACHE_PARAMETERS}). Their parameters are {@link IoMptParams}' descriptors and the walker's
 * {@code paw}.
 */
public final class IoConfigurations {
    /** The name of the shipped I/O checker configuration (and of its folder under {@code rtl/}). */
    public static final String SHIPPED_RV64 = "io-rv64-smmpt";

    private IoConfigurations() {}

    /** The register + SDCL configuration of {@code xlen}, named {@code io-sdcl-rv<xlen>}. */
    public static Configuration sdclForXlen(int xlen) {
        return Configuration.of("io-sdcl-rv" + xlen,
                "I/O MPT checker registers + SDCL (Smmpt v0.9 ch. 6; mtt_io_front), RV" + xlen,
                IoMptParams.parameters(xlen, false), values -> new IoMptFront(IoMptParams.of(xlen, values)));
    }

    /**
     * The checker top of {@code xlen} without an MPT cache ({@link IoMptChecker}), named {@code io-checker-rv<xlen>}:
     * registers, SDCL, DMA port and the smmpt-v0.9 walker of that XLEN.
     */
    public static Configuration checkerForXlen(int xlen) {
        return Configuration.of("io-checker-rv" + xlen,
                "I/O MPT checker top without MPT cache (Smmpt v0.9 ch. 6; mtt_io_checker), RV" + xlen,
                IoMptParams.parameters(xlen, true), values -> new IoMptChecker(IoMptParams.of(xlen, values)));
    }

    /**
     * {@code io-rv64-smmpt}: the RV64 checker top with the SDID-tagged MPT cache, shipped under
     * {@code rtl/io-rv64-smmpt}. Its chapter-6 defaults are the golden model's {@code IoMptParams.DEFAULT} (4 IOMMUs,
     * QoS implemented; {@link IoMptParams#goldenDefaults}), the cache's those of the hart-side checker.
     */
    public static Configuration shippedRv64() {
        List<Param<?>> params = new ArrayList<>(IoMptParams.goldenDefaults(IoMptParams.parameters(64, true)));
        params.addAll(IoMptChecker.CACHE_PARAMETERS);
        return Configuration.of(SHIPPED_RV64,
                "I/O MPT checker top with the SDID-tagged MPT cache (Smmpt v0.9 ch. 6; mtt_io_checker), RV64", params,
                values -> new IoMptChecker(IoMptParams.of(64, values), IoMptChecker.cacheShape(values)));
    }
}
