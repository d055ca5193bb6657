package io.mttkit.golden.iompt;

import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter and value-record validation: every refusal names the field and its range. */
class IoMptParamsTest {
    private static final IoMptParams P = IoMptParams.DEFAULT;

    private static void refused(Executable e, String... words) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        for (String w : words) {
            assertTrue(x.getMessage().contains(w), "'" + x.getMessage() + "' should mention " + w);
        }
    }

    @Test
    void countsAndWidths_outsideTheirFields_areRefused() {
        refused(() -> P.withRuleCount(0), "ruleCount", "1..256");
        refused(() -> P.withRuleCount(257), "ruleCount", "1..256");
        refused(() -> P.withSdidCount(0), "sdidCount", "1..64");
        refused(() -> P.withSdidCount(65), "sdidCount", "1..64");
        refused(() -> P.withIommuCount(-1), "iommuCount", "0..256");
        refused(() -> P.withIommuCount(257), "iommuCount", "0..256");
        refused(() -> P.withSrcIdWidth(0), "srcIdWidth", "1..24");
        refused(() -> P.withSrcIdWidth(25), "srcIdWidth", "1..24");
        refused(() -> P.withVer(256), "ver", "0..255");
        refused(() -> P.withMbe(null), "mbe");
        refused(() -> P.withStatusCodes(null), "statusCodes");
        refused(() -> P.withLookupConfig(null), "lookupConfig");
        // the limits themselves are accepted
        P.withRuleCount(256).withSdidCount(64).withIommuCount(256).withSrcIdWidth(24).withVer(255);
        P.withRuleCount(1).withSdidCount(1).withIommuCount(0).withSrcIdWidth(1).withVer(0);
    }

    @Test
    void mptModes_mustBeNonEmptySmmptModes() {
        refused(() -> P.withMptModes(Set.of()), "mptModes");
        refused(() -> P.withMptModes(null), "mptModes");
        refused(() -> P.withMptModes(Set.of(MttMode.BARE)), "bare");
        refused(() -> P.withMptModes(Set.of(MttMode.SMMTT46)), "smmtt46");
    }

    @Test
    void defaults_andModeTables() {
        assertEquals(0x09, P.ver(), "v0.9: major 0, minor 9");
        assertEquals(StatusCodeConvention.TABLE, P.statusCodes());
        assertTrue(P.supportsMxl(0));
        assertFalse(P.supportsMxl(1));
        assertEquals(MttMode.SMMPT43, P.modeFor(0, 1));
        assertEquals(MttMode.SMMPT52, P.modeFor(0, 2));
        assertEquals(MttMode.SMMPT64, P.modeFor(0, 3));
        assertEquals(MttMode.BARE, P.modeFor(0, 0));
        assertNull(P.modeFor(0, 4));
        assertNull(P.modeFor(0, 14));
        assertNull(P.modeFor(1, 1));
        IoMptParams rv32 = P.withMptModes(Set.of(MttMode.SMMPT34));
        assertEquals(MttMode.SMMPT34, rv32.modeFor(1, 1));
        assertEquals(MttMode.BARE, rv32.modeFor(1, 0));
        assertNull(rv32.modeFor(1, 2));
        assertNull(rv32.modeFor(0, 0), "MXL=0 has no implemented mode on an RV32-only checker");
        IoMptParams only52 = P.withMptModes(EnumSet.of(MttMode.SMMPT52));
        assertNull(only52.modeFor(0, 1));
        assertEquals(MttMode.SMMPT52, only52.modeFor(0, 2));
    }

    @Test
    void statusCodes_bothConventions() {
        assertEquals(3, Status.INVALID_RULEID.code(StatusCodeConvention.TABLE));
        assertEquals(4, Status.INVALID_SDID.code(StatusCodeConvention.TABLE));
        assertEquals(4, Status.INVALID_RULEID.code(StatusCodeConvention.PROSE));
        assertEquals(3, Status.INVALID_SDID.code(StatusCodeConvention.PROSE));
        for (StatusCodeConvention c : StatusCodeConvention.values()) {
            assertEquals(0, Status.NONE.code(c));
            assertEquals(1, Status.SUCCESS.code(c));
            assertEquals(2, Status.INVALID_OP.code(c));
            assertEquals(5, Status.INVALID_OPERAND.code(c));
        }
        refused(() -> Status.fromCode(6, StatusCodeConvention.TABLE), "6");
        refused(() -> Status.fromCode(128, StatusCodeConvention.TABLE), "128");
    }

    @Test
    void valueRecords_refuseFieldsWiderThanTheirLayout() {
        refused(() -> new SdclRule(16, 0, 0, 0, 0, 0), "SRC_IDT", "0..15");
        refused(() -> new SdclRule(1, 4, 0, 0, 0, 0), "SRC_IDM");
        refused(() -> new SdclRule(1, 1, 4, 0, 0, 0), "TEE_FLT");
        refused(() -> new SdclRule(1, 1, 0, 1 << 24, 0, 0), "SRC_ID");
        refused(() -> new SdclRule(1, 1, 0, 0, 256, 0), "IOMMU_ID");
        refused(() -> new SdclRule(1, 1, 0, 0, 0, 64), "SDID", "0..63");
        refused(() -> new SdConfig(16, false, 0, 0), "MPT_MODE");
        refused(() -> new SdConfig(0, false, 2, 0), "MXL");
        refused(() -> new SdConfig(1, false, 0, 1L << 44), "PPN");
        refused(() -> SdConfig.of(MttMode.BARE, 0, false), "bare");
        refused(() -> new QosIds(0x1000, 0, 0, 0, 0, false, false), "S-RCID");
        refused(() -> new MptInval(false, 64, false, false, 0), "SDID");
        refused(() -> new MptInval(false, 0, true, false, 1L << 44), "PPN");
        refused(() -> CommandWord.setSdclEntry(256), "RULEID");
        refused(() -> CommandWord.mptinvalSdid(64), "SDID");
        refused(() -> new Sdcl(0, false), "ruleCount");
        refused(() -> new SdConfigTable(65), "sdidCount");
        refused(() -> new IoMptChecker(P, null, null), "memory");
    }

    @Test
    void encoders_matchTheFigures() {
        assertEquals(Spec.sdcl(2, 3, 1, 0xABCDEF, 0x7E, 0x2A),
                new SdclRule(2, 3, 1, 0xABCDEF, 0x7E, 0x2A).toData1());
        assertEquals(Spec.sdcfg(3, 1, 0, 0xFFF_FFFF_FFF8L), SdConfig.of(MttMode.SMMPT64, 0xFFF_FFFF_FFF8L, true).toData1());
        assertEquals(Spec.sdcfg(1, 0, 1, 0x123), SdConfig.of(MttMode.SMMPT34, 0x123, false).toData1());
        assertEquals(Spec.qos(0xABC, 0xDEF, 1, 2, 3, 1, 0), new QosIds(0xABC, 0xDEF, 1, 2, 3, true, false).toData2());
        assertEquals(Spec.sdclCmd(Spec.GET_SDCL_ENTRY, 200), CommandWord.getSdclEntry(200));
        assertEquals(Spec.sdidCmd(Spec.SET_SDCFG_ENTRY, 63), CommandWord.setSdcfgEntry(63));
        assertEquals(Spec.sdcl(Spec.IDT_IDE, Spec.UNARY, 0, 0x0507, 1, 2),
                SdclRule.ideStream(SrcIdMatch.UNARY, 5, 7, TeeFilter.ANY, 1, 2).toData1());
    }
}
