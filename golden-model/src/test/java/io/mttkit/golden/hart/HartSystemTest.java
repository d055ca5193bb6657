package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several harts in one golden system: per-hart CSRs and CLINT registers, reservations, WFI, the check tap. */
class HartSystemTest {
    static final long RAM = TestHarts.RAM;
    static final long CLINT = 0x0200_0000L;
    static final long DATA = RAM + 0x4000;

    static HartSystem system(int n) {
        PageMemory mem = new PageMemory();
        mem.map(RAM, 1L << 20, "ram");
        HartSystem s = new HartSystem(HartConfig.defaults(64, TableFormat.SMMPT_V0_9), mem, n);
        for (int i = 0; i < n; i++) {
            s.hart(i).setPc(RAM + 0x1000L * i); // each hart its own code page
        }
        return s;
    }

    static int amo(int f5, int f3, int rd, int rs1, int rs2) {
        return AtomicsTest.amo(f5, f3, rd, rs1, rs2);
    }

    @Test
    void eachHartReadsItsOwnMhartidAndHasItsOwnCsrs() {
        HartSystem s = system(4);
        for (int i = 0; i < 4; i++) {
            Hart h = s.hart(i);
            TestHarts.exec(h, Asm.i(0xF14, 0, 2, 5, 0x73)); // csrr t0, mhartid
            assertEquals(i, h.reg(5), "mhartid of hart " + i);
            assertEquals(i, h.hartId());
        }
        s.hart(2).mttRoot().write(HartMatrix.rootCsrValue(MttMode.SMMPT43, 3, 0x80080));
        assertEquals(MttMode.SMMPT43, s.hart(2).mttMode());
        assertEquals(3, s.hart(2).mttRoot().sdid());
        assertEquals(MttMode.BARE, s.hart(1).mttMode(), "mmpt is per hart");
        assertThrows(IllegalArgumentException.class, () -> system(0));
        assertThrows(IllegalArgumentException.class, () -> system(9));
    }

    @Test
    void msipAndMtimecmpAreAtTheStandardPerHartOffsets() {
        HartSystem s = system(4);
        Hart h0 = s.hart(0);
        h0.setReg(1, CLINT + 4 * 2);
        h0.setReg(2, 1);
        TestHarts.exec(h0, Asm.s(0, 2, 1, 2, 0x23)); // sw x2, 0(x1): msip[2] = 1
        assertTrue(s.msip(2));
        assertFalse(s.msip(0) || s.msip(1) || s.msip(3));
        assertEquals(Hart.IRQ_MSIP, s.hart(2).mip() & Hart.IRQ_MSIP);
        assertEquals(0, s.hart(1).mip() & Hart.IRQ_MSIP);
        // hart 3 reads msip[2] through the CLINT and then clears it
        Hart h3 = s.hart(3);
        h3.setReg(1, CLINT + 8);
        TestHarts.exec(h3, Asm.i(0, 1, 2, 5, 0x03)); // lw x5, 0(x1)
        assertEquals(1, h3.reg(5));
        TestHarts.exec(h3, Asm.s(0, 0, 1, 2, 0x23)); // sw x0, 0(x1)
        assertFalse(s.msip(2));
        // mtimecmp of hart 1 at +0x4008: a timer interrupt for hart 1 only
        h0.setReg(1, CLINT + 0x4000 + 8);
        TestHarts.exec(h0, Asm.s(0, 0, 1, 3, 0x23)); // sd x0, 0(x1): mtimecmp[1] = 0
        assertEquals(Hart.IRQ_MTIP, s.hart(1).mip() & Hart.IRQ_MTIP);
        assertEquals(0, s.hart(0).mip() & Hart.IRQ_MTIP);
        assertEquals(0, s.hart(2).mip() & Hart.IRQ_MTIP);
        // one mtime, advanced by the steps of every hart
        long before = s.mtime();
        TestHarts.exec(s.hart(1), Asm.i(0, 0, 0, 0, 0x13));
        TestHarts.exec(s.hart(2), Asm.i(0, 0, 0, 0, 0x13));
        assertEquals(before + 2, s.mtime());
        assertEquals(s.mtime(), s.hart(3).csr(0xC01), "time CSR reads the shared mtime");
    }

    @Test
    void anotherHartsStoreToTheReservationSetBreaksIt() {
        HartSystem s = system(2);
        Hart a = s.hart(0);
        Hart b = s.hart(1);
        a.setReg(1, DATA);
        a.setReg(2, 7);
        b.setReg(1, DATA + 8); // same 64-byte block, another word
        b.setReg(2, 9);
        TestHarts.exec(a, amo(0b00010, 3, 3, 1, 0)); // lr.d x3, (x1)
        TestHarts.exec(b, Asm.s(0, 2, 1, 3, 0x23));  // sd x2, 0(x1) by hart 1
        TestHarts.exec(a, amo(0b00011, 3, 4, 1, 2)); // sc.d x4, x2, (x1)
        assertEquals(1, a.reg(4), "SC fails: hart 1 stored into the reservation set");
        assertEquals(0, s.memory().load(DATA, 8));

        TestHarts.exec(a, amo(0b00010, 3, 3, 1, 0));
        b.setReg(1, DATA + 64); // the next block
        TestHarts.exec(b, Asm.s(0, 2, 1, 3, 0x23));
        TestHarts.exec(b, amo(0b00000, 3, 5, 1, 2)); // amoadd.d on the next block
        TestHarts.exec(a, amo(0b00011, 3, 4, 1, 2));
        assertEquals(0, a.reg(4), "SC succeeds: hart 1 wrote another block");
        assertEquals(7, s.memory().load(DATA, 8));

        TestHarts.exec(a, amo(0b00010, 3, 3, 1, 0));
        b.setReg(1, DATA);
        TestHarts.exec(b, amo(0b00000, 3, 5, 1, 2)); // amoadd.d by hart 1 on the reserved word
        TestHarts.exec(a, amo(0b00011, 3, 4, 1, 2));
        assertEquals(1, a.reg(4), "an AMO of another hart breaks the reservation");
        assertEquals(16, s.memory().load(DATA, 8));
    }

    @Test
    void wfiStallsUntilAnEnabledInterruptIsPending() {
        HartSystem s = system(2);
        Hart b = s.hart(1);
        b.setReg(1, Hart.IRQ_MSIP);
        TestHarts.exec(b, Asm.i(0x304, 1, 1, 0, 0x73)); // csrw mie, x1 (MIE in mstatus stays 0)
        TestHarts.exec(b, 0x10500073); // wfi
        assertFalse(s.runnable(1), "in WFI with nothing pending");
        assertTrue(s.runnable(0));
        assertEquals(-1, s.nextWake(), "no timer can wake it");
        Hart a = s.hart(0);
        a.setReg(1, CLINT + 4);
        a.setReg(2, 1);
        TestHarts.exec(a, Asm.s(0, 2, 1, 2, 0x23)); // msip[1] = 1
        assertTrue(s.runnable(1), "the IPI ends the WFI");
        long pc = b.pc();
        TestHarts.exec(b, Asm.i(0, 0, 0, 0, 0x13));
        assertEquals(pc + 4, b.pc(), "MIE = 0: the hart resumes after WFI without taking the interrupt");
        // a timer can wake a waiting hart: the system's next wake-up is its mtimecmp (when MTIE is enabled)
        TestHarts.exec(b, Asm.i(0x304, 0, 1, 0, 0x73)); // csrw mie, x0
        TestHarts.exec(b, 0x10500073); // wfi
        assertFalse(s.runnable(1));
        assertEquals(-1, s.nextWake(), "MTIE off");
        b.setReg(1, Hart.IRQ_MTIP);
        b.inWfi = false;
        TestHarts.exec(b, Asm.i(0x304, 1, 1, 0, 0x73)); // csrw mie, x1 (MTIE)
        a.setReg(1, CLINT + 0x4000 + 8);
        a.setReg(2, s.mtime() + 1000);
        long cmp = s.mtime() + 1000;
        TestHarts.exec(a, Asm.s(0, 2, 1, 3, 0x23)); // mtimecmp[1] = now + 1000
        TestHarts.exec(b, 0x10500073); // wfi
        assertFalse(s.runnable(1));
        assertEquals(cmp, s.nextWake());
        s.setMtime(cmp);
        assertTrue(s.runnable(1), "mtime reached mtimecmp[1]");
        // a lone hart still treats WFI as a hint
        Hart lone = TestHarts.hart(64);
        TestHarts.exec(lone, 0x10500073);
        assertFalse(lone.inWfi);
    }

    @Test
    void theCheckTapSeesEveryCheckWithTheHartsOwnCsrs() {
        HartSystem s = system(2);
        List<String> seen = new ArrayList<>();
        s.addCheckListener((hart, pc, mode, root, sdid, pa, size, kind, r) ->
                seen.add(hart + " " + mode.id() + " sdid=" + sdid + " " + kind + " " + Long.toHexString(pa) + " "
                        + (r.allow() ? "allow" : "deny")));
        for (int i = 0; i < 2; i++) {
            Hart h = s.hart(i);
            TestHarts.openPmp(h);
            // hart i: domain i+1; hart 0 may read DATA, hart 1 may not
            List<Region> regions = i == 0
                    ? List.of(new Region(RAM, 0x1000L * 2, 7), new Region(DATA, 0x1000, 3))
                    : List.of(new Region(RAM, 0x1000L * 2, 7));
            var t = io.mttkit.golden.tables.TableBuilder.build(regions, MttMode.SMMPT43, RAM + 0x80000 + 0x10000L * i);
            s.memory().writeBytes(t.base(), t.image(), 0, t.image().length);
            h.mttRoot().write(HartMatrix.rootCsrValue(MttMode.SMMPT43, i + 1, t.rootPpn()));
            h.setReg(1, DATA);
            // enter S-mode at the pc via mret, then load from DATA
            h.setReg(2, h.pc() + 12);
            h.setReg(3, 1L << 11); // MPP = S
            TestHarts.run(h, new Asm().csrw(0x341, 2).csrw(0x300, 3).mret());
            TestHarts.exec(h, Asm.i(0, 1, 3, 5, 0x03)); // ld x5, 0(x1)
        }
        assertTrue(seen.contains("0 smmpt43 sdid=1 LOAD " + Long.toHexString(DATA) + " allow"), seen.toString());
        assertTrue(seen.contains("1 smmpt43 sdid=2 LOAD " + Long.toHexString(DATA) + " deny"), seen.toString());
        assertEquals(5, s.hart(1).mcause, "hart 1 took a load access fault");
        // a replaced check (as lockstep installs) stays tapped
        seen.clear();
        MttAccessCheck golden = s.mttCheck(1);
        int[] calls = {0};
        s.setMttCheck(1, (mode, root, sdid, pa, size, kind, be, out) -> {
            calls[0]++;
            return golden.check(mode, root, sdid, pa, size, kind, be, out);
        });
        Hart h1 = s.hart(1);
        long loadPc = h1.mepc;
        h1.setReg(2, loadPc);
        h1.setPc(RAM + 0x1800);
        TestHarts.run(h1, new Asm().csrw(0x341, 2).csrw(0x300, 3).mret());
        TestHarts.exec(h1, Asm.i(0, 1, 3, 5, 0x03)); // the same load, again in S
        assertEquals(2, calls[0], "the new check answered the fetch and the load");
        assertEquals(2, seen.size(), seen.toString());
        assertEquals("1 smmpt43 sdid=2 LOAD " + Long.toHexString(DATA) + " deny", seen.get(seen.size() - 1));
    }

    /** A minimal RV64 ELF: one PT_LOAD of {@code words} at RAM, entry RAM, no symbols (so no HTIF). */
    static io.mttkit.golden.elf.ElfFile elf(int... words) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64 + 56 + 4 * words.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 2).putShort(18, (short) io.mttkit.golden.elf.ElfFile.EM_RISCV).putInt(20, 1);
        b.putLong(24, RAM).putLong(32, 64).putShort(54, (short) 56).putShort(56, (short) 1).putShort(58, (short) 64);
        b.putInt(64, 1).putLong(64 + 8, 120).putLong(64 + 16, RAM).putLong(64 + 24, RAM)
                .putLong(64 + 32, 4L * words.length).putLong(64 + 40, 4L * words.length);
        for (int k = 0; k < words.length; k++) {
            b.putInt(120 + 4 * k, words[k]);
        }
        return io.mttkit.golden.elf.ElfFile.parse("t.elf", b.array());
    }

    @Test
    void theRunnerBootsEveryHartAndStopsWhenAllWaitForNothing() {
        HartSystem[] sys = new HartSystem[1];
        SystemRunner.Result r = SystemRunner.run(elf(0x10500073, Asm.j(-4, 0)),
                HartConfig.defaults(64, TableFormat.SMMPT_V0_9), RunOptions.defaults(),
                SystemRunner.Options.of(3, 1).withSetup((s, e) -> sys[0] = s));
        assertEquals(SystemRunner.Stop.ALL_WAITING, r.reason(), r.message());
        assertEquals(3, r.steps(), "each hart executed its WFI once");
        for (int i = 0; i < 3; i++) {
            assertEquals(i, sys[0].hart(i).reg(10), "a0 = mhartid");
            assertEquals(3, sys[0].hart(i).reg(11), "a1 = number of harts");
            assertEquals(1, r.instret()[i]);
        }
        assertEquals(-1, r.exitHart());
    }

    @Test
    void theRunnerInterleavesDeterministically() {
        io.mttkit.golden.elf.ElfFile spin = elf(Asm.i(1, 5, 0, 5, 0x13), Asm.j(-4, 0)); // addi t0, t0, 1; j .-4
        HartConfig cfg = HartConfig.defaults(64, TableFormat.SMMPT_V0_9);
        RunOptions opts = RunOptions.defaults().withMaxInstructions(1000);
        SystemRunner.Result rr = SystemRunner.run(spin, cfg, opts, SystemRunner.Options.of(3, 1).withMaxQuantum(1));
        assertEquals(SystemRunner.Stop.INSTRUCTION_LIMIT, rr.reason());
        assertEquals(List.of(334L, 333L, 333L), List.of(rr.stepsByHart()[0], rr.stepsByHart()[1], rr.stepsByHart()[2]),
                "quantum 1: strict round-robin from hart 0");
        assertEquals(1000, rr.turns());
        SystemRunner.Result a = SystemRunner.run(spin, cfg, opts, SystemRunner.Options.of(3, 5));
        SystemRunner.Result b = SystemRunner.run(spin, cfg, opts, SystemRunner.Options.of(3, 5));
        SystemRunner.Result c = SystemRunner.run(spin, cfg, opts, SystemRunner.Options.of(3, 6));
        assertEquals(a.traceDigest(), b.traceDigest());
        assertEquals(a.turns(), b.turns());
        assertNotEquals(a.traceDigest(), c.traceDigest());
        assertTrue(a.turns() < 1000 && a.turns() >= 1000 / 16, "quanta of 1..16: " + a.turns() + " turns");
    }

    @Test
    void theSchedulerIsAFunctionOfItsSeed() {
        HartScheduler a = new HartScheduler(5, 16);
        HartScheduler b = new HartScheduler(5, 16);
        HartScheduler c = new HartScheduler(6, 16);
        boolean differs = false;
        int[] hist = new int[17];
        for (int k = 0; k < 1000; k++) {
            int qa = a.nextQuantum();
            assertEquals(qa, b.nextQuantum());
            differs |= qa != c.nextQuantum();
            assertTrue(qa >= 1 && qa <= 16);
            hist[qa]++;
        }
        assertTrue(differs);
        for (int q = 1; q <= 16; q++) {
            assertTrue(hist[q] > 20, "quantum " + q + " drawn " + hist[q] + " times in 1000");
        }
        assertEquals(1, new HartScheduler(9, 1).nextQuantum());
        assertThrows(IllegalArgumentException.class, () -> new HartScheduler(1, 0));
    }
}
