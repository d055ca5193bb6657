package io.mttkit.golden.hart;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.mttkit.golden.hart.Asm.i;
import static io.mttkit.golden.hart.Asm.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link HartConfig#misalignedAccess()}: misaligned loads and stores performed as naturally aligned parts, each
 * translated and checked (PMP, MTT, bus) on its own, all before any byte is written; the default traps them.
 */
class MisalignedAccessTest {
    static final long RAM = TestHarts.RAM;
    static final long DATA = RAM + 0x10000;
    static final long HANDLER = RAM + 0x1000;
    static final int MCAUSE = 0x342;
    static final int MTVAL = 0x343;

    static Hart hart(int xlen, boolean misaligned) {
        Hart h = TestHarts.hart(HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9).withMisalignedAccess(misaligned));
        h.mtvec = HANDLER;
        TestHarts.openPmp(h);
        return h;
    }

    static int lw(int rd, int rs1, int imm) {
        return i(imm, rs1, 2, rd, 0x03);
    }

    static int ld(int rd, int rs1, int imm) {
        return i(imm, rs1, 3, rd, 0x03);
    }

    static int lh(int rd, int rs1, int imm) {
        return i(imm, rs1, 1, rd, 0x03);
    }

    static int sw(int rs2, int rs1, int imm) {
        return s(imm, rs2, rs1, 2, 0x23);
    }

    static int sd(int rs2, int rs1, int imm) {
        return s(imm, rs2, rs1, 3, 0x23);
    }

    static void fill(Hart h) {
        for (int k = 0; k < 32; k++) {
            h.memory().store(DATA + k, 1, 0x10 + k);
        }
    }

    @Test
    void byDefaultMisalignedLoadsAndStoresTrap() {
        Hart h = hart(64, false);
        h.setReg(5, DATA + 1);
        TestHarts.exec(h, lw(6, 5, 0));
        assertEquals(TrapCause.LOAD_MISALIGNED, h.csr(MCAUSE));
        assertEquals(DATA + 1, h.csr(MTVAL));
        h.setPc(RAM);
        TestHarts.exec(h, sw(6, 5, 2));
        assertEquals(TrapCause.STORE_MISALIGNED, h.csr(MCAUSE));
    }

    @Test
    void misalignedLoadsReadTheBytesInAddressOrder() {
        Hart h = hart(64, true);
        fill(h);
        h.setReg(5, DATA);
        TestHarts.run(h, new Asm().emit(lw(6, 5, 1)).emit(ld(7, 5, 5)).emit(lh(8, 5, 15)));
        assertEquals(0x1413_1211L, h.reg(6));
        assertEquals(0x1C1B_1A19_1817_1615L, h.reg(7));
        assertEquals(0x201F, h.reg(8));
        h.memory().store(DATA + 0x21, 2, 0x80FF); // lh sign-extends across the parts
        h.setPc(RAM);
        TestHarts.exec(h, lh(9, 5, 0x21));
        assertEquals(-0x7F01L, h.reg(9));
    }

    @Test
    void misalignedStoresWriteEveryByte() {
        Hart h = hart(32, true);
        h.setReg(5, DATA);
        h.setReg(6, 0xA1B2_C3D4L);
        TestHarts.exec(h, sw(6, 5, 3));
        assertEquals(0xD4, h.memory().load(DATA + 3, 1));
        assertEquals(0xC3, h.memory().load(DATA + 4, 1));
        assertEquals(0xB2, h.memory().load(DATA + 5, 1));
        assertEquals(0xA1, h.memory().load(DATA + 6, 1));
        assertEquals(0, h.memory().load(DATA + 7, 1));
    }

    @Test
    void eachAlignedPartIsCheckedOnItsOwn() {
        Hart h = hart(64, true);
        List<String> parts = new ArrayList<>();
        h.addListener(new HartListener() {
            @Override
            public void access(AccessKind kind, long pa, int size, boolean pmpOk, LookupResult mtt) {
                if (kind == AccessKind.STORE) {
                    parts.add(Long.toHexString(pa - DATA) + "/" + size);
                }
            }
        });
        h.setReg(5, DATA);
        TestHarts.exec(h, sd(6, 5, 1)); // 8 bytes at +1: 1@1, 2@2, 4@4, 1@8
        assertEquals(List.of("1/1", "2/2", "4/4", "8/1"), parts);
    }

    @Test
    void aStoreStraddlingIntoAPageTheDomainDoesNotGrantWritesNothingAndReportsThatPart() {
        for (int xlen : new int[] {32, 64}) {
            MttMode mode = xlen == 32 ? MttMode.SMMPT34 : MttMode.SMMPT43;
            Hart h = hart(xlen, true);
            TestHarts.mtt(h, mode, List.of(new Region(RAM, 0x10000, 7), new Region(DATA, 0x1000, 3),
                    new Region(DATA + 0x1000, 0x1000, 5)));
            h.priv = Priv.S;
            h.setReg(5, DATA + 0xFFE);
            h.setReg(6, 0x1122_3344L);
            List<TrapRecord> traps = new ArrayList<>();
            h.addListener(new HartListener() {
                @Override
                public void trap(TrapRecord r) {
                    traps.add(r);
                }
            });
            TestHarts.exec(h, sw(6, 5, 0));
            assertEquals(TrapCause.STORE_ACCESS_FAULT, h.csr(MCAUSE), "RV" + xlen);
            assertEquals(DATA + 0x1000, h.csr(MTVAL), "RV" + xlen + ": the VA of the part that faulted");
            assertEquals(0, h.memory().load(DATA + 0xFFE, 2), "RV" + xlen + ": the allowed part was not written");
            assertEquals(1, traps.size());
            assertEquals(true, traps.get(0).mttCause() != Cause.NONE, "an MTT fault: " + traps.get(0));
            // the load of the same bytes is allowed: rw then rx
            h.priv = Priv.S;
            h.setPc(RAM);
            h.memory().store(DATA + 0xFFE, 2, 0x5566);
            h.memory().store(DATA + 0x1000, 2, 0x7788);
            TestHarts.exec(h, lw(7, 5, 0));
            assertEquals(0x7788_5566L, h.reg(7) & 0xFFFF_FFFFL, "RV" + xlen);
        }
    }

    @Test
    void bigEndianMachineModeDataIsAssembledAsAWhole() {
        Hart h = hart(64, true);
        fill(h);
        h.mstatus |= Hart.MBE;
        h.setReg(5, DATA);
        TestHarts.exec(h, lw(6, 5, 1));
        assertEquals(0x1112_1314L, h.reg(6));
    }

    @Test
    void amosAndTheClintStillRefuseMisalignment() {
        Hart h = hart(64, true);
        h.setReg(5, DATA + 2);
        TestHarts.exec(h, Asm.r(0, 6, 5, 2, 7, 0x2F)); // amoadd.w x7, x6, (x5)
        assertEquals(TrapCause.STORE_MISALIGNED, h.csr(MCAUSE));
        h.setPc(RAM);
        h.setReg(5, HartConfig.DEFAULT_CLINT_BASE + 0x4001); // mtimecmp + 1
        TestHarts.exec(h, lw(6, 5, 0));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, h.csr(MCAUSE));
    }
}
