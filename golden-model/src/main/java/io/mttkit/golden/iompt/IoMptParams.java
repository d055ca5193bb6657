package io.mttkit.golden.iompt;

import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every implementation choice of one I/O MPT Checker (ch. 6). Immutable; the constructor refuses values the
 * register layouts cannot carry.
 *
 * @param ruleCount      N, the number of SDCL rules: RULEID 0..N−1 (§"SET_SDCL_ENTRY"); 1..256 (RULEID is 8
 *                       bits)
 * @param sdidCount      number of supervisor domains: SDID 0..sdidCount−1; 1..64 (SDID is 6 bits)
 * @param iommuCount     number of IOMMU instances: IOMMU_ID 0..iommuCount−1; 0..256 (IOMMU_ID is 8 bits). 0 means
 *                       no IOMMU: "the IOMMU_ID field is ignored" (§"SET_SDCL_ENTRY"), stored and read as 0
 * @param srcIdWidth     width of the device IDs transactions carry, 1..24 (SRC_ID is 24 bits; a PCIe RID is 16,
 *                       segment:RID 24). It bounds transactions, not SRC_ID: a rule may hold any 24-bit SRC_ID
 * @param teeFilter      TEE filtering supported; if not, TEE_FLT other than 0 is an invalid operand (CODE 5)
 * @param mptModes       the Smmpt modes the checker implements ("must support MPT modes supported by any of the
 *                       application processor harts"); non-empty subset of Smmpt34 (MXL=1) and Smmpt43/52/64
 *                       (MXL=0). MXL=0 is legal when an RV64 mode is present, MXL=1 when Smmpt34 is; Bare is
 *                       legal with any legal MXL
 * @param mbe            which MPT endianness is implemented (hardwired MBE ignores writes)
 * @param qosImplemented the SDCFG QoS fields (data2) are implemented; if not, data2 is ignored by
 *                       SET_SDCFG_ENTRY and GET_SDCFG_ENTRY returns 0 in it
 * @param bareSupported  {@code control.MODE} = Bare is implemented ("All I/O MPT Checkers must support the Off
 *                       and On values"); if not, writing Bare keeps the old MODE
 * @param ver            {@code capabilities.VER}, 0..255: major version in bits 7:4, minor in 3:0
 *                       ({@link #VER_0_9} for this chapter's version, v0.9)
 * @param statusCodes    which codes mean invalid RULEID / invalid SDID (the chapter contradicts itself)
 * @param lookupConfig   the MPT lookup's platform choices; its {@code paw} is the width of the checker's
 *                       physical addresses (PA range checks, MPT roots must lie below 2^paw)
 */
public record IoMptParams(int ruleCount, int sdidCount, int iommuCount, int srcIdWidth, boolean teeFilter,
                          Set<MttMode> mptModes, MbeSupport mbe, boolean qosImplemented, boolean bareSupported,
                          int ver, StatusCodeConvention statusCodes, LookupConfig lookupConfig) {

    /** {@code capabilities.VER} of spec version 0.9: major 0 in bits 7:4, minor 9 in bits 3:0 (§"Capabilities"). */
    public static final int VER_0_9 = 0x09;

    /**
     * An RV64 platform: 16 rules, 64 SDIDs, 4 IOMMUs, 24-bit device IDs, TEE filtering, Smmpt43/52/64, both
     * endiannesses, QoS, Bare, VER 0x09, the table's status codes, {@link LookupConfig#DEFAULT}.
     */
    public static final IoMptParams DEFAULT = new IoMptParams(16, 64, 4, 24, true,
            EnumSet.of(MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64), MbeSupport.BOTH, true, true, VER_0_9,
            StatusCodeConvention.TABLE, LookupConfig.DEFAULT);

    public IoMptParams {
        requireRange("ruleCount", ruleCount, 1, 256, " (RULEID is an 8-bit field)");
        requireRange("sdidCount", sdidCount, 1, 64, " (SDID is a 6-bit field)");
        requireRange("iommuCount", iommuCount, 0, 256, " (IOMMU_ID is an 8-bit field; 0 = no IOMMU)");
        requireRange("srcIdWidth", srcIdWidth, 1, 24, " (SRC_ID is a 24-bit field)");
        requireRange("ver", ver, 0, 255, " (capabilities.VER is 8 bits: major in 7:4, minor in 3:0)");
        if (mptModes == null || mptModes.isEmpty()) {
            throw new IllegalArgumentException("mptModes must name at least one of smmpt34, smmpt43, smmpt52,"
                    + " smmpt64 (got " + mptModes + ")");
        }
        for (MttMode m : mptModes) {
            if (m == null || m.format() != TableFormat.SMMPT_V0_9) {
                throw new IllegalArgumentException("mptModes may hold only smmpt34, smmpt43, smmpt52, smmpt64"
                        + " (Bare is always implied), got " + (m == null ? "null" : m.id()));
            }
        }
        mptModes = Collections.unmodifiableSet(EnumSet.copyOf(mptModes));
        if (mbe == null) {
            throw new IllegalArgumentException("mbe must be given (LITTLE_ONLY, BIG_ONLY or BOTH)");
        }
        if (statusCodes == null) {
            throw new IllegalArgumentException("statusCodes must be given (TABLE or PROSE)");
        }
        if (lookupConfig == null) {
            throw new IllegalArgumentException("lookupConfig must be given (e.g. LookupConfig.DEFAULT)");
        }
    }

    private static void requireRange(String name, int value, int min, int max, String why) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + why + ", got " + value);
        }
    }

    /** The platform physical address width ({@link LookupConfig#paw()}). */
    public int paw() {
        return lookupConfig.paw();
    }

    /** True when {@code MXL} = {@code mxl} selects a table of implemented modes. */
    public boolean supportsMxl(int mxl) {
        for (MttMode m : mptModes) {
            if ((m.xlen() == 32 ? 1 : 0) == mxl) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lookup mode of {@code MPT_MODE} = {@code mptMode} under {@code MXL} = {@code mxl}, or {@code null}
     * when the MXL or the mode is not implemented (reserved, custom, or a valid mode this checker lacks).
     */
    public MttMode modeFor(int mxl, int mptMode) {
        if (mxl < 0 || mxl > 1 || !supportsMxl(mxl)) {
            return null;
        }
        MttMode m = MttMode.fromCsrEncoding(TableFormat.SMMPT_V0_9, mxl == 1 ? 32 : 64, mptMode);
        return m == MttMode.BARE || mptModes.contains(m) ? m : null;
    }

    public IoMptParams withRuleCount(int v) {
        return new IoMptParams(v, sdidCount, iommuCount, srcIdWidth, teeFilter, mptModes, mbe, qosImplemented,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withSdidCount(int v) {
        return new IoMptParams(ruleCount, v, iommuCount, srcIdWidth, teeFilter, mptModes, mbe, qosImplemented,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withIommuCount(int v) {
        return new IoMptParams(ruleCount, sdidCount, v, srcIdWidth, teeFilter, mptModes, mbe, qosImplemented,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withSrcIdWidth(int v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, v, teeFilter, mptModes, mbe, qosImplemented,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withTeeFilter(boolean v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, v, mptModes, mbe, qosImplemented,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withMptModes(Set<MttMode> v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, v, mbe, qosImplemented,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withMbe(MbeSupport v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, mptModes, v, qosImplemented,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withQosImplemented(boolean v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, mptModes, mbe, v,
                bareSupported, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withBareSupported(boolean v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, mptModes, mbe,
                qosImplemented, v, ver, statusCodes, lookupConfig);
    }

    public IoMptParams withVer(int v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, mptModes, mbe,
                qosImplemented, bareSupported, v, statusCodes, lookupConfig);
    }

    public IoMptParams withStatusCodes(StatusCodeConvention v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, mptModes, mbe,
                qosImplemented, bareSupported, ver, v, lookupConfig);
    }

    public IoMptParams withLookupConfig(LookupConfig v) {
        return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, mptModes, mbe,
                qosImplemented, bareSupported, ver, statusCodes, v);
    }
}
