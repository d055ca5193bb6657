package io.mttkit.golden.iompt;

import org.junit.jupiter.api.Test;

import static io.mttkit.golden.iompt.Spec.CAPABILITIES;
import static io.mttkit.golden.iompt.Spec.COMMAND;
import static io.mttkit.golden.iompt.Spec.CONTROL;
import static io.mttkit.golden.iompt.Spec.DATA1;
import static io.mttkit.golden.iompt.Spec.DATA2;
import static io.mttkit.golden.iompt.Spec.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ch. 6 §"I/O MPT Checker Register Interface", §"Capabilities", §"Status register", §"Control". */
class RegisterInterfaceTest {

    @Test
    void resetValues_busyCodeZero_modeOff() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        assertEquals(0, c.read32(STATUS), "BUSY and CODE reset to 0");
        assertEquals(Spec.OFF, c.read32(CONTROL), "control.MODE resets to Off");
        assertEquals(CheckerMode.OFF, c.mode());
        // dirty everything, then reset
        Spec.control(c, Spec.ON);
        Spec.op(c, Spec.SET_SDCFG_ENTRY, Spec.sdcfg(0, 0, 0, 0));
        c.write32(COMMAND, Spec.IOFENCE);
        assertTrue(c.busy());
        c.reset();
        assertEquals(0, c.read32(STATUS));
        assertEquals(Spec.OFF, c.read32(CONTROL));
        assertTrue(c.complete().isEmpty(), "nothing pending after reset");
        assertTrue(c.sdConfig(0).isEmpty());
    }

    @Test
    void capabilities_verLowNibbleMinorHighNibbleMajor_readOnly() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        // v0.9: major 0 in the upper nibble, minor 9 in the lower ("version 1.0 ... reports 0x10").
        assertEquals(0x09, c.read32(CAPABILITIES));
        c.write32(CAPABILITIES, 0xFFFF_FFFFL);
        assertEquals(0x09, c.read32(CAPABILITIES), "capabilities is read-only");
        assertEquals(0x10, Spec.checker(IoMptParams.DEFAULT.withVer(0x10)).read32(CAPABILITIES));
    }

    @Test
    void status_readOnly_codeInBits7to0_busyInBit31() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        c.write32(STATUS, 0xFFFF_FFFFL);
        assertEquals(0, c.read32(STATUS), "status is read-only");
        c.write32(COMMAND, Spec.IOFENCE);
        assertEquals(1L << 31, c.read32(STATUS), "BUSY set by the command write, CODE still 0");
        c.complete();
        assertEquals(Spec.CODE_SUCCESS, c.read32(STATUS));
        c.write32(COMMAND, 0); // OP 0 reserved
        c.complete();
        assertEquals(Spec.CODE_INVALID_OP, c.read32(STATUS));
    }

    @Test
    void data_littleEndian_eightByteAccessIsLowHalfThenHighHalf() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        c.write64(DATA1, 0x1122_3344_5566_7788L);
        assertEquals(0x5566_7788L, c.read32(DATA1), "offset 16 holds data1[31:0]");
        assertEquals(0x1122_3344L, c.read32(DATA1 + 4), "offset 20 holds data1[63:32]");
        c.write32(DATA2 + 4, 0xAABB_CCDDL);
        c.write32(DATA2, 0x0102_0304L);
        assertEquals(0xAABB_CCDD_0102_0304L, c.read64(DATA2), "two 4-byte writes = one 8-byte register");
        c.write32(DATA1 + 4, 0xCAFE_F00DL);
        assertEquals(0xCAFE_F00D_5566_7788L, c.read64(DATA1), "a 4-byte write changes only its half");
    }

    @Test
    void unspecifiedAccesses_readZero_writesIgnored() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        c.write64(DATA1, 0x1122_3344_5566_7788L);
        // misaligned
        assertEquals(0, c.read32(DATA1 + 2));
        assertEquals(0, c.read64(DATA1 + 4));
        c.write32(DATA1 + 2, 0xFFFF_FFFFL);
        c.write64(DATA1 + 4, -1L);
        assertEquals(0x1122_3344_5566_7788L, c.read64(DATA1));
        // spanning two registers: 8 bytes at capabilities/status and control/command
        assertEquals(0, c.read64(CAPABILITIES));
        c.write64(CONTROL, ((long) Spec.IOFENCE << 32) | Spec.ON);
        assertFalse(c.busy(), "a spanning write starts nothing");
        assertEquals(Spec.OFF, c.read32(CONTROL));
        // sizes other than 4 and 8
        assertEquals(0, c.read(DATA1, 1));
        assertEquals(0, c.read(DATA1, 2));
        c.write(DATA1, 2, 0);
        assertEquals(0x1122_3344_5566_7788L, c.read64(DATA1));
        // beyond the registers
        assertEquals(0, c.read32(32));
        c.write32(0x100, 1);
        assertThrows(IllegalArgumentException.class, () -> c.read32(-4));
        assertThrows(IllegalArgumentException.class, () -> c.read(0, 9));
    }

    @Test
    void control_modeWarl_reservedAndCustomKeepOldValue_reservedBitsReadZero() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        assertEquals(Spec.ON, Spec.control(c, Spec.ON));
        for (int v = 3; v <= 15; v++) {
            assertEquals(Spec.ON, Spec.control(c, v), "MODE " + v + " is reserved/custom");
        }
        assertEquals(Spec.BARE, Spec.control(c, Spec.BARE));
        assertEquals(Spec.BARE, Spec.control(c, 0xF));
        assertEquals(Spec.OFF, Spec.control(c, 0xFFFF_FFF0L), "MODE is bits 3:0 only");
        assertEquals(Spec.OFF, c.read32(CONTROL), "reserved bits read 0");
        // Bare is optional ("must support the Off and On values")
        IoMptChecker noBare = Spec.checker(IoMptParams.DEFAULT.withBareSupported(false));
        assertEquals(Spec.OFF, Spec.control(noBare, Spec.BARE));
        assertEquals(Spec.ON, Spec.control(noBare, Spec.ON));
        assertEquals(Spec.ON, Spec.control(noBare, Spec.BARE));
    }

    @Test
    void controlWrite_setsBusy_modeChangesOnlyAtCompletion_codeKept() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        c.write32(COMMAND, 0x80); // custom OP → CODE 2
        c.complete();
        c.write32(CONTROL, Spec.ON);
        assertEquals(1L << 31 | Spec.CODE_INVALID_OP, c.read32(STATUS), "BUSY set by a control write");
        assertEquals(Spec.OFF, c.read32(CONTROL), "old MODE until completion");
        assertEquals(CheckerMode.OFF, c.mode());
        assertEquals(new ControlDone(Spec.ON, CheckerMode.ON), c.complete().orElseThrow());
        assertEquals(Spec.CODE_INVALID_OP, c.read32(STATUS), "CODE unchanged by a control write");
    }

    @Test
    void writesWhileBusy_areIgnored() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        c.write64(DATA1, Spec.sdcl(Spec.IDT_DEVID, Spec.UNARY, 0, 0x42, 0, 3));
        c.write32(COMMAND, Spec.sdclCmd(Spec.SET_SDCL_ENTRY, 1));
        c.write64(DATA1, 0);                  // ignored
        c.write32(COMMAND, Spec.IOFENCE);     // ignored
        c.write32(CONTROL, Spec.ON);          // ignored
        assertEquals(Spec.sdclCmd(Spec.SET_SDCL_ENTRY, 1), c.read32(COMMAND));
        CommandDone done = (CommandDone) c.complete().orElseThrow();
        assertEquals(Op.SET_SDCL_ENTRY, done.op());
        assertEquals(Spec.CODE_SUCCESS, c.read32(STATUS));
        assertEquals(0x42, c.rule(1).srcId(), "the data written before the command was used");
        assertEquals(Spec.OFF, c.read32(CONTROL));
        assertTrue(c.complete().isEmpty(), "the ignored writes left nothing pending");
    }

    @Test
    void run_refusesWhileBusy() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT);
        c.write32(COMMAND, Spec.IOFENCE);
        assertThrows(IllegalStateException.class, () -> c.run(Spec.IOFENCE, 0, 0));
        assertThrows(IllegalStateException.class, () -> c.setMode(Spec.ON));
    }
}
