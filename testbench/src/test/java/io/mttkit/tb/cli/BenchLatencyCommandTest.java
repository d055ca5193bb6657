package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtt bench latency}'s bad options: exit 2 with one line, before any build; its help names the report. */
class BenchLatencyCommandTest {
    @Test
    void aReportFolderThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        CliRunner r = CliRunner.run("bench", "latency", "--quick", "--report", file.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--report") && r.err().contains("is in the way"), r.err());
        assertTrue(r.noStackTrace());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void anEmptyReportPathIsRefused() {
        CliRunner r = CliRunner.run("bench", "latency", "--report", "");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--report"), r.err());
    }

    @Test
    void anUnknownOptionIsRefused() {
        CliRunner r = CliRunner.run("bench", "latency", "--walks", "4");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.noStackTrace());
    }

    @Test
    void theHelpNamesBothLatenciesAndTheReport() {
        CliRunner r = CliRunner.run("bench", "latency", "--help");
        assertEquals(0, r.exit(), r.err());
        for (String word : new String[] {"--report", "answered", "delivered", "IN_ORDER", "BY_ID", "report.html"}) {
            assertTrue(r.out().contains(word), word + "\n" + r.out());
        }
    }
}
