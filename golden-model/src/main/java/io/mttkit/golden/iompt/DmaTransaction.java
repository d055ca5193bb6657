package io.mttkit.golden.iompt;

import io.mttkit.golden.Access;

/**
 * One inbound memory transaction as the I/O Bridge presents it to the checker: the identifiers the SDCL
 * classifies on (SDR interface, ch. 6 §"Placement of I/O MPT Checker") and the supervisor physical address
 * range the MPT check covers (MCR interface).
 *
 * @param id        a tag for reports and co-simulation; not interpreted
 * @param deviceId  the device ID every transaction carries (SRC_IDT 1), 0..2^24−1; the checker also requires it
 *                  below 2^{@link IoMptParams#srcIdWidth()}
 * @param ide       the PCIe IDE stream and segment, or {@code null} when the transaction came on no IDE stream
 *                  (then no SRC_IDT 2 rule matches it)
 * @param tee       TEE-associated (e.g. PCIe IDE T or XT bit set; §"SET_SDCL_ENTRY" TEE_FLT note)
 * @param fromIommu an IOMMU-originated access (the IOMMU's own DMA): the matching rule's IOMMU_ID is ignored
 *                  (ch. 6 intro: "The IOMMU ID configured in the rule matching the IOMMU's device ID is
 *                  ignored when the rule is looked up for memory accesses originated by the IOMMU itself")
 * @param pa        first byte's supervisor physical address (unsigned)
 * @param size      number of bytes, ≥ 1; {@code [pa, pa + size)} must not wrap past 2^64. A PCIe ATS translation
 *                  completion is checked as one transaction over the whole translated range
 *                  (§"Treatment of Device-Side Address Translation Caches")
 * @param need      permissions the access needs in {@link Access} bits: R for a read, W for a write, and for an
 *                  ATS translation completion every permission the IOMMU granted (R, W and/or X)
 */
public record DmaTransaction(long id, int deviceId, IdeStream ide, boolean tee, boolean fromIommu, long pa,
                             long size, int need) {

    /**
     * A PCIe IDE stream identifier (§"SET_SDCL_ENTRY" SRC_IDT 2): the segment in {@code SRC_ID[15:8]} and the
     * stream ID in {@code SRC_ID[7:0]}.
     */
    public record IdeStream(int segment, int streamId) {
        public IdeStream {
            Bits.checkRange("IDE segment", segment, 255);
            Bits.checkRange("IDE stream ID", streamId, 255);
        }

        /** The 16-bit value a SRC_IDT 2 rule compares: segment in 15:8, stream ID in 7:0. */
        public int key() {
            return (segment << 8) | streamId;
        }
    }

    public DmaTransaction {
        Bits.checkRange("deviceId", deviceId, 0xFF_FFFF);
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1 byte, got " + size);
        }
        if (Long.compareUnsigned(pa + size - 1, pa) < 0) {
            throw new IllegalArgumentException(String.format("the range of %d bytes at 0x%x wraps past 2^64", size, pa));
        }
        if (need < 1 || need > (Access.R | Access.W | Access.X)) {
            throw new IllegalArgumentException("need must be a non-empty subset of R|W|X (1..7), got " + need);
        }
    }

    /** A non-TEE device read of {@code size} bytes at {@code pa}, no IDE stream, id 0. */
    public static DmaTransaction read(int deviceId, long pa, long size) {
        return new DmaTransaction(0, deviceId, null, false, false, pa, size, Access.R);
    }

    /** A non-TEE device write of {@code size} bytes at {@code pa}, no IDE stream, id 0. */
    public static DmaTransaction write(int deviceId, long pa, long size) {
        return new DmaTransaction(0, deviceId, null, false, false, pa, size, Access.W);
    }

    public DmaTransaction withId(long v) {
        return new DmaTransaction(v, deviceId, ide, tee, fromIommu, pa, size, need);
    }

    public DmaTransaction withIde(int segment, int streamId) {
        return new DmaTransaction(id, deviceId, new IdeStream(segment, streamId), tee, fromIommu, pa, size, need);
    }

    public DmaTransaction withTee(boolean v) {
        return new DmaTransaction(id, deviceId, ide, v, fromIommu, pa, size, need);
    }

    public DmaTransaction withFromIommu(boolean v) {
        return new DmaTransaction(id, deviceId, ide, tee, v, pa, size, need);
    }

    public DmaTransaction withNeed(int v) {
        return new DmaTransaction(id, deviceId, ide, tee, fromIommu, pa, size, v);
    }

    public DmaTransaction withPa(long v) {
        return new DmaTransaction(id, deviceId, ide, tee, fromIommu, v, size, need);
    }
}
