package io.mttkit.gen.iompt;

import static io.mttkit.gen.iompt.IoFrontBench.CAPABILITIES;
import static io.mttkit.gen.iompt.IoFrontBench.COMMAND;
import static io.mttkit.gen.iompt.IoFrontBench.CONTROL;
import static io.mttkit.gen.iompt.IoFrontBench.DATA1;
import static io.mttkit.gen.iompt.IoFrontBench.DATA2;
import static io.mttkit.gen.iompt.IoFrontBench.STATUS;
import static io.mttkit.gen.iompt.IoFrontBench.command;
import static io.mttkit.gen.iompt.IoFrontBench.rule;
import static io.mttkit.gen.iompt.IoFrontBench.sdcfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.iompt.IoMptParams.Mbe;
import io.mttkit.gen.iompt.IoMptParams.StatusCodes;
import org.junit.jupiter.api.Test;

/**
 * The register interface and the six operations of {@code mtt_io_regs}, in the DSL's simulator, with expectations
 * taken from Smmpt v0.9 ch. 6 and the chapter-6 decisions of {@code docs/spec-notes.md}.
 */
class IoMptRegsSimTest {
    static final int IOFENCE = 1;
    static final int SET_SDCL = 2;
    static final int GET_SDCL = 3;
    static final int SET_SDCFG = 4;
    static final int GET_SDCFG = 5;
    static final int MPTINVAL = 6;
    /** CODE values (the status table). */
    static final int SUCCESS = 1;
    static final int BAD_OP = 2;
    static final int BAD_RULEID = 3;
    static final int BAD_SDID = 4;
    static final int BAD_OPERAND = 5;

    /** 16 rules, 8 SDIDs, 4 IOMMUs, QoS: the ranges can be exceeded within the fields. */
    static IoMptParams small() {
        return new IoMptParams(64, 16, 8, 4, 24, true, StatusCodes.TABLE, true, Mbe.WRITABLE, true, 56, 8, 1);
    }

    @Test
    void resetValues() {
        IoFrontBench b = new IoFrontBench(IoMptParams.defaults(64));
        assertEquals(0x09, b.read32(CAPABILITIES), "VER 0.9, custom 0");
        assertEquals(0, b.read32(STATUS), "BUSY and CODE reset to 0");
        assertEquals(0, b.read32(CONTROL), "MODE resets to Off");
        assertEquals(0, b.read32(COMMAND));
        assertEquals(0, b.read64(DATA1));
        assertEquals(0, b.read64(DATA2));
    }

    @Test
    void dataRegistersAreLittleEndianInBothAccessSizes() {
        IoFrontBench b = new IoFrontBench(IoMptParams.defaults(64));
        b.write32(DATA1, 0x89AB_CDEFL);
        b.write32(DATA1 + 4, 0x0123_4567L);
        assertEquals(0x0123_4567_89AB_CDEFL, b.read64(DATA1));
        b.write64(DATA2, 0xFEDC_BA98_7654_3210L);
        assertEquals(0x7654_3210L, b.read32(DATA2));
        assertEquals(0xFEDC_BA98L, b.read32(DATA2 + 4));
        b.write32(COMMAND, 0); // OP 0: invalid, but command reads back what was written
        b.waitNotBusy();
        b.write32(COMMAND, 0xFFFF_FF00L);
        b.waitNotBusy();
        assertEquals(0xFFFF_FF00L, b.read32(COMMAND));
    }

    @Test
    void unspecifiedAccessesReadZeroAndAreIgnored() {
        IoFrontBench b = new IoFrontBench(IoMptParams.defaults(64));
        b.write64(DATA1, 0x1111_2222_3333_4444L);
        assertEquals(0, b.read(DATA1, 2), "2-byte access");
        assertEquals(0, b.read(DATA1, 1), "1-byte access");
        assertEquals(0, b.read(DATA1 + 2, 4), "misaligned 4-byte access");
        assertEquals(0, b.read(DATA1 + 4, 8), "misaligned 8-byte access");
        assertEquals(0, b.read(CAPABILITIES, 8), "8 bytes spanning capabilities and status");
        assertEquals(0, b.read(CONTROL, 8), "8 bytes spanning control and command");
        b.write(DATA1, 2, 0xFFFF);
        b.write(DATA1 + 1, 4, 0xFFFF_FFFFL);
        b.write(DATA1 + 4, 8, -1L);
        b.write(CONTROL, 8, 2); // would set MODE On if taken
        assertEquals(0x1111_2222_3333_4444L, b.read64(DATA1));
        assertEquals(0, b.read32(STATUS), "no BUSY from an ignored access");
        assertEquals(0, b.read32(CONTROL));
    }

    @Test
    void capabilitiesAndStatusAreReadOnly() {
        IoFrontBench b = new IoFrontBench(IoMptParams.defaults(64));
        b.write32(CAPABILITIES, 0xFFFF_FFFFL);
        b.write32(STATUS, 0xFFFF_FFFFL);
        assertEquals(0x09, b.read32(CAPABILITIES));
        assertEquals(0, b.read32(STATUS));
    }

    @Test
    void controlModeIsWarlAndBusyWhileApplied() {
        IoFrontBench b = new IoFrontBench(IoMptParams.defaults(64));
        b.write32(CONTROL, 2);
        assertTrue((b.read32(STATUS) & IoFrontBench.BUSY) != 0, "a control write sets BUSY");
        b.waitNotBusy();
        assertEquals(2, b.read32(CONTROL), "On");
        for (int reserved : new int[] {3, 7, 13, 14, 15}) {
            assertEquals(2, b.control(reserved), "MODE " + reserved + " keeps the old value");
        }
        assertEquals(2, b.control(0xFFFF_FFF0L | 2), "reserved bits 31:4 ignored");
        assertEquals(1, b.control(1), "Bare");
        assertEquals(0, b.control(0), "Off");
        assertEquals(0, b.read32(STATUS) & 0xFF, "CODE unchanged by control writes");

        IoFrontBench noBare = new IoFrontBench(new IoMptParams(64, 16, 64, 0, 24, true, StatusCodes.TABLE, false,
                Mbe.WRITABLE, false, 56, 8, 1));
        assertEquals(2, noBare.control(2));
        assertEquals(2, noBare.control(1), "Bare not implemented: old MODE kept");
    }

    @Test
    void codeIsUnchangedByControlAfterAnOperation() {
        IoFrontBench b = new IoFrontBench(IoMptParams.defaults(64));
        assertEquals(BAD_OP, b.run(0, 0, 0));
        b.control(2);
        assertEquals(BAD_OP, b.read32(STATUS) & 0xFF);
    }

    @Test
    void writesWhileBusyAreIgnored() {
        IoFrontBench b = new IoFrontBench(small());
        b.write64(DATA1, rule(1, 2, 0, 0x100, 0, 3));
        b.write32(COMMAND, command(SET_SDCL, 0));
        // the next accesses fall in the operation's CHECK and EXECUTE cycles (one access per cycle)
        b.write64(DATA1, 0x5555);
        b.write32(COMMAND, command(SET_SDCL, 1));
        b.waitNotBusy();
        assertEquals(SUCCESS, b.read32(STATUS) & 0xFF);
        assertEquals(rule(1, 2, 0, 0x100, 0, 3), b.read64(DATA1), "data1 write while BUSY ignored");
        assertEquals(command(SET_SDCL, 0), b.read32(COMMAND), "command write while BUSY ignored");
        assertEquals(0, b.ruleFor(0x100, false, 0, false), "rule 0 written");
        assertEquals(SUCCESS, b.run(command(GET_SDCL, 1), 0, 0));
        assertEquals(0, b.read64(DATA1), "rule 1 never written");

        b.write32(CONTROL, 2);
        b.write32(COMMAND, command(IOFENCE, 0)); // in the CONTROL cycle: ignored
        b.waitNotBusy();
        assertEquals(2, b.read32(CONTROL));
        assertEquals(command(GET_SDCL, 1), b.read32(COMMAND));
        b.write32(COMMAND, command(IOFENCE, 0));
        b.write32(CONTROL, 1); // in the CHECK cycle: ignored
        b.waitNotBusy();
        assertEquals(2, b.read32(CONTROL));
    }

    @Test
    void busyCoversTheOperationAndFallsWithinAFewCycles() {
        IoFrontBench b = new IoFrontBench(small());
        b.write64(DATA1, rule(1, 2, 0, 0x100, 0, 3));
        b.write32(COMMAND, command(SET_SDCL, 0));
        int polls = b.waitNotBusy();
        assertTrue(polls >= 1 && polls <= 3, "BUSY polls " + polls);
        // every state of the register FSM was visited: IDLE, CHECK, EXECUTE (command) and CONTROL
        b.control(2);
        assertEquals(java.util.Set.of(0, 1, 2, 3), new java.util.HashSet<>(b.statesSeen));
    }

    @Test
    void invalidOpsReportCode2() {
        IoFrontBench b = new IoFrontBench(small());
        for (int op : new int[] {0, 7, 127, 128, 255}) {
            assertEquals(BAD_OP, b.run(command(op, 0), 0, 0), "OP " + op);
        }
        assertEquals(SUCCESS, b.run(command(IOFENCE, 0xFFFF), -1L, -1L), "IOFENCE ignores the operands");
    }

    @Test
    void setAndGetSdclEntry() {
        IoFrontBench b = new IoFrontBench(small());
        long r = rule(1, 3, 2, 0xAB_CDEF, 3, 7);
        assertEquals(SUCCESS, b.run(command(SET_SDCL, 5), r | (0x3FFFFL << 46), 0x77));
        b.write64(DATA2, 0x1234);
        assertEquals(SUCCESS, b.run(command(GET_SDCL, 5), 0, 0x1234));
        assertEquals(r, b.read64(DATA1), "GET returns the rule, reserved bits 63:46 read 0");
        assertEquals(0x1234, b.read64(DATA2), "GET_SDCL leaves data2 unchanged");
        assertEquals(SUCCESS, b.run(command(GET_SDCL, 6), 0xDEAD, 0));
        assertEquals(0, b.read64(DATA1), "a rule never set reads as the reset rule (0)");
    }

    @Test
    void sdclRuleIdAndSdidChecksAndTheirOrder() {
        IoFrontBench b = new IoFrontBench(small());
        assertEquals(BAD_RULEID, b.run(command(SET_SDCL, 16), rule(1, 2, 0, 1, 0, 0), 0));
        assertEquals(BAD_RULEID, b.run(command(GET_SDCL, 255), 0, 0));
        assertEquals(BAD_SDID, b.run(command(SET_SDCL, 0), rule(1, 2, 0, 1, 0, 8), 0), "data1.SDID >= sdidCount");
        // order: RULEID before SDID before the other fields
        assertEquals(BAD_RULEID, b.run(command(SET_SDCL, 200), rule(5, 0, 3, 1, 9, 63), 0));
        assertEquals(BAD_SDID, b.run(command(SET_SDCL, 1), rule(5, 0, 3, 1, 9, 63), 0));
        // a failed operation changes nothing, data1 included
        assertEquals(BAD_RULEID, b.run(command(GET_SDCL, 16), 0x4242, 0));
        assertEquals(0x4242, b.read64(DATA1));
        assertEquals(-1, b.ruleFor(1, false, 0, false), "no rule was stored");

        IoMptParams prose = new IoMptParams(64, 16, 8, 4, 24, true, StatusCodes.PROSE, true, Mbe.WRITABLE, true, 56,
                8, 1);
        IoFrontBench pb = new IoFrontBench(prose);
        assertEquals(4, pb.run(command(SET_SDCL, 16), rule(1, 2, 0, 1, 0, 0), 0), "prose: invalid RULEID = 4");
        assertEquals(3, pb.run(command(SET_SDCL, 0), rule(1, 2, 0, 1, 0, 8), 0), "prose: invalid SDID = 3");
    }

    @Test
    void sdclOperandEncodings() {
        IoFrontBench b = new IoFrontBench(small());
        for (int t = 3; t <= 15; t++) {
            assertEquals(BAD_OPERAND, b.run(command(SET_SDCL, 0), rule(t, 2, 0, 1, 0, 0), 0), "SRC_IDT " + t);
        }
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCL, 0), rule(1, 0, 0, 1, 0, 0), 0), "SRC_IDM 0 reserved");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCL, 0), rule(1, 2, 3, 1, 0, 0), 0), "TEE_FLT 3 reserved");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCL, 0), rule(2, 2, 0, 1, 4, 0), 0), "IOMMU_ID >= 4");
        assertEquals(SUCCESS, b.run(command(SET_SDCL, 0), rule(2, 1, 2, 0xFF_FFFF, 3, 7), 0));
        // SRC_IDT None: every other field ignored, stored as written
        long none = rule(0, 0, 3, 0x12_3456, 200, 63);
        assertEquals(SUCCESS, b.run(command(SET_SDCL, 1), none, 0));
        assertEquals(SUCCESS, b.run(command(GET_SDCL, 1), 0, 0));
        assertEquals(none, b.read64(DATA1));

        IoFrontBench noTee = new IoFrontBench(new IoMptParams(64, 16, 8, 0, 24, false, StatusCodes.TABLE, false,
                Mbe.WRITABLE, true, 56, 8, 1));
        assertEquals(BAD_OPERAND, noTee.run(command(SET_SDCL, 0), rule(1, 2, 1, 1, 0, 0), 0), "TEE_FLT 1 unsupported");
        assertEquals(BAD_OPERAND, noTee.run(command(SET_SDCL, 0), rule(1, 2, 2, 1, 0, 0), 0), "TEE_FLT 2 unsupported");
        // without IOMMU: IOMMU_ID ignored (any value accepted) and read as 0
        assertEquals(SUCCESS, noTee.run(command(SET_SDCL, 0), rule(1, 2, 0, 1, 255, 0), 0));
        assertEquals(SUCCESS, noTee.run(command(GET_SDCL, 0), 0, 0));
        assertEquals(rule(1, 2, 0, 1, 0, 0), noTee.read64(DATA1));
    }

    @Test
    void setAndGetSdcfgEntry() {
        IoFrontBench b = new IoFrontBench(small());
        long cfg = sdcfg(1, 1, 0, 0x8_0000L);
        long qos = 0xABCL | (0x123L << 16) | (5L << 32) | (6L << 36) | (7L << 40) | (1L << 44) | (1L << 45);
        long qosWithReserved = qos | (0xFL << 12) | (0xFL << 28) | (0x3FFFFL << 46);
        assertEquals(SUCCESS, b.run(command(SET_SDCFG, 5), cfg | (0xFL << 6) | (0x3FFL << 54), qosWithReserved));
        assertEquals(SUCCESS, b.run(command(GET_SDCFG, 5), -1L, -1L));
        assertEquals(cfg, b.read64(DATA1), "reserved bits read 0");
        assertEquals(qos, b.read64(DATA2), "QoS IDs stored, reserved bits read 0");
        assertEquals(SUCCESS, b.run(command(GET_SDCFG, 6), -1L, -1L));
        assertEquals(0, b.read64(DATA1), "an SDID never set reads 0");
        assertEquals(0, b.read64(DATA2));
        assertEquals(BAD_SDID, b.run(command(SET_SDCFG, 8), cfg, 0));
        assertEquals(BAD_SDID, b.run(command(GET_SDCFG, 63), 0x77, 0x88));
        assertEquals(0x77, b.read64(DATA1), "failed GET leaves data1");
        assertEquals(0x88, b.read64(DATA2), "failed GET leaves data2");
        // the MPT check's view
        assertEquals(1, b.cfg(5, "valid"));
        assertEquals(1, b.cfg(5, "mpt_mode"));
        assertEquals(1, b.cfg(5, "mbe"));
        assertEquals(0x8_0000L, b.cfg(5, "ppn"));
        assertEquals(0, b.cfg(6, "valid"));
        assertEquals(0, b.cfg(13, "valid"), "SDID 13 beyond sdidCount 8 aliases no entry");
    }

    @Test
    void sdcfgModeAndPpnChecksOnRv64() {
        IoFrontBench b = new IoFrontBench(small()); // paw 56: roots below 2^56, PPN below 2^44
        assertEquals(SUCCESS, b.run(command(SET_SDCFG, 0), sdcfg(0, 0, 0, 0), 0), "Bare, PPN 0");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(0, 0, 0, 1), 0), "Bare needs PPN 0");
        for (int m = 1; m <= 3; m++) {
            assertEquals(SUCCESS, b.run(command(SET_SDCFG, 0), sdcfg(m, 0, 0, 0x1000), 0), "Smmpt mode " + m);
        }
        for (int m = 4; m <= 15; m++) {
            assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(m, 0, 0, 0x1000), 0), "MPT_MODE " + m);
        }
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(1, 0, 1, 0x1000), 0), "MXL 1 on RV64");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(0, 0, 1, 0), 0), "Bare under MXL 1 on RV64");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(3, 0, 0, 0x1001), 0), "Smmpt64 root 32 KiB");
        assertEquals(SUCCESS, b.run(command(SET_SDCFG, 0), sdcfg(3, 0, 0, 0x1008), 0));
        long top = (1L << (56 - 12)) - 1;
        assertEquals(SUCCESS, b.run(command(SET_SDCFG, 0), sdcfg(1, 0, 0, top), 0), "root just below 2^paw");
        IoFrontBench p48 = new IoFrontBench(new IoMptParams(64, 16, 8, 0, 24, true, StatusCodes.TABLE, false,
                Mbe.WRITABLE, true, 48, 8, 1));
        assertEquals(BAD_OPERAND, p48.run(command(SET_SDCFG, 0), sdcfg(2, 0, 0, 1L << 36), 0), "root at 2^paw");
        assertEquals(SUCCESS, p48.run(command(SET_SDCFG, 0), sdcfg(2, 0, 0, (1L << 36) - 1), 0));
    }

    @Test
    void sdcfgChecksOnRv32() {
        IoFrontBench b = new IoFrontBench(IoMptParams.defaults(32)); // paw 34
        assertEquals(SUCCESS, b.run(command(SET_SDCFG, 0), sdcfg(1, 0, 1, (1L << 22) - 1), 0), "Smmpt34");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(1, 0, 1, 1L << 22), 0), "PPN >= 2^22");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(1, 0, 0, 1), 0), "MXL 0 on RV32");
        assertEquals(BAD_OPERAND, b.run(command(SET_SDCFG, 0), sdcfg(2, 0, 1, 1), 0), "MPT_MODE 2 under MXL 1");
        assertEquals(SUCCESS, b.run(command(SET_SDCFG, 0), sdcfg(0, 0, 1, 0), 0), "Bare under MXL 1");
    }

    @Test
    void hardwiredMbeIgnoresTheWrittenValue() {
        for (Mbe mbe : Mbe.values()) {
            IoFrontBench b = new IoFrontBench(new IoMptParams(64, 16, 8, 0, 24, true, StatusCodes.TABLE, false, mbe,
                    true, 56, 8, 1));
            for (int written = 0; written <= 1; written++) {
                assertEquals(SUCCESS, b.run(command(SET_SDCFG, 1), sdcfg(1, written, 0, 0x100), 0x1234));
                assertEquals(SUCCESS, b.run(command(GET_SDCFG, 1), 0, -1L));
                int expected = mbe == Mbe.LITTLE ? 0 : mbe == Mbe.BIG ? 1 : written;
                assertEquals(sdcfg(1, expected, 0, 0x100), b.read64(DATA1), mbe + " written " + written);
                assertEquals(0, b.read64(DATA2), "no QoS: GET returns 0 in data2");
            }
        }
    }

    @Test
    void mptinvalChecksTheSdidOnlyWhenValid() {
        IoFrontBench b = new IoFrontBench(small());
        int sdidv = 1 << 7; // command bit 15 = operand bit 7
        assertEquals(SUCCESS, b.run(command(MPTINVAL, 7 | sdidv), 0, 0));
        assertEquals(BAD_SDID, b.run(command(MPTINVAL, 8 | sdidv), 0, 0));
        assertEquals(SUCCESS, b.run(command(MPTINVAL, 63), 0x3, 0), "SDIDV 0: SDID ignored");
        assertEquals(SUCCESS, b.run(command(MPTINVAL, 0), -1L, 0), "PPNV S with all-ones PPN: performed");
    }
}
