package io.mttkit.golden.iompt;

import io.mttkit.golden.MttMode;

/**
 * Validity of the operands of the {@code SET_*} operations (ch. 6 §"Command register": "If the SDID or the
 * RULEID operands are invalid then the operation fails with ... If other register fields used by the operation
 * have an unsupported or invalid encoding then the operation fails with 'Illegal or invalid operand
 * encodings'"). The order of the checks is UNSPECIFIED; mttkit checks identifiers before encodings: RULEID,
 * then SDID, then the other fields in bit order. Reserved bits are never checked (fields not used by an
 * operation are ignored).
 */
final class OperandCheck {
    private OperandCheck() {
    }

    /** RULEID in 0..N−1 (§"SET_SDCL_ENTRY"). */
    static Status ruleId(int ruleId, IoMptParams p) {
        return ruleId < p.ruleCount() ? Status.SUCCESS : Status.INVALID_RULEID;
    }

    /** SDID in 0..sdidCount−1. */
    static Status sdid(int sdid, IoMptParams p) {
        return sdid < p.sdidCount() ? Status.SUCCESS : Status.INVALID_SDID;
    }

    /**
     * The {@code data1} of {@code SET_SDCL_ENTRY} (§"SET_SDCL_ENTRY"), after its RULEID passed. SRC_IDT 0 ("All
     * other fields of the data1 register are ignored") is always accepted. Otherwise, in order: SDID in range;
     * SRC_IDT 1 or 2 (3–7 reserved, 8–15 custom); SRC_IDM not the reserved 0; TEE_FLT not the reserved 3 and 0
     * when TEE filtering is not supported; IOMMU_ID below the IOMMU count (ignored without IOMMU). SRC_ID takes
     * any 24-bit value.
     */
    static Status sdclRule(SdclRule rule, IoMptParams p) {
        if (rule.srcIdt() == SrcIdType.NONE.encoding()) {
            return Status.SUCCESS;
        }
        Status s = sdid(rule.sdid(), p);
        if (s != Status.SUCCESS) {
            return s;
        }
        if (rule.type() == null || rule.match() == null || rule.teeFilter() == null) {
            return Status.INVALID_OPERAND;
        }
        if (!p.teeFilter() && rule.teeFilter() != TeeFilter.ANY) {
            return Status.INVALID_OPERAND;
        }
        if (p.iommuCount() > 0 && rule.iommuId() >= p.iommuCount()) {
            return Status.INVALID_OPERAND;
        }
        return Status.SUCCESS;
    }

    /**
     * The {@code data1} of {@code SET_SDCFG_ENTRY} (§"SET_SDCFG_ENTRY"), after its SDID passed: an implemented
     * MXL; an implemented MPT_MODE for it (reserved, custom and valid-but-absent modes are invalid); for Bare
     * "the PPN field must be set to zero"; otherwise a PPN the mode can hold (22 bits for Smmpt34, as in
     * {@code mmpt}), a root below 2^paw, and for Smmpt64 a 32 KiB aligned root (PPN[2:0] = 0, the root table is
     * 32 KiB; SPEC-DECISIONS #17). MBE is never invalid: a hardwired MBE ignores the value written.
     */
    static Status sdConfig(SdConfig cfg, IoMptParams p) {
        MttMode mode = p.modeFor(cfg.mxl(), cfg.mptMode());
        if (mode == null) {
            return Status.INVALID_OPERAND;
        }
        if (mode == MttMode.BARE) {
            return cfg.ppn() == 0 ? Status.SUCCESS : Status.INVALID_OPERAND;
        }
        int ppnBits = mode.xlen() == 32 ? 22 : 44;
        if ((cfg.ppn() >>> ppnBits) != 0) {
            return Status.INVALID_OPERAND;
        }
        if (p.paw() < 64 && ((cfg.ppn() << 12) >>> p.paw()) != 0) {
            return Status.INVALID_OPERAND;
        }
        if (mode == MttMode.SMMPT64 && (cfg.ppn() & 7) != 0) {
            return Status.INVALID_OPERAND;
        }
        return Status.SUCCESS;
    }
}
