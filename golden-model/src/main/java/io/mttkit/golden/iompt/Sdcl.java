package io.mttkit.golden.iompt;

import java.util.Arrays;

/**
 * The Supervisor Domain Classifier (ch. 6 intro: "interprets the attributes of a DMA request and determines
 * the appropriate MPT for that request"): the N rules written by {@code SET_SDCL_ENTRY} and the classification
 * of a transaction by them (§"SET_SDCL_ENTRY").
 *
 * <p>A rule r matches a transaction when
 * <ol>
 *   <li>its {@code SRC_IDT} is not None (0 "does not match any incoming transaction");</li>
 *   <li>its {@code TEE_FLT} admits the transaction's TEE association;</li>
 *   <li>the transaction carries the rule's kind of identifier (every transaction has a device ID; only those on
 *       an IDE stream have a stream + segment) and it matches {@code SRC_ID} under {@code SRC_IDM}
 *       ({@link SourceMatch}), comparing 24 bits for a device ID and bits 15:0 for an IDE stream.</li>
 * </ol>
 * For TOR, "SRC_ID of rule r−1" is the {@code SRC_ID} field rule r−1 holds whatever its own {@code SRC_IDT}
 * and {@code SRC_IDM} (as PMP's TOR uses {@code pmpaddr[i−1]} whatever {@code pmpcfg[i−1].A}), cut to the bits
 * rule r compares; a rule never written holds {@code SRC_ID} 0 ({@link SdclRule#RESET}).
 *
 * <p>"If multiple rules are programmed to match a transaction, the implementation may act based on any one of
 * those matching rules": mttkit takes the lowest-numbered matching rule, as PMP does, so the answer is
 * deterministic.
 */
public final class Sdcl {
    private final SdclRule[] rules;
    private final boolean hasIommu;

    /**
     * @param ruleCount N, 1..256
     * @param hasIommu  false when the checker has no IOMMU: classifications then carry no IOMMU ID
     */
    public Sdcl(int ruleCount, boolean hasIommu) {
        if (ruleCount < 1 || ruleCount > 256) {
            throw new IllegalArgumentException("ruleCount must be in 1..256, got " + ruleCount);
        }
        this.rules = new SdclRule[ruleCount];
        this.hasIommu = hasIommu;
        reset();
    }

    /** Every rule back to {@link SdclRule#RESET}. */
    public void reset() {
        Arrays.fill(rules, SdclRule.RESET);
    }

    public int ruleCount() {
        return rules.length;
    }

    /** Rule {@code ruleId} as stored. */
    public SdclRule rule(int ruleId) {
        Bits.checkRange("ruleId", ruleId, rules.length - 1);
        return rules[ruleId];
    }

    /** Stores rule {@code ruleId}; the caller ({@link CommandExecutor}) has validated it. */
    void set(int ruleId, SdclRule rule) {
        Bits.checkRange("ruleId", ruleId, rules.length - 1);
        rules[ruleId] = rule;
    }

    /**
     * The classification of {@code tx} by the lowest-numbered matching rule, or {@code null} when no rule
     * matches ("the I/O Bridge is notified of this condition").
     */
    public Classification classify(DmaTransaction tx) {
        for (int r = 0; r < rules.length; r++) {
            if (matches(r, tx)) {
                SdclRule rule = rules[r];
                int iommu = hasIommu && !tx.fromIommu() ? rule.iommuId() : Classification.NO_IOMMU;
                return new Classification(r, rule.sdid(), iommu);
            }
        }
        return null;
    }

    /** True when rule {@code r} matches {@code tx} (whatever lower-numbered rules do). */
    public boolean matches(int r, DmaTransaction tx) {
        SdclRule rule = rule(r);
        SrcIdType type = rule.type();
        if (type == null || type == SrcIdType.NONE) {
            return false;
        }
        TeeFilter tee = rule.teeFilter();
        if (tee == null || !tee.admits(tx.tee())) {
            return false;
        }
        int s;
        if (type == SrcIdType.DEVICE_ID) {
            s = tx.deviceId();
        } else if (tx.ide() != null) {
            s = tx.ide().key();
        } else {
            return false;
        }
        int mask = type.keyMask();
        int srcId = rule.srcId() & mask;
        SrcIdMatch match = rule.match();
        if (match == null) {
            return false;
        }
        return switch (match) {
            case TOR -> SourceMatch.tor(r == 0 ? 0 : rules[r - 1].srcId() & mask, srcId, s);
            case UNARY -> SourceMatch.unary(srcId, s);
            case NAPOT -> SourceMatch.napot(srcId, mask, s);
        };
    }
}
