package io.mttkit.golden.iompt;

import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example of docs/io-checker.md, "Using it", line for line: it must keep compiling and meaning what it says. */
class DocExampleTest {

    @Test
    void theDocumentedExampleHolds() {
        PhysicalMemory mem = new PhysicalMemory();
        BuiltTables t = TableBuilder.build(List.of(Region.parse(0x8000_0000L, 0x20_0000, "rw")), MttMode.SMMPT43, 0x4000_0000L);
        mem.load(t.base(), t.image());
        IoMptChecker chk = new IoMptChecker(IoMptParams.DEFAULT, mem, ImplicitReadCheck.ALLOW_ALL);

        CommandDone d = chk.run(CommandWord.setSdcfgEntry(5), SdConfig.of(MttMode.SMMPT43, t.rootPpn(), false).toData1(), 0);
        assertTrue(d.succeeded());
        assertEquals(1, d.code());
        chk.run(CommandWord.setSdclEntry(0), SdclRule.deviceId(SrcIdMatch.UNARY, 0x0100, TeeFilter.ANY, 0, 5).toData1(), 0);
        chk.setMode(CheckerMode.ON.encoding());

        DmaVerdict ok = chk.check(DmaTransaction.read(0x0100, 0x8000_1000L, 64));
        DmaVerdict no = chk.check(DmaTransaction.write(0x0100, 0x8020_0000L, 8));
        DmaVerdict who = chk.check(DmaTransaction.read(0x0200, 0x8000_1000L, 8));
        assertTrue(ok.allowed());
        assertEquals(new Classification(0, 5, 0), ok.classification());
        assertEquals(AbortReason.MPT_DISALLOWED, no.reason());
        assertEquals(3, no.reason().bullet());
        assertEquals(Cause.PERM_DENY, no.lookup().cause(), "a level-1 tuple leaf covers the 32 MiB: its tuple there is 000");
        assertEquals(0x8020_0000L, no.decidingPa());
        assertEquals(AbortReason.UNCLASSIFIED, who.reason());
        assertEquals(2, who.reason().bullet());
    }
}
