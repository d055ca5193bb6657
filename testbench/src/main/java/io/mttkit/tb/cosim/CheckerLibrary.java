package io.mttkit.tb.cosim;

import io.mttkit.gen.Configurations;
import io.mttkit.gen.ShippedRtl;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.checker.CheckerConfigurations;
import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated checker for one {@link WalkerParams} (and {@link CacheShape}, when it has a cache), compiled by Verilator through the bridge's
 * {@link BuildDriver} (whose content-hashed build cache shares one build across test classes and JVMs) and
 * loaded once per JVM.
 */
public final class CheckerLibrary {
    private record Key(WalkerParams params, CacheShape cache, Variant variant) {
    }

    private static final Map<Key, CheckerLibrary> LOADED = new ConcurrentHashMap<>();

    private final WalkerParams params;
    private final CacheShape cache;
    private final LoadedLibrary library;
    private final String top;

    private CheckerLibrary(WalkerParams params, CacheShape cache, LoadedLibrary library, String top) {
        this.params = params;
        this.cache = cache;
        this.library = library;
        this.top = top;
    }

    /** The cache-less checker for {@code params}, built (or taken from the build cache) on first use. */
    public static CheckerLibrary of(WalkerParams params) {
        return of(params, null);
    }

    /** The checker for {@code params} with a cache of {@code cache} ({@code null}: cache-less). */
    public static CheckerLibrary of(WalkerParams params, CacheShape cache) {
        return LOADED.computeIfAbsent(new Key(params, cache, Variant.FAST),
                k -> build(k.params(), k.cache(), k.variant()));
    }

    /**
     * As {@link #of(WalkerParams, CacheShape)} built as {@code variant}: {@link Variant#ASSERT} turns on the RTL's
     * assertions and initialises every register and memory bit to a unique seeded random value instead of zero, so
     * a run that matches the golden model there shows that the design resets everything it relies on.
     */
    public static CheckerLibrary of(WalkerParams params, CacheShape cache, Variant variant) {
        return LOADED.computeIfAbsent(new Key(params, cache, variant), k -> build(k.params(), k.cache(), k.variant()));
    }

    /**
     * The checker of a shipped configuration ({@code rtl/<name>}, {@link ShippedRtl#SHIPPED}): the same parameters,
     * generated and built here (the staleness test keeps {@code rtl/} equal to what the generator emits).
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the shipped ones)
     */
    public static CheckerLibrary shipped(String name) {
        for (ShippedRtl.Shipped s : ShippedRtl.ALL) {
            if (s.name().equals(name)) {
                return forConfiguration(s.configuration(), s.settings());
            }
        }
        throw new IllegalArgumentException("unknown shipped configuration '" + name + "'; shipped: "
                + ShippedRtl.ALL.stream().map(ShippedRtl.Shipped::name).toList());
    }

    /**
     * The checker of generator configuration {@code configuration} ({@code checker-rv64/rv32} with the cache,
     * {@code walker-rv64/rv32} cache-less) with {@code settings} applied (unset keys take their defaults).
     *
     * @throws IllegalArgumentException for another configuration, an unknown key or an out-of-range value
     */
    public static CheckerLibrary forConfiguration(String configuration, Map<String, String> settings) {
        if (!configuration.startsWith("checker-rv") && !configuration.startsWith("walker-rv")) {
            throw new IllegalArgumentException("'" + configuration + "' is not a checker configuration "
                    + "(checker-rv64, checker-rv32, walker-rv64, walker-rv32)");
        }
        io.mttkit.gen.ParamValues values = Configurations.resolve(configuration, settings);
        WalkerParams p = CheckerConfigurations.params(configuration.endsWith("32") ? 32 : 64, values);
        return of(p, configuration.startsWith("checker-") ? CheckerConfigurations.cacheShape(values) : null);
    }

    /**
     * A checker built from given Verilog (a team's own RTL, or a mutant of the generated one) for the regression.
     * {@code params} tells the regression what the RTL implements (XLEN, formats, paw, SDID and id widths, reserved
     * tuple scope, big-endian support, PMP latency); the golden model is configured from it. Not memoised: each
     * call builds (or takes from the content-hashed build cache) and loads the library.
     *
     * @throws io.mttkit.bridge.BridgeException when a source is missing, the top lacks contract ports (listed),
     *                                          or Verilator fails
     */
    public static CheckerLibrary fromVerilog(List<Path> sources, String top, WalkerParams params) {
        return fromVerilog(sources, top, params, null);
    }

    /** As above for a checker with a cache of {@code cache}: its observation ports must follow contract v2. */
    public static CheckerLibrary fromVerilog(List<Path> sources, String top, WalkerParams params, CacheShape cache) {
        java.util.Objects.requireNonNull(params, "params");
        LoadedLibrary lib = BuildDriver.fromEnvironment().load(BuildSpec.checker(sources, top, Variant.FAST));
        return new CheckerLibrary(params, cache, lib, top);
    }

    /**
     * A checker from a folder holding Verilog and a {@code checker.json} manifest ({@link CheckerManifest}):
     * bring-your-own RTL, {@code docs/byo-rtl.md}.
     */
    public static CheckerLibrary fromManifest(Path dir) {
        CheckerManifest m = CheckerManifest.read(dir);
        return fromVerilog(m.sources(), m.top(), m.params(), m.cache());
    }

    private static CheckerLibrary build(WalkerParams params, CacheShape cache, Variant variant) {
        Design design = Hdl.elaborate(new MttChecker(params, cache));
        try {
            Path dir = Files.createTempDirectory("mtt-checker-rtl");
            List<Path> files = Hdl.write(design, EmitOptions.plain(), dir);
            try {
                LoadedLibrary lib = BuildDriver.fromEnvironment().load(BuildSpec.checker(files, design.top(), variant));
                return new CheckerLibrary(params, cache, lib, design.top());
            } finally {
                // the build cache keys on content and keeps its own copy of what it needs: no temp files left
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the generated checker Verilog", e);
        }
    }

    /** The generator parameters. */
    public WalkerParams params() {
        return params;
    }

    /** The cache geometry, or {@code null} for a cache-less checker. */
    public CacheShape cache() {
        return cache;
    }

    /** The loaded bridge library. */
    public LoadedLibrary library() {
        return library;
    }

    /** The Verilog top module name. */
    public String top() {
        return top;
    }
}
