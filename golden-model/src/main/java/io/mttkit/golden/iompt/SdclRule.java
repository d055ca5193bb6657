package io.mttkit.golden.iompt;

/**
 * One SDCL rule as held by the checker: the {@code data1} layout of {@code SET_SDCL_ENTRY} / {@code
 * GET_SDCL_ENTRY} (ch. 6 §"SET_SDCL_ENTRY", figure "data1 register layout for SET_SDCL_ENTRY operation"):
 * <pre>
 * SRC_IDT[3:0] SRC_IDM[5:4] TEE_FLT[7:6] SRC_ID[31:8] IOMMU_ID[39:32] SDID[45:40] reserved[63:46]
 * </pre>
 * Fields are kept as raw encodings so that a rule with {@code SRC_IDT} = None, whose other fields "are
 * ignored" and therefore never validated, reads back as written; {@link OperandCheck} decides which
 * encodings a {@code SET_SDCL_ENTRY} accepts. Reserved bits 63:46 are not stored and read as 0.
 *
 * @param srcIdt  {@code SRC_IDT}, 0..15 ({@link SrcIdType})
 * @param srcIdm  {@code SRC_IDM}, 0..3 ({@link SrcIdMatch})
 * @param teeFlt  {@code TEE_FLT}, 0..3 ({@link TeeFilter})
 * @param srcId   {@code SRC_ID}, 0..2^24−1
 * @param iommuId {@code IOMMU_ID}, 0..255
 * @param sdid    {@code SDID}, 0..63
 */
public record SdclRule(int srcIdt, int srcIdm, int teeFlt, int srcId, int iommuId, int sdid) {

    /**
     * The rule every RULEID holds after reset and before its first {@code SET_SDCL_ENTRY}: all fields 0,
     * so {@code SRC_IDT} = None (matches nothing) and {@code SRC_ID} = 0 (the lower bound it gives a TOR rule
     * above it). The spec leaves the reset value UNSPECIFIED and requires software to initialise every rule
     * before turning the checker On (§"Control").
     */
    public static final SdclRule RESET = new SdclRule(0, 0, 0, 0, 0, 0);

    public SdclRule {
        Bits.checkRange("SRC_IDT", srcIdt, 15);
        Bits.checkRange("SRC_IDM", srcIdm, 3);
        Bits.checkRange("TEE_FLT", teeFlt, 3);
        Bits.checkRange("SRC_ID", srcId, 0xFF_FFFF);
        Bits.checkRange("IOMMU_ID", iommuId, 255);
        Bits.checkRange("SDID", sdid, 63);
    }

    /** The rule held in a {@code data1} value; reserved bits 63:46 are dropped. */
    public static SdclRule fromData1(long data1) {
        return new SdclRule((int) Bits.field(data1, 0, 4), (int) Bits.field(data1, 4, 2),
                (int) Bits.field(data1, 6, 2), (int) Bits.field(data1, 8, 24), (int) Bits.field(data1, 32, 8),
                (int) Bits.field(data1, 40, 6));
    }

    /** The {@code data1} value that writes (and that {@code GET_SDCL_ENTRY} returns for) this rule. */
    public long toData1() {
        return Bits.place(srcIdt, 0, 4) | Bits.place(srcIdm, 4, 2) | Bits.place(teeFlt, 6, 2)
                | Bits.place(srcId, 8, 24) | Bits.place(iommuId, 32, 8) | Bits.place(sdid, 40, 6);
    }

    /** A device-ID rule (SRC_IDT 1). */
    public static SdclRule deviceId(SrcIdMatch match, int srcId, TeeFilter tee, int iommuId, int sdid) {
        return new SdclRule(SrcIdType.DEVICE_ID.encoding(), match.encoding(), tee.encoding(), srcId, iommuId, sdid);
    }

    /** A PCIe IDE stream rule (SRC_IDT 2): {@code SRC_ID} = segment in bits 15:8, stream ID in bits 7:0. */
    public static SdclRule ideStream(SrcIdMatch match, int segment, int streamId, TeeFilter tee, int iommuId,
                                     int sdid) {
        Bits.checkRange("IDE segment", segment, 255);
        Bits.checkRange("IDE stream ID", streamId, 255);
        return new SdclRule(SrcIdType.IDE_STREAM.encoding(), match.encoding(), tee.encoding(),
                (segment << 8) | streamId, iommuId, sdid);
    }

    /** A rule that matches nothing (SRC_IDT 0) but holds {@code srcId}, e.g. as the lower bound of a TOR rule. */
    public static SdclRule none(int srcId) {
        return new SdclRule(SrcIdType.NONE.encoding(), 0, 0, srcId, 0, 0);
    }

    /** {@code SRC_IDT} decoded, or {@code null} when reserved or custom. */
    public SrcIdType type() {
        return SrcIdType.fromEncoding(srcIdt);
    }

    /** {@code SRC_IDM} decoded, or {@code null} for the reserved 0. */
    public SrcIdMatch match() {
        return SrcIdMatch.fromEncoding(srcIdm);
    }

    /** {@code TEE_FLT} decoded, or {@code null} for the reserved 3. */
    public TeeFilter teeFilter() {
        return TeeFilter.fromEncoding(teeFlt);
    }

    /** The same rule with {@code IOMMU_ID} replaced (0 when the checker has no IOMMU). */
    public SdclRule withIommuId(int id) {
        return new SdclRule(srcIdt, srcIdm, teeFlt, srcId, id, sdid);
    }
}
