package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error a user can meet in the build driver, each with its message (COSIM-BRIDGE.md, "Errors"). */
class BuildErrorsTest {

    private static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** A fake Verilator 5.006 that parses anything into a one-port design and "builds" a garbage library. */
    private static Path garbageVerilator(Path dir) throws IOException {
        return script(dir, "verilator", """
                for a in "$@"; do
                  if [ "$a" = --version ]; then echo "Verilator 5.006 2023-01-22 rev fake"; exit 0; fi
                done
                xml=""; mdir=""; out=""; prev=""
                for a in "$@"; do
                  case "$prev" in --xml-output) xml="$a";; -Mdir) mdir="$a";; -o) out="$a";; esac
                  prev="$a"
                done
                if [ -n "$xml" ]; then
                  echo '<verilator_xml><netlist><module name="fake_top" origName="fake_top"><var name="clk" dtype_id="1" dir="input"/></module><typetable><basicdtype id="1" name="logic"/></typetable></netlist></verilator_xml>' > "$xml"
                  exit 0
                fi
                mkdir -p "$mdir"; printf 'default:\\n\\t@true\\n' > "$mdir/Vtop.mk"; : > "$mdir/Vtop_classes.mk"; echo "this is not an ELF file" > "$mdir/$out"; exit 0
                """);
    }

    private static Path anyVerilog(Path dir) throws IOException {
        Path v = dir.resolve("fake_top.v");
        Files.writeString(v, "module fake_top(input wire clk); endmodule\n");
        return v;
    }

    @Test
    void missingVerilatorNamesTheInstallCommand(@TempDir Path tmp) {
        System.setProperty(VerilatorTool.PROPERTY, tmp.resolve("no-such-verilator").toString());
        try {
            ToolMissingException e = assertThrows(ToolMissingException.class, VerilatorTool::locate);
            assertTrue(e.getMessage().startsWith(ToolMissingException.INSTALL_HINT), e.getMessage());
        } finally {
            System.clearProperty(VerilatorTool.PROPERTY);
        }
    }

    @Test
    void oldVerilatorIsRefusedWithItsVersion(@TempDir Path tmp) throws IOException {
        Path old = script(tmp, "verilator", "echo 'Verilator 4.038 2020-07-11 rev v4.036-114-g0cd4a57ad'\n");
        BridgeException e = assertThrows(BridgeException.class, () -> VerilatorTool.at(old));
        assertTrue(e.getMessage().contains("4.038") && e.getMessage().contains("too old"), e.getMessage());
        assertFalse(e instanceof ToolMissingException);
    }

    @Test
    void somethingThatIsNotVerilatorIsRefused(@TempDir Path tmp) throws IOException {
        Path other = script(tmp, "verilator", "echo 'hello'\n");
        BridgeException e = assertThrows(BridgeException.class, () -> VerilatorTool.at(other));
        assertTrue(e.getMessage().contains("expected 'Verilator 5.x'"), e.getMessage());
    }

    @Test
    void buildFailureShowsTheLogTailAndTheManifest(@TempDir Path tmp) throws IOException {
        BuildDriver real = ToolSupport.driverOrSkip();
        BuildDriver d = new BuildDriver(new BuildCache(tmp.resolve("cache"), 4), real.tool());
        Path bad = tmp.resolve("broken.v");
        Files.writeString(bad, "module broken(input wire clk);\n  wire x = ;\nendmodule\n");
        BuildException e = assertThrows(BuildException.class,
                () -> d.build(BuildSpec.generic(List.of(bad), "broken", Variant.FAST)));
        assertTrue(e.getMessage().contains("broken.v:2"), e.getMessage());
        assertNotNull(e.manifest());
        assertTrue(Files.readString(e.manifest()).contains("\"status\": \"failed"), "manifest records the failure");
        assertTrue(e.getMessage().contains(e.manifest().toString()));
    }

    @Test
    void aTopWithoutTheContractIsRefusedForTheFastPath(@TempDir Path tmp) {
        BuildDriver real = ToolSupport.driverOrSkip();
        BuildDriver d = new BuildDriver(new BuildCache(tmp.resolve("cache"), 4), real.tool());
        BridgeException e = assertThrows(BridgeException.class, () -> d.build(BuildSpec.checker(
                List.of(TestDesigns.wideCounter(tmp)), TestDesigns.WIDE_COUNTER_TOP, Variant.FAST)));
        assertTrue(e.getMessage().contains("does not implement checker port contract v2")
                && e.getMessage().contains("missing port req_valid"), e.getMessage());
    }

    @Test
    void corruptLibraryIsRebuiltOnceThenAClearError(@TempDir Path tmp) throws IOException {
        BuildDriver d = new BuildDriver(new BuildCache(tmp.resolve("cache"), 4), VerilatorTool.at(garbageVerilator(tmp)));
        BuildSpec spec = BuildSpec.generic(List.of(anyVerilog(tmp)), "fake_top", Variant.FAST);
        BuiltLibrary cold = d.build(spec);   // publishes a "library" that is not one
        assertTrue(cold.cold());
        BridgeException e = assertThrows(BridgeException.class, () -> d.load(spec));
        assertTrue(e.getMessage().contains("rebuilt once") && e.getMessage().contains("cannot load"), e.getMessage());
        // straight after a cold build there is nothing to rebuild: the error says the toolchain is at fault
        BuildDriver d2 = new BuildDriver(new BuildCache(tmp.resolve("cache2"), 4), VerilatorTool.at(garbageVerilator(tmp)));
        BridgeException e2 = assertThrows(BridgeException.class, () -> d2.load(spec));
        assertTrue(e2.getMessage().contains("freshly built library"), e2.getMessage());
    }

    @Test
    void corruptCachedLibraryIsReplacedByAWorkingOne(@TempDir Path tmp) throws IOException {
        BuildDriver real = ToolSupport.driverOrSkip();
        BuildDriver d = new BuildDriver(new BuildCache(tmp.resolve("cache"), 4), real.tool());
        BuildSpec spec = BuildSpec.generic(List.of(TestDesigns.wideCounter(tmp)), TestDesigns.WIDE_COUNTER_TOP, Variant.FAST);
        // seed the private cache with a copy of the shared entry, then truncate its library
        BuiltLibrary shared = real.build(spec);
        Path entry = d.cache().entry(shared.hash());
        Files.createDirectories(entry);
        for (Path f : List.of(shared.library(), shared.manifest())) {
            Files.copy(f, entry.resolve(f.getFileName()));
        }
        Files.write(entry.resolve(shared.library().getFileName()), new byte[100]);
        LoadedLibrary lib = d.load(spec);
        assertNotEquals(entry.resolve(shared.library().getFileName()), lib.built().library());
        assertTrue(lib.built().cold());
        try (Dut dut = lib.openDut()) {
            dut.poke("mid_in", 5);
            dut.eval();
            assertEquals(5, dut.peek("mid_sum"));
        }
    }

    @Test
    void hashFollowsContentNotLocation(@TempDir Path tmp) throws IOException {
        BuildDriver d = new BuildDriver(new BuildCache(tmp.resolve("cache"), 4), VerilatorTool.at(garbageVerilator(tmp)));
        Path a = Files.createDirectories(tmp.resolve("a")).resolve("fake_top.v");
        Path b = Files.createDirectories(tmp.resolve("b")).resolve("fake_top.v");
        Files.writeString(a, "module fake_top(input wire clk); endmodule\n");
        Files.writeString(b, "module fake_top(input wire clk); endmodule\n");
        BuildSpec sa = BuildSpec.generic(List.of(a), "fake_top", Variant.FAST);
        assertEquals(d.hash(sa), d.hash(BuildSpec.generic(List.of(b), "fake_top", Variant.FAST)));
        assertNotEquals(d.hash(sa), d.hash(sa.withVariant(Variant.ASSERT)));
        assertNotEquals(d.hash(sa.withVariant(Variant.TRACE)), d.hash(sa.withVariant(Variant.TRACE).withWaves(WaveFormat.VCD)));
        assertNotEquals(d.hash(sa), d.hash(sa.withExtraArgs(List.of("-GWIDTH=3"))));
        Files.writeString(b, "module fake_top(input wire clk); wire unused; endmodule\n");
        assertNotEquals(d.hash(sa), d.hash(BuildSpec.generic(List.of(b), "fake_top", Variant.FAST)));
    }

    @Test
    void leastRecentlyUsedEntriesAreEvicted(@TempDir Path tmp) throws IOException {
        BuildCache cache = new BuildCache(tmp, 2);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 4; i++) {
            Path e = Files.createDirectories(tmp.resolve("h" + i));
            Files.writeString(e.resolve("manifest.json"), "{}");
            Files.writeString(e.resolve("last-used"), "");
            // h1 is the most recently used, then h3; h0 and h2 are older
            long age = switch (i) { case 1 -> 0; case 3 -> 1; default -> 10 + i; };
            Files.setLastModifiedTime(e.resolve("last-used"), FileTime.fromMillis(now - age * 60_000));
        }
        cache.evict();
        assertTrue(Files.exists(tmp.resolve("h1")) && Files.exists(tmp.resolve("h3")));
        assertFalse(Files.exists(tmp.resolve("h0")) || Files.exists(tmp.resolve("h2")));
    }
}
