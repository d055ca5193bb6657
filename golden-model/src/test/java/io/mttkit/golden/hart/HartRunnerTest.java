package io.mttkit.golden.hart;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner on real programs: HTIF exit and console, limits, trace, and input errors. */
class HartRunnerTest {
    static HartConfig cfg(int xlen) {
        return HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9);
    }

    @Test
    void aProgramWithAnEmptyScriptExitsThroughHtif() {
        // domains.c with no parameters written: no phases, S-mode reports done at once, firmware exits 0.
        Path elf = Programs.elf("domains", 64);
        RunResult r = HartRunner.run(elf, cfg(64), RunOptions.defaults());
        assertEquals(StopReason.EXIT, r.reason(), r.message());
        assertEquals(0, r.exitCode());
        assertTrue(r.passed());
        assertTrue(r.instret() > 0 && r.steps() > r.instret(), "the ecalls trap, so steps > instret");
    }

    @Test
    void consoleTextAndTraceAreRecorded() {
        Path elf = Programs.elf("domains", 32);
        RunResult r = HartRunner.run(elf, cfg(32), RunOptions.defaults().withTrace(true));
        assertEquals(StopReason.EXIT, r.reason(), r.message());
        assertEquals(r.steps(), r.trace().size(), "one trace entry per step");
        TraceEntry first = r.trace().get(0);
        assertEquals(ElfFile.read(elf).entry(), first.pc());
        assertEquals(Priv.M, first.priv());
        assertEquals("lui sp, 0x80380", first.disassembly()); // li sp, M_STACK_TOP in start.S
        // S-mode fetches carry an MTT verdict ("bypass" with MODE=Bare); M-mode fetches are not checked ("-")
        assertTrue(r.trace().stream().anyMatch(t -> t.priv() == Priv.S && t.accesses().stream()
                .anyMatch(a -> a.kind() == AccessKind.FETCH && a.mtt().equals("bypass"))));
        assertTrue(first.accesses().stream().allMatch(a -> a.mtt().equals("-")));
        // the S→M ecall traps are in the trap log
        assertTrue(r.traps().stream().anyMatch(t -> t.code() == TrapCause.ECALL_S));
    }

    @Test
    void instructionLimitStopsTheRun() {
        Path elf = Programs.elf("domains", 64);
        RunResult r = HartRunner.run(elf, cfg(64), RunOptions.defaults().withMaxInstructions(10));
        assertEquals(StopReason.INSTRUCTION_LIMIT, r.reason());
        assertEquals(10, r.steps());
        assertEquals(-1, r.exitCode());
    }

    @Test
    void mismatchedXlenAndMissingFilesAreClearErrors() throws Exception {
        Path elf = Programs.elf("domains", 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HartRunner.run(elf, cfg(32), RunOptions.defaults()));
        assertTrue(e.getMessage().contains("RV64") && e.getMessage().contains("RV32"), e.getMessage());
        Path missing = Files.createTempDirectory("hart").resolve("nope.elf");
        e = assertThrows(IllegalArgumentException.class, () -> HartRunner.run(missing, cfg(64), RunOptions.defaults()));
        assertTrue(e.getMessage().contains("nope.elf"), e.getMessage());
        IllegalArgumentException mem = assertThrows(IllegalArgumentException.class, () -> HartRunner.run(elf, cfg(64),
                RunOptions.defaults().withMemory(List.of(new PageMemory.Range(0x9000_0000L, 1 << 20, "elsewhere")))));
        assertTrue(mem.getMessage().contains("outside"), mem.getMessage());
    }

    @Test
    void anExpiredTimeoutStopsTheRun() {
        Path elf = Programs.elf("domains", 64);
        RunResult r = HartRunner.run(elf, cfg(64), RunOptions.defaults().withTimeout(java.time.Duration.ofNanos(1)));
        assertEquals(StopReason.TIMEOUT, r.reason());
    }

    @Test
    void runsAreDeterministic() {
        Path elf = Programs.elf("domains", 64);
        RunOptions o = RunOptions.defaults().withTrace(true);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        HartRunner.run(elf, cfg(64), o).trace().forEach(t -> a.add(t.toString()));
        HartRunner.run(elf, cfg(64), o).trace().forEach(t -> b.add(t.toString()));
        assertEquals(a, b);
    }

    @Test
    void disassemblyMatchesObjdump() throws Exception {
        for (int xlen : new int[] {32, 64}) {
            Path elf = Programs.elf("domains", xlen);
            Process p = new ProcessBuilder("riscv64-unknown-elf-objdump", "-d", "-M", "no-aliases", elf.toString())
                    .redirectErrorStream(true).start();
            String dump = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            Disassembler dis = new Disassembler(xlen, HartConfig.DEFAULT_MFENCE_FUNCT7, HartConfig.DEFAULT_MINVAL_FUNCT7);
            int checked = 0;
            for (String line : dump.split("\n")) {
                String[] f = line.trim().split("\\s+", 3);
                if (f.length < 3 || !f[0].endsWith(":") || !f[1].matches("[0-9a-f]{8}")) {
                    continue;
                }
                String want = f[2].split("\\s+")[0];
                if (want.startsWith(".")) {
                    continue; // objdump does not know MFENCE.PA/MINVAL.PA/Svinval and prints .insn/.4byte
                }
                long pc = Long.parseUnsignedLong(f[0].substring(0, f[0].length() - 1), 16);
                String got = dis.disassemble(pc, (int) Long.parseLong(f[1], 16)).split(" ")[0];
                assertEquals(want, got, line);
                checked++;
            }
            assertTrue(checked > 200, "checked " + checked);
        }
    }
}
