package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.mttkit.golden.hart.Asm.i;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSR access rules, illegal instructions, traps, delegation, xRET, interrupts and the MTT fences. */
class PrivilegedTest {
    static final long HANDLER_M = TestHarts.RAM + 0x1000;
    static final long HANDLER_S = TestHarts.RAM + 0x2000;
    static final int MCAUSE = 0x342;

    static Hart hart64() {
        Hart h = TestHarts.hart(64);
        h.mtvec = HANDLER_M;
        h.stvec = HANDLER_S;
        TestHarts.openPmp(h); // with PMP entries implemented and none matching, S and U may not fetch
        return h;
    }

    static int csrr(int rd, int csr) {
        return i(csr, 0, 2, rd, 0x73);
    }

    static int csrw(int csr, int rs1) {
        return i(csr, rs1, 1, 0, 0x73);
    }

    @Test
    void supervisorCannotReachMachineCsrs() {
        Hart h = hart64();
        h.priv = Priv.S;
        long pc = h.pc();
        TestHarts.exec(h, csrr(5, 0x300)); // mstatus
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        assertEquals(Priv.M, h.priv());
        assertEquals(pc, h.csr(0x341));
        assertEquals(HANDLER_M, h.pc());
        assertEquals(1L << Hart.MPP_SHIFT, h.mstatus & Hart.MPP, "MPP = S");
    }

    @Test
    void withoutAMatchingPmpEntrySupervisorFetchesFault() {
        Hart h = TestHarts.hart(64);
        h.mtvec = HANDLER_M;
        h.priv = Priv.S;
        TestHarts.exec(h, 0x13); // nop
        assertEquals(TrapCause.INSN_ACCESS_FAULT, h.csr(MCAUSE));
        assertEquals(TestHarts.RAM, h.csr(0x343));
    }

    @Test
    void mmptIsMachineOnly() {
        Hart h = hart64();
        h.priv = Priv.S;
        TestHarts.exec(h, csrr(5, 0x382));
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
    }

    @Test
    void readOnlyCsrsRejectWritesButNotReads() {
        Hart h = hart64();
        TestHarts.exec(h, csrw(0xF11, 1)); // mvendorid
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        h.setPc(TestHarts.RAM);
        h.setReg(5, 77);
        TestHarts.exec(h, i(0xF14, 0, 2, 5, 0x73)); // csrrs t0, mhartid, x0: a read, no write
        assertEquals(0, h.reg(5));
        assertEquals(TestHarts.RAM + 4, h.pc());
    }

    @Test
    void unknownCsrAndUnknownOpcodeAreIllegal() {
        for (int insn : new int[] {csrr(5, 0x7C0), 0, 0xFFFF_FFFF, 0x0000_0007 /* FLW: no F */, 0x2000 /* C.FLD */}) {
            Hart h = hart64();
            TestHarts.exec(h, insn);
            assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE), Integer.toHexString(insn));
        }
    }

    @Test
    void mmptWritesAreLegalisedBySpec() {
        Hart h = hart64();
        // Smmpt64 (MODE 3), SDID 5, PPN 0x80007: bits 2:0 of PPN read as zero in Smmpt64 (v0.9 ch. 3)
        h.setReg(5, (3L << 60) | (5L << 52) | 0x80007L);
        TestHarts.exec(h, csrw(0x382, 5));
        TestHarts.exec(h, csrr(6, 0x382));
        assertEquals((3L << 60) | (5L << 52) | 0x80000L, h.reg(6));
        assertEquals(MttMode.SMMPT64, h.mttMode());
    }

    @Test
    void ecallFromUserIsDelegatedToSupervisorWhenMedelegSaysSo() {
        Hart h = hart64();
        h.medeleg = 1L << TrapCause.ECALL_U;
        h.priv = Priv.U;
        h.mstatus |= Hart.SIE;
        long pc = h.pc();
        TestHarts.exec(h, 0x73);
        assertEquals(Priv.S, h.priv());
        assertEquals(TrapCause.ECALL_U, h.scause);
        assertEquals(pc, h.sepc);
        assertEquals(HANDLER_S, h.pc());
        assertEquals(0, h.mstatus & Hart.SPP, "SPP = U");
        assertTrue((h.mstatus & Hart.SPIE) != 0, "SPIE = old SIE");
        assertEquals(0, h.mstatus & Hart.SIE);
        // ecall from S is not delegated (medeleg bit 9 clear)
        TestHarts.exec(h, 0x73);
        assertEquals(Priv.M, h.priv());
        assertEquals(TrapCause.ECALL_S, h.csr(MCAUSE));
    }

    @Test
    void mretAndSretRestoreThePreviousState() {
        Hart h = hart64();
        h.mstatus |= (1L << Hart.MPP_SHIFT) | Hart.MPIE | Hart.MPRV;
        h.mepc = TestHarts.RAM + 0x400;
        TestHarts.exec(h, 0x30200073);
        assertEquals(Priv.S, h.priv());
        assertEquals(TestHarts.RAM + 0x400, h.pc());
        assertTrue((h.mstatus & Hart.MIE) != 0, "MIE = MPIE");
        assertTrue((h.mstatus & Hart.MPIE) != 0, "MPIE = 1");
        assertEquals(0, h.mstatus & Hart.MPP, "MPP = U");
        assertEquals(0, h.mstatus & Hart.MPRV, "MPRV cleared when MRET leaves M");
        h.sepc = TestHarts.RAM + 0x800;
        TestHarts.exec(h, 0x10200073); // SPP = U
        assertEquals(Priv.U, h.priv());
        assertEquals(TestHarts.RAM + 0x800, h.pc());
        TestHarts.exec(h, 0x10200073); // SRET in U
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        TestHarts.exec(h, 0x30200073); // MRET in M returns to U (MPP was U)
        assertEquals(Priv.U, h.priv());
        TestHarts.exec(h, 0x30200073); // MRET in U
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
    }

    @Test
    void tsrAndTvmTrapSupervisorInstructions() {
        Hart h = hart64();
        h.priv = Priv.S;
        h.mstatus |= Hart.TSR | Hart.TVM;
        TestHarts.exec(h, 0x10200073);
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        h.priv = Priv.S;
        TestHarts.exec(h, csrr(5, 0x180)); // satp
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        h.priv = Priv.S;
        TestHarts.exec(h, 0x12000073); // sfence.vma
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
    }

    @Test
    void mttFencesAreMachineOnlyAndReachTheListener() {
        List<String> seen = new ArrayList<>();
        HartListener l = new HartListener() {
            @Override
            public void fence(Fence f, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
                seen.add(f + " " + rs1Zero + " " + Long.toHexString(rs1) + " " + rs2Zero + " " + rs2);
            }
        };
        int mfence = Asm.r(0b1000011, 2, 1, 0, 0, 0x73);
        int minval = Asm.r(0b0000011, 2, 1, 0, 0, 0x73);
        Hart h = hart64();
        h.addListener(l);
        h.setReg(1, 0xB000_0000L);
        h.setReg(2, 3);
        TestHarts.exec(h, mfence);
        TestHarts.exec(h, 0x18000073);
        TestHarts.exec(h, minval);
        TestHarts.exec(h, 0x18100073);
        TestHarts.exec(h, Asm.r(0b1000011, 0, 0, 0, 0, 0x73)); // MFENCE.PA x0, x0
        assertEquals(List.of("MFENCE_PA false b0000000 false 3", "SFENCE_W_INVAL true 0 true 0",
                "MINVAL_PA false b0000000 false 3", "SFENCE_INVAL_IR true 0 true 0", "MFENCE_PA true 0 true 0"), seen);
        assertEquals(5, h.instret());
        // In S-mode: MFENCE.PA and MINVAL.PA are illegal; the Svinval fences are allowed. In U: all illegal.
        h.priv = Priv.S;
        TestHarts.exec(h, mfence);
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        h.priv = Priv.S;
        TestHarts.exec(h, minval);
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        h.priv = Priv.S;
        long pc = h.pc();
        TestHarts.exec(h, 0x18000073);
        assertEquals(pc + 4, h.pc());
        h.priv = Priv.U;
        TestHarts.exec(h, 0x18100073);
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        // rd != 0 is not a fence
        TestHarts.exec(h, Asm.r(0b1000011, 2, 1, 0, 5, 0x73));
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
    }

    @Test
    void fenceEncodingsAreConfigurable() {
        Hart h = TestHarts.hart(HartConfig.defaults(64, TableFormat.SMMPT_V0_9).withFenceFunct7(0b1010101, 0b0101010));
        List<HartListener.Fence> seen = new ArrayList<>();
        h.addListener(new HartListener() {
            @Override
            public void fence(Fence f, boolean a, long b, boolean c, long d) {
                seen.add(f);
            }
        });
        TestHarts.exec(h, Asm.r(0b1010101, 0, 0, 0, 0, 0x73));
        TestHarts.exec(h, Asm.r(0b0101010, 0, 0, 0, 0, 0x73));
        assertEquals(List.of(HartListener.Fence.MFENCE_PA, HartListener.Fence.MINVAL_PA), seen);
        TestHarts.exec(h, Asm.r(0b1000011, 0, 0, 0, 0, 0x73)); // the default encoding is now unknown
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
    }

    @Test
    void timerInterruptFiresWhenMtimeReachesMtimecmp() {
        Hart h = hart64();
        long clint = HartConfig.DEFAULT_CLINT_BASE;
        // mtimecmp = 10 through the CLINT, enable MTIE and MIE, then spin on a branch-to-self.
        h.setReg(1, clint + 0x4000);
        h.setReg(2, 10);
        Asm a = new Asm().sd(2, 1, 0).emit(Asm.i(0x80, 0, 6, 3, 0x13)) // ori x3, x0, 0x80
                .csrw(0x304, 3).emit(Asm.i(0x8, 0, 6, 3, 0x13)).csrw(0x300, 3) // mie.MTIE, mstatus.MIE
                .emit(Asm.b(0, 0, 0, 0)); // beq x0, x0, . (spin)
        TestHarts.place(h, TestHarts.RAM, a);
        long steps = 0;
        while (h.priv() == Priv.M && h.pc() != HANDLER_M && steps < 100) {
            h.step();
            steps++;
        }
        assertEquals(HANDLER_M, h.pc());
        assertEquals((1L << 63) | TrapCause.IRQ_MTI, h.csr(MCAUSE));
        assertEquals(TestHarts.RAM + 20, h.csr(0x341), "mepc = the spinning branch");
        // mtime advanced one tick per step: the interrupt is taken in the step where mtime (ticks so far) ≥ 10
        assertEquals(11, steps);
        assertEquals(11, h.mtime());
        assertFalse((h.mstatus & Hart.MIE) != 0);
    }

    @Test
    void mbeMakesMachineDataAccessesBigEndianOnly() {
        Hart h = hart64();
        long addr = TestHarts.RAM + 0x300;
        h.memory().store(addr, 4, 0x1122_3344L);
        h.mstatus |= Hart.MBE;
        h.setReg(1, addr);
        TestHarts.exec(h, i(0, 1, 6, 3, 0x03)); // lwu: the bytes 44 33 22 11 read most-significant first
        assertEquals(0x4433_2211L, h.reg(3));
        TestHarts.exec(h, Asm.s(4, 3, 1, 2, 0x23)); // sw at +4: stored big-endian
        assertEquals(0x4433_2211L, Integer.reverseBytes((int) h.memory().load(addr + 4, 4)) & 0xFFFF_FFFFL);
        h.priv = Priv.S; // SBE is read-only zero: S-mode stays little-endian
        TestHarts.exec(h, i(0, 1, 6, 3, 0x03));
        assertEquals(0x1122_3344L, h.reg(3));
    }

    @Test
    void rv32MstatushHoldsMbe() {
        Hart h = TestHarts.hart(32);
        h.setReg(5, 1 << 5);
        TestHarts.exec(h, csrw(0x310, 5));
        assertTrue((h.mstatus & Hart.MBE) != 0);
        TestHarts.exec(h, csrr(6, 0x310));
        assertEquals(1 << 5, h.reg(6));
        Hart h64 = TestHarts.hart(64);
        TestHarts.exec(h64, csrr(6, 0x310));
        assertEquals(TrapCause.ILLEGAL_INSN, h64.csr(MCAUSE), "mstatush exists only on RV32");
    }

    @Test
    void delegatedSupervisorTimerInterruptGoesToStvec() {
        Hart h = hart64();
        h.mideleg = Hart.IRQ_STIP;
        h.mie = Hart.IRQ_STIP;
        h.mipSoft = Hart.IRQ_STIP; // M-mode software raised STIP
        h.priv = Priv.U;           // S-level interrupts are always enabled below S
        long pc = h.pc();
        h.step();
        assertEquals(Priv.S, h.priv());
        assertEquals(HANDLER_S, h.pc());
        assertEquals((1L << 63) | TrapCause.IRQ_STI, h.scause);
        assertEquals(pc, h.sepc);
        // In S with SIE=0 (cleared by the trap) it stays pending: the handler's first instruction runs
        TestHarts.exec(h, 0x13);
        assertEquals(HANDLER_S + 4, h.pc());
        assertEquals(Priv.S, h.priv());
        // in M it is never taken, even with SIE=1
        h.priv = Priv.M;
        h.mstatus |= Hart.MIE | Hart.SIE;
        long mpc = h.pc();
        TestHarts.exec(h, 0x13);
        assertEquals(mpc + 4, h.pc());
    }

    @Test
    void counterAccessFromUserFollowsCounteren() {
        Hart h = hart64();
        h.priv = Priv.U;
        TestHarts.exec(h, csrr(5, 0xC00)); // cycle, mcounteren.CY = 0
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(MCAUSE));
        h.mcounteren = 1;
        h.scounteren = 1;
        h.priv = Priv.U;
        long pc = h.pc();
        TestHarts.exec(h, csrr(5, 0xC00));
        assertEquals(pc + 4, h.pc());
    }
}
