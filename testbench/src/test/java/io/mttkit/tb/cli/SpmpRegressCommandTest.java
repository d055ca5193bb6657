package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.tb.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code mtt regress --config spmp-alone-*|spmp-rv*}: the SPMP co-simulations from the command line. */
class SpmpRegressCommandTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--config spmp-rv16 | --config | spmp-rv64 or spmp-rv32",
        "--config spmp-rv64 --set paw=40 | --set | leave paw at its default 56",
        "--config spmp-rv32 --set pmpLatency=9 | --set | out of range",
        "--config spmp-rv64 --shard 0/2 | --shard and --jobs | runs as one piece",
        "--config spmp-alone-rv64 --set paw=40 | --set | leave paw at its default 56",
        "--config spmp-alone-rv32 --set bogus=1 | --set | unknown parameter 'bogus'",
        "--config spmp-alone-rv64 --set entryCount=99 | --set | out of range",
        "--config spmp-alone-rv64 --jobs 2 | --shard and --jobs | runs as one piece"})
    void badInputIsExit2WithWhatAndWhatToDo(String args, String option, String text) {
        String[] a = ("regress " + args + " --report " + tmp.resolve("r")).split(" ");
        CliRunner r = CliRunner.run(a);
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(option) && r.err().contains(text), r.err());
        assertTrue(r.noStackTrace(), r.err());
        assertTrue(!Files.exists(tmp.resolve("r")), "a refused command touches no report folder");
    }

    @Test
    void aShortRunPassesAndWritesItsReport() throws Exception {
        ToolGate.requireVerilator();
        Path dir = tmp.resolve("report");
        CliRunner r = CliRunner.run("regress", "--config", "spmp-alone-rv32", "--set", "entryCount=4", "--checks",
                "3000", "--seed", "5", "--report", dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("3000 accesses") && r.out().contains("0 mismatches")
                && r.out().contains("PASS"), r.out());
        assertTrue(Files.readString(dir.resolve("spmp-report.txt")).contains("coverage:"));
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("mtt.regress.spmp-alone-rv32"));
        assertTrue(!Files.exists(dir.resolve("mismatch.txt")));
    }

    @Test
    void aShortComposedRunPassesWithItsDigest() throws Exception {
        ToolGate.requireVerilator();
        Path dir = tmp.resolve("report");
        CliRunner r = CliRunner.run("regress", "--config", "spmp-rv32", "--checks", "1500", "--seed", "5", "--report",
                dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("1500 accesses") && r.out().contains("0 mismatches") && r.out().contains("PASS")
                && r.out().matches("(?s).*event digest: [0-9a-f]{16}.*"), r.out());
        assertTrue(Files.readString(dir.resolve("spmp-report.txt")).contains("priority"));
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("mtt.regress.spmp-rv32"));
    }
}
