package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HelpAndSelftestTest {

    @Test
    void everyCommandHasHelpWithAnExample() {
        CommandLine root = new CommandLine(new Mtt());
        List<String> paths = new java.util.ArrayList<>();
        collect(root, "", paths);
        assertTrue(paths.size() >= 5, "commands found: " + paths);
        for (String path : paths) {
            String[] args = (path + " --help").trim().split(" ");
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.exit(), path + " --help");
            assertTrue(r.out().contains("Example"), path + " --help has no example:\n" + r.out());
        }
    }

    private static void collect(CommandLine cl, String prefix, List<String> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String p = (prefix + " " + e.getKey()).trim();
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void selftestPassesEveryCellAndWritesItsReport(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("selftest", "--report", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        long passLines = r.out().lines().filter(l -> l.startsWith("PASS ")).count();
        // 7 modes (3 Smmtt + 4 Smmpt) x 4 permissions on the lookup, and on the hart the same 28 cells plus 8
        // where the firmware builds its own Smmpt34/Smmpt43 tables.
        assertEquals(28 + 36, passLines, r.out());
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"failed\" : 0"));
        assertTrue(r.out().contains("report: "));
    }
}
