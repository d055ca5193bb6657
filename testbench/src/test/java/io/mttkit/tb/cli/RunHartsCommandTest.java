package io.mttkit.tb.cli;

import io.mttkit.golden.hart.ProgramBuild;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mtt run PROG --harts N [--seed S] [--quantum K]}. */
class RunHartsCommandTest {
    static Path lock;
    static Path domains;
    static Path shootdown;

    @BeforeAll
    static void build() {
        if (!ProgramBuild.toolchainAvailable()) {
            if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                throw new AssertionError(ProgramBuild.MISSING);
            }
            Assumptions.assumeTrue(false, ProgramBuild.MISSING);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("programs/link.ld"))) {
            p = p.getParent();
        }
        Path programs = p.resolve("programs");
        Path cache = Path.of("target", "programs").toAbsolutePath();
        lock = ProgramBuild.build(programs, "smp_lock", 64, cache);
        domains = ProgramBuild.build(programs, "domains", 64, cache);
        shootdown = ProgramBuild.build(programs, "smp_shootdown", 64, cache);
    }

    @Test
    void fourHartsPrintPerHartCountsAndTheSameSeedGivesTheSameRun() {
        CliRunner a = CliRunner.run("run", lock.toString(), "--harts", "4", "--seed", "7");
        assertEquals(0, a.exit(), a.out() + a.err());
        assertTrue(a.out().contains("locked=600 lrsc=600 amo=600"), a.out());
        Matcher m = Pattern.compile("hart 0: (\\d+) instructions, hart 1: (\\d+) instructions, hart 2: (\\d+) "
                + "instructions, hart 3: (\\d+) instructions").matcher(a.out());
        assertTrue(m.find(), a.out());
        for (int i = 1; i <= 4; i++) {
            assertTrue(Long.parseLong(m.group(i)) > 1000, a.out());
        }
        assertTrue(a.out().contains("PASS: hart 0 exited with code 0 after") && a.out().contains("on 4 harts") && a.out().contains("seed 7"), a.out());
        CliRunner b = CliRunner.run("run", lock.toString(), "--harts", "4", "--seed", "7");
        assertEquals(a.out(), b.out(), "same seed, same run");
        CliRunner c = CliRunner.run("run", lock.toString(), "--harts", "4", "--seed", "8", "--quantum", "3");
        assertEquals(0, c.exit(), c.out());
        assertTrue(!digest(a).equals(digest(c)), "another seed and quantum, another interleaving");
    }

    @Test
    void withRtlEveryHartsInstanceAnswersAndIsReportedPerHart() {
        CliRunner r = CliRunner.run("run", shootdown.toString(), "--harts", "4", "--rtl", "--config", "rv64-smmpt");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS: hart 0 exited with code 0"), r.out());
        for (int h = 0; h < 4; h++) {
            Matcher m = Pattern.compile("RTL lockstep hart " + h + ": (\\d+) checks answered by the RTL").matcher(r.out());
            assertTrue(m.find(), r.out());
            assertTrue(Long.parseLong(m.group(1)) > 0, r.out());
        }
        CliRunner same = CliRunner.run("run", shootdown.toString(), "--harts", "4");
        assertEquals(digest(same), digest(r), "lockstep does not change the interleaving");
    }

    private static String digest(CliRunner r) {
        Matcher m = Pattern.compile("trace digest ([0-9a-f]{16})").matcher(r.out());
        assertTrue(m.find(), r.out());
        return m.group(1);
    }

    @Test
    void oneHartIsTheRunOfBefore() {
        CliRunner plain = CliRunner.run("run", domains.toString());
        CliRunner one = CliRunner.run("run", domains.toString(), "--harts", "1");
        assertEquals(plain.exit(), one.exit());
        assertTrue(one.out().startsWith(plain.out()), one.out());
        assertTrue(one.out().substring(plain.out().length()).matches("mtt run: hart 0: \\d+ instructions\\R"), one.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--harts 0|--harts: must be 1..8",
        "--harts 9|--harts: must be 1..8",
        "--harts two|--harts",
        "--seed 3|add --harts N",
        "--harts 2 --quantum 0|--quantum: must be 1..",
        "--harts 2 --batch 4|add --rtl",
        "--harts 2 --trace|--trace runs one hart",
        "--harts 2 --domain nosuch.json|--domain runs one hart"})
    void badValuesExitWith2(String args, String expected) {
        String[] extra = args.split(" ");
        String[] all = new String[extra.length + 2];
        all[0] = "run";
        all[1] = lock.toString();
        System.arraycopy(extra, 0, all, 2, extra.length);
        CliRunner r = CliRunner.run(all);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains(expected), r.out() + r.err());
        assertTrue(r.noStackTrace(), r.err());
    }
}
