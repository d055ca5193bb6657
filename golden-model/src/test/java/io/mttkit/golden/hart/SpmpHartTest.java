package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpCfg;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import io.mttkit.golden.spmp.SpmpParams;
import io.mttkit.golden.spmp.SpmpVerdict;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.mttkit.golden.hart.Asm.i;
import static io.mttkit.golden.hart.Asm.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden hart with Sspmp: the Sscsrind/Smcsrind CSRs, Sspmpen and Smpmpdeleg CSRs, SPMP checks on
 * fetch, load, store and AMO in S and U mode (and M with MPRV), their page-fault causes and their
 * priority over PMP, PMA and MPT access faults.
 */
class SpmpHartTest {
    static final long RAM = TestHarts.RAM;
    static final long HANDLER_M = RAM + 0x1000;
    static final long HANDLER_S = RAM + 0x2000;
    static final long CODE = RAM + 0x4000; // [0x4000, 0x5000): code
    static final long DATA = RAM + 0x8000; // [0x8000, 0x9000): data probed by the tests
    static final int MCAUSE = 0x342;
    static final int MTVAL = 0x343;

    static Hart hart(SpmpParams p) {
        Hart h = TestHarts.hart(HartConfig.defaults(64, TableFormat.SMMPT_V0_9).withSpmp(p));
        h.mtvec = HANDLER_M;
        h.stvec = HANDLER_S;
        TestHarts.openPmp(h);
        h.setPc(CODE);
        return h;
    }

    static Hart hart() {
        return hart(SpmpParams.of(8, 64, 0, false));
    }

    static long napot(long base, long size) {
        return (base >>> 2) | ((size >>> 3) - 1);
    }

    static int cfg(String rwx, AddressMode a, String flags) {
        int b = 0;
        for (char c : rwx.toCharArray()) {
            b |= c == 'r' ? SpmpCfg.R : c == 'w' ? SpmpCfg.W : SpmpCfg.X;
        }
        return SpmpCfg.of(b, a, flags.contains("L"), flags.contains("U"), flags.contains("S"));
    }

    /** Entry i through the M-mode window (setup only; the CSR path is tested on its own). */
    static void entry(Hart h, int i, long addr, int cfg) {
        h.spmp().writeIndirect(Spmp.SELECT_BASE + i, 1, addr, true);
        h.spmp().writeIndirect(Spmp.SELECT_BASE + i, 2, cfg, true);
    }

    /** Code executable by S (entry 6) and U (entry 7), the lowest priority entries. */
    static void codeFor(Hart h, String who) {
        entry(h, 6, napot(CODE, 0x1000), cfg("rx", AddressMode.NAPOT, who.equals("U") ? "U" : ""));
    }

    static int csrr(int rd, int csr) {
        return i(csr, 0, 2, rd, 0x73);
    }

    static int csrw(int csr, int rs1) {
        return i(csr, rs1, 1, 0, 0x73);
    }

    static int ld(int rd, int rs1) {
        return i(0, rs1, 3, rd, 0x03);
    }

    static int sd(int rs2, int rs1) {
        return s(0, rs2, rs1, 3, 0x23);
    }

    static int amoadd(int rd, int rs1, int rs2) {
        return (rs2 << 20) | (rs1 << 15) | (3 << 12) | (rd << 7) | 0x2F;
    }

    /** Runs one instruction at the code base in {@code priv}; returns the trap cause or -1. */
    static long run(Hart h, int priv, int insn) {
        h.setPc(CODE);
        h.priv = priv;
        h.mcause = -1;
        h.scause = -1;
        TestHarts.exec(h, insn);
        if (h.pc() == HANDLER_M) {
            return h.mcause;
        }
        if (h.pc() == HANDLER_S) {
            return h.scause;
        }
        return -1;
    }

    // ---- CSRs ----------------------------------------------------------------------------------------

    @Test
    void supervisorProgramsAnEntryThroughSiselectSiregSireg2() {
        Hart h = hart();
        codeFor(h, "S");
        h.setReg(5, Spmp.SELECT_BASE + 2);
        h.setReg(6, napot(DATA, 0x1000));
        h.setReg(7, cfg("rw", AddressMode.NAPOT, ""));
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SISELECT, 5)));
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SIREG, 6)));
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SIREG2, 7)));
        assertEquals(napot(DATA, 0x1000), h.spmp().readAddr(2));
        assertEquals(cfg("rw", AddressMode.NAPOT, ""), h.spmp().readCfg(2));
        assertEquals(-1, run(h, Priv.S, csrr(8, Spmp.CSR_SIREG2)));
        assertEquals(cfg("rw", AddressMode.NAPOT, ""), h.reg(8));
        assertEquals(-1, run(h, Priv.S, csrr(8, Spmp.CSR_SIREG4)));
        assertEquals(0, h.reg(8), "sireg4 is reserved: reads zero");
        h.setReg(5, Spmp.SELECT_BASE + 40); // out of bounds for 8 entries
        run(h, Priv.S, csrw(Spmp.CSR_SISELECT, 5));
        assertEquals(-1, run(h, Priv.S, csrr(8, Spmp.CSR_SIREG)));
        assertEquals(0, h.reg(8));
    }

    @Test
    void sregOutsideTheSpmpWindow_userAccess_andMiregFromS_areIllegal() {
        Hart h = hart();
        codeFor(h, "S");
        h.setReg(5, 0x30); // an siselect value no extension here implements
        run(h, Priv.S, csrw(Spmp.CSR_SISELECT, 5));
        assertEquals(TrapCause.ILLEGAL_INSN, run(h, Priv.S, csrr(8, Spmp.CSR_SIREG)));
        codeFor(h, "U");
        assertEquals(TrapCause.ILLEGAL_INSN, run(h, Priv.U, csrr(8, Spmp.CSR_SISELECT)));
        codeFor(h, "S");
        assertEquals(TrapCause.ILLEGAL_INSN, run(h, Priv.S, csrr(8, Spmp.CSR_MISELECT)));
        assertEquals(TrapCause.ILLEGAL_INSN, run(h, Priv.S, csrr(8, Spmp.CSR_SPMPEN)), "no Sspmpen");
    }

    @Test
    void machineClearsALockThroughMiregOnly() {
        Hart h = hart();
        codeFor(h, "S");
        entry(h, 1, napot(DATA, 0x1000), cfg("r", AddressMode.NAPOT, "L"));
        h.setReg(5, Spmp.SELECT_BASE + 1);
        h.setReg(6, 0);
        run(h, Priv.S, csrw(Spmp.CSR_SISELECT, 5));
        run(h, Priv.S, csrw(Spmp.CSR_SIREG2, 6));
        assertTrue(SpmpCfg.locked((int) h.spmp().readCfg(1)));
        run(h, Priv.M, csrw(Spmp.CSR_SISELECT, 5));
        run(h, Priv.M, csrw(Spmp.CSR_SIREG2, 6));
        assertTrue(SpmpCfg.locked((int) h.spmp().readCfg(1)), "siselect writes are ignored even from M");
        run(h, Priv.M, csrw(Spmp.CSR_MISELECT, 5));
        assertEquals(-1, run(h, Priv.M, csrw(Spmp.CSR_MIREG2, 6)));
        assertEquals(0, h.spmp().readCfg(1));
    }

    @Test
    void spmpenCsr_andSpmpenhOnRv32() {
        Hart h = hart(SpmpParams.of(8, 64, 0, true));
        h.spmp().writeSpmpen(1L << 6, -1L);
        codeFor(h, "S");
        h.setReg(5, -1L);
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SPMPEN, 5)));
        assertEquals(0xFF, h.spmp().readSpmpen());
        assertEquals(TrapCause.ILLEGAL_INSN, run(h, Priv.S, csrr(8, Spmp.CSR_SPMPENH)), "spmpenh is RV32-only");
        Hart h32 = TestHarts.hart(HartConfig.defaults(32, TableFormat.SMMPT_V0_9)
                .withSpmp(SpmpParams.of(40, 32, 0, true)));
        h32.setReg(5, 0xFF);
        h32.priv = Priv.M;
        TestHarts.exec(h32, csrw(Spmp.CSR_SPMPENH, 5));
        assertEquals(0xFFL << 32, h32.spmp().readSpmpen());
    }

    @Test
    void configRejectsAnSpmpOfAnotherXlen() {
        assertThrows(IllegalArgumentException.class,
                () -> HartConfig.defaults(64, TableFormat.SMMPT_V0_9).withSpmp(SpmpParams.of(4, 32, 0, false)));
    }

    // ---- checks on fetch, load, store, AMO -------------------------------------------------------------

    @Test
    void fetchWithoutAnExecutableEntry_isAnInstructionPageFault() {
        Hart h = hart();
        entry(h, 6, napot(CODE, 0x1000), cfg("r", AddressMode.NAPOT, ""));
        assertEquals(TrapCause.INSN_PAGE_FAULT, run(h, Priv.S, 0x13));
        assertEquals(CODE, h.csr(MTVAL));
        codeFor(h, "S");
        assertEquals(-1, run(h, Priv.S, 0x13));
        assertEquals(TrapCause.INSN_PAGE_FAULT, run(h, Priv.U, 0x13), "an S-mode-only rule denies U");
    }

    @Test
    void userLoadStoreAmo_againstAUModeReadOnlyRule() {
        Hart h = hart();
        codeFor(h, "U");
        entry(h, 0, napot(DATA, 0x1000), cfg("r", AddressMode.NAPOT, "U"));
        h.memory().store(DATA, 8, 0x1234);
        h.setReg(5, DATA);
        assertEquals(-1, run(h, Priv.U, ld(6, 5)));
        assertEquals(0x1234, h.reg(6));
        assertEquals(TrapCause.STORE_PAGE_FAULT, run(h, Priv.U, sd(6, 5)));
        assertEquals(DATA, h.csr(MTVAL));
        assertEquals(TrapCause.STORE_PAGE_FAULT, run(h, Priv.U, amoadd(6, 5, 6)));
        h.setReg(5, DATA + 0x1000);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.U, ld(6, 5)), "no entry matches");
        assertEquals(0x1234, h.memory().load(DATA, 8), "the faulting store and AMO wrote nothing");
    }

    @Test
    void supervisorAndTheUserRule_sumDecidesData_neverExecution() {
        Hart h = hart();
        codeFor(h, "S");
        entry(h, 0, napot(DATA, 0x1000), cfg("rwx", AddressMode.NAPOT, "U"));
        h.setReg(5, DATA);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.S, ld(6, 5)));
        h.mstatus |= Hart.SUM;
        assertEquals(-1, run(h, Priv.S, ld(6, 5)));
        assertEquals(-1, run(h, Priv.S, amoadd(6, 5, 6)));
        // EnforceNoX: S-mode may not execute from the user's region even with SUM=1.
        h.setPc(DATA);
        h.priv = Priv.S;
        TestHarts.exec(h, 0x13);
        assertEquals(HANDLER_M, h.pc());
        assertEquals(TrapCause.INSN_PAGE_FAULT, h.csr(MCAUSE));
    }

    @Test
    void mxrMakesExecuteOnlyReadable() {
        Hart h = hart();
        codeFor(h, "S");
        entry(h, 0, napot(DATA, 0x1000), cfg("x", AddressMode.NAPOT, ""));
        h.setReg(5, DATA);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.S, ld(6, 5)));
        h.mstatus |= Hart.MXR;
        assertEquals(-1, run(h, Priv.S, ld(6, 5)));
    }

    @Test
    void sharedRegion_userGetsReadOnlyOfAnRwRule() {
        Hart h = hart();
        codeFor(h, "U");
        entry(h, 0, napot(DATA, 0x1000), cfg("rw", AddressMode.NAPOT, "US"));
        h.setReg(5, DATA);
        assertEquals(-1, run(h, Priv.U, ld(6, 5)));
        assertEquals(TrapCause.STORE_PAGE_FAULT, run(h, Priv.U, sd(6, 5)));
        entry(h, 7, napot(CODE, 0x1000), cfg("rx", AddressMode.NAPOT, ""));
        entry(h, 6, 0, 0);
        assertEquals(-1, run(h, Priv.S, sd(6, 5)), "S-mode gets RW whatever SUM");
    }

    @Test
    void machineModeIsNotChecked_butMprvBelowMIs() {
        Hart h = hart();
        h.setReg(5, DATA);
        assertEquals(-1, run(h, Priv.M, ld(6, 5)), "no SPMP entry matches, M-mode is not checked");
        h.mstatus |= Hart.MPRV | (1L << Hart.MPP_SHIFT); // loads and stores at effective S
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.M, ld(6, 5)));
    }

    @Test
    void pageFaultsDelegateToS_withMedeleg() {
        Hart h = hart();
        codeFor(h, "U");
        h.medeleg = 1L << TrapCause.LOAD_PAGE_FAULT;
        h.setReg(5, DATA);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.U, ld(6, 5)));
        assertEquals(HANDLER_S, h.pc());
        assertEquals(DATA, h.stval);
    }

    @Test
    void satpNotBare_switchesSpmpOff() {
        Hart h = hart();
        List<SpmpVerdict> seen = new ArrayList<>();
        h.addListener(new HartListener() {
            @Override
            public void spmpChecked(SpmpAccess a) {
                seen.add(a.verdict());
            }
        });
        h.satp = 8L << 60; // Sv39 with a root at page 0: the walk reads outside RAM and faults
        h.setReg(5, DATA);
        run(h, Priv.S, 0x13);
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().allMatch(v -> v.outcome() == SpmpVerdict.Outcome.NOT_APPLICABLE), seen.toString());
        assertEquals(TrapCause.INSN_ACCESS_FAULT, h.csr(MCAUSE), "the walk's bus error, not an SPMP fault");
    }

    // ---- priority against PMP, PMA and MPT -------------------------------------------------------------

    @Test
    void spmpFaultWinsOverPmpFault() {
        Hart h = hart();
        codeFor(h, "S");
        // PMP entry 0 denies S-mode the data page; the open entry 1 covers the rest.
        h.pmp().writePmpaddr(1, -1L);
        h.pmp().writePmpcfg(1, 0x1F);
        h.pmp().writePmpaddr(0, napot(DATA, 0x1000));
        h.pmp().writePmpcfg(0, 0x18);
        h.setReg(5, DATA);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.S, ld(6, 5)), "both deny: the SPMP fault");
        entry(h, 0, napot(DATA, 0x1000), cfg("r", AddressMode.NAPOT, ""));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, run(h, Priv.S, ld(6, 5)), "SPMP allows: the PMP fault");
    }

    @Test
    void spmpFaultWinsOverPmaFault() {
        Hart h = hart();
        codeFor(h, "S");
        long hole = 0x4000_0000L; // no memory there
        h.setReg(5, hole);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.S, ld(6, 5)));
        entry(h, 0, napot(hole, 0x1000), cfg("r", AddressMode.NAPOT, ""));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, run(h, Priv.S, ld(6, 5)));
    }

    @Test
    void spmpFaultWinsOverMptFault() {
        Hart h = hart();
        codeFor(h, "S");
        // The MPT grants only the code page; the data page is MPT-denied.
        TestHarts.mtt(h, MttMode.SMMPT43, List.of(new Region(CODE, 0x1000, io.mttkit.golden.Access.R
                | io.mttkit.golden.Access.X)));
        h.setReg(5, DATA);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.S, ld(6, 5)), "SPMP and MPT deny: the SPMP fault");
        entry(h, 0, napot(DATA, 0x1000), cfg("r", AddressMode.NAPOT, ""));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, run(h, Priv.S, ld(6, 5)), "SPMP allows: the MPT fault");
    }

    // ---- Smpmpdeleg on the hart -----------------------------------------------------------------------

    @Test
    void mpmpdeleg_movesPmpEntriesIntoSpmp() {
        Hart h = TestHarts.hart(HartConfig.defaults(64, TableFormat.SMMPT_V0_9)
                .withSpmp(new SpmpParams(0, 64, 0, false, true, true)));
        h.mtvec = HANDLER_M;
        TestHarts.openPmp(h); // PMP entry 0 open
        h.setPc(CODE);
        assertEquals(16, h.csr(Spmp.CSR_MPMPDELEG), "reset: nothing delegated");
        h.setReg(5, 12);
        assertEquals(-1, run(h, Priv.M, csrw(Spmp.CSR_MPMPDELEG, 5)));
        assertEquals(12, h.csr(Spmp.CSR_MPMPDELEG));
        assertEquals(4, h.spmp().entryCount());
        // SPMP[0] is PMP[12]: written through siselect, it is invisible to pmpaddr12.
        h.setReg(5, Spmp.SELECT_BASE);
        h.setReg(6, napot(CODE, 0x1000));
        h.setReg(7, cfg("rx", AddressMode.NAPOT, ""));
        run(h, Priv.M, csrw(Spmp.CSR_SISELECT, 5));
        run(h, Priv.M, csrw(Spmp.CSR_SIREG, 6));
        run(h, Priv.M, csrw(Spmp.CSR_SIREG2, 7));
        assertEquals(napot(CODE, 0x1000), h.pmp().rawAddr(12));
        assertEquals(0, h.csr(0x3B0 + 12), "pmpaddr12 reads zero while delegated");
        assertEquals(-1, run(h, Priv.S, 0x13), "S-mode runs from the SPMP's code entry");
        h.setReg(5, DATA);
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.S, ld(6, 5)));
        h.setReg(7, 16);
        run(h, Priv.M, csrw(Spmp.CSR_MPMPDELEG, 7));
        assertEquals(-1, run(h, Priv.S, ld(6, 5)), "nothing delegated: Sspmp is effectively off");
    }

    @Test
    void aFourByteFetchStraddlingTheEndOfTheCodeRule_isAPartialMatch() {
        Hart h = hart(); // the default config has C: a 32-bit instruction at any 2-byte boundary
        entry(h, 0, CODE >>> 2, 0);
        // TOR [CODE, CODE+0x10) executable by S; the instruction at CODE+0xE has its upper half outside.
        entry(h, 1, (CODE + 0x10) >>> 2, cfg("rx", AddressMode.TOR, ""));
        entry(h, 2, napot(CODE, 0x1000), cfg("rx", AddressMode.NAPOT, ""));
        h.memory().store(CODE + 0xE, 4, 0x13); // nop (a 32-bit encoding)
        h.setPc(CODE + 0xE);
        h.priv = Priv.S;
        h.step();
        assertEquals(HANDLER_M, h.pc());
        assertEquals(TrapCause.INSN_PAGE_FAULT, h.csr(MCAUSE), "entry 1 matches the low half only");
        assertEquals(CODE + 0xE, h.csr(MTVAL));
        entry(h, 1, (CODE + 0x14) >>> 2, cfg("rx", AddressMode.TOR, ""));
        h.setPc(CODE + 0xE);
        h.priv = Priv.S;
        h.step();
        assertEquals(CODE + 0x12, h.pc(), "covered by entry 1: executes");
    }

    @Test
    void listenerSeesTheDecidingEntry() {
        Hart h = hart();
        codeFor(h, "S");
        entry(h, 3, napot(DATA, 0x1000), cfg("r", AddressMode.NAPOT, ""));
        List<SpmpVerdict> seen = new ArrayList<>();
        h.addListener(new HartListener() {
            @Override
            public void spmpChecked(SpmpAccess a) {
                if (a.kind() == AccessKind.STORE) {
                    seen.add(a.verdict());
                }
            }
        });
        h.setReg(5, DATA);
        assertEquals(TrapCause.STORE_PAGE_FAULT, run(h, Priv.S, sd(6, 5)));
        assertEquals(List.of(new SpmpVerdict(SpmpVerdict.Outcome.PERMISSION, 3)), seen);
    }

    @Test
    void rv32_mpmpdelegPmpnumIsAMultipleOfFour() {
        Hart h = TestHarts.hart(HartConfig.defaults(32, TableFormat.SMMPT_V0_9)
                .withSpmp(new SpmpParams(0, 32, 0, true, true, true)));
        h.setReg(5, 13);
        h.priv = Priv.M;
        TestHarts.exec(h, csrw(Spmp.CSR_MPMPDELEG, 5));
        assertEquals(12, h.csr(Spmp.CSR_MPMPDELEG));
        assertEquals(4, h.spmp().entryCount());
        assertEquals(0, h.csr(0x3A0 + 3), "pmpcfg3 (entries 12..15) reads zero while delegated");
    }

    // ---- what the listener reports (an SPMP outside the hart, in lockstep, checks the same access) ------

    @Test
    void listenerReportsEffectivePrivilegeSumMxrAndSatp() {
        Hart h = hart();
        List<SpmpAccess> seen = new ArrayList<>();
        h.addListener(new HartListener() {
            @Override
            public void spmpChecked(SpmpAccess a) {
                if (a.kind() == AccessKind.LOAD) {
                    seen.add(a);
                }
            }
        });
        h.setReg(5, DATA + 8);
        h.mstatus |= Hart.MPRV | (1L << Hart.MPP_SHIFT) | Hart.MXR; // an M-mode load at effective S, MXR on
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.M, ld(6, 5)));
        codeFor(h, "U");
        h.mstatus = (h.mstatus & ~(Hart.MPRV | Hart.MXR)) | Hart.SUM;
        assertEquals(TrapCause.LOAD_PAGE_FAULT, run(h, Priv.U, i(0, 5, 2, 6, 0x03))); // lw at U, SUM on
        assertEquals(2, seen.size(), seen.toString());
        assertEquals(new SpmpAccess(AccessKind.LOAD, DATA + 8, 8, io.mttkit.golden.pmp.PrivMode.S, false, true, true,
                new SpmpVerdict(SpmpVerdict.Outcome.NO_MATCH, -1)), seen.get(0));
        assertEquals(new SpmpAccess(AccessKind.LOAD, DATA + 8, 4, io.mttkit.golden.pmp.PrivMode.U, true, false, true,
                new SpmpVerdict(SpmpVerdict.Outcome.NO_MATCH, -1)), seen.get(1));
    }

    @Test
    void listenerReportsSpmpRegisterWritesBeforeLegalisation() {
        Hart h = hart(SpmpParams.of(8, 64, 0, true));
        codeFor(h, "S");
        h.spmp().writeSpmpen(1L << 6, -1L); // the code entry takes part
        List<SpmpCsrWrite> seen = new ArrayList<>();
        h.addListener(new HartListener() {
            @Override
            public void spmpCsrWritten(SpmpCsrWrite w) {
                seen.add(w);
            }
        });
        h.setReg(5, Spmp.SELECT_BASE + 7); // below the code entry 6 in priority
        h.setReg(6, 0b010 | 1 << 3 | 1L << 12); // RWX=010 (reserved, legalised to 000), TOR, a WPRI bit
        h.setReg(7, -1L);
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SISELECT, 5)));
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SIREG2, 6)));
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SIREG, 7)));
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SIREG4, 7)), "reserved: accessible, changes nothing");
        h.setReg(5, Spmp.SELECT_BASE + 5);
        assertEquals(-1, run(h, Priv.M, csrw(Spmp.CSR_MISELECT, 5)));
        assertEquals(-1, run(h, Priv.M, csrw(Spmp.CSR_MIREG, 7)));
        assertEquals(-1, run(h, Priv.S, csrw(Spmp.CSR_SPMPEN, 7)));
        assertEquals(List.of(
                new SpmpCsrWrite(SpmpCsrWrite.Register.SPMPCFG, Spmp.CSR_SIREG2, Spmp.SELECT_BASE + 7, false,
                        0b010 | 1 << 3 | 1L << 12, 1 << 3),
                new SpmpCsrWrite(SpmpCsrWrite.Register.SPMPADDR, Spmp.CSR_SIREG, Spmp.SELECT_BASE + 7, false, -1L,
                        (1L << 54) - 1),
                new SpmpCsrWrite(SpmpCsrWrite.Register.SPMPADDR, Spmp.CSR_MIREG, Spmp.SELECT_BASE + 5, true, -1L,
                        (1L << 54) - 1),
                new SpmpCsrWrite(SpmpCsrWrite.Register.SPMPEN, Spmp.CSR_SPMPEN, 0, false, -1L, 0xFF)), seen);
    }
}
