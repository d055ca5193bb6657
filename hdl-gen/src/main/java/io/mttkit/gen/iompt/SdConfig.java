package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * The configuration of one supervisor domain as stored: {@code data1} of {@code SET_SDCFG_ENTRY} (ch. 6
 * §"SET_SDCFG_ENTRY")
 * <pre>
 * MPT_MODE[3:0] MBE[4] MXL[5] reserved[9:6] PPN[53:10] reserved[63:54]
 * </pre>
 * and, when QoS is implemented and asked for, {@code data2}
 * <pre>
 * S-RCID[11:0] S-MCID[27:16] SRL[35:32] SML[39:36] SQRID[43:40] SSRM[44] SSMM[45]
 * </pre>
 * Reserved bits are not stored. The QoS fields are {@code null} when absent.
 */
public final class SdConfig extends Bundle {
    public static final int MPT_MODE_LSB = 0;
    public static final int MBE_LSB = 4;
    public static final int MXL_LSB = 5;
    public static final int PPN_LSB = 10;
    /** Width of the {@code PPN} field. */
    public static final int PPN_WIDTH = 44;

    public final UInt mptMode;
    public final Bool mbe;
    public final Bool mxl;
    public final UInt ppn;
    public final UInt sRcid;
    public final UInt sMcid;
    public final UInt srl;
    public final UInt sml;
    public final UInt sqrid;
    public final Bool ssrm;
    public final Bool ssmm;

    /** @param withQos declare the QoS fields (only meaningful when the checker implements QoS) */
    public SdConfig(Scope s, boolean withQos) {
        super(s);
        mptMode = s.uint("mpt_mode", 4);
        mbe = s.bool("mbe");
        mxl = s.bool("mxl");
        ppn = s.uint("ppn", PPN_WIDTH);
        sRcid = withQos ? s.uint("s_rcid", 12) : null;
        sMcid = withQos ? s.uint("s_mcid", 12) : null;
        srl = withQos ? s.uint("srl", 4) : null;
        sml = withQos ? s.uint("sml", 4) : null;
        sqrid = withQos ? s.uint("sqrid", 4) : null;
        ssrm = withQos ? s.bool("ssrm") : null;
        ssmm = withQos ? s.bool("ssmm") : null;
    }
}
