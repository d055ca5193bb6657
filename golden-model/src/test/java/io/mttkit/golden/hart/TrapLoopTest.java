package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner stops a program caught in a trap loop and says where, and leaves busy but healthy programs alone. */
class TrapLoopTest {
    static HartConfig cfg(int xlen) {
        return HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9);
    }

    @Test
    void aHandlerThatReturnsToTheFaultIsATrapLoop() {
        for (int xlen : new int[] {32, 64}) {
            ElfFile elf = ElfFile.read(Programs.elf("trap_loop", xlen));
            RunResult r = HartRunner.run(elf, cfg(xlen), RunOptions.defaults());
            assertEquals(StopReason.TRAP_LOOP, r.reason(), r.message());
            TrapRecord t = r.trapLoop();
            assertNotNull(t);
            assertEquals(elf.symbol("bad_insn"), t.pc());
            assertEquals(TrapCause.ILLEGAL_INSN, t.code());
            assertEquals(Priv.S, t.fromPriv());
            assertEquals(1000, r.trapLoopCount());
            assertTrue(r.steps() < 200_000, "stopped long before the instruction limit: " + r.steps());
            assertTrue(r.message().startsWith("trap loop: illegal instruction (cause 2) at pc 0x"
                    + Long.toHexString(elf.symbol("bad_insn"))), r.message());
            assertTrue(r.message().contains("1000 times"), r.message());
        }
    }

    @Test
    void theLimitIsAnOption() {
        RunResult r = HartRunner.run(Programs.elf("trap_loop", 64), cfg(64), RunOptions.defaults().withTrapLoopLimit(5));
        assertEquals(StopReason.TRAP_LOOP, r.reason());
        assertEquals(5, r.trapLoopCount());
    }

    @Test
    void aBadTrapVectorLoopsWithoutRetiring() {
        // mtvec pointing at unmapped memory: every trap faults on the handler's fetch, nothing ever retires
        RunResult r = HartRunner.run(Programs.elf("domain_work", 64), cfg(64), RunOptions.defaults()
                .withSetup((h, e) -> h.setPc(0x1000)));
        assertEquals(StopReason.TRAP_LOOP, r.reason(), r.message());
        assertEquals(TrapCause.INSN_ACCESS_FAULT, r.trapLoop().code());
        assertEquals(0, r.instret());
    }

    @Test
    void repeatedEcallsFromTheSamePcAreNoLoop() {
        // domain_work prints every character through the same ecall: hundreds of identical traps, each followed by
        // progress; even a limit of 2 must not stop it
        RunResult r = HartRunner.run(Programs.elf("domain_work", 64), cfg(64), RunOptions.defaults()
                .withTrapLoopLimit(2));
        assertTrue(r.passed(), r.message());
        assertNull(r.trapLoop());
        assertTrue(r.trapCount() > 100, "many ecalls: " + r.trapCount());
    }

    @Test
    void aDomainThatGrantsNothingStopsTheProgramAtItsFirstFetch() {
        // domain_work in a domain that grants nothing: the first S-mode fetch faults (an MTT fault, to M), the
        // runtime's handler reports an unexpected trap and exits with 0x100 + cause: a failure, not a loop
        HartConfig c = cfg(64);
        RunResult r = HartRunner.run(Programs.elf("domain_work", 64), c, RunOptions.defaults()
                .withSetup((h, e) -> new DomainSetup(List.of(), MttMode.SMMPT43, 1, null).place(h, e)));
        assertEquals(StopReason.EXIT, r.reason(), r.message());
        assertEquals(0x100 + TrapCause.INSN_ACCESS_FAULT, r.exitCode(), r.console());
    }
}
