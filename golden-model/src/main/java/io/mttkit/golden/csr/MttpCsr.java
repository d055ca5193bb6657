package io.mttkit.golden.csr;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

import java.util.Set;

/**
 * {@code mttp} (Supervisor Domains v0.1, ch. 3 "Smsdid"):
 * <pre>
 * XLEN=32: PPN[21:0] WPRI[23:22] SDID[29:24] MODE[31:30]
 * XLEN=64: PPN[43:0] WPRI[53:44] SDID[59:54] MODE[63:60]
 * </pre>
 * WARL rules are those of {@link MttRootCsr} (WPRI bits read as zero); in addition, when the resulting
 * MODE is Smmtt34 or Smmtt46 the PPN bits 1:0 read as zero ("In these modes, the lowest two bits of the
 * physical page number (MTTPPN) in mttp always read as zeros"; SPEC-DECISIONS #4).
 *
 * <p>v0.1 assigns no CSR number to {@code mttp}; mttkit uses {@link #CSR_NUMBER} = 0x382, the number its
 * successor {@code mmpt} has in v0.9 (a hart implements one version or the other). See docs/notes/g1.md.
 */
public final class MttpCsr extends MttRootCsr {
    /** mttkit's choice (v0.1 names no number): the v0.9 {@code mmpt} number. */
    public static final int CSR_NUMBER = 0x382;

    /**
     * @param xlen           32 or 64
     * @param sdidLen        implemented SDID bits, 0..6
     * @param supportedModes Smmtt modes of this XLEN the hart implements (Bare is always implied)
     */
    public MttpCsr(int xlen, int sdidLen, Set<MttMode> supportedModes) {
        super(TableFormat.SMMTT_V0_1, xlen, sdidLen, supportedModes, xlen == 32 ? 24 : 54);
    }

    @Override
    long ppnZeroMask(MttMode m) {
        return (m == MttMode.SMMTT34 || m == MttMode.SMMTT46) ? 3 : 0;
    }
}
