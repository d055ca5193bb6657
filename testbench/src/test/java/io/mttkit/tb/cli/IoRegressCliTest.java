package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtt regress} and {@code mtt mutate} accept the I/O checker configurations. */
class IoRegressCliTest {
    @Test
    void regressOfTheIoCheckerPrintsSummaryDigestAndReportFolder(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("io");
        CliRunner c = CliRunner.run("regress", "--config", "io-checker-rv64", "--checks", "3000", "--seed", "2",
                "--report", report.toString());
        assertEquals(ExitCodes.OK, c.exit(), c.out() + c.err());
        assertTrue(c.out().contains("I/O MPT checker, port contract v3"), c.out());
        Matcher d = Pattern.compile("event digest: ([0-9a-f]{16})").matcher(c.out());
        assertTrue(d.find(), c.out());
        assertTrue(c.out().contains("PASS: the RTL agreed with the golden I/O MPT checker"), c.out());
        assertTrue(c.out().contains("report: " + report.toAbsolutePath().resolve("report.json")), c.out());
        String json = Files.readString(report.resolve("report.json"));
        assertTrue(json.contains("\"eventDigest\": \"" + d.group(1) + "\"") && json.contains("\"mismatches\": 0"), json);
        assertTrue(Files.isRegularFile(report.resolve("coverage.json")) && Files.isRegularFile(report.resolve("junit.xml")));
        // the same seed, the same run
        CliRunner again = CliRunner.run("regress", "--config", "io-checker-rv64", "--checks", "3000", "--seed", "2",
                "--report", tmp.resolve("again").toString());
        assertTrue(again.out().contains("event digest: " + d.group(1)), again.out());
    }

    @Test
    void shardingAnIoRegressionIsRefusedClearly(@TempDir Path tmp) {
        CliRunner c = CliRunner.run("regress", "--config", "io-checker-rv64", "--shard", "0/2", "--report",
                tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, c.exit(), c.out() + c.err());
        assertTrue(c.err().contains("--shard") && c.noStackTrace(), c.err());
    }
}
