package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint gate on the shipped designs, and concurrent builds of one spec sharing one cache entry. */
class LintAndCacheTest {

    @Test
    void shippedDesignsAreLintClean(@TempDir Path tmp) {
        BuildDriver d = ToolSupport.driverOrSkip();
        assertEquals(List.of(), VerilatorLint.check(d.tool(), List.of(TestDesigns.tinyChecker(tmp)),
                TestDesigns.TINY_CHECKER_TOP, List.of()));
        assertEquals(List.of(), VerilatorLint.check(d.tool(), List.of(TestDesigns.wideCounter(tmp)),
                TestDesigns.WIDE_COUNTER_TOP, List.of()));
    }

    @Test
    void lintReportsEveryWarning(@TempDir Path tmp) throws IOException {
        BuildDriver d = ToolSupport.driverOrSkip();
        Path v = tmp.resolve("sloppy.v");
        Files.writeString(v, "module sloppy(input wire clk, input wire [3:0] a, output wire [1:0] y);\n"
                + "  assign y = a;\nendmodule\n");
        List<String> findings = VerilatorLint.check(d.tool(), List.of(v), "sloppy", List.of());
        assertTrue(findings.stream().anyMatch(f -> f.contains("WIDTH")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("UNUSED")), findings.toString());
    }

    @Test
    void concurrentBuildsOfOneSpecBuildOnce(@TempDir Path tmp) throws Exception {
        Path count = tmp.resolve("builds");
        Path exe = tmp.resolve("verilator");
        // a fake Verilator that records each real build and produces a (useless) file where the library goes
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
                echo build >> "%s"; sleep 1; mkdir -p "$mdir"; printf 'default:\\n\\t@true\\n' > "$mdir/Vtop.mk"; : > "$mdir/Vtop_classes.mk"; echo x > "$mdir/$out"
                """.formatted(count));
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path v = tmp.resolve("t.v");
        Files.writeString(v, "module t(input wire clk); endmodule\n");
        BuildSpec spec = BuildSpec.generic(List.of(v), "t", Variant.FAST);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<BuiltLibrary>> fs = pool.invokeAll(List.of(
                    () -> new BuildDriver(new BuildCache(tmp.resolve("c"), 4), VerilatorTool.at(exe)).build(spec),
                    () -> new BuildDriver(new BuildCache(tmp.resolve("c"), 4), VerilatorTool.at(exe)).build(spec),
                    () -> new BuildDriver(new BuildCache(tmp.resolve("c"), 4), VerilatorTool.at(exe)).build(spec)));
            int cold = 0;
            for (Future<BuiltLibrary> f : fs) {
                cold += f.get().cold() ? 1 : 0;
                assertEquals(fs.get(0).get().library(), f.get().library());
            }
            assertEquals(1, cold);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Files.readAllLines(count).size());
        try (var s = Files.list(tmp.resolve("c").resolve(".tmp"))) {
            assertFalse(s.findAny().isPresent(), "temporary build folders are cleaned up");
        }
    }
}
