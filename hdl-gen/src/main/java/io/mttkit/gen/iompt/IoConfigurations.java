package io.mttkit.gen.iompt;

import io.mttkit.gen.Configuration;

/**
 * The {@code mtt gen} configurations of the I/O MPT checker: {@code io-sdcl-rv64}/{@code io-sdcl-rv32}, the register
 * interface and the SDCL ({@link IoMptFront}), and {@code io-checker-rv64}/{@code io-checker-rv32}, the cache-less
 * checker top ({@link IoMptChecker}, which adds the walker's {@code idWidth} and {@code pmpLatency}). Their parameters are {@link IoMptParams}' descriptors and the walker's
 * {@code paw}.
 */
public final class IoConfigurations {
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
}
