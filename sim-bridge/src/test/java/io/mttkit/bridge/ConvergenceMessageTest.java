package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message of a design that does not settle names the cause and, from build.log, where Verilator saw the loop. */
class ConvergenceMessageTest {

    @Test
    void recognisesVerilatorsConvergenceFailuresOnly() {
        assertTrue(ConvergenceException.matches("Verilator fatal error at t.v:6: Settle region did not converge."));
        assertTrue(ConvergenceException.matches("Verilator fatal error at t.v:1: Verilated model didn't converge"));
        assertFalse(ConvergenceException.matches("Verilator fatal error at t.v:9: $readmem file not found"));
        assertFalse(ConvergenceException.matches(null));
    }

    @Test
    void namesTheLoopWhereVerilatorFoundIt(@TempDir Path tmp) throws IOException {
        Path manifest = tmp.resolve("manifest.json");
        Files.writeString(manifest, "{}");
        Files.writeString(tmp.resolve("build.log"), """
                %Warning-UNOPTFLAT: /rtl/top.v:139:14: Signal unoptimizable: Circular combinational logic: 'top.loop_a'
                  139 |   wire [3:0] loop_a;
                      |              ^
                                    /rtl/top.v:139:14:      Example path: top.loop_a
                %Warning-WIDTH: /rtl/top.v:12:3: Operator ASSIGNW expects 2 bits
                """);
        Path v = tmp.resolve("top.v");
        Files.writeString(v, "module top(input wire clk); endmodule\n");
        BuiltLibrary built = new BuiltLibrary(tmp.resolve("lib.so"), "h", manifest, false, 0,
                BuildSpec.generic(List.of(v), "top", Variant.FAST));
        String m = ConvergenceException.of("model creation",
                "mttb_create: Verilator fatal error at /rtl/top.v:6: Settle region did not converge.", built).getMessage();
        assertEquals("the design 'top' did not settle during model creation (Verilator: /rtl/top.v:6: Settle region did "
                + "not converge.): most likely a combinational loop in your RTL (a signal that depends on itself through "
                + "assign/always_comb logic); Verilator found circular logic at /rtl/top.v:139:14 'top.loop_a' "
                + "(UNOPTFLAT in " + tmp.resolve("build.log") + "). Break the loop (register one of its signals), then run "
                + "again", m);
    }

    @Test
    void withoutABuildLogTheCauseIsStillNamed(@TempDir Path tmp) throws IOException {
        Path v = tmp.resolve("top.v");
        Files.writeString(v, "module top(input wire clk); endmodule\n");
        BuiltLibrary built = new BuiltLibrary(tmp.resolve("lib.so"), "h", tmp.resolve("manifest.json"), false, 0,
                BuildSpec.generic(List.of(v), "top", Variant.FAST));
        String m = ConvergenceException.of("run", "Verilator fatal error at t.v:6: Active region did not converge.", built)
                .getMessage();
        assertTrue(m.contains("combinational loop") && !m.contains("UNOPTFLAT"), m);
    }
}
