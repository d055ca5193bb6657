package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verilator's run-time objects are compiled once per build cache and reused by the builds of other designs; a kept
 * object that was altered, or that no longer links, costs a compile, never a failed or wrong library. Three builds of
 * the small wide counter, each made a different design by a comment (a new content hash, the same run-time objects).
 */
class RuntimeObjectsTest {

    /** The wide counter with a comment that makes it a design of its own for the build cache. */
    private static BuildSpec counter(Path tmp, int n) throws IOException {
        Path v = TestDesigns.wideCounter(Files.createDirectories(tmp.resolve("rtl" + n)));
        Files.writeString(v, Files.readString(v) + "// design " + n + "\n");
        return BuildSpec.generic(List.of(v), TestDesigns.WIDE_COUNTER_TOP, Variant.FAST);
    }

    private static String log(BuiltLibrary b) throws IOException {
        return Files.readString(b.manifest().resolveSibling("build.log"));
    }

    /** True when the build compiled Verilator's own verilated.cpp (rather than taking the kept object). */
    private static boolean compiledRuntime(BuiltLibrary b) throws IOException {
        return log(b).lines().anyMatch(l -> l.contains("include/verilated.cpp"));
    }

    /** The library loads and counts: the run-time objects it was linked with work. */
    private static void assertCounts(BuiltLibrary b, BuildCache cache) {
        try (Dut dut = LoadedLibrary.load(b, cache).openDut()) {
            dut.poke("rst", 1);
            dut.step(1);
            dut.poke("rst", 0);
            dut.poke("en", 1);
            dut.step(7);
            assertEquals(7, dut.peek("count"));
        }
    }

    @Test
    void keptObjectsAreReusedAndABadOneCostsACompileNotABuild(@TempDir Path tmp) throws IOException {
        BuildDriver d = new BuildDriver(new BuildCache(tmp.resolve("cache"), 16), ToolSupport.driverOrSkip().tool());

        BuiltLibrary first = d.build(counter(tmp, 1));
        assertTrue(compiledRuntime(first), "the first build compiles the run-time objects");
        Path kept;
        try (Stream<Path> s = Files.list(tmp.resolve("cache").resolve("runtime"))) {
            List<Path> dirs = s.toList();
            assertEquals(1, dirs.size(), "one tool and flag combination: " + dirs);
            kept = dirs.get(0);
        }
        Path object = kept.resolve("verilated.o");
        Path sum = kept.resolve("verilated.o.sha256");
        assertTrue(Files.isRegularFile(object) && Files.isRegularFile(sum), "kept with its checksum");

        BuiltLibrary second = d.build(counter(tmp, 2));
        assertFalse(compiledRuntime(second), "another design takes the kept objects:\n" + log(second));
        assertCounts(second, d.cache());

        Files.writeString(object, "not an object file");
        Files.writeString(sum, LibraryCheck.sha256(object) + "\n");  // only the link can tell
        BuiltLibrary third = d.build(counter(tmp, 3));
        assertTrue(compiledRuntime(third), "retried without the kept objects:\n" + log(third));
        assertCounts(third, d.cache());
        assertTrue(Files.size(object) > 1000, "the retried build keeps a good object again");
    }

    @Test
    void aKeptObjectThatNoLongerMatchesItsChecksumIsNotProvidedAndIsDeleted(@TempDir Path tmp) throws IOException {
        RuntimeObjects kept = RuntimeObjects.in(tmp.resolve("cache"), "key");
        Path built = Files.createDirectories(tmp.resolve("obj1"));
        Files.write(built.resolve("verilated.o"), new byte[] {1, 2, 3, 4});
        kept.keep(built, List.of("verilated.o"), List.of());
        Path obj = Files.createDirectories(tmp.resolve("obj2"));
        assertEquals(List.of("verilated.o"), kept.provide(obj, List.of("verilated.o", "verilated_threads.o")));
        assertEquals(4, Files.size(obj.resolve("verilated.o")));

        Files.write(kept.dir().resolve("verilated.o"), new byte[] {1, 2, 3, 5});
        Path obj3 = Files.createDirectories(tmp.resolve("obj3"));
        assertEquals(List.of(), kept.provide(obj3, List.of("verilated.o")));
        assertFalse(Files.exists(obj3.resolve("verilated.o")));
        assertFalse(Files.exists(kept.dir().resolve("verilated.o")), "the altered object is deleted");
    }
}
