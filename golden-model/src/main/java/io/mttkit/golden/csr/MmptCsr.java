package io.mttkit.golden.csr;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

import java.util.Set;

/**
 * {@code mmpt} (Supervisor Domains v0.9, ch. 3 "M-mode Memory Protection Table Configuration"), CSR 0x382.
 * <pre>
 * MXLEN=32: PPN[21:0] SDID[27:22] NZR[29:28] MODE[31:30]
 * MXLEN=64: PPN[43:0] NZR[51:44] SDID[57:52] NZR[59:58] MODE[63:60]
 * </pre>
 * WARL rules are those of {@link MttRootCsr}; in addition, when the resulting MODE is Smmpt64 the PPN
 * bits 2:0 read as zero (32 KiB root, ch. 3; SPEC-DECISIONS #17). MODE values 2 (RV32) and 4–15 (RV64)
 * are reserved or custom and never change MODE.
 */
public final class MmptCsr extends MttRootCsr {
    /** CSR number of {@code mmpt} (ch. 3). */
    public static final int CSR_NUMBER = 0x382;

    /**
     * @param xlen           MXLEN, 32 or 64
     * @param sdidLen        implemented SDID bits, 0..6
     * @param supportedModes Smmpt modes of this XLEN the hart implements (Bare is always implied)
     */
    public MmptCsr(int xlen, int sdidLen, Set<MttMode> supportedModes) {
        super(TableFormat.SMMPT_V0_9, xlen, sdidLen, supportedModes, xlen == 32 ? 22 : 52);
    }

    @Override
    long ppnZeroMask(MttMode m) {
        return m == MttMode.SMMPT64 ? 7 : 0;
    }
}
