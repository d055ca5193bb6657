package io.mttkit.gen.iompt;

import io.mttkit.gen.walker.WalkCause;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code rsp_*}: the checker's verdict on one DMA transaction (valid/ready), in request order. Port contract v3:
 * {@code rsp_allow}; {@code rsp_abort_reason} ({@link IoAbortReason}, 0 when allowed); the classification
 * ({@code rsp_matched}, {@code rsp_rule}, {@code rsp_sdid}, 0 when nothing was classified); with IOMMUs
 * {@code rsp_iommu_valid}/{@code rsp_iommu_id} (the matching rule's IOMMU_ID, none for an IOMMU-originated
 * access); {@code rsp_report_to_iommu} (an aborted IOMMU-originated access: the bridge signals the IOMMU);
 * the walk's {@code rsp_xwr} and {@code rsp_cause} ({@link WalkCause}; 0 when no walk decided); {@code rsp_id}.
 */
public final class DmaResponsePort extends Bundle {
    public final Bool valid;
    public final Bool ready;
    public final Bool allow;
    public final UInt abortReason;
    public final Bool matched;
    public final UInt rule;
    public final UInt sdid;
    /** {@code null} without an IOMMU. */
    public final Bool iommuValid;
    /** {@code null} without an IOMMU. */
    public final UInt iommuId;
    public final Bool reportToIommu;
    public final UInt xwr;
    public final UInt cause;
    public final UInt id;

    public DmaResponsePort(Scope s, IoMptParams p) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        allow = s.bool("allow");
        abortReason = s.uint("abort_reason", IoAbortReason.WIDTH);
        matched = s.bool("matched");
        rule = s.uint("rule", p.ruleIndexWidth());
        sdid = s.uint("sdid", SdclRule.SDID_WIDTH);
        iommuValid = p.hasIommu() ? s.bool("iommu_valid") : null;
        iommuId = p.hasIommu() ? s.uint("iommu_id", SdclRule.IOMMU_ID_WIDTH) : null;
        reportToIommu = s.bool("report_to_iommu");
        xwr = s.uint("xwr", 3);
        cause = s.uint("cause", WalkCause.WIDTH);
        id = s.uint("id", p.idWidth());
    }
}
