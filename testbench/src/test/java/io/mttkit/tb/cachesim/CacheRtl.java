package io.mttkit.tb.cachesim;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.Dut;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.PortInfo;
import io.mttkit.bridge.ToolMissingException;
import io.mttkit.bridge.Variant;
import io.mttkit.gen.cache.MttCache;
import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated cache as a Verilator model behind the bridge's generic {@link Dut} layer: port access by name
 * (ids looked up once), values of any width, and the clock.
 */
final class CacheRtl implements AutoCloseable {
    private final MttCacheParams params;
    private final Dut dut;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> widths = new HashMap<>();

    private CacheRtl(MttCacheParams params, Dut dut) {
        this.params = params;
        this.dut = dut;
        for (PortInfo p : dut.ports()) {
            ids.put(p.name(), dut.id(p.name()));
            widths.put(p.name(), p.width());
        }
    }

    /** Generates, builds (through the build cache) and opens the cache for {@code params}, held in reset for 2 cycles. */
    static CacheRtl open(MttCacheParams params) {
        BuildDriver driver;
        try {
            driver = BuildDriver.fromEnvironment();
        } catch (ToolMissingException e) {
            if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                fail("MTTKIT_REQUIRE_TOOLS=1 but " + e.getMessage());
            }
            assumeTrue(false, ToolMissingException.INSTALL_HINT);
            throw e;
        }
        LoadedLibrary lib;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mttkit-cachesim");
            List<Path> files = Hdl.write(Hdl.elaborate(new MttCache(params)), EmitOptions.plain(), dir);
            String topName = files.get(files.size() - 1).getFileName().toString().replaceFirst("\\.v$", "");
            lib = driver.load(BuildSpec.generic(files, topName, Variant.FAST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);                         // the build cache keeps what it needs
        }
        CacheRtl rtl = new CacheRtl(params, lib.openDut());
        rtl.poke("rst", 1);
        rtl.dut.step(2);
        rtl.poke("rst", 0);
        return rtl;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    MttCacheParams params() {
        return params;
    }

    boolean has(String port) {
        return ids.containsKey(port);
    }

    void poke(String port, long value) {
        Integer id = ids.get(port);
        if (id == null) {
            throw new IllegalArgumentException("the cache has no port '" + port + "'");
        }
        dut.poke(id, value);
    }

    /** Pokes a port if it exists (ports absent for this configuration, e.g. sdid with sdidLen 0, are skipped). */
    void pokeIfPresent(String port, long value) {
        if (ids.containsKey(port)) {
            dut.poke(ids.get(port), value);
        }
    }

    long peek(String port) {
        Integer id = ids.get(port);
        if (id == null) {
            throw new IllegalArgumentException("the cache has no port '" + port + "'");
        }
        return dut.peek(id);
    }

    boolean peekBool(String port) {
        return peek(port) != 0;
    }

    /** A port of any width, unsigned. */
    BigInteger peekBig(String port) {
        int id = ids.get(port);
        if (widths.get(port) <= 63) {
            return BigInteger.valueOf(dut.peek(id));
        }
        byte[] le = dut.peekWide(id);
        byte[] be = new byte[le.length + 1];
        for (int i = 0; i < le.length; i++) {
            be[be.length - 1 - i] = le[i];
        }
        return new BigInteger(be);
    }

    void eval() {
        dut.eval();
    }

    void step() {
        dut.step(1);
    }

    @Override
    public void close() {
        dut.close();
    }
}
