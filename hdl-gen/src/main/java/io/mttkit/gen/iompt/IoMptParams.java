package io.mttkit.gen.iompt;

import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import io.mttkit.gen.walker.WalkMode;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compile-time parameters of the I/O MPT checker hardware (Smmpt v0.9 chapter 6, {@code docs/io-checker.md}). The
 * chapter-6 parameters are this package's own descriptors; the MPT walk reuses the hart-side walker's descriptors
 * ({@code paw}, {@code idWidth}, {@code pmpLatency}) with the table format fixed to smmpt-v0.9. Every value is checked
 * in the constructor by its descriptor.
 *
 * @param xlen           64 (Smmpt43/52/64, SDCFG {@code MXL} = 0) or 32 (Smmpt34, {@code MXL} = 1): the walker's XLEN
 * @param ruleCount      SDCL rules N, 1..256 ({@code RULEID} is 8 bits)
 * @param sdidCount      supervisor domains, 1..64 ({@code SDID} is 6 bits)
 * @param iommuCount     IOMMU instances, 0 (none: {@code IOMMU_ID} ignored, reads 0) .. 256
 * @param srcIdWidth     width of the platform's device IDs (the {@code device_id} ports), 1..24
 * @param teeFilter      {@code TEE_FLT} 1 and 2 implemented (else only 0 is legal)
 * @param statusCodes    which {@code status.CODE} means invalid RULEID / SDID (spec-notes: the table by default)
 * @param qosImplemented the QoS fields of {@code SET_SDCFG_ENTRY}'s {@code data2} are stored
 * @param mbe            {@code MBE} hardwired little, hardwired big, or writable per SDID
 * @param bareSupported  {@code control.MODE} Bare (1) implemented (Off and On always are)
 * @param paw            platform physical address width (the walker's {@code paw})
 * @param idWidth        width of the DMA port's {@code dma_req_id}/{@code dma_rsp_id}
 * @param pmpLatency     cycles from a {@code pmp_valid} pulse to its {@code pmp_ok} (the walker's)
 */
public record IoMptParams(int xlen, int ruleCount, int sdidCount, int iommuCount, int srcIdWidth, boolean teeFilter,
                          StatusCodes statusCodes, boolean qosImplemented, Mbe mbe, boolean bareSupported, int paw,
                          int idWidth, int pmpLatency) {

    /** {@code capabilities.VER} of Smmpt v0.9: major 0 in bits 7:4, minor 9 in bits 3:0. */
    public static final int VER = 0x09;

    /** Which {@code status.CODE} values mean "invalid RULEID" and "invalid SDID" (spec-notes, chapter 6 row 1). */
    public enum StatusCodes implements Param.Choice {
        /** the §"Status register" table: 3 = invalid RULEID, 4 = invalid SDID (default). */
        TABLE(3, 4),
        /** the §"Command register" prose: 3 = invalid SDID, 4 = invalid RULEID. */
        PROSE(4, 3);

        private final int invalidRuleId;
        private final int invalidSdid;

        StatusCodes(int invalidRuleId, int invalidSdid) {
            this.invalidRuleId = invalidRuleId;
            this.invalidSdid = invalidSdid;
        }

        /** CODE for an invalid {@code RULEID}. */
        public int invalidRuleId() {
            return invalidRuleId;
        }

        /** CODE for an invalid {@code SDID}. */
        public int invalidSdid() {
            return invalidSdid;
        }

        @Override
        public String spelling() {
            return name();
        }
    }

    /** "MBE can be hardwired when only one endianness is supported" (§"SET_SDCFG_ENTRY"). */
    public enum Mbe implements Param.Choice {
        /** hardwired 0: every MPT is read little-endian; a written 1 is ignored. */
        LITTLE("little"),
        /** hardwired 1: every MPT is read big-endian; a written 0 is ignored. */
        BIG("big"),
        /** stored per SDID as written. */
        WRITABLE("writable");

        private final String spelling;

        Mbe(String spelling) {
            this.spelling = spelling;
        }

        @Override
        public String spelling() {
            return spelling;
        }
    }

    // ---- the descriptors (mtt gen --set, --describe, manifests, module headers) ----

    /** {@code ruleCount}. */
    public static final Param<Integer> RULE_COUNT = Param.integer("ruleCount", 16, 1, 256,
            "SDCL rules (RULEID 0..ruleCount-1)");
    /** {@code sdidCount}. */
    public static final Param<Integer> SDID_COUNT = Param.integer("sdidCount", 64, 1, 64,
            "supervisor domains configurable with SET_SDCFG_ENTRY (SDID 0..sdidCount-1)");
    /** {@code iommuCount}. */
    public static final Param<Integer> IOMMU_COUNT = Param.integer("iommuCount", 0, 0, 256,
            "IOMMU instances (0: none; IOMMU_ID is then ignored and reads 0)");
    /** {@code srcIdWidth}. */
    public static final Param<Integer> SRC_ID_WIDTH = Param.integer("srcIdWidth", 24, 1, 24,
            "width of the platform's device IDs (the device_id ports)");
    /** {@code teeFilter}. */
    public static final Param<Boolean> TEE_FILTER = Param.flag("teeFilter", true,
            "TEE_FLT 1 (TEE only) and 2 (non-TEE only) implemented; else only 0 is legal");
    /** {@code statusCodes}. */
    public static final Param<StatusCodes> STATUS_CODES = Param.choice("statusCodes", StatusCodes.class,
            StatusCodes.TABLE, "CODE of invalid RULEID/SDID: TABLE 3/4 (status table) or PROSE 4/3");
    /** {@code qosImplemented}. */
    public static final Param<Boolean> QOS_IMPLEMENTED = Param.flag("qosImplemented", false,
            "store the QoS IDs of SET_SDCFG_ENTRY data2 (else ignored, GET returns 0)");
    /** {@code mbe}. */
    public static final Param<Mbe> MBE = Param.choice("mbe", Mbe.class, Mbe.WRITABLE,
            "SDCFG MBE hardwired little, hardwired big, or writable per SDID");
    /** {@code bareSupported}. */
    public static final Param<Boolean> BARE_SUPPORTED = Param.flag("bareSupported", true,
            "control.MODE Bare implemented (else a write of Bare keeps the old MODE)");

    /**
     * {@code iommuCount} of {@code io-rv64-smmpt}: the same parameter with the golden model's default (4 IOMMUs,
     * {@code io.mttkit.golden.iompt.IoMptParams.DEFAULT}).
     */
    public static final Param<Integer> IOMMU_COUNT_GOLDEN = Param.integer("iommuCount", 4, 0, 256,
            "IOMMU instances (0: none; IOMMU_ID is then ignored and reads 0)");
    /** {@code qosImplemented} of {@code io-rv64-smmpt}: the golden model's default (QoS implemented). */
    public static final Param<Boolean> QOS_IMPLEMENTED_GOLDEN = Param.flag("qosImplemented", true,
            "store the QoS IDs of SET_SDCFG_ENTRY data2 (else ignored, GET returns 0)");

    /**
     * {@code params} with {@code iommuCount} and {@code qosImplemented} defaulting to the golden model's values (4,
     * true) instead of the generator's smaller ones (0, false): the descriptors of the shipped configuration.
     */
    public static List<Param<?>> goldenDefaults(List<Param<?>> params) {
        List<Param<?>> out = new ArrayList<>();
        for (Param<?> q : params) {
            out.add(q == IOMMU_COUNT ? IOMMU_COUNT_GOLDEN : q == QOS_IMPLEMENTED ? QOS_IMPLEMENTED_GOLDEN : q);
        }
        return out;
    }

    /** The chapter-6 descriptors, in documentation order. */
    public static final List<Param<?>> IO_PARAMETERS = List.of(RULE_COUNT, SDID_COUNT, IOMMU_COUNT, SRC_ID_WIDTH,
            TEE_FILTER, STATUS_CODES, QOS_IMPLEMENTED, MBE, BARE_SUPPORTED);

    /**
     * The descriptors of a configuration of {@code xlen}: the chapter-6 ones and the walker's {@code paw}; with
     * {@code withDma} (a checker top with the DMA port and the walker) also {@code idWidth} and {@code pmpLatency}.
     */
    public static List<Param<?>> parameters(int xlen, boolean withDma) {
        List<Param<?>> out = new ArrayList<>(IO_PARAMETERS);
        out.add(WalkerParams.paw(xlen));
        if (withDma) {
            out.add(WalkerParams.ID_WIDTH);
            out.add(WalkerParams.PMP_LATENCY);
        }
        return out;
    }

    /** The parameters from checked configuration values (absent walker descriptors take their defaults). */
    public static IoMptParams of(int xlen, ParamValues v) {
        boolean dma = v.params().contains(WalkerParams.ID_WIDTH);
        int iommus = v.params().contains(IOMMU_COUNT_GOLDEN) ? v.get(IOMMU_COUNT_GOLDEN) : v.get(IOMMU_COUNT);
        boolean qos = v.params().contains(QOS_IMPLEMENTED_GOLDEN) ? v.get(QOS_IMPLEMENTED_GOLDEN)
                : v.get(QOS_IMPLEMENTED);
        return new IoMptParams(xlen, v.get(RULE_COUNT), v.get(SDID_COUNT), iommus, v.get(SRC_ID_WIDTH),
                v.get(TEE_FILTER), v.get(STATUS_CODES), qos, v.get(MBE), v.get(BARE_SUPPORTED),
                v.get(WalkerParams.paw(xlen)), dma ? v.get(WalkerParams.ID_WIDTH) : WalkerParams.ID_WIDTH.defaultValue(),
                dma ? v.get(WalkerParams.PMP_LATENCY) : WalkerParams.PMP_LATENCY.defaultValue());
    }

    /** Every descriptor's default for {@code xlen}. */
    public static IoMptParams defaults(int xlen) {
        return new IoMptParams(xlen, RULE_COUNT.defaultValue(), SDID_COUNT.defaultValue(), IOMMU_COUNT.defaultValue(),
                SRC_ID_WIDTH.defaultValue(), TEE_FILTER.defaultValue(), STATUS_CODES.defaultValue(),
                QOS_IMPLEMENTED.defaultValue(), MBE.defaultValue(), BARE_SUPPORTED.defaultValue(),
                WalkerParams.paw(xlen).defaultValue(), WalkerParams.ID_WIDTH.defaultValue(),
                WalkerParams.PMP_LATENCY.defaultValue());
    }

    /** Checks every value against its descriptor. */
    public IoMptParams {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("parameter 'xlen' must be 32 or 64; got " + xlen);
        }
        RULE_COUNT.check(ruleCount);
        SDID_COUNT.check(sdidCount);
        IOMMU_COUNT.check(iommuCount);
        SRC_ID_WIDTH.check(srcIdWidth);
        TEE_FILTER.check(teeFilter);
        STATUS_CODES.check(statusCodes);
        QOS_IMPLEMENTED.check(qosImplemented);
        MBE.check(mbe);
        BARE_SUPPORTED.check(bareSupported);
        WalkerParams.paw(xlen).check(paw);
        WalkerParams.ID_WIDTH.check(idWidth);
        WalkerParams.PMP_LATENCY.check(pmpLatency);
    }

    /** The values by descriptor (for headers and manifests), in {@link #parameters} order. */
    public ParamValues values(boolean withDma) {
        Map<Param<?>, Object> m = new LinkedHashMap<>();
        m.put(RULE_COUNT, ruleCount);
        m.put(SDID_COUNT, sdidCount);
        m.put(IOMMU_COUNT, iommuCount);
        m.put(SRC_ID_WIDTH, srcIdWidth);
        m.put(TEE_FILTER, teeFilter);
        m.put(STATUS_CODES, statusCodes);
        m.put(QOS_IMPLEMENTED, qosImplemented);
        m.put(MBE, mbe);
        m.put(BARE_SUPPORTED, bareSupported);
        m.put(WalkerParams.paw(xlen), paw);
        if (withDma) {
            m.put(WalkerParams.ID_WIDTH, idWidth);
            m.put(WalkerParams.PMP_LATENCY, pmpLatency);
        }
        return ParamValues.of(m);
    }

    /**
     * The walker of the MPT check: smmpt-v0.9 only, this {@code paw}, 6 SDID bits, the DMA id width, the literal
     * reserved-tuple scope, big-endian tables supported unless {@code MBE} is hardwired little.
     */
    public WalkerParams walker() {
        return new WalkerParams(xlen, Formats.V09, paw, 6, idWidth, TupleScope.ANY, false, mbe != Mbe.LITTLE,
                pmpLatency);
    }

    /** The Smmpt modes an SDCFG may select: those of the walker's XLEN (Smmpt43/52/64, or Smmpt34). */
    public List<WalkMode> modes() {
        return walker().modes();
    }

    /** The SDCFG {@code MXL} value the implemented modes use: 0 on RV64, 1 on RV32. */
    public int mxl() {
        return xlen == 32 ? 1 : 0;
    }

    /** Whether the rules store (and classifications carry) an {@code IOMMU_ID}. */
    public boolean hasIommu() {
        return iommuCount > 0;
    }

    /** Address width of the rule array. */
    public int ruleIndexWidth() {
        return io.mttkit.hdl.Hw.indexWidth(ruleCount);
    }

    /** Address width of the SDCFG array. */
    public int sdidIndexWidth() {
        return io.mttkit.hdl.Hw.indexWidth(sdidCount);
    }
}
