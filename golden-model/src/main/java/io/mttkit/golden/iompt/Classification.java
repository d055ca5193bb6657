package io.mttkit.golden.iompt;

/**
 * What the SDCL answers on the SDID completion interface (SDC, ch. 6 §"Placement of I/O MPT Checker"): the
 * SDID whose MPT governs the transaction and the IOMMU that translates it.
 *
 * @param ruleId  the rule that matched (the lowest-numbered matching rule)
 * @param sdid    the rule's SDID
 * @param iommuId the rule's IOMMU_ID, or {@link #NO_IOMMU} when the checker has no IOMMU or the transaction
 *                is IOMMU-originated (the rule's IOMMU_ID "is ignored" then)
 */
public record Classification(int ruleId, int sdid, int iommuId) {
    /** {@link #iommuId()} when no IOMMU is associated. */
    public static final int NO_IOMMU = -1;

    public Classification {
        Bits.checkRange("ruleId", ruleId, 255);
        Bits.checkRange("sdid", sdid, 63);
        if (iommuId != NO_IOMMU) {
            Bits.checkRange("iommuId", iommuId, 255);
        }
    }

    /** True when an IOMMU is associated. */
    public boolean hasIommu() {
        return iommuId != NO_IOMMU;
    }
}
