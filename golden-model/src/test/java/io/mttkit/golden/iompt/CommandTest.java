package io.mttkit.golden.iompt;

import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static io.mttkit.golden.iompt.Spec.CODE_INVALID_OP;
import static io.mttkit.golden.iompt.Spec.CODE_INVALID_OPERAND;
import static io.mttkit.golden.iompt.Spec.CODE_SUCCESS;
import static io.mttkit.golden.iompt.Spec.DATA1;
import static io.mttkit.golden.iompt.Spec.DATA2;
import static io.mttkit.golden.iompt.Spec.GET_SDCFG_ENTRY;
import static io.mttkit.golden.iompt.Spec.GET_SDCL_ENTRY;
import static io.mttkit.golden.iompt.Spec.IDT_DEVID;
import static io.mttkit.golden.iompt.Spec.IDT_IDE;
import static io.mttkit.golden.iompt.Spec.IDT_NONE;
import static io.mttkit.golden.iompt.Spec.MPTINVAL;
import static io.mttkit.golden.iompt.Spec.NAPOT;
import static io.mttkit.golden.iompt.Spec.SET_SDCFG_ENTRY;
import static io.mttkit.golden.iompt.Spec.SET_SDCL_ENTRY;
import static io.mttkit.golden.iompt.Spec.TOR;
import static io.mttkit.golden.iompt.Spec.UNARY;
import static io.mttkit.golden.iompt.Spec.op;
import static io.mttkit.golden.iompt.Spec.sdcfg;
import static io.mttkit.golden.iompt.Spec.sdcl;
import static io.mttkit.golden.iompt.Spec.sdclCmd;
import static io.mttkit.golden.iompt.Spec.sdidCmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ch. 6 §"Command register" and every operation's section: OP decoding, status codes (both conventions), the
 * operand checks, SET/GET round trips and the data registers afterwards.
 */
class CommandTest {
    /** 16 rules, 16 SDIDs, 4 IOMMUs: room above both counts to write invalid identifiers. */
    private static final IoMptParams P = IoMptParams.DEFAULT.withSdidCount(16);

    private static int getSdcl(IoMptChecker c, int ruleId) {
        return op(c, sdclCmd(GET_SDCL_ENTRY, ruleId), 0);
    }

    // ---- OP ------------------------------------------------------------------------------------------------

    @Test
    void reservedAndCustomOps_failWithCode2_andChangeNothing() {
        IoMptChecker c = Spec.checker(P);
        for (int opEnc : new int[] {0, 7, 8, 100, 127, 128, 200, 255}) {
            c.write64(DATA1, 0x1234);
            c.write64(DATA2, 0x5678);
            assertEquals(CODE_INVALID_OP, op(c, opEnc | (1 << 8), sdcl(IDT_DEVID, UNARY, 0, 5, 0, 1), 9), "OP " + opEnc);
            assertEquals(SdclRule.RESET, c.rule(1));
        }
        for (int opEnc = 7; opEnc <= 255; opEnc++) {
            assertEquals(CODE_INVALID_OP, op(c, opEnc, 0), "OP " + opEnc);
        }
        assertEquals(CODE_INVALID_OP, op(c, 0, 0), "OP 0");
    }

    @Test
    void iofence_succeeds_ignoresData_andReservedCommandBits() {
        IoMptChecker c = Spec.checker(P);
        assertEquals(CODE_SUCCESS, op(c, Spec.IOFENCE | 0xFFFF_FF00, -1L, -1L));
        assertEquals(-1L, c.read64(DATA1), "IOFENCE leaves data1 alone");
    }

    // ---- status codes: the two conventions ------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(StatusCodeConvention.class)
    void invalidRuleIdAndSdid_codesFollowTheConvention(StatusCodeConvention conv) {
        // TABLE: 3 = invalid RULEID, 4 = invalid SDID (status.CODE table). PROSE: the reverse (command prose).
        int invalidRuleId = conv == StatusCodeConvention.TABLE ? 3 : 4;
        int invalidSdid = conv == StatusCodeConvention.TABLE ? 4 : 3;
        IoMptChecker c = Spec.checker(P.withStatusCodes(conv));
        long rule = sdcl(IDT_DEVID, UNARY, 0, 1, 0, 0);
        assertEquals(invalidRuleId, op(c, sdclCmd(SET_SDCL_ENTRY, 16), rule), "RULEID 16 of 16 rules");
        assertEquals(invalidRuleId, op(c, sdclCmd(SET_SDCL_ENTRY, 255), rule));
        assertEquals(invalidRuleId, op(c, sdclCmd(GET_SDCL_ENTRY, 16), 0));
        assertEquals(CODE_SUCCESS, op(c, sdclCmd(SET_SDCL_ENTRY, 15), rule), "RULEID N−1");
        // SDID operand in data1 of SET_SDCL_ENTRY
        assertEquals(invalidSdid, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 0, 1, 0, 16)));
        // SDID in command of the SDCFG operations and of MPTINVAL with SDIDV=1
        assertEquals(invalidSdid, op(c, sdidCmd(SET_SDCFG_ENTRY, 16), sdcfg(0, 0, 0, 0)));
        assertEquals(invalidSdid, op(c, sdidCmd(GET_SDCFG_ENTRY, 63), 0));
        assertEquals(invalidSdid, op(c, sdidCmd(MPTINVAL, 16) | (1 << 15), 0));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(MPTINVAL, 16), 0), "SDIDV=0: the SDID is ignored");
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, 15), sdcfg(0, 0, 0, 0)), "SDID count−1");
        // Status.fromCode inverts the convention
        assertEquals(Status.INVALID_RULEID, Status.fromCode(invalidRuleId, conv));
        assertEquals(Status.INVALID_SDID, Status.fromCode(invalidSdid, conv));
    }

    @Test
    void checkOrder_ruleIdThenSdidThenOtherOperands() {
        IoMptChecker c = Spec.checker(P);
        // invalid RULEID and invalid SDID: RULEID first
        assertEquals(Spec.CODE_TABLE_INVALID_RULEID, op(c, sdclCmd(SET_SDCL_ENTRY, 20), sdcl(IDT_DEVID, 0, 3, 1, 9, 40)));
        // invalid SDID and reserved SRC_IDT / SRC_IDM / TEE_FLT / IOMMU_ID: SDID first
        assertEquals(Spec.CODE_TABLE_INVALID_SDID, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(5, 0, 3, 1, 9, 40)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(5, 0, 3, 1, 9, 1)));
        // SDCFG: invalid SDID before an unsupported mode
        assertEquals(Spec.CODE_TABLE_INVALID_SDID, op(c, sdidCmd(SET_SDCFG_ENTRY, 30), sdcfg(9, 0, 1, 5)));
    }

    // ---- SET_SDCL_ENTRY operand encodings ------------------------------------------------------------

    @Test
    void setSdcl_invalidEncodings_code5_andRuleUnchanged() {
        IoMptChecker c = Spec.checker(P);
        long good = sdcl(IDT_DEVID, UNARY, 0, 0x77, 3, 2);
        assertEquals(CODE_SUCCESS, op(c, sdclCmd(SET_SDCL_ENTRY, 4), good));
        SdclRule before = c.rule(4);
        long[] bad = {
            sdcl(3, UNARY, 0, 1, 0, 0),         // SRC_IDT 3..7 reserved
            sdcl(7, UNARY, 0, 1, 0, 0),
            sdcl(8, UNARY, 0, 1, 0, 0),         // 8..15 custom, none implemented
            sdcl(15, UNARY, 0, 1, 0, 0),
            sdcl(IDT_DEVID, 0, 0, 1, 0, 0),     // SRC_IDM 0 reserved
            sdcl(IDT_IDE, 0, 0, 1, 0, 0),
            sdcl(IDT_DEVID, TOR, 3, 1, 0, 0),   // TEE_FLT 3 reserved
            sdcl(IDT_DEVID, TOR, 0, 1, 4, 0),   // IOMMU_ID ≥ 4 IOMMUs
            sdcl(IDT_DEVID, TOR, 0, 1, 255, 0),
        };
        for (long d : bad) {
            assertEquals(CODE_INVALID_OPERAND, op(c, sdclCmd(SET_SDCL_ENTRY, 4), d), Long.toHexString(d));
            assertEquals(before, c.rule(4), "a failed SET changes nothing");
        }
        assertEquals(CODE_SUCCESS, op(c, sdclCmd(SET_SDCL_ENTRY, 4), sdcl(IDT_DEVID, TOR, 0, 1, 3, 0)), "IOMMU_ID 3 of 4");
    }

    @Test
    void setSdcl_teeFilterUnsupported_onlyZeroLegal() {
        IoMptChecker c = Spec.checker(P.withTeeFilter(false));
        assertEquals(CODE_SUCCESS, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 0, 1, 0, 0)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 1, 1, 0, 0)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 2, 1, 0, 0)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 3, 1, 0, 0)));
        IoMptChecker tee = Spec.checker(P);
        assertEquals(CODE_SUCCESS, op(tee, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 1, 1, 0, 0)));
        assertEquals(CODE_SUCCESS, op(tee, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 2, 1, 0, 0)));
    }

    @Test
    void setSdcl_srcIdtNone_otherFieldsIgnored_storedAsWritten() {
        IoMptChecker c = Spec.checker(P);
        // SDID 40 ≥ 16, SRC_IDM 0, TEE_FLT 3, IOMMU_ID 200: all ignored with SRC_IDT 0.
        long d = sdcl(IDT_NONE, 0, 3, 0xABCDEF, 200, 40);
        assertEquals(CODE_SUCCESS, op(c, sdclCmd(SET_SDCL_ENTRY, 2), d));
        assertEquals(CODE_SUCCESS, getSdcl(c, 2));
        assertEquals(d, c.read64(DATA1));
    }

    @Test
    void sdcl_setGetRoundTrip_reservedBitsDropped_data2Untouched() {
        IoMptChecker c = Spec.checker(P);
        long d = sdcl(IDT_IDE, NAPOT, 2, 0xFF_1234, 3, 15);
        assertEquals(CODE_SUCCESS, op(c, sdclCmd(SET_SDCL_ENTRY, 15), d | (0x3FFFFL << 46), 0xDEAD));
        c.write64(DATA1, 0);
        c.write64(DATA2, 0x5555);
        c.write32(Spec.COMMAND, sdclCmd(GET_SDCL_ENTRY, 15) | 0xFFFF_0000); // reserved command bits ignored
        CommandDone done = (CommandDone) c.complete().orElseThrow();
        assertEquals(CODE_SUCCESS, done.code());
        assertEquals(d, c.read64(DATA1), "bits 23:16 of an IDE SRC_ID are stored even though matching ignores them");
        assertEquals(0x5555, c.read64(DATA2), "data2 is left as it was");
    }

    @Test
    void getSdcl_withoutSet_returnsZeroRule_andFailedGetLeavesDataUnchanged() {
        IoMptChecker c = Spec.checker(P);
        c.write64(DATA1, 0x77);
        assertEquals(CODE_SUCCESS, getSdcl(c, 9), "a valid RULEID never set");
        assertEquals(0, c.read64(DATA1), "reads as SRC_IDT None, all zero");
        c.write64(DATA1, 0x1234_5678_9ABCL);
        c.write64(DATA2, 0x42);
        c.write32(Spec.COMMAND, sdclCmd(GET_SDCL_ENTRY, 99));
        c.complete();
        assertEquals(Spec.CODE_TABLE_INVALID_RULEID, c.read32(Spec.STATUS));
        assertEquals(0x1234_5678_9ABCL, c.read64(DATA1), "failed GET: data1 unchanged");
        assertEquals(0x42, c.read64(DATA2));
    }

    @Test
    void noIommu_iommuIdIgnored_readsZero() {
        IoMptChecker c = Spec.checker(P.withIommuCount(0));
        assertEquals(CODE_SUCCESS, op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 0, 1, 200, 3)));
        assertEquals(CODE_SUCCESS, getSdcl(c, 0));
        assertEquals(sdcl(IDT_DEVID, UNARY, 0, 1, 0, 3), c.read64(DATA1));
    }

    // ---- SET_SDCFG_ENTRY ------------------------------------------------------------------------------

    @Test
    void sdcfg_rv64_modes() {
        IoMptChecker c = Spec.checker(P);
        int sd = 1;
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_BARE, 0, 0, 0)));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_43, 0, 0, 0x80400)));
        assertEquals(MttMode.SMMPT43, c.sdConfig(sd).orElseThrow().mttMode());
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_52, 0, 0, 0x80400)));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_64, 0, 0, 0x80408)));
        assertEquals(MttMode.SMMPT64, c.sdConfig(sd).orElseThrow().mttMode());
        SdConfig kept = c.sdConfig(sd).orElseThrow();
        for (int reserved = 4; reserved <= 15; reserved++) { // 4..13 reserved, 14..15 custom
            assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(reserved, 0, 0, 0)));
        }
        // Bare with PPN ≠ 0: "the PPN field must be set to zero"
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_BARE, 0, 0, 1)));
        // MXL=1 on an RV64-only checker
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_34, 0, 1, 0x80)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_BARE, 0, 1, 0)));
        // Smmpt64 root is 32 KiB aligned
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, sd), sdcfg(Spec.MODE_64, 0, 0, 0x80401)));
        assertEquals(kept, c.sdConfig(sd).orElseThrow(), "failed SETs change nothing");
    }

    @Test
    void sdcfg_validModeNotImplemented_isInvalid() {
        IoMptChecker c = Spec.checker(P.withMptModes(EnumSet.of(MttMode.SMMPT43)));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_43, 0, 0, 0x100)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_52, 0, 0, 0x100)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_64, 0, 0, 0x100)));
    }

    @Test
    void sdcfg_rv32_modes() {
        IoMptChecker c = Spec.checker(P.withMptModes(Set.of(MttMode.SMMPT34)));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_34, 0, 1, 0x3F_FFFF)));
        assertEquals(MttMode.SMMPT34, c.sdConfig(0).orElseThrow().mttMode());
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_BARE, 0, 1, 0)));
        for (int reserved = 2; reserved <= 15; reserved++) { // MXL=1: 2..13 reserved, 14..15 custom
            assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(reserved, 0, 1, 0)));
        }
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_34, 0, 1, 0x40_0000)),
                "Smmpt34 roots lie below 2^34: PPN is 22 bits");
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_43, 0, 0, 0x100)),
                "MXL=0 on an RV32-only checker");
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_BARE, 0, 1, 5)));
        // a mixed checker accepts both MXL values
        IoMptChecker both = Spec.checker(P.withMptModes(EnumSet.of(MttMode.SMMPT34, MttMode.SMMPT43)));
        assertEquals(CODE_SUCCESS, op(both, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_34, 0, 1, 0x100)));
        assertEquals(CODE_SUCCESS, op(both, sdidCmd(SET_SDCFG_ENTRY, 1), sdcfg(Spec.MODE_43, 0, 0, 0x100)));
    }

    @Test
    void sdcfg_rootBeyondPaw_isInvalid() {
        IoMptChecker c = Spec.checker(P.withLookupConfig(LookupConfig.DEFAULT.withPaw(40)));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_43, 0, 0, (1L << 28) - 1)));
        assertEquals(CODE_INVALID_OPERAND, op(c, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_43, 0, 0, 1L << 28)));
    }

    @Test
    void sdcfg_roundTrip_withQos_reservedBitsDropped() {
        IoMptChecker c = Spec.checker(P);
        long d1 = sdcfg(Spec.MODE_52, 1, 0, 0xA_BCDE_F012L);
        long d2 = Spec.qos(0xFFF, 0xABC, 0xF, 0x5, 0x9, 1, 1);
        long d1Reserved = (0xFL << 6) | (0x3FFL << 54);
        long d2Reserved = (0xFL << 12) | (0xFL << 28) | (0x3FFFFL << 46);
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, 7), d1 | d1Reserved, d2 | d2Reserved));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(GET_SDCFG_ENTRY, 7), -1L, -1L));
        assertEquals(d1, c.read64(DATA1));
        assertEquals(d2, c.read64(DATA2));
    }

    @Test
    void sdcfg_withoutQos_data2IgnoredAndReadsZero() {
        IoMptChecker c = Spec.checker(P.withQosImplemented(false));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(SET_SDCFG_ENTRY, 3), sdcfg(Spec.MODE_43, 0, 0, 0x100), -1L));
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(GET_SDCFG_ENTRY, 3), 0, 0x99));
        assertEquals(sdcfg(Spec.MODE_43, 0, 0, 0x100), c.read64(DATA1));
        assertEquals(0, c.read64(DATA2));
    }

    @Test
    void sdcfg_hardwiredMbe_ignoresTheWrittenValue() {
        IoMptChecker le = Spec.checker(P.withMbe(MbeSupport.LITTLE_ONLY));
        assertEquals(CODE_SUCCESS, op(le, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_43, 1, 0, 0x100)));
        assertEquals(CODE_SUCCESS, op(le, sdidCmd(GET_SDCFG_ENTRY, 0), 0));
        assertEquals(sdcfg(Spec.MODE_43, 0, 0, 0x100), le.read64(DATA1));
        IoMptChecker be = Spec.checker(P.withMbe(MbeSupport.BIG_ONLY));
        assertEquals(CODE_SUCCESS, op(be, sdidCmd(SET_SDCFG_ENTRY, 0), sdcfg(Spec.MODE_43, 0, 0, 0x100)));
        assertEquals(CODE_SUCCESS, op(be, sdidCmd(GET_SDCFG_ENTRY, 0), 0));
        assertEquals(sdcfg(Spec.MODE_43, 1, 0, 0x100), be.read64(DATA1));
    }

    @Test
    void getSdcfg_withoutSet_returnsZero_andFailedGetLeavesDataUnchanged() {
        IoMptChecker c = Spec.checker(P);
        assertEquals(CODE_SUCCESS, op(c, sdidCmd(GET_SDCFG_ENTRY, 5), 0x11, 0x22));
        assertEquals(0, c.read64(DATA1));
        assertEquals(0, c.read64(DATA2));
        c.write64(DATA1, 0xAAAA);
        c.write64(DATA2, 0xBBBB);
        c.write32(Spec.COMMAND, sdidCmd(GET_SDCFG_ENTRY, 20));
        c.complete();
        assertEquals(Spec.CODE_TABLE_INVALID_SDID, c.read32(Spec.STATUS));
        assertEquals(0xAAAA, c.read64(DATA1));
        assertEquals(0xBBBB, c.read64(DATA2));
    }

    // ---- MPTINVAL -------------------------------------------------------------------------------------

    @Test
    void mptinval_operandsDecodedFromTheFigures() {
        IoMptChecker c = Spec.checker(P);
        c.write64(DATA1, Spec.inval(1, 1, 0x1_2345_6FFFL) | (0xFFL << 2) | (0x3FFL << 54));
        c.write64(DATA2, -1L);
        c.write32(Spec.COMMAND, sdidCmd(MPTINVAL, 9) | (1 << 15) | (1 << 14) | 0xFFFF_0000);
        CommandDone done = (CommandDone) c.complete().orElseThrow();
        assertEquals(CODE_SUCCESS, done.code());
        assertEquals(new MptInval(true, 9, true, true, 0x1_2345_6FFFL), done.invalidation());
        // PPNV=0, SDIDV=0
        c.write64(DATA1, 0);
        c.write32(Spec.COMMAND, MPTINVAL | (5 << 8));
        done = (CommandDone) c.complete().orElseThrow();
        assertTrue(done.invalidation().covers(0, 0) && done.invalidation().covers(15, -1L));
        // failed MPTINVAL has no scope
        c.write32(Spec.COMMAND, sdidCmd(MPTINVAL, 16) | (1 << 15));
        assertNull(((CommandDone) c.complete().orElseThrow()).invalidation());
    }
}
