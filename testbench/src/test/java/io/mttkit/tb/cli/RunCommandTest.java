package io.mttkit.tb.cli;

import io.mttkit.golden.hart.ProgramBuild;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mtt run}: programs by source, --domain (with --rtl), --mem, the PASS/FAIL line, trap loops, bad input. */
class RunCommandTest {
    private static String oldRoot;
    private static Path root;

    @BeforeAll
    static void repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("programs/link.ld"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no programs/link.ld above " + Path.of("").toAbsolutePath());
        }
        root = p;
        oldRoot = System.getProperty("mttkit.repo.root");
        System.setProperty("mttkit.repo.root", root.toString());
    }

    @AfterAll
    static void restore() {
        if (oldRoot == null) {
            System.clearProperty("mttkit.repo.root");
        } else {
            System.setProperty("mttkit.repo.root", oldRoot);
        }
    }

    static String prog(String name) {
        return root.resolve("programs/" + name + ".c").toString();
    }

    static String regions(String name) {
        return root.resolve("programs/domains/" + name + ".json").toString();
    }

    @Test
    void aFaultingProgramInItsDomainPassesInLockstepOnRv64Smmpt() {
        requireTools(true);
        CliRunner r = CliRunner.run("run", prog("domain_fault"), "--domain", regions("fault"), "--rtl", "--config",
                "rv64-smmpt");
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("mtt run: domain smmpt43 SDID 1, 4 regions from "), r.out());
        assertTrue(r.out().contains(" fetch 80402000: c1\n"), r.out());
        assertTrue(r.out().contains("mtt run: PASS: exited with code 0 after "), r.out());
        assertTrue(r.out().matches("(?s).*mtt run: RTL lockstep: [1-9]\\d* checks answered by the RTL.*"), r.out());
    }

    @Test
    void misalignedAccessesArePerformedWhenAskedAndTheirPartsCheckedByTheRtl() {
        requireTools(true);
        CliRunner r = CliRunner.run("run", prog("misaligned"), "--misaligned", "--domain", regions("work"), "--rtl");
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("misaligned: passed"), r.out());
        assertTrue(r.out().contains("mtt run: RTL lockstep: "), r.out());
        CliRunner t = CliRunner.run("run", prog("misaligned"), "--config", "rv32-smmpt");
        assertEquals(ExitCodes.FAILURE, t.exit(), t.out() + t.err());
        assertTrue(t.out().contains("unexpected trap: mcause=0x00000006"), t.out());
        assertTrue(t.out().contains("mtt run: FAIL (exit value 262)"), t.out());
    }

    @Test
    void withoutItsDomainTheSameProgramFailsWithItsExitValue() {
        requireTools(false);
        CliRunner r = CliRunner.run("run", prog("domain_fault"));
        assertEquals(ExitCodes.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("mtt run: FAIL (exit value 8): exited with code 8 after "), r.out());
    }

    @Test
    void aTrapLoopIsReportedWithItsPcAndCause() {
        requireTools(false);
        CliRunner r = CliRunner.run("run", prog("trap_loop"), "--config", "rv32-smmtt");
        assertEquals(ExitCodes.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*mtt run: FAIL \\(TRAP_LOOP\\): trap loop: illegal instruction \\(cause 2\\) at"
                + " pc 0x8[0-9a-f]{7}, tval 0x0, S->M, taken 1000 times in a row.* \\(\\d+ traps\\)\n"), r.out());
    }

    @Test
    void aSmallMemoryMapStillTakesTheTablesAndSaysWhenTheDomainReachesThem() {
        requireTools(false);
        CliRunner r = CliRunner.run("run", prog("domain_work"), "--mem", "0x80000000:0x400000", "--domain",
                regions("work"), "--config", "rv32-smmtt", "--sdid", "9");
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("mtt run: domain smmtt34 SDID 9"), r.out());
        assertTrue(r.out().contains("overlaps the tables: the domain can reach its own table pages"), r.out());
    }

    /** In a domain: the MPT is on, so mtt_spmp_checker's MPT walks the hart's tables for every allowed access too. */
    @Test
    void spmpRulesRunsInLockstepWithMttSpmpCheckerInADomain() {
        requireTools(true);
        CliRunner r = CliRunner.run("run", prog("spmp_rules"), "--config", "spmp-rv64", "--domain", regions("work"),
                "--rtl");
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("mtt run: domain smmpt43 SDID 1, 1 region from "), r.out());
        assertTrue(r.out().contains("failed=0"), r.out());
        assertTrue(r.out().matches("(?s).*mtt run: RTL lockstep: spmp-rv64 \\(mtt_spmp_checker\\): [1-9]\\d* S/U accesses "
                + "compared \\([1-9]\\d* SPMP checks under Bare satp; .* MPT 0; [1-9]\\d* MPTE reads\\).*"), r.out());
    }

    @Test
    void anSpmpConfigurationOfTheOtherXlenIsRefusedWithExitTwo() {
        requireTools(false);
        Path elf = ProgramBuild.build(root.resolve("programs"), "spmp_rules", 32, root.resolve("target/programs"));
        CliRunner r = CliRunner.run("run", elf.toString(), "--config", "spmp-rv64", "--rtl");
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--config spmp-rv64 is RV64 but the program is a 32-bit ELF; use --config spmp-rv32"),
                r.err());
        assertTrue(r.noStackTrace(), r.err());
    }

    static List<Object[]> badInput() {
        String work = "programs/domain_work.c";
        return List.of(
                new Object[] {new String[] {"run", work, "--mem", "0x80000000"}, "is not BASE:SIZE"},
                new Object[] {new String[] {"run", work, "--mem", "0x80000000:0"}, "must be multiples of 4 KiB"},
                new Object[] {new String[] {"run", work, "--mem", "0x80000000:zz"}, "--mem 0x80000000:zz: SIZE"},
                new Object[] {new String[] {"run", work, "--mem", "0x80000000:0x100000", "--mem", "0x800ff000:0x1000"},
                    "overlaps the range given before it, 'mem0' [0x80000000, 0x800fffff]"},
                new Object[] {new String[] {"run", work, "--mem", "0x2000000:0x1000"}, "overlaps the CLINT"},
                new Object[] {new String[] {"run", work, "--mem", "0x90000000:0x1000"},
                    "outside the hart's memory ['mem0' [0x90000000, 0x90000fff]]"},
                new Object[] {new String[] {"run", work, "--mode", "smmpt43"}, "--mode applies to runs in a domain only"},
                new Object[] {new String[] {"run", work, "--tables-at", "0x90000000"}, "add --domain"},
                new Object[] {new String[] {"run", work, "--domain", "/no/such.json"}, "--domain: file not found"},
                new Object[] {new String[] {"run", work, "--domain", "programs/domains/work.json", "--mode", "smmtt46"},
                    "--mode: smmtt46 is a mode of RV64 smmtt-v0.1, but the run's configuration is rv64-smmpt"},
                new Object[] {new String[] {"run", work, "--domain", "programs/domains/work.json", "--tables-at",
                    "0x80000000"}, "overlap segment 0"},
                new Object[] {new String[] {"run", work, "--domain", "programs/domains/work.json", "--tables-at",
                    "0x80000800"}, "not 4 KiB aligned"},
                new Object[] {new String[] {"run", work, "--domain", "programs/domains/work.json", "--sdid", "64"},
                    "--sdid: 64 is out of range"},
                new Object[] {new String[] {"run", work, "--domain", "programs/domains/work.json", "--mem",
                    "0x80000000:0x2000000", "--tables-at", "0x90000000"}, "do not lie inside one mapped memory range"},
                new Object[] {new String[] {"run", work, "--config", "spmp-rv64", "--rtl", "--batch", "4"},
                    "--batch does not apply to --config spmp-rv64 --rtl"},
                new Object[] {new String[] {"run", work, "--config", "spmp-rv64", "--rtl", "--harts", "2"},
                    "--config spmp-rv64 --rtl runs one hart"},
                new Object[] {new String[] {"run", work, "--config", "spmp-rv128"}, "spmp-rv64 or spmp-rv32)"});
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsNamedWithExitTwo(String[] args, String expected) {
        requireTools(false);
        String[] a = args.clone();
        for (int i = 0; i < a.length; i++) {
            if (a[i].startsWith("programs/")) {
                a[i] = root.resolve(a[i]).toString();
            }
        }
        CliRunner r = CliRunner.run(a);
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.noStackTrace(), r.err());
        assertFalse(r.err().matches("(?s).*\\w+\\[\\w+=.*"), "no raw record in: " + r.err());
    }

    /** The RISC-V toolchain (and Verilator when {@code rtl}): skip without them, unless MTTKIT_REQUIRE_TOOLS=1. */
    private static void requireTools(boolean rtl) {
        String missing = null;
        if (rtl) {
            try {
                io.mttkit.bridge.BuildDriver.fromEnvironment();
            } catch (io.mttkit.bridge.ToolMissingException e) {
                missing = e.getMessage();
            }
        }
        if (missing == null && !ProgramBuild.toolchainAvailable()) {
            missing = ProgramBuild.MISSING;
        }
        if (missing != null) {
            if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                Assertions.fail("MTTKIT_REQUIRE_TOOLS=1 but " + missing);
            }
            Assumptions.assumeTrue(false, missing);
        }
    }
}
