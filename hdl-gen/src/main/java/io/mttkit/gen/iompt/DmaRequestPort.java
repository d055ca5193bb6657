package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code dma_*}: one inbound transaction offered to the I/O MPT checker by the I/O Bridge (valid/ready), seen from
 * the bridge (declared by the checker with {@code s.in()}). Port contract v3:
 * <ul>
 *   <li>{@code dma_device_id} ({@code srcIdWidth}), {@code dma_has_ide} and {@code dma_ide_id} (segment 15:8,
 *       stream 7:0), {@code dma_tee}: what the SDCL classifies;</li>
 *   <li>{@code dma_iommu_originated}: the IOMMU's own access (the rule's IOMMU_ID is not reported);</li>
 *   <li>{@code dma_pa} ({@code paw}), {@code dma_size} (bytes, 1..4096) and {@code dma_need} ({X, W, R}): the
 *       access. <b>Contract rule:</b> {@code [pa, pa + size)} stays within one 4 KiB granule, so one MPT lookup
 *       decides it; the bridge splits longer accesses. The checker does not look at {@code dma_size};</li>
 *   <li>{@code dma_id} ({@code idWidth}): returned on {@code rsp_id}.</li>
 * </ul>
 */
public final class DmaRequestPort extends Bundle {
    /** Width of {@code dma_size}: a byte count up to 4096. */
    public static final int SIZE_WIDTH = 13;

    public final Bool valid;
    public final Bool ready;
    public final UInt deviceId;
    public final Bool hasIde;
    public final UInt ideId;
    public final Bool tee;
    public final Bool iommuOriginated;
    public final UInt pa;
    public final UInt size;
    /** {X, W, R} required. */
    public final UInt need;
    public final UInt id;

    public DmaRequestPort(Scope s, IoMptParams p) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        deviceId = s.uint("device_id", p.srcIdWidth());
        hasIde = s.bool("has_ide");
        ideId = s.uint("ide_id", ClassifyPort.IDE_ID_WIDTH);
        tee = s.bool("tee");
        iommuOriginated = s.bool("iommu_originated");
        pa = s.uint("pa", p.paw());
        size = s.uint("size", SIZE_WIDTH);
        need = s.uint("need", 3);
        id = s.uint("id", p.idWidth());
    }
}
