package io.mttkit.gen.iompt;

import static io.mttkit.gen.iompt.IoFrontBench.command;
import static io.mttkit.gen.iompt.IoFrontBench.rule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.gen.iompt.IoMptParams.Mbe;
import io.mttkit.gen.iompt.IoMptParams.StatusCodes;
import org.junit.jupiter.api.Test;

/**
 * The classifier {@code mtt_io_sdcl}, programmed through the registers as software would, against ch. 6
 * §"SET_SDCL_ENTRY" and spec-notes: TOR / Unary / NAPOT at their boundaries, the TOR lower bound from rule r−1's
 * stored SRC_ID, NAPOT with every bit 1, IDE stream rules on SRC_ID[15:0], the TEE filter, lowest RULEID wins.
 */
class IoSdclSimTest {
    static final int SET_SDCL = 2;
    static final int NONE = 0;
    static final int DEV = 1;
    static final int IDE = 2;
    static final int TOR = 1;
    static final int UNARY = 2;
    static final int NAPOT = 3;
    static final int ANY = 0;
    static final int TEE_ONLY = 1;
    static final int NON_TEE = 2;

    static IoFrontBench bench() {
        return new IoFrontBench(new IoMptParams(64, 8, 64, 4, 24, true, StatusCodes.TABLE, false, Mbe.WRITABLE, true,
                56, 8, 1));
    }

    static void set(IoFrontBench b, int ruleId, int srcIdt, int srcIdm, int tee, long srcId, int iommu, int sdid) {
        assertEquals(1, b.run(command(SET_SDCL, ruleId), rule(srcIdt, srcIdm, tee, srcId, iommu, sdid), 0),
                "SET_SDCL_ENTRY " + ruleId);
    }

    static int dev(IoFrontBench b, long device) {
        return b.ruleFor(device, false, 0, false);
    }

    @Test
    void nothingMatchesAfterReset() {
        IoFrontBench b = bench();
        for (long d : new long[] {0, 1, 0x100, 0xFF_FFFF}) {
            assertEquals(-1, dev(b, d));
            assertEquals(-1, b.ruleFor(d, true, d & 0xFFFF, true));
        }
    }

    @Test
    void unaryMatchesExactlyOneDeviceId() {
        IoFrontBench b = bench();
        set(b, 3, DEV, UNARY, ANY, 0x01_0100, 2, 9);
        assertEquals(3, dev(b, 0x01_0100));
        assertEquals(-1, dev(b, 0x01_00FF));
        assertEquals(-1, dev(b, 0x01_0101));
        assertEquals(-1, dev(b, 0x00_0100), "all 24 bits compared");
        assertArrayEquals(new long[] {1, 3, 9, 2}, b.classify(0x01_0100, false, 0, true), "match, rule, sdid, iommu");
    }

    @Test
    void torRangeIsFromRuleBelowInclusiveToOwnSrcIdExclusive() {
        IoFrontBench b = bench();
        set(b, 0, DEV, TOR, ANY, 0x10, 0, 1); // r = 0: lower bound 0
        set(b, 1, NONE, 0, 0, 0x40, 0, 0); // holds SRC_ID 0x40 only: the lower bound of rule 2
        set(b, 2, DEV, TOR, ANY, 0x50, 0, 2);
        assertEquals(0, dev(b, 0));
        assertEquals(0, dev(b, 0x0F));
        assertEquals(-1, dev(b, 0x10), "top is exclusive");
        assertEquals(-1, dev(b, 0x3F));
        assertEquals(2, dev(b, 0x40), "lower bound = SRC_ID of rule 1 (SRC_IDT None), inclusive");
        assertEquals(2, dev(b, 0x4F));
        assertEquals(-1, dev(b, 0x50));
    }

    @Test
    void torLowerBoundComesFromAnyTypeOfRuleBelowAndEmptyWhenNotBelowTop() {
        IoFrontBench b = bench();
        set(b, 4, DEV, UNARY, ANY, 0x30, 0, 1);
        set(b, 5, DEV, TOR, ANY, 0x38, 0, 2);
        assertEquals(4, dev(b, 0x30), "rule 4 itself (lower RULEID wins)");
        assertEquals(5, dev(b, 0x31));
        assertEquals(5, dev(b, 0x37));
        assertEquals(-1, dev(b, 0x2F));
        set(b, 6, DEV, TOR, ANY, 0x38, 0, 3); // lower = top: matches nothing
        set(b, 7, DEV, TOR, ANY, 0x20, 0, 3); // lower 0x38 > top 0x20: matches nothing
        for (long d = 0x18; d < 0x40; d++) {
            int r = dev(b, d);
            assertEquals(d == 0x30 ? 4 : d > 0x30 && d < 0x38 ? 5 : -1, r, "device " + d);
        }
        // a rule never written gives lower bound 0
        IoFrontBench c = bench();
        set(c, 1, DEV, TOR, ANY, 3, 0, 1);
        assertEquals(1, dev(c, 0));
        assertEquals(1, dev(c, 2));
        assertEquals(-1, dev(c, 3));
    }

    @Test
    void napotMasksUpToAndIncludingTheFirstZero() {
        IoFrontBench b = bench();
        set(b, 0, DEV, NAPOT, ANY, 0x12_3403, 0, 1); // ...0000_0011: bits 2:0 masked, 8 IDs
        for (long d = 0x12_33FF; d <= 0x12_3409; d++) {
            assertEquals(d >= 0x12_3400 && d <= 0x12_3407 ? 0 : -1, dev(b, d), "device " + Long.toHexString(d));
        }
        set(b, 1, DEV, NAPOT, ANY, 0x00_0200, 0, 1); // ...0: bit 0 masked, 2 IDs
        assertEquals(1, dev(b, 0x200));
        assertEquals(1, dev(b, 0x201));
        assertEquals(-1, dev(b, 0x202));
        assertEquals(-1, dev(b, 0x1FF));
        set(b, 2, DEV, NAPOT, ANY, 0x12_7FFF, 0, 1); // the spec's "seg - any bus:dev:func": first zero at bit 15
        assertEquals(2, dev(b, 0x12_0000));
        assertEquals(2, dev(b, 0x12_FFFF));
        assertEquals(-1, dev(b, 0x13_0000));
        assertEquals(-1, dev(b, 0x11_FFFF));
        set(b, 3, DEV, NAPOT, ANY, 0xFF_FFFF, 0, 1); // no zero bit: every source ID (spec-notes)
        assertEquals(3, dev(b, 0x80_0000));
        assertEquals(3, dev(b, 0xFF_FFFF));
    }

    @Test
    void ideRulesCompareSegmentAndStreamOnSrcIdBits15To0() {
        IoFrontBench b = bench();
        set(b, 0, IDE, UNARY, ANY, 0xAB_1234, 1, 5); // segment 0x12, stream 0x34; bits 23:16 ignored
        assertEquals(0, b.ruleFor(0, true, 0x1234, false));
        assertEquals(-1, b.ruleFor(0, true, 0x1235, false));
        assertEquals(-1, b.ruleFor(0x1234, false, 0x1234, false), "not on an IDE stream: never matches");
        assertEquals(-1, b.ruleFor(0xAB_1234, false, 0, false), "an IDE rule ignores the device ID");
        set(b, 1, IDE, NAPOT, ANY, 0x00_127F, 1, 5); // segment 0x12, any stream: first zero at bit 7
        assertEquals(1, b.ruleFor(0, true, 0x1200, false));
        assertEquals(1, b.ruleFor(0, true, 0x12FF, false));
        assertEquals(-1, b.ruleFor(0, true, 0x1300, false));
        set(b, 2, IDE, NAPOT, ANY, 0x55_FFFF, 1, 5); // compared bits 15:0 all ones: every IDE transaction
        assertEquals(2, b.ruleFor(0, true, 0xFFFF, false));
        assertEquals(2, b.ruleFor(0, true, 0x0000, false));
        assertEquals(-1, b.ruleFor(0, false, 0, false));
    }

    @Test
    void ideTorUsesTheLowBitsOfTheRuleBelow() {
        IoFrontBench b = bench();
        set(b, 0, DEV, UNARY, ANY, 0xFF_1000, 0, 1); // as a lower bound for an IDE rule: 0x1000
        set(b, 1, IDE, TOR, ANY, 0x01_2000, 0, 2); // top 0x2000
        assertEquals(-1, b.ruleFor(0, true, 0x0FFF, false));
        assertEquals(1, b.ruleFor(0, true, 0x1000, false));
        assertEquals(1, b.ruleFor(0, true, 0x1FFF, false));
        assertEquals(-1, b.ruleFor(0, true, 0x2000, false));
    }

    @Test
    void teeFilter() {
        IoFrontBench b = bench();
        set(b, 0, DEV, UNARY, TEE_ONLY, 0x42, 0, 1);
        set(b, 1, DEV, UNARY, NON_TEE, 0x42, 0, 2);
        set(b, 2, DEV, UNARY, ANY, 0x43, 0, 3);
        assertArrayEquals(new long[] {1, 0, 1, 0}, b.classify(0x42, false, 0, true));
        assertArrayEquals(new long[] {1, 1, 2, 0}, b.classify(0x42, false, 0, false));
        assertEquals(2, b.ruleFor(0x43, false, 0, true));
        assertEquals(2, b.ruleFor(0x43, false, 0, false));
    }

    @Test
    void lowestRuleIdWinsAndRewritingARuleTakesEffect() {
        IoFrontBench b = bench();
        set(b, 6, DEV, NAPOT, ANY, 0xFF_FFFF, 3, 60); // everything
        set(b, 2, DEV, UNARY, ANY, 0x77, 1, 20);
        set(b, 4, DEV, TOR, ANY, 0x100, 2, 40); // lower = rule 3 never written: 0
        assertArrayEquals(new long[] {1, 2, 20, 1}, b.classify(0x77, false, 0, false));
        assertArrayEquals(new long[] {1, 4, 40, 2}, b.classify(0x78, false, 0, false));
        assertArrayEquals(new long[] {1, 6, 60, 3}, b.classify(0x100, false, 0, false));
        set(b, 2, NONE, 0, 0, 0x77, 0, 0); // rule 2 off
        assertArrayEquals(new long[] {1, 4, 40, 2}, b.classify(0x77, false, 0, false));
    }

    @Test
    void narrowDeviceIdsAreZeroExtended() {
        IoFrontBench b = new IoFrontBench(new IoMptParams(64, 4, 8, 0, 16, true, StatusCodes.TABLE, false,
                Mbe.WRITABLE, true, 56, 8, 1));
        set(b, 0, DEV, UNARY, ANY, 0x01_FFFF, 0, 1); // SRC_ID above the 16-bit device IDs: never matches
        set(b, 1, DEV, TOR, ANY, 0x01_0000, 0, 2); // lower 0x1FFFF > top: nothing
        set(b, 2, DEV, NAPOT, ANY, 0x00_3FFF, 0, 3); // first zero at bit 14: 0x0000..0x7FFF
        assertEquals(2, b.ruleFor(0x7FFF, false, 0, false));
        assertEquals(-1, b.ruleFor(0x8000, false, 0, false));
        assertEquals(-1, b.ruleFor(0xFFFF, false, 0, false));
        assertArrayEquals(new long[] {1, 2, 3, -1}, b.classify(0x1234, false, 0, false), "no IOMMU: no iommu_id");
    }
}
