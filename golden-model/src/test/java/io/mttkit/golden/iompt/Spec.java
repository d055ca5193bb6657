package io.mttkit.golden.iompt;

import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.mem.PhysicalMemory;

/**
 * Test-local encodings transcribed from the wavedrom figures of ch. 6 (deliberately not the main code's
 * encoders), and a small driver that talks to the checker only through its registers.
 */
final class Spec {
    private Spec() {
    }

    // Register offsets, §"I/O MPT Checker Register Interface" table.
    static final long CAPABILITIES = 0;
    static final long STATUS = 4;
    static final long CONTROL = 8;
    static final long COMMAND = 12;
    static final long DATA1 = 16;
    static final long DATA2 = 24;

    // OP encodings, table "I/O MPT Checker operations".
    static final int IOFENCE = 1;
    static final int SET_SDCL_ENTRY = 2;
    static final int GET_SDCL_ENTRY = 3;
    static final int SET_SDCFG_ENTRY = 4;
    static final int GET_SDCFG_ENTRY = 5;
    static final int MPTINVAL = 6;

    // status.CODE, table "status.CODE field encodings".
    static final int CODE_SUCCESS = 1;
    static final int CODE_INVALID_OP = 2;
    static final int CODE_TABLE_INVALID_RULEID = 3;
    static final int CODE_TABLE_INVALID_SDID = 4;
    static final int CODE_INVALID_OPERAND = 5;

    /** command for SET/GET_SDCL_ENTRY: OP[7:0] RULEID[15:8]. */
    static int sdclCmd(int op, int ruleId) {
        return op | (ruleId << 8);
    }

    /** command for SET/GET_SDCFG_ENTRY and MPTINVAL: OP[7:0] SDID[13:8] (SDIDV[15] for MPTINVAL). */
    static int sdidCmd(int op, int sdid) {
        return op | (sdid << 8);
    }

    /** data1 of SET_SDCL_ENTRY: SRC_IDT[3:0] SRC_IDM[5:4] TEE_FLT[7:6] SRC_ID[31:8] IOMMU_ID[39:32] SDID[45:40]. */
    static long sdcl(int srcIdt, int srcIdm, int teeFlt, int srcId, int iommuId, int sdid) {
        return srcIdt | (srcIdm << 4) | (teeFlt << 6) | ((long) srcId << 8) | ((long) iommuId << 32)
                | ((long) sdid << 40);
    }

    /** data1 of SET_SDCFG_ENTRY: MPT_MODE[3:0] MBE[4] MXL[5] PPN[53:10]. */
    static long sdcfg(int mptMode, int mbe, int mxl, long ppn) {
        return mptMode | (mbe << 4) | (mxl << 5) | (ppn << 10);
    }

    /** data2 of SET_SDCFG_ENTRY: S-RCID[11:0] S-MCID[27:16] SRL[35:32] SML[39:36] SQRID[43:40] SSRM[44] SSMM[45]. */
    static long qos(int sRcid, int sMcid, int srl, int sml, int sqrid, int ssrm, int ssmm) {
        return sRcid | ((long) sMcid << 16) | ((long) srl << 32) | ((long) sml << 36) | ((long) sqrid << 40)
                | ((long) ssrm << 44) | ((long) ssmm << 45);
    }

    /** data1 of MPTINVAL: PPNV[0] S[1] PPN[53:10]. */
    static long inval(int ppnv, int s, long ppn) {
        return ppnv | (s << 1) | (ppn << 10);
    }

    // SRC_IDT, SRC_IDM, TEE_FLT encodings.
    static final int IDT_NONE = 0;
    static final int IDT_DEVID = 1;
    static final int IDT_IDE = 2;
    static final int TOR = 1;
    static final int UNARY = 2;
    static final int NAPOT = 3;
    static final int TEE_ANY = 0;
    static final int TEE_ONLY = 1;
    static final int NON_TEE = 2;

    // MPT_MODE encodings: MXL=0 Bare 0, Smmpt43 1, Smmpt52 2, Smmpt64 3; MXL=1 Bare 0, Smmpt34 1.
    static final int MODE_BARE = 0;
    static final int MODE_43 = 1;
    static final int MODE_52 = 2;
    static final int MODE_64 = 3;
    static final int MODE_34 = 1;

    // control.MODE.
    static final int OFF = 0;
    static final int BARE = 1;
    static final int ON = 2;

    static IoMptChecker checker(IoMptParams p) {
        return new IoMptChecker(p, new PhysicalMemory(), ImplicitReadCheck.ALLOW_ALL);
    }

    /**
     * Performs one operation through registers only: data1 and data2 as 4-byte halves, command, complete; returns
     * status.CODE after checking BUSY fell.
     */
    static int op(IoMptChecker c, int command, long data1, long data2) {
        c.write32(DATA1, data1);
        c.write32(DATA1 + 4, data1 >>> 32);
        c.write32(DATA2, data2);
        c.write32(DATA2 + 4, data2 >>> 32);
        c.write32(COMMAND, command);
        if ((c.read32(STATUS) >>> 31) != 1) {
            throw new AssertionError("BUSY must be set by a command write");
        }
        c.complete();
        long status = c.read32(STATUS);
        if ((status >>> 31) != 0) {
            throw new AssertionError("BUSY must fall at completion");
        }
        return (int) (status & 0xFF);
    }

    static int op(IoMptChecker c, int command, long data1) {
        return op(c, command, data1, 0);
    }

    /** control.MODE write through the register, completed; returns the MODE read back. */
    static int control(IoMptChecker c, long value) {
        c.write32(CONTROL, value);
        c.complete();
        return (int) (c.read32(CONTROL) & 0xF);
    }
}
