package io.mttkit.tb.iocosim;

import static io.mttkit.tb.iocosim.IoBench.PA;
import static io.mttkit.tb.iocosim.IoBench.PA_READ_ONLY;
import static io.mttkit.tb.iocosim.IoBench.R;
import static io.mttkit.tb.iocosim.IoBench.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.Event;
import io.mttkit.golden.iompt.AbortReason;
import io.mttkit.golden.iompt.CheckerMode;
import io.mttkit.golden.iompt.CommandWord;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.MptInval;
import io.mttkit.golden.iompt.RegisterInterface;
import io.mttkit.golden.iompt.SdConfig;
import io.mttkit.golden.iompt.SdclRule;
import io.mttkit.golden.iompt.SrcIdMatch;
import io.mttkit.golden.iompt.StatusCodeConvention;
import io.mttkit.golden.iompt.TeeFilter;
import io.mttkit.tb.cosim.SessionSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Directed RTL-vs-golden tests of chapter 6, one rule each, on the generated {@code io-checker-rv64}: every answer
 * goes through {@link IoHarness} (so it equals the golden {@code IoMptChecker}'s), and each test also asserts what the
 * chapter says the answer is, so a golden model and an RTL wrong in the same way still fail here.
 */
class IoDirectedTest {
    static final int SDID_A = 1;
    static final int SDID_B = 2;

    static IoCheckerLibrary lib() {
        return IoCheckerLibrary.forConfiguration("io-checker-rv64", Map.of());
    }

    /** 8 SDIDs, PROSE status codes and 4 IOMMUs: invalid SDIDs exist, the CODE 3/4 reading flips, IOMMU ports. */
    static IoCheckerLibrary small() {
        return IoCheckerLibrary.forConfiguration("io-checker-rv64",
                Map.of("sdidCount", "8", "statusCodes", "PROSE", "iommuCount", "4"));
    }

    static int reason(Event.DmaResponse v) {
        return v.abortReason();
    }

    /** SDID A on table A, SDID B on table B, fenced, On. */
    static IoBench configured(IoCheckerLibrary lib) {
        IoBench b = new IoBench(lib);
        assertEquals(1, b.sdcfg(SDID_A, b.a));
        assertEquals(1, b.sdcfg(SDID_B, b.b));
        return b;
    }

    static SdclRule dev(SrcIdMatch m, int srcId, int sdid) {
        return SdclRule.deviceId(m, srcId, TeeFilter.ANY, 0, sdid);
    }

    @Test
    void unaryMatchesExactlyItsSourceId() {
        try (IoBench b = configured(lib())) {
            b.rule(0, dev(SrcIdMatch.UNARY, 0x100, SDID_A));
            b.fence();
            b.mode(CheckerMode.ON);
            Event.DmaResponse hit = b.dma(0x100, PA, R | W);
            assertTrue(hit.allow() && hit.matched() && hit.rule() == 0 && hit.sdid() == SDID_A);
            assertEquals(AbortReason.UNCLASSIFIED.ordinal(), reason(b.dma(0x0FF, PA, R)));
            assertEquals(AbortReason.UNCLASSIFIED.ordinal(), reason(b.dma(0x101, PA, R)));
        }
    }

    @Test
    void torCoversFromTheRuleBelowUpToButExcludingItsOwnSourceId() {
        try (IoBench b = configured(lib())) {
            b.rule(0, SdclRule.none(0x200)); // matches nothing, gives TOR's lower bound
            b.rule(1, dev(SrcIdMatch.TOR, 0x300, SDID_A));
            b.mode(CheckerMode.ON);
            assertEquals(1, b.dma(0x200, PA, R).rule());
            assertTrue(b.dma(0x2FF, PA, R).allow());
            assertEquals(AbortReason.UNCLASSIFIED.ordinal(), reason(b.dma(0x1FF, PA, R)));
            assertEquals(AbortReason.UNCLASSIFIED.ordinal(), reason(b.dma(0x300, PA, R)));
            // rule 0 TOR: from 0
            b.rule(0, dev(SrcIdMatch.TOR, 0x10, SDID_B));
            assertEquals(0, b.dma(0x0, PA, R).rule());
            assertEquals(0, b.dma(0xF, PA, R).rule());
        }
    }

    @Test
    void napotCoversTheAlignedRangeItsTrailingOnesName() {
        try (IoBench b = configured(lib())) {
            b.rule(3, dev(SrcIdMatch.NAPOT, 0x40F, SDID_A)); // 4 trailing ones: 0x400..0x41F
            b.mode(CheckerMode.ON);
            assertEquals(3, b.dma(0x400, PA, R).rule());
            assertEquals(3, b.dma(0x41F, PA, R).rule());
            assertEquals(AbortReason.UNCLASSIFIED.ordinal(), reason(b.dma(0x3FF, PA, R)));
            assertEquals(AbortReason.UNCLASSIFIED.ordinal(), reason(b.dma(0x420, PA, R)));
        }
    }

    @Test
    void ideStreamRulesMatchOnlyTransactionsOnThatStream() {
        try (IoBench b = configured(lib())) {
            b.rule(0, SdclRule.ideStream(SrcIdMatch.UNARY, 0x12, 0x34, TeeFilter.ANY, 0, SDID_B));
            b.mode(CheckerMode.ON);
            DmaTransaction onStream = new DmaTransaction(0, 0x1234, null, false, false, PA, 8, R).withIde(0x12, 0x34);
            Event.DmaResponse v = b.dma(onStream);
            assertTrue(v.matched() && v.sdid() == SDID_B && v.allow());
            assertFalse(b.dma(0x1234, PA, R).matched(), "device ID 0x1234 without the IDE stream");
            assertFalse(b.dma(onStream.withIde(0x12, 0x35)).matched());
        }
    }

    @Test
    void theLowestMatchingRuleWinsAndReconfiguringItHandsOver() {
        try (IoBench b = configured(lib())) {
            b.rule(2, dev(SrcIdMatch.UNARY, 0x500, SDID_A));
            b.rule(5, dev(SrcIdMatch.NAPOT, 0x507, SDID_B)); // 0x500..0x50F
            b.mode(CheckerMode.ON);
            Event.DmaResponse w = b.dma(0x500, PA, W);
            assertTrue(w.rule() == 2 && w.allow(), "SDID A's table allows writes");
            Event.DmaResponse w2 = b.dma(0x501, PA, W);
            assertTrue(w2.rule() == 5 && !w2.allow(), "SDID B's table is read-only");
            assertEquals(AbortReason.MPT_DISALLOWED.ordinal(), reason(w2));
            b.rule(2, SdclRule.none(0));
            b.fence();
            assertEquals(5, b.dma(0x500, PA, W).rule());
        }
    }

    @Test
    void teeFilterSelectsByTheTransactionsTeeAssociation() {
        try (IoBench b = configured(lib())) {
            b.rule(0, SdclRule.deviceId(SrcIdMatch.UNARY, 0x600, TeeFilter.TEE_ONLY, 0, SDID_A));
            b.rule(1, SdclRule.deviceId(SrcIdMatch.UNARY, 0x600, TeeFilter.NON_TEE_ONLY, 0, SDID_B));
            b.mode(CheckerMode.ON);
            DmaTransaction tx = new DmaTransaction(0, 0x600, null, false, false, PA, 8, R);
            assertEquals(1, b.dma(tx).rule());
            assertEquals(0, b.dma(tx.withTee(true)).rule());
            b.rule(1, SdclRule.none(0));
            assertFalse(b.dma(tx).matched());
        }
    }

    @Test
    void modeOffAbortsBareAllowsAllButTeeOnClassifies() {
        try (IoBench b = configured(lib())) {
            b.rule(0, dev(SrcIdMatch.UNARY, 0x700, SDID_B));
            DmaTransaction tx = new DmaTransaction(0, 0x700, null, false, false, PA, 8, W);
            assertEquals(AbortReason.CHECKER_OFF.ordinal(), reason(b.dma(tx)), "MODE resets to Off");
            b.mode(CheckerMode.BARE);
            assertTrue(b.dma(tx).allow(), "Bare: no classification, no MPT");
            assertEquals(AbortReason.BARE_TEE.ordinal(), reason(b.dma(tx.withTee(true))));
            b.mode(CheckerMode.ON);
            assertEquals(AbortReason.MPT_DISALLOWED.ordinal(), reason(b.dma(tx)), "On: SDID B's read-only table");
            b.run(IoOp.mode(3)); // a reserved MODE is WARL: the old value stays
            assertEquals(CheckerMode.ON.encoding(), b.read(RegisterInterface.CONTROL, 4));
        }
    }

    @Test
    void anUnconfiguredSdidAbortsAndABareSdidAllows() {
        try (IoBench b = configured(lib())) {
            b.rule(0, dev(SrcIdMatch.UNARY, 0x10, 9)); // never configured
            b.rule(1, dev(SrcIdMatch.UNARY, 0x11, 3));
            assertEquals(1, b.command(CommandWord.setSdcfgEntry(3), SdConfig.bare(0).toData1(), 0));
            b.mode(CheckerMode.ON);
            assertEquals(AbortReason.SDID_NOT_CONFIGURED.ordinal(), reason(b.dma(0x10, PA, R)));
            assertTrue(b.dma(0x11, 0x9000_0000L, R | W).allow(), "MPT_MODE Bare: no page-based protection");
        }
    }

    @Test
    void changingADomainsRootTakesEffectWhenTheSetCompletes() {
        try (IoBench b = configured(lib())) {
            b.rule(0, dev(SrcIdMatch.UNARY, 0x20, SDID_A));
            b.mode(CheckerMode.ON);
            assertTrue(b.dma(0x20, PA, W).allow());
            // a DMA right behind the SET, before software polls: old or new root are both legal
            List<IoOp> p = new java.util.ArrayList<>(IoOp.command(CommandWord.setSdcfgEntry(SDID_A),
                    SdConfig.of(b.b.mode(), b.b.rootPpn(), false).toData1(), 0));
            p.add(3, new IoOp.Dma(new DmaTransaction(100, 0x20, null, false, false, PA, 8, W)));
            b.run(p);
            b.fence();
            b.command(MptInval.ofSdid(SDID_A).toCommand(), 0, 0);
            assertFalse(b.dma(0x20, PA, W).allow(), "after completion SDID A uses table B (read-only)");
            assertTrue(b.dma(0x20, PA, R).allow());
        }
    }

    @Test
    void invalidRuleIdsAndOperandsGiveTheirCodes() {
        try (IoBench b = configured(lib())) {
            int table = StatusCodeConvention.TABLE.invalidRuleIdCode();
            assertEquals(table, b.command(CommandWord.setSdclEntry(16), dev(SrcIdMatch.UNARY, 1, 1).toData1(), 0));
            assertEquals(table, b.command(CommandWord.getSdclEntry(200), 0, 0));
            assertEquals(2, b.command(0xEE, 0, 0), "an unsupported OP");
            assertEquals(5, b.command(CommandWord.setSdclEntry(0), 0xF, 0), "SRC_IDT 15 is reserved");
            assertEquals(1, b.command(CommandWord.getSdclEntry(0), 0, 0));
            assertEquals(0, b.data1(), "the failed SET left rule 0 as reset");
        }
    }

    @Test
    void invalidSdidsUnderTheProseReadingAndIommuReporting() {
        try (IoBench b = new IoBench(small())) {
            int prose = StatusCodeConvention.PROSE.invalidSdidCode();
            assertEquals(prose, b.command(CommandWord.setSdcfgEntry(9), SdConfig.bare(0).toData1(), 0));
            assertEquals(prose, b.command(CommandWord.getSdcfgEntry(63), 0, 0));
            assertEquals(prose, b.command(CommandWord.mptinvalSdid(8), 0, 0));
            assertEquals(StatusCodeConvention.PROSE.invalidRuleIdCode(), b.command(CommandWord.getSdclEntry(16), 0, 0));
            assertEquals(1, b.sdcfg(SDID_B, b.b));
            b.rule(0, SdclRule.deviceId(SrcIdMatch.UNARY, 0x30, TeeFilter.ANY, 3, SDID_B));
            b.mode(CheckerMode.ON);
            Event.DmaResponse dev = b.dma(0x30, PA, R);
            assertTrue(dev.allow() && dev.iommuValid() && dev.iommuId() == 3);
            Event.DmaResponse own = b.dma(new DmaTransaction(0, 0x30, null, false, true, PA, 8, W));
            assertTrue(!own.allow() && !own.iommuValid() && own.reportToIommu(),
                    "an IOMMU-originated access reports no IOMMU ID; its abort goes to the IOMMU");
        }
    }

    @Test
    void everyMptinvalScopeCompletes() {
        try (IoBench b = configured(lib())) {
            for (MptInval i : List.of(MptInval.all(), MptInval.ofSdid(SDID_A), MptInval.ofRange(PA >>> 12, false),
                    MptInval.ofRange((PA >>> 12) | 0x3, true), MptInval.ofRange(PA >>> 12, false, SDID_B))) {
                assertEquals(1, b.command(i.toCommand(), i.toData1(), 0), i.toString());
            }
        }
    }

    @Test
    void writesWhileBusyAreIgnored() {
        try (IoBench b = configured(lib())) {
            b.run(List.of(IoOp.Reg.write(RegisterInterface.DATA1, 8, dev(SrcIdMatch.UNARY, 0x44, SDID_A).toData1()),
                    IoOp.Reg.write(RegisterInterface.COMMAND, 4, CommandWord.setSdclEntry(4)),
                    IoOp.Reg.write(RegisterInterface.COMMAND, 4, CommandWord.setSdclEntry(5)), // BUSY: ignored
                    IoOp.Reg.write(RegisterInterface.DATA1, 8, 0), // ignored too
                    new IoOp.Poll(), IoOp.Reg.read(RegisterInterface.STATUS, 4),
                    IoOp.Reg.read(RegisterInterface.COMMAND, 4)));
            assertTrue(b.regs.stream().anyMatch(r -> r.write() && r.busy()), "a write found the checker BUSY");
            assertEquals(CommandWord.setSdclEntry(4), b.regs.get(b.regs.size() - 1).rdata());
            assertEquals(1, b.command(CommandWord.getSdclEntry(4), 0, 0));
            assertEquals(dev(SrcIdMatch.UNARY, 0x44, SDID_A).toData1(), b.data1());
            assertEquals(1, b.command(CommandWord.getSdclEntry(5), 0, 0));
            assertEquals(0, b.data1(), "rule 5 was never written");
        }
    }

    @Test
    void pmpDeniedAndCorruptMptReadsAbortWithTheirBullets() {
        IoCheckerLibrary lib = lib();
        try (IoBench b = new IoBench(lib, SessionSettings.simple(3).withBusErrors(1000), null)) {
            assertEquals(1, b.sdcfg(SDID_A, b.a));
            b.rule(0, dev(SrcIdMatch.UNARY, 0x50, SDID_A));
            b.mode(CheckerMode.ON);
            assertEquals(AbortReason.MPT_DATA_CORRUPTED.ordinal(), reason(b.dma(0x50, PA, R)), "every read fails");
        }
        try (IoBench b = configured(lib)) {
            b.h.setPmpRegions(List.of(new io.mttkit.bridge.PmpRegion(b.a.base(), 0x1000, false)));
            b.rule(0, dev(SrcIdMatch.UNARY, 0x50, SDID_A));
            b.mode(CheckerMode.ON);
            assertEquals(AbortReason.MPT_ACCESS_PMP_PMA.ordinal(), reason(b.dma(0x50, PA, R)));
            assertTrue(b.dma(0x50, PA_READ_ONLY, R).allow() == false, "the root page itself is denied");
        }
    }

    @Test
    void aGoldenModelConfiguredDifferentlyIsCaught() {
        // the scoreboard is not vacuous: the golden model reading CODE 3/4 the other way must disagree with the RTL
        IoCheckerLibrary lib = lib();
        io.mttkit.golden.iompt.IoMptParams wrong = lib.description().golden().withStatusCodes(StatusCodeConvention.PROSE);
        try (IoBench b = new IoBench(lib, SessionSettings.simple(1), wrong)) {
            IoMismatchException e = assertThrows(IoMismatchException.class,
                    () -> b.command(CommandWord.getSdclEntry(99), 0, 0));
            assertTrue(e.getMessage().contains("read of status") && e.getMessage().contains("expected 0x4 got 0x3"),
                    e.getMessage());
        }
    }

    @Test
    void theBridgeRefusesHartRequestsAndDmaAcrossAGranule() {
        IoCheckerLibrary lib = lib();
        io.mttkit.bridge.RequestBuffer q = new io.mttkit.bridge.RequestBuffer(2);
        q.check(1, PA, R, 0, 1, 0, false, false);
        try (io.mttkit.bridge.CheckerSession s = lib.library().openChecker(io.mttkit.bridge.SessionConfig.defaults(1))) {
            s.reset(2);
            io.mttkit.bridge.BridgeException e = assertThrows(io.mttkit.bridge.BridgeException.class,
                    () -> s.run(q, 0, 1, new io.mttkit.bridge.EventBuffer(1024), 0));
            assertTrue(e.getMessage().contains("hart-side requests"), e.getMessage());
        }
        io.mttkit.bridge.BridgeException e = assertThrows(io.mttkit.bridge.BridgeException.class,
                () -> q.dma(1, 0x10, false, 0, false, false, PA + 0xFF0, 0x20, R));
        assertTrue(e.getMessage().contains("4 KiB granule"), e.getMessage());
    }
}
