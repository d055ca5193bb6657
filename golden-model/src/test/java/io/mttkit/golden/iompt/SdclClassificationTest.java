package io.mttkit.golden.iompt;

import org.junit.jupiter.api.Test;

import static io.mttkit.golden.iompt.Spec.CODE_SUCCESS;
import static io.mttkit.golden.iompt.Spec.IDT_DEVID;
import static io.mttkit.golden.iompt.Spec.IDT_IDE;
import static io.mttkit.golden.iompt.Spec.IDT_NONE;
import static io.mttkit.golden.iompt.Spec.NAPOT;
import static io.mttkit.golden.iompt.Spec.NON_TEE;
import static io.mttkit.golden.iompt.Spec.SET_SDCL_ENTRY;
import static io.mttkit.golden.iompt.Spec.TEE_ANY;
import static io.mttkit.golden.iompt.Spec.TEE_ONLY;
import static io.mttkit.golden.iompt.Spec.TOR;
import static io.mttkit.golden.iompt.Spec.UNARY;
import static io.mttkit.golden.iompt.Spec.sdcl;
import static io.mttkit.golden.iompt.Spec.sdclCmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ch. 6 §"SET_SDCL_ENTRY": SRC_IDT, SRC_IDM (TOR, Unary, NAPOT), TEE_FLT, IOMMU_ID and rule priority. */
class SdclClassificationTest {

    private final IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);

    private void rule(int ruleId, long data1) {
        assertEquals(CODE_SUCCESS, Spec.op(c, sdclCmd(SET_SDCL_ENTRY, ruleId), data1), "SET_SDCL_ENTRY " + ruleId);
    }

    private static DmaTransaction dev(int deviceId) {
        return DmaTransaction.read(deviceId, 0x8000_0000L, 4);
    }

    /** SDID the device classifies to, or −1 when no rule matches. */
    private int sdidOf(DmaTransaction tx) {
        Classification k = c.classify(tx);
        return k == null ? -1 : k.sdid();
    }

    private int sdidOf(int deviceId) {
        return sdidOf(dev(deviceId));
    }

    // ---- TOR ------------------------------------------------------------------------------------------

    @Test
    void tor_lowerBoundInclusive_upperBoundExclusive() {
        rule(2, sdcl(IDT_DEVID, UNARY, TEE_ANY, 0x0010, 0, 9)); // rule r−1 SRC_ID = 0x10 (also matches 0x10 itself)
        rule(3, sdcl(IDT_DEVID, TOR, TEE_ANY, 0x0020, 0, 5));
        assertEquals(-1, sdidOf(0x000F), "below SRC_ID(r−1)");
        assertEquals(9, sdidOf(0x0010), "0x10 is matched by rule 2 first (lowest RULEID wins)");
        assertEquals(5, sdidOf(0x0011));
        assertEquals(5, sdidOf(0x001F), "SRC_ID(r) − 1");
        assertEquals(-1, sdidOf(0x0020), "SRC_ID(r) itself is excluded");
    }

    @Test
    void tor_ruleZero_usesZeroAsLowerBound() {
        rule(0, sdcl(IDT_DEVID, TOR, TEE_ANY, 0x0100, 0, 4));
        assertEquals(4, sdidOf(0));
        assertEquals(4, sdidOf(0xFF));
        assertEquals(-1, sdidOf(0x100));
    }

    @Test
    void tor_previousGreaterOrEqual_matchesNothing() {
        rule(0, sdcl(IDT_NONE, 0, 0, 0x0300, 0, 0));
        rule(1, sdcl(IDT_DEVID, TOR, TEE_ANY, 0x0200, 0, 6)); // 0x300 ≥ 0x200: empty
        rule(4, sdcl(IDT_NONE, 0, 0, 0x0200, 0, 0));
        rule(5, sdcl(IDT_DEVID, TOR, TEE_ANY, 0x0200, 0, 7)); // equal: empty
        for (int d : new int[] {0, 0x1FF, 0x200, 0x2FF, 0x300, 0xFFFFFF}) {
            assertEquals(-1, sdidOf(d), "device " + d);
        }
    }

    @Test
    void tor_lowerBoundIsRuleRMinus1SrcIdWhateverItsTypeOrMode() {
        // rule 6 never set: SRC_ID 0 → rule 7 TOR covers [0, 0x40)
        rule(7, sdcl(IDT_DEVID, TOR, TEE_ANY, 0x40, 0, 1));
        assertEquals(1, sdidOf(0));
        // rule 8 NAPOT on IDE streams holds SRC_ID 0x80: rule 9's lower bound
        rule(8, sdcl(IDT_IDE, NAPOT, TEE_ANY, 0x80, 0, 2));
        rule(9, sdcl(IDT_DEVID, TOR, TEE_ANY, 0x90, 0, 3));
        assertEquals(1, sdidOf(0x3F));
        assertEquals(-1, sdidOf(0x7F));
        assertEquals(3, sdidOf(0x80));
        assertEquals(3, sdidOf(0x8F));
        assertEquals(-1, sdidOf(0x90));
    }

    // ---- Unary and NAPOT (the note's example table) ------------------------------------------------------

    @Test
    void unary_exactMatchOfAll24Bits() {
        rule(0, sdcl(IDT_DEVID, UNARY, TEE_ANY, 0x12_3456, 0, 8));
        assertEquals(8, sdidOf(0x12_3456));
        assertEquals(-1, sdidOf(0x12_3457));
        assertEquals(-1, sdidOf(0x02_3456));
        assertEquals(-1, sdidOf(0x12_3455));
    }

    @Test
    void napot_segBusDev_anyFunction() {
        // SRC_ID = yyyyyyyy yyyyyyyy yyyyy011: seg 0x12, bus 0x34, dev 0b01011, func masked (3 bits)
        rule(0, sdcl(IDT_DEVID, NAPOT, TEE_ANY, 0x12_3400 | (0b01011 << 3) | 0b011, 0, 3));
        int base = 0x12_3400 | (0b01011 << 3);
        for (int func = 0; func < 8; func++) {
            assertEquals(3, sdidOf(base | func), "func " + func);
        }
        assertEquals(-1, sdidOf(base - 1));
        assertEquals(-1, sdidOf(base + 8));
        assertEquals(-1, sdidOf(base ^ 0x10_0000), "segment differs");
    }

    @Test
    void napot_segBus_anyDevFunc() {
        rule(0, sdcl(IDT_DEVID, NAPOT, TEE_ANY, 0x12_347F, 0, 3)); // yyyyyyyy yyyyyyyy 01111111
        assertEquals(3, sdidOf(0x12_3400));
        assertEquals(3, sdidOf(0x12_34FF));
        assertEquals(-1, sdidOf(0x12_33FF));
        assertEquals(-1, sdidOf(0x12_3500));
    }

    @Test
    void napot_seg_anyBusDevFunc() {
        rule(0, sdcl(IDT_DEVID, NAPOT, TEE_ANY, 0x12_7FFF, 0, 3)); // yyyyyyyy 01111111 11111111
        assertEquals(3, sdidOf(0x12_0000));
        assertEquals(3, sdidOf(0x12_FFFF));
        assertEquals(-1, sdidOf(0x11_FFFF));
        assertEquals(-1, sdidOf(0x13_0000));
    }

    @Test
    void napot_lowBitZero_masksOnlyBit0_andAllOnesMatchesEverything() {
        rule(0, sdcl(IDT_DEVID, NAPOT, TEE_ANY, 0x00_0AB0, 0, 1)); // first low-order 0 is bit 0: two IDs
        assertEquals(1, sdidOf(0xAB0));
        assertEquals(1, sdidOf(0xAB1));
        assertEquals(-1, sdidOf(0xAB2));
        assertEquals(-1, sdidOf(0xAAF));
        rule(1, sdcl(IDT_DEVID, NAPOT, TEE_ANY, 0xFF_FFFF, 0, 2)); // no zero bit: mttkit matches every ID
        assertEquals(2, sdidOf(0));
        assertEquals(2, sdidOf(0xFF_FFFF));
        assertEquals(2, sdidOf(0x12_3456));
    }

    // ---- SRC_IDT --------------------------------------------------------------------------------------

    @Test
    void srcIdtNone_neverMatches() {
        rule(0, sdcl(IDT_NONE, UNARY, TEE_ANY, 0x42, 0, 1));
        rule(1, sdcl(IDT_NONE, NAPOT, TEE_ANY, 0xFF_FFFF, 0, 1));
        assertEquals(-1, sdidOf(0x42));
        assertEquals(-1, sdidOf(dev(0x42).withIde(0, 0x42)));
    }

    @Test
    void ideStream_streamInBits7to0_segmentIn15to8_bits23to16Ignored() {
        rule(0, sdcl(IDT_IDE, UNARY, TEE_ANY, 0xAB_0507, 0, 11)); // segment 5, stream 7, bits 23:16 = 0xAB
        assertEquals(11, sdidOf(dev(0x999).withIde(5, 7)), "any device on segment 5 stream 7");
        assertEquals(-1, sdidOf(dev(0x999).withIde(7, 5)), "segment and stream are not interchangeable");
        assertEquals(-1, sdidOf(dev(0x0507)), "no IDE stream: a stream rule cannot match, whatever the device ID");
        assertEquals(-1, sdidOf(dev(0xAB_0507)));
        // NAPOT on the 16-bit key: bits 23:16 ignored, all-ones below them matches every stream
        rule(1, sdcl(IDT_IDE, NAPOT, TEE_ANY, 0x00_097F, 0, 12)); // segment 9, stream 0111 1111: any stream
        assertEquals(12, sdidOf(dev(1).withIde(9, 0)));
        assertEquals(12, sdidOf(dev(1).withIde(9, 255)));
        assertEquals(-1, sdidOf(dev(1).withIde(8, 255)));
        assertEquals(-1, sdidOf(dev(1).withIde(10, 0)));
        // 0x09FF: bits 8:0 are ones, the first zero is bit 9; bits 9:0 masked leaves segment bits 7:2 compared,
        // so segments 8..11 (000010xx) with any stream
        rule(3, sdcl(IDT_IDE, NAPOT, TEE_ANY, 0x00_09FF, 0, 15));
        assertEquals(15, sdidOf(dev(1).withIde(8, 0)));
        assertEquals(15, sdidOf(dev(1).withIde(10, 0)));
        assertEquals(15, sdidOf(dev(1).withIde(11, 255)));
        assertEquals(-1, sdidOf(dev(1).withIde(7, 255)));
        assertEquals(-1, sdidOf(dev(1).withIde(12, 0)));
        rule(2, sdcl(IDT_IDE, NAPOT, TEE_ANY, 0x00_FFFF, 0, 13));
        assertEquals(13, sdidOf(dev(1).withIde(200, 3)));
        rule(2, sdcl(IDT_NONE, 0, 0, 0, 0, 0)); // the catch-all would outrank the TOR rule below
        // TOR on streams compares bits 15:0 of both bounds
        rule(5, sdcl(IDT_NONE, 0, 0, 0xFF_0100, 0, 0));
        rule(6, sdcl(IDT_IDE, TOR, TEE_ANY, 0x77_0110, 0, 14));
        assertEquals(14, sdidOf(dev(1).withIde(1, 0x00)));
        assertEquals(14, sdidOf(dev(1).withIde(1, 0x0F)));
        assertEquals(-1, sdidOf(dev(1).withIde(1, 0x10)));
    }

    // ---- TEE_FLT ----------------------------------------------------------------------------------------

    @Test
    void teeFilter_eachValueWithBothTeeFlags() {
        rule(0, sdcl(IDT_DEVID, UNARY, TEE_ANY, 0x10, 0, 1));
        rule(1, sdcl(IDT_DEVID, UNARY, TEE_ONLY, 0x20, 0, 2));
        rule(2, sdcl(IDT_DEVID, UNARY, NON_TEE, 0x30, 0, 3));
        assertEquals(1, sdidOf(dev(0x10).withTee(false)));
        assertEquals(1, sdidOf(dev(0x10).withTee(true)));
        assertEquals(-1, sdidOf(dev(0x20).withTee(false)));
        assertEquals(2, sdidOf(dev(0x20).withTee(true)));
        assertEquals(3, sdidOf(dev(0x30).withTee(false)));
        assertEquals(-1, sdidOf(dev(0x30).withTee(true)));
    }

    @Test
    void teeFilter_separatesTeeTrafficOfOneStreamIntoAnotherDomain() {
        // the TEE_FLT note: TEE and non-TEE traffic on the same IDE stream to different SDs
        rule(0, sdcl(IDT_IDE, UNARY, TEE_ONLY, 0x0102, 0, 20));
        rule(1, sdcl(IDT_IDE, UNARY, NON_TEE, 0x0102, 0, 21));
        assertEquals(20, sdidOf(dev(5).withIde(1, 2).withTee(true)));
        assertEquals(21, sdidOf(dev(5).withIde(1, 2).withTee(false)));
    }

    // ---- priority and IOMMU_ID ------------------------------------------------------------------------

    @Test
    void overlappingRules_lowestRuleIdWins() {
        rule(3, sdcl(IDT_DEVID, NAPOT, TEE_ANY, 0x00_7FFF, 1, 30)); // 0x0000..0xFFFF
        rule(7, sdcl(IDT_DEVID, UNARY, TEE_ANY, 0x00_1234, 2, 31));
        rule(1, sdcl(IDT_DEVID, UNARY, TEE_ONLY, 0x00_1234, 3, 32));
        Classification k = c.classify(dev(0x1234));
        assertEquals(new Classification(3, 30, 1), k, "rule 1 filtered by TEE, rule 3 before rule 7");
        assertEquals(new Classification(1, 32, 3), c.classify(dev(0x1234).withTee(true)));
        assertTrue(new Sdcl(8, true).classify(dev(1)) == null);
    }

    @Test
    void iommuId_reported_butIgnoredForIommuOriginatedAccesses() {
        rule(0, sdcl(IDT_DEVID, UNARY, TEE_ANY, 0x0F00, 2, 6)); // the IOMMU's own device ID
        Classification byDevice = c.classify(dev(0x0F00));
        assertEquals(2, byDevice.iommuId());
        Classification byIommu = c.classify(dev(0x0F00).withFromIommu(true));
        assertEquals(6, byIommu.sdid(), "the IOMMU's DMA is still classified by the rule");
        assertFalse(byIommu.hasIommu(), "the rule's IOMMU_ID is ignored for the IOMMU's own accesses");
    }

    @Test
    void noIommu_classificationCarriesNoIommuId() {
        IoMptChecker noIommu = Spec.checker(IoMptParams.DEFAULT.withIommuCount(0));
        assertEquals(CODE_SUCCESS, Spec.op(noIommu, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, 0, 5, 77, 2)));
        Classification k = noIommu.classify(dev(5));
        assertEquals(2, k.sdid());
        assertFalse(k.hasIommu());
        assertNull(noIommu.classify(dev(6)));
    }

    // ---- SourceMatch directly -------------------------------------------------------------------------

    @Test
    void sourceMatch_napotMaskCoversBitsUpToAndIncludingTheFirstZero() {
        assertEquals(0b1, SourceMatch.napotMask(0b1010, 0xFFFFFF));
        assertEquals(0b111, SourceMatch.napotMask(0b1011, 0xFFFFFF));
        assertEquals(0xFF, SourceMatch.napotMask(0x7F, 0xFFFFFF));
        assertEquals(0xFFFF, SourceMatch.napotMask(0x7FFF, 0xFFFFFF));
        assertEquals(0xFFFFFF, SourceMatch.napotMask(0xFFFFFF, 0xFFFFFF));
        assertEquals(0xFFFF, SourceMatch.napotMask(0x12FFFF, 0xFFFF), "16-bit key: bits above are not compared");
        assertTrue(SourceMatch.tor(0, 1, 0));
        assertFalse(SourceMatch.tor(1, 1, 1));
    }
}
