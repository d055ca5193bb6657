package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code cls_*}: one classification by the SDCL, combinational, seen from the asker: the transaction's identifiers
 * go out, the answer of the lowest-numbered matching rule comes back in the same cycle.
 */
public final class ClassifyPort extends Bundle {
    /** Width of {@code cls_ide_id}: PCIe segment (15:8) and IDE stream ID (7:0). */
    public static final int IDE_ID_WIDTH = 16;

    public final UInt deviceId;
    /** The transaction arrived on a PCIe IDE stream ({@code ide_id} is meaningful). */
    public final Bool hasIde;
    public final UInt ideId;
    /** The transaction is TEE-associated. */
    public final Bool tee;
    /** Some rule matched. */
    public final Bool match;
    /** RULEID of the lowest-numbered matching rule. */
    public final UInt rule;
    public final UInt sdid;
    /** {@code null} without an IOMMU. */
    public final UInt iommuId;

    public ClassifyPort(Scope s, IoMptParams p) {
        super(s);
        deviceId = s.uint("device_id", p.srcIdWidth());
        hasIde = s.bool("has_ide");
        ideId = s.uint("ide_id", IDE_ID_WIDTH);
        tee = s.bool("tee");
        match = s.in().bool("match");
        rule = s.in().uint("rule", p.ruleIndexWidth());
        sdid = s.in().uint("sdid", SdclRule.SDID_WIDTH);
        iommuId = p.hasIommu() ? s.in().uint("iommu_id", SdclRule.IOMMU_ID_WIDTH) : null;
    }
}
