package io.mttkit.gen.iompt;

import io.mttkit.gen.Configuration;

/**
 * The {@code mtt gen} configurations of the I/O MPT checker: {@code io-sdcl-rv64}/{@code io-sdcl-rv32}, the register
 * interface and the SDCL ({@link IoMptFront}). Their parameters are {@link IoMptParams}' descriptors and the walker's
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
}
