package io.mttkit.golden.iompt;

/**
 * The QoS identifiers of one supervisor domain: the {@code data2} layout of {@code SET_SDCFG_ENTRY} /
 * {@code GET_SDCFG_ENTRY} (ch. 6 §"SET_SDCFG_ENTRY", figure "data2 register layout"):
 * <pre>
 * S-RCID[11:0] reserved[15:12] S-MCID[27:16] reserved[31:28] SRL[35:32] SML[39:36] SQRID[43:40]
 * SSRM[44] SSMM[45] reserved[63:46]
 * </pre>
 * Stored only when the checker implements QoS ({@link IoMptParams#qosImplemented()}); "when implemented, they
 * must accept all legal values", so every value of every field is stored. Reserved bits read as 0. The
 * effective RCID/MCID computation is not modelled (it needs the IOMMU's RCID/MCID and RCIDLEN/MCIDLEN).
 */
public record QosIds(int sRcid, int sMcid, int srl, int sml, int sqrid, boolean ssrm, boolean ssmm) {

    /** All fields 0: what {@code GET_SDCFG_ENTRY} returns in {@code data2} when QoS is not implemented. */
    public static final QosIds ZERO = new QosIds(0, 0, 0, 0, 0, false, false);

    public QosIds {
        Bits.checkRange("S-RCID", sRcid, 0xFFF);
        Bits.checkRange("S-MCID", sMcid, 0xFFF);
        Bits.checkRange("SRL", srl, 15);
        Bits.checkRange("SML", sml, 15);
        Bits.checkRange("SQRID", sqrid, 15);
    }

    /** The QoS IDs held in a {@code data2} value; reserved bits are dropped. */
    public static QosIds fromData2(long data2) {
        return new QosIds((int) Bits.field(data2, 0, 12), (int) Bits.field(data2, 16, 12),
                (int) Bits.field(data2, 32, 4), (int) Bits.field(data2, 36, 4), (int) Bits.field(data2, 40, 4),
                Bits.field(data2, 44, 1) != 0, Bits.field(data2, 45, 1) != 0);
    }

    /** The {@code data2} value for these IDs. */
    public long toData2() {
        return Bits.place(sRcid, 0, 12) | Bits.place(sMcid, 16, 12) | Bits.place(srl, 32, 4)
                | Bits.place(sml, 36, 4) | Bits.place(sqrid, 40, 4) | Bits.place(ssrm ? 1 : 0, 44, 1)
                | Bits.place(ssmm ? 1 : 0, 45, 1);
    }
}
