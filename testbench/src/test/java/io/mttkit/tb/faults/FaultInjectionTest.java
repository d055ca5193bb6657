package io.mttkit.tb.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mttkit.tb.ToolGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults from outside (issue #16): a build killed with SIGKILL, a run stopped with SIGINT (Ctrl-C), two processes on
 * one build cache, a full disk, a read-only file system. Each runs the real CLI (or build driver) in a separate JVM and checks what is left
 * behind: no orphaned compiler processes, no half-built folders after the next run, no partial report and no previous
 * report, no 0-byte outputs.
 *
 * <p>Fast cases run in the default suite: the compile step is a stand-in script (real Verilator parses the design,
 * the "compiler" is {@code sleep}), so they take seconds. Cases that compile real RTL (tens of seconds each) run with
 * {@code -Dmttkit.faults.slow=true}: see {@link SlowFaultInjectionTest}.
 */
class FaultInjectionTest {
    @TempDir
    static Path dir;
    static Path walker;

    @BeforeAll
    static void walker() {
        walker = dir.resolve("walker");
        io.mttkit.gen.Configurations.generate("walker-rv64", Map.of(), walker);
    }

    /** Runs the CLI in a new JVM with {@code properties}, in the folder of {@code log}, where its output goes. */
    static Process mtt(Path log, Map<String, String> properties, String... args) throws IOException {
        return java(log.getParent(), log, properties, "io.mttkit.tb.cli.Mtt", args);
    }

    /** Runs {@code main} in a new JVM on this test's class path, in {@code workDir}; output goes to {@code log}. */
    static Process java(Path workDir, Path log, Map<String, String> properties, String main, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        // A child never builds into the user's cache: without a cache of its own it uses the test run's.
        String testCache = System.getProperty("mttkit.build.cache");
        if (!properties.containsKey("mttkit.build.cache") && testCache != null) {
            cmd.add("-Dmttkit.build.cache=" + testCache);
        }
        cmd.add("-Dmttkit.repo.root=" + System.getProperty("mttkit.repo.root",
                Path.of("").toAbsolutePath().getParent().toString()));
        cmd.add(main);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).directory(workDir.toFile())
                .start();
    }

    /**
     * A Verilator whose version and parse are the real ones but whose build step is a stand-in: it records its pid and
     * two child "compilers" ({@code sleep}) in {@code pids}, then waits; with {@code fail} present it fails at once
     * with a Verilator-style error. Every build adds a line to {@code builds}.
     */
    static Path stallingVerilator(Path folder) throws IOException {
        Path real = io.mttkit.bridge.VerilatorTool.locate().executable();
        Path p = folder.resolve("verilator");
        Files.writeString(p, """
                #!/bin/bash
                for a in "$@"; do case "$a" in --version|--xml-only) exec "%1$s" "$@";; esac; done
                echo build >> "%2$s/builds"
                if [ -e "%2$s/fail" ]; then echo "%%Error: stand-in.v:1:1: the stand-in compiler refuses"; exit 1; fi
                sleep 600 & echo $! >> "%2$s/pids"
                ( sleep 600; true ) & echo $! >> "%2$s/pids"
                echo $$ >> "%2$s/pids"
                wait
                """.formatted(real, folder));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** Waits (bounded: 120 s) until {@code file} has {@code lines} lines. */
    static List<Long> awaitPids(Path file, int lines, Process child, Path log) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(file)) {
                List<String> l = Files.readAllLines(file);
                if (l.size() >= lines) {
                    return l.stream().map(String::strip).map(Long::parseLong).toList();
                }
            }
            assertTrue(child.isAlive(), "the child ended before the build started: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("the build never started: " + Files.readString(log));
    }

    /** Waits (bounded: 20 s) until every pid has exited: a watcher polls once a second. */
    static void assertAllGone(List<Long> pids) throws InterruptedException {
        for (int i = 0; i < 200 && pids.stream().anyMatch(FaultInjectionTest::alive); i++) {
            Thread.sleep(100);
        }
        for (long pid : pids) {
            assertFalse(alive(pid), "process " + pid + " of the killed build is still running (an orphan)");
        }
    }

    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z"); // a zombie has exited
        } catch (IOException e) {
            return false;
        }
    }

    static void signal(Process p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("/bin/kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
    }

    @Test
    void aBuildKilledWithSigkillLeavesNoCompilerRunningAndTheNextRunCleansUp() throws Exception {
        ToolGate.requireVerilator();
        Path f = Files.createDirectories(dir.resolve("kill9"));
        Path cache = f.resolve("cache");
        Map<String, String> props = Map.of("mttkit.verilator", stallingVerilator(f).toString(), "mttkit.build.cache",
                cache.toString());
        Path log = f.resolve("first.log");
        Process first = mtt(log, props, "regress", "--rtl", walker.toString(), "--report", f.resolve("r").toString());
        List<Long> pids = awaitPids(f.resolve("pids"), 3, first, log);
        signal(first, "KILL");
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertAllGone(pids);
        try (Stream<Path> s = Files.list(cache.resolve(".tmp"))) {
            assertEquals(1, s.count(), "the killed build left its folder (cleaned by the next run)");
        }
        // the next run: the half-built folder is removed and the design is built again (the stand-in now fails fast)
        Files.writeString(f.resolve("fail"), "");
        Path log2 = f.resolve("second.log");
        Process second = mtt(log2, props, "regress", "--rtl", walker.toString(), "--report", f.resolve("r").toString());
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(log2);
        assertEquals(2, second.exitValue(), out);
        assertTrue(out.contains("stand-in.v:1:1: the stand-in compiler refuses"), out);
        assertEquals(2, Files.readAllLines(f.resolve("builds")).size(), "the second run built again");
        try (Stream<Path> s = Files.list(cache.resolve(".tmp"))) {
            assertEquals(0, s.count(), "no half-built folder is left");
        }
        assertFalse(Files.exists(f.resolve("hs_err_pid" + first.pid() + ".log")));
    }

    @Test
    void ctrlCDuringABuildLeavesNoReportNoPreviousPassAndNoCompiler() throws Exception {
        ToolGate.requireVerilator();
        Path f = Files.createDirectories(dir.resolve("sigint"));
        Path report = Files.createDirectories(f.resolve("report"));
        // a previous run's PASS, as CI would read it
        for (String name : List.of("report.json", "report.html", "junit.xml", "coverage.json")) {
            Files.writeString(report.resolve(name), "PASS from an earlier run");
        }
        Files.writeString(report.resolve("notes.txt"), "not mtt's: stays");
        Map<String, String> props = Map.of("mttkit.verilator", stallingVerilator(f).toString(), "mttkit.build.cache",
                f.resolve("cache").toString());
        Path log = f.resolve("run.log");
        Process run = mtt(log, props, "regress", "--rtl", walker.toString(), "--report", report.toString());
        List<Long> pids = awaitPids(f.resolve("pids"), 3, run, log);
        signal(run, "INT");
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, run.exitValue());
        assertAllGone(pids);
        try (Stream<Path> s = Files.list(report)) {
            assertEquals(List.of("notes.txt"), s.map(p -> p.getFileName().toString()).toList(),
                    "the stopped run leaves no report, and the previous PASS is gone");
        }
    }

    @Test
    void twoProcessesOnOneCacheBothSucceedWithOneBuild() throws Exception {
        Path f = Files.createDirectories(dir.resolve("concurrent"));
        Path exe = f.resolve("verilator");
        // a fake Verilator (no real tool needed): each build is slow enough for the two processes to overlap
        Files.writeString(exe, """
                #!/bin/bash
                for a in "$@"; do [ "$a" = --version ] && { echo "Verilator 5.006 2023-01-22 rev fake"; exit 0; }; done
                xml=""; mdir=""; out=""; prev=""
                for a in "$@"; do
                  case "$prev" in --xml-output) xml="$a";; -Mdir) mdir="$a";; -o) out="$a";; esac
                  prev="$a"
                done
                if [ -n "$xml" ]; then
                  echo '<verilator_xml><netlist><module name="t"><var name="clk" dtype_id="1" dir="input"/></module><typetable><basicdtype id="1" name="logic"/></typetable></netlist></verilator_xml>' > "$xml"; exit 0
                fi
                echo build >> "%s"; sleep 2; mkdir -p "$mdir"; printf 'default:\\n\\t@true\\n' > "$mdir/Vtop.mk"; : > "$mdir/Vtop_classes.mk"; echo library > "$mdir/$out"
                """.formatted(f.resolve("builds")));
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path v = f.resolve("t.v");
        Files.writeString(v, "module t(input wire clk); endmodule\n");
        Path cache = f.resolve("cache");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ps.add(java(f, f.resolve("child" + i + ".log"), Map.of(), BuildChild.class.getName(), cache.toString(),
                    exe.toString(), v.toString(), "t"));
        }
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertTrue(ps.get(i).waitFor(120, TimeUnit.SECONDS));
            String out = Files.readString(f.resolve("child" + i + ".log"), StandardCharsets.UTF_8).strip();
            assertEquals(0, ps.get(i).exitValue(), out);
            outs.add(out);
        }
        assertEquals(1, Files.readAllLines(f.resolve("builds")).size(), "one build, shared: " + outs);
        assertEquals(outs.get(0).replaceFirst("^\\S+ ", ""), outs.get(1).replaceFirst("^\\S+ ", ""), "one library");
        assertEquals(1, outs.stream().filter(o -> o.startsWith("cold ")).count(), outs.toString());
    }

    /** A small tmpfs, or a skip saying why the machine does not allow one. */
    static Path tmpfs(Path mountPoint, String size) throws Exception {
        return tmpfs(mountPoint, size, "");
    }

    /** A small tmpfs mounted with extra {@code options} (e.g. ",ro"), or a skip saying why it cannot be mounted. */
    static Path tmpfs(Path mountPoint, String size, String options) throws Exception {
        Files.createDirectories(mountPoint);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size + options, "tmpfs",
                mountPoint.toString())
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        String why = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(done && p.exitValue() == 0, "cannot mount a tmpfs here (" + why + "): full-disk case skipped");
        return mountPoint;
    }

    static void unmount(Path mountPoint) throws Exception {
        new ProcessBuilder("umount", mountPoint.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void aReadOnlyCacheOrReportFolderIsTheUsersToFix() throws Exception {
        ToolGate.requireVerilator();
        Path ro = tmpfs(dir.resolve("read-only"), "64k", ",ro");
        try {
            Path log = dir.resolve("ro-report.log");
            Process report = mtt(log, Map.of(), "regress", "--rtl", walker.toString(), "--report",
                    ro.resolve("report").toString());
            assertTrue(report.waitFor(120, TimeUnit.SECONDS));
            String out = Files.readString(log);
            assertEquals(2, report.exitValue(), out);
            assertTrue(out.contains("cannot create the report folder") && out.contains("Read-only file system"), out);
            Path log2 = dir.resolve("ro-cache.log");
            Process cache = mtt(log2, Map.of("mttkit.build.cache", ro.resolve("cache").toString()), "regress", "--rtl",
                    walker.toString(), "--report", dir.resolve("ro-ok-report").toString());
            assertTrue(cache.waitFor(120, TimeUnit.SECONDS));
            String out2 = Files.readString(log2);
            assertEquals(2, cache.exitValue(), out2);
            assertTrue(out2.contains("the build cache " + ro.resolve("cache") + " cannot be used: Read-only file system"),
                    out2);
            try (Stream<Path> s = Files.list(ro)) {
                assertEquals(0, s.count());
            }
        } finally {
            unmount(ro);
        }
    }

    @Test
    void aFullDiskIsTheUsersToFixAndLeavesNoEmptyOutputs() throws Exception {
        Path disk = tmpfs(dir.resolve("small-disk"), "64k");
        try {
            // fill the disk
            byte[] chunk = new byte[4096];
            try (var o = Files.newOutputStream(disk.resolve("filler"))) {
                for (int i = 0; i < 64; i++) {
                    o.write(chunk);
                }
            } catch (IOException full) {
                // expected: the disk is full now
            }
            Path regions = dir.resolve("regions.json");
            Files.writeString(regions, "[{\"base\": \"0x80000000\", \"size\": \"0x200000\", \"xwr\": \"rw\"}]");
            Path log = dir.resolve("full.log");
            Process tables = mtt(log, Map.of(), "tables", "--regions", regions.toString(), "--mode", "smmpt43", "--base",
                    "0x90000000", "--out", disk.resolve("tables.bin").toString());
            assertTrue(tables.waitFor(120, TimeUnit.SECONDS));
            String out = Files.readString(log);
            assertEquals(2, tables.exitValue(), out);
            assertTrue(out.contains("No space left on device") && !out.contains("internal error"), out);
            try (Stream<Path> s = Files.list(disk)) {
                assertEquals(List.of("filler"), s.map(p -> p.getFileName().toString()).toList(),
                        "no 0-byte or temporary file is left on the full disk");
            }
            // a report folder on the full disk: refused before the run, nothing left in it
            Path log2 = dir.resolve("full2.log");
            Process regress = mtt(log2, Map.of("mttkit.verilator", "/no/such/verilator"), "regress", "--rtl",
                    walker.toString(), "--report", disk.resolve("report").toString());
            assertTrue(regress.waitFor(120, TimeUnit.SECONDS));
            String out2 = Files.readString(log2);
            assertEquals(2, regress.exitValue(), out2);
            assertFalse(out2.contains("internal error"), out2);
        } finally {
            unmount(disk);
        }
    }
}
