package io.mttkit.golden.iompt;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

/**
 * The MPT configuration of one supervisor domain: the {@code data1} layout of {@code SET_SDCFG_ENTRY} /
 * {@code GET_SDCFG_ENTRY} (ch. 6 §"SET_SDCFG_ENTRY", figure "data1 register layout for SET_SDCFG_ENTRY
 * operation"):
 * <pre>
 * MPT_MODE[3:0] MBE[4] MXL[5] reserved[9:6] PPN[53:10] reserved[63:54]
 * </pre>
 * {@code MPT_MODE} is read with the table for {@code MXL} = 0 (Bare, Smmpt43, Smmpt52, Smmpt64) or
 * {@code MXL} = 1 (Bare, Smmpt34). Reserved bits are not stored and read as 0. Whether an encoding is
 * supported is decided by {@link OperandCheck}.
 *
 * @param mptMode {@code MPT_MODE}, 0..15
 * @param mbe     {@code MBE}: the MPT is read big-endian
 * @param mxl     {@code MXL}, 0 (RV64 formats) or 1 (RV32 format)
 * @param ppn     {@code PPN} of the MPT root page, 0..2^44−1
 */
public record SdConfig(int mptMode, boolean mbe, int mxl, long ppn) {

    public SdConfig {
        Bits.checkRange("MPT_MODE", mptMode, 15);
        Bits.checkRange("MXL", mxl, 1);
        Bits.checkRange("PPN", ppn, Bits.mask(44));
    }

    /** The configuration held in a {@code data1} value; reserved bits are dropped. */
    public static SdConfig fromData1(long data1) {
        return new SdConfig((int) Bits.field(data1, 0, 4), Bits.field(data1, 4, 1) != 0, (int) Bits.field(data1, 5, 1),
                Bits.field(data1, 10, 44));
    }

    /** The {@code data1} value that writes (and that {@code GET_SDCFG_ENTRY} returns for) this configuration. */
    public long toData1() {
        return Bits.place(mptMode, 0, 4) | Bits.place(mbe ? 1 : 0, 4, 1) | Bits.place(mxl, 5, 1)
                | Bits.place(ppn, 10, 44);
    }

    /**
     * The configuration selecting {@code mode} (an Smmpt mode, {@code MXL} from its XLEN) with root
     * {@code ppn}. For {@link MttMode#BARE} use {@link #bare(int)}.
     */
    public static SdConfig of(MttMode mode, long ppn, boolean mbe) {
        if (mode.format() != TableFormat.SMMPT_V0_9) {
            throw new IllegalArgumentException(mode.id() + " is not an Smmpt mode (smmpt34/43/52/64);"
                    + " use SdConfig.bare(mxl) for Bare");
        }
        return new SdConfig(mode.csrEncoding(), mbe, mode.xlen() == 32 ? 1 : 0, ppn);
    }

    /** {@code MPT_MODE} = Bare (no page-based protection) with {@code PPN} = 0, as the spec requires. */
    public static SdConfig bare(int mxl) {
        return new SdConfig(0, false, mxl, 0);
    }

    /** The XLEN whose MPT_MODE table applies: 64 for MXL=0, 32 for MXL=1. */
    public int xlen() {
        return mxl == 1 ? 32 : 64;
    }

    /**
     * The lookup mode: {@link MttMode#BARE} for MPT_MODE 0, the Smmpt mode of the encoding otherwise, or
     * {@code null} for a reserved or custom encoding.
     */
    public MttMode mttMode() {
        return MttMode.fromCsrEncoding(TableFormat.SMMPT_V0_9, xlen(), mptMode);
    }
}
