package io.mttkit.tb.cli;

import io.mttkit.golden.hart.ProgramBuild;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mtt scenario cove}: its output, a seeded fault's report and bundle, and bad input. */
class ScenarioCommandTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        if (!ProgramBuild.toolchainAvailable()) {
            if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                throw new AssertionError(ProgramBuild.MISSING);
            }
            Assumptions.assumeTrue(false, ProgramBuild.MISSING);
        }
    }

    @Test
    void twoHartsPrintEveryFlowAndPass() {
        CliRunner r = CliRunner.run("scenario", "cove", "--harts", "2", "--bundle-dir", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        for (String flow : new String[] {"0    boot", "1    convert-assign   8", "2    share            2",
            "3    unshare          2", "4    destroy-reclaim  8"}) {
            assertTrue(r.out().contains(flow), flow + "\n" + r.out());
        }
        assertTrue(r.out().contains("cove harts=2 errors=0"), r.out());
        assertTrue(r.out().contains("mtt scenario cove: PASS: 5 flows"), r.out());
        // the device side: DMA checks per device per flow, the I/O fences, the devices named
        assertTrue(r.out().contains("DMA checks (allowed) per device"), r.out());
        assertTrue(r.out().matches("(?s).*\\n1    convert-assign   8 .* \\d+ \\(\\d+\\), \\d+ \\(\\d+\\) +24/2 .*"), r.out());
        assertTrue(r.out().contains("devices: host-dev (id 0x0100, sdid 1), tvm-dev (id 0x0200, sdid 2)"), r.out());
        assertTrue(r.out().matches("(?s).*PASS: 5 flows, \\d+ MPT checks, [1-9]\\d* DMA checks.*"), r.out());
    }

    @Test
    void theIoSideOmittedIsReportedAsWhatItIs() {
        CliRunner r = CliRunner.run("scenario", "cove", "--harts", "2", "--fault", "iofence-omitted", "--bundle-dir",
                dir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("OWNERSHIP VIOLATION: I/O fence (MPTINVAL + IOFENCE) omitted in a fence protocol "
                + "(IOFENCE_OMITTED)"), r.out());
        assertTrue(r.out().contains("the I/O side of the fence protocol omitted"), r.out());
        assertTrue(Files.isDirectory(dir.resolve("cove-iofence-omitted-hart0-seed1")), r.out());
    }

    @Test
    void aSeededFaultIsReportedWithTheHistoryAndABundle() throws java.io.IOException {
        CliRunner r = CliRunner.run("scenario", "cove", "--harts", "2", "--fault", "fence-omitted", "--bundle-dir",
                dir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("OWNERSHIP VIOLATION: fence omitted on a hart (FENCE_OMITTED)"), r.out());
        assertTrue(r.out().contains("history of page 0x80800000"), r.out());
        assertTrue(r.out().contains("FAIL: fence omitted on a hart (FENCE_OMITTED) on hart 1"), r.out());
        Path b = dir.resolve("cove-fence-omitted-hart1-seed1");
        assertTrue(Files.isRegularFile(b.resolve("cove.elf")), r.out());
        assertTrue(Files.isRegularFile(b.resolve("report.txt")), r.out());
        assertTrue(Files.readString(b.resolve("scenario.txt")).contains(
                "reproduce: ./mtt scenario cove --harts 2 --seed 1 --quantum 16 --config rv64-smmpt --fault fence-omitted"));
    }

    @Test
    void aBundleFolderThatIsAFileIsRefused() throws java.io.IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRunner r = CliRunner.run("scenario", "cove", "--bundle-dir", file.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--bundle-dir: " + file + " exists and is not a folder"), r.err());
        assertEquals("x", Files.readString(file), "the file is left alone");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--harts 1|--harts: the CoVE flows need 2..8 harts",
        "--harts 9|--harts: the CoVE flows need 2..8 harts",
        "--config rv64-smmtt|--config: 'rv64-smmtt' is not one of rv64-smmpt, rv32-smmpt",
        "--fault none|--fault: 'none' is not one of",
        "--fault bogus|--fault: 'bogus' is not one of",
        "--fault stale-checker|--fault stale-checker makes an RTL checker instance wrong: add --rtl",
        "--fault io-stale-checker|--fault io-stale-checker makes the RTL I/O checker wrong: it needs --rtl",
        "--fault io-stale-checker --rtl --config rv32-smmpt|--fault io-stale-checker makes the RTL I/O checker wrong",
        "--batch 8|--batch sets the RTL lockstep batches: add --rtl",
        "--quantum 0|--quantum: must be 1.."})
    void badInputIsRefusedWithExit2(String args, String message) {
        String[] a = args.split(" ");
        String[] all = new String[a.length + 2];
        all[0] = "scenario";
        all[1] = "cove";
        System.arraycopy(a, 0, all, 2, a.length);
        CliRunner r = CliRunner.run(all);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
    }
}
