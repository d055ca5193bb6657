package io.mttkit.golden.iompt;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;

/**
 * What the checker tells the I/O Bridge about one transaction (MPT check completion, MCC, ch. 6 §"Placement
 * of I/O MPT Checker"), with everything that led there.
 *
 * @param tx             the transaction
 * @param reason         {@link AbortReason#NONE} when allowed, otherwise why it is aborted
 * @param classification the SDCL's answer; {@code null} in Off and Bare mode (nothing is classified) and when
 *                       no rule matched
 * @param sdConfig       the configuration of the classified SDID; {@code null} when not reached or never set
 * @param mptMode        the lookup mode of that SDID ({@link MttMode#BARE}: no page-based protection);
 *                       {@code null} when not reached
 * @param lookup         the deciding MPT lookup: the first that failed, or when every lookup allowed the one at
 *                       {@code tx.pa()}; {@code null} when no lookup ran. Its own object, never reused
 * @param decidingPa     the PA of {@code lookup} (the first byte of the first denied 4 KiB granule when
 *                       aborted by the MPT); {@code tx.pa()} otherwise
 * @param lookups        how many MPT lookups the range needed (one per block of uniform permission)
 */
public record DmaVerdict(DmaTransaction tx, AbortReason reason, Classification classification, SdConfig sdConfig,
                         MttMode mptMode, LookupResult lookup, long decidingPa, int lookups) {

    public DmaVerdict {
        if (tx == null || reason == null) {
            throw new IllegalArgumentException("tx and reason must be given");
        }
    }

    /** True when the I/O Bridge lets the transaction access memory. */
    public boolean allowed() {
        return reason == AbortReason.NONE;
    }

    /**
     * True when the abort is signalled to the IOMMU itself ("If the aborted transaction is an IOMMU-initiated
     * memory access then the IO Bridge signals such access faults to the IOMMU", §"Handling ... violations").
     */
    public boolean reportToIommu() {
        return !allowed() && tx.fromIommu();
    }

    @Override
    public String toString() {
        return (allowed() ? "allow" : "abort " + reason) + " tx=" + tx.id()
                + (classification == null ? "" : " rule=" + classification.ruleId() + " sdid=" + classification.sdid()
                + (classification.hasIommu() ? " iommu=" + classification.iommuId() : ""))
                + (mptMode == null ? "" : " mode=" + mptMode.id())
                + (lookup == null ? "" : String.format(" at 0x%x: %s", decidingPa, lookup));
    }
}
