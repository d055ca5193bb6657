package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build cache per user (issue #17 §4): where it is, and that builds of different designs share it without
 * waiting for each other or disturbing each other's files. Uses the fake Verilator of {@link CacheIntegrityTest}.
 */
class BuildCacheSharingTest {

    @Test
    void thePropertyThenTheVariableThenTheXdgCacheThenHome() {
        Map<String, String> env = Map.of(BuildCache.ENV, "/from/env", BuildCache.XDG_ENV, "/xdg");
        assertEquals(Path.of("/from/prop"), BuildCache.resolveDir("/from/prop", env, "/home/u"));
        assertEquals(Path.of("/from/env"), BuildCache.resolveDir(null, env, "/home/u"));
        assertEquals(Path.of("/from/env"), BuildCache.resolveDir("  ", env, "/home/u"));
        assertEquals(Path.of("/xdg/mttkit/verilator"), BuildCache.resolveDir(null, Map.of(BuildCache.XDG_ENV, "/xdg"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/mttkit/verilator"), BuildCache.resolveDir(null, Map.of(), "/home/u"));
        // the XDG base-directory spec: a relative $XDG_CACHE_HOME is invalid and ignored
        assertEquals(Path.of("/home/u/.cache/mttkit/verilator"),
                BuildCache.resolveDir(null, Map.of(BuildCache.XDG_ENV, "rel/cache"), "/home/u"));
        FixableException e = assertThrows(FixableException.class, () -> BuildCache.resolveDir(null, Map.of(), null));
        assertTrue(e.getMessage().contains(BuildCache.PROPERTY) && e.getMessage().contains(BuildCache.ENV), e.getMessage());
    }

    @Test
    void theDefaultCacheIsNotUnderTheWorkingDirectory() {
        Path d = BuildCache.defaultDir(Map.of(), System.getProperty("user.home")).toAbsolutePath();
        assertFalse(d.startsWith(Path.of("").toAbsolutePath().resolve("target")), d.toString());
        assertTrue(d.endsWith(Path.of("mttkit", "verilator")), d.toString());
    }

    @Test
    void aBuildOfOneDesignDoesNotWaitForABuildOfAnother(@TempDir Path tmp) throws Exception {
        BuildCache cache = new BuildCache(tmp.resolve("c"), 4);
        CountDownLatch aHeld = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(() -> cache.locked("a".repeat(64), () -> {
                aHeld.countDown();
                // holds its lock until the other design's build is through: waits forever if that build waited for it
                try {
                    return bDone.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            }));
            assertTrue(aHeld.await(120, TimeUnit.SECONDS));
            pool.submit(() -> cache.locked("b".repeat(64), () -> {
                bDone.countDown();
                return null;
            })).get();
            assertTrue(a.get(), "the build of b finished while a held its lock");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoDesignsBuiltAtOnceBothLandWholeAndNothingIsLeftBehind(@TempDir Path tmp) throws Exception {
        Path exe = CacheIntegrityTest.fakeVerilator(tmp);
        Path v1 = Files.writeString(tmp.resolve("t1.v"), "module t(input wire clk); endmodule\n");
        Path v2 = Files.writeString(tmp.resolve("t2.v"), "module t(input wire clk); endmodule // other\n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BuiltLibrary>> fs = pool.invokeAll(List.of(
                    () -> new BuildDriver(new BuildCache(tmp.resolve("c"), 4), VerilatorTool.at(exe))
                            .build(BuildSpec.generic(List.of(v1), "t", Variant.FAST)),
                    () -> new BuildDriver(new BuildCache(tmp.resolve("c"), 4), VerilatorTool.at(exe))
                            .build(BuildSpec.generic(List.of(v2), "t", Variant.FAST)),
                    () -> new BuildDriver(new BuildCache(tmp.resolve("c"), 4), VerilatorTool.at(exe))
                            .build(BuildSpec.generic(List.of(v1), "t", Variant.FAST)),
                    () -> new BuildDriver(new BuildCache(tmp.resolve("c"), 4), VerilatorTool.at(exe))
                            .build(BuildSpec.generic(List.of(v2), "t", Variant.FAST))));
            assertEquals(fs.get(0).get().library(), fs.get(2).get().library());
            assertEquals(fs.get(1).get().library(), fs.get(3).get().library());
            assertFalse(fs.get(0).get().hash().equals(fs.get(1).get().hash()));
            for (Future<BuiltLibrary> f : fs) {
                assertEquals(null, LibraryCheck.verify(f.get().library(), f.get().manifest()));
            }
            assertEquals(2, Files.readAllLines(tmp.resolve("builds")).size(), "each design was built once");
        } finally {
            pool.shutdown();
        }
        try (var s = Files.list(tmp.resolve("c").resolve(".tmp"))) {
            assertFalse(s.findAny().isPresent(), "temporary build folders are cleaned up");
        }
    }
}
