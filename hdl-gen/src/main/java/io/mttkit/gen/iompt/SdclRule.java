package io.mttkit.gen.iompt;

import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * One SDCL rule as stored: the fields of {@code data1} of {@code SET_SDCL_ENTRY} (ch. 6 §"SET_SDCL_ENTRY"),
 * <pre>
 * SRC_IDT[3:0] SRC_IDM[5:4] TEE_FLT[7:6] SRC_ID[31:8] IOMMU_ID[39:32] SDID[45:40] reserved[63:46]
 * </pre>
 * kept as raw encodings, so that a rule with {@code SRC_IDT} = None, whose other fields are ignored and never
 * validated, reads back as written (spec-notes). {@code iommu_id} exists only with an IOMMU (without one it is
 * ignored by SET and reads 0); the reserved bits are not stored.
 */
public final class SdclRule extends io.mttkit.hdl.Bundle {
    /** Bit positions in {@code data1} (ch. 6 figure "data1 register layout for SET_SDCL_ENTRY operation"). */
    public static final int SRC_IDT_LSB = 0;
    public static final int SRC_IDM_LSB = 4;
    public static final int TEE_FLT_LSB = 6;
    public static final int SRC_ID_LSB = 8;
    public static final int IOMMU_ID_LSB = 32;
    public static final int SDID_LSB = 40;
    /** Width of {@code SRC_ID}. */
    public static final int SRC_ID_WIDTH = 24;
    /** Width of an SDID field. */
    public static final int SDID_WIDTH = 6;
    /** Width of {@code IOMMU_ID}. */
    public static final int IOMMU_ID_WIDTH = 8;

    public final UInt srcIdt;
    public final UInt srcIdm;
    public final UInt teeFlt;
    public final UInt srcId;
    /** {@code null} without an IOMMU. */
    public final UInt iommuId;
    public final UInt sdid;

    public SdclRule(Scope s, IoMptParams p) {
        super(s);
        srcIdt = s.uint("src_idt", 4);
        srcIdm = s.uint("src_idm", 2);
        teeFlt = s.uint("tee_flt", 2);
        srcId = s.uint("src_id", SRC_ID_WIDTH);
        iommuId = p.hasIommu() ? s.uint("iommu_id", IOMMU_ID_WIDTH) : null;
        sdid = s.uint("sdid", SDID_WIDTH);
    }
}
