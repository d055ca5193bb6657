package io.mttkit.gen;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.samples.ChainWalker;
import io.mttkit.hdl.samples.Counter;
import io.mttkit.hdl.samples.Fifo;
import io.mttkit.hdl.samples.RoundRobinArbiter;
import io.mttkit.hdl.samples.TreePlru;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of generator configurations that {@code mtt gen --config NAME [--set key=value ...] --out DIR}
 * offers. Immutable; every problem with a request is an {@link IllegalArgumentException} whose message names
 * the offending key, the allowed range and the value given.
 */
public final class Configurations {
    private static final Map<String, Configuration> REGISTRY = registry();

    private Configurations() {}

    private static Map<String, Configuration> registry() {
        Map<String, Configuration> r = new LinkedHashMap<>();
        Param<Integer> counterWidth = Param.integer("width", 8, 1, 64, "counter width in bits");
        add(r, Configuration.of("sample-counter", "wrapping up-counter with clear (HDL sample)", List.of(counterWidth),
                p -> new Counter(p.get(counterWidth))));
        Param<Integer> fifoWidth = Param.integer("width", 8, 1, 1024, "payload width in bits");
        Param<Integer> fifoDepth = Param.integer("depth", 16, 2, 4096, "number of entries");
        add(r, Configuration.of("sample-fifo", "valid/ready FIFO on an asynchronously read memory (HDL sample)",
                List.of(fifoWidth, fifoDepth), p -> new Fifo(p.get(fifoWidth), p.get(fifoDepth))));
        Param<Integer> ports = Param.integer("ports", 4, 2, 64, "number of requesters");
        add(r, Configuration.of("sample-arbiter", "round-robin arbiter (HDL sample)", List.of(ports),
                p -> new RoundRobinArbiter(p.get(ports))));
        Param<Integer> ways = Param.powerOfTwo("ways", 8, 2, 64, "number of ways");
        add(r, Configuration.of("sample-plru", "tree pseudo-LRU replacement state for one set (HDL sample)",
                List.of(ways), p -> new TreePlru(p.get(ways))));
        Param<Integer> fsmWidth = Param.integer("width", 16, 2, 64, "address and data width in bits");
        Param<Integer> maxHops = Param.integer("maxhops", 4, 1, 255, "pointers followed before giving up");
        add(r, Configuration.of("sample-fsm", "pointer-chasing walker FSM (HDL sample)", List.of(fsmWidth, maxHops),
                p -> new ChainWalker(p.get(fsmWidth), p.get(maxHops))));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.cachedForXlen(64));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.cachedForXlen(32));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.forXlen(64));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.forXlen(32));
        add(r, io.mttkit.gen.cache.CacheConfigurations.forXlen(64));
        add(r, io.mttkit.gen.cache.CacheConfigurations.forXlen(32));
        add(r, io.mttkit.gen.iompt.IoConfigurations.sdclForXlen(64));
        add(r, io.mttkit.gen.iompt.IoConfigurations.sdclForXlen(32));
        add(r, io.mttkit.gen.iompt.IoConfigurations.checkerForXlen(64));
        add(r, io.mttkit.gen.iompt.IoConfigurations.checkerForXlen(32));
        add(r, io.mttkit.gen.iompt.IoConfigurations.shippedRv64());
        add(r, io.mttkit.gen.spmp.SpmpConfigurations.composedForXlen(64));
        add(r, io.mttkit.gen.spmp.SpmpConfigurations.composedForXlen(32));
        add(r, io.mttkit.gen.spmp.SpmpConfigurations.aloneForXlen(64));
        add(r, io.mttkit.gen.spmp.SpmpConfigurations.aloneForXlen(32));
        return java.util.Collections.unmodifiableMap(r);
    }

    private static void add(Map<String, Configuration> r, Configuration c) {
        r.put(c.name(), c);
    }

    /** The configuration names, in documentation order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The configuration called {@code name}. */
    public static Configuration get(String name) {
        Configuration c = REGISTRY.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown configuration '" + name + "'; known: " + String.join(", ", names()));
        }
        return c;
    }

    /** A description for {@code --help}: the summary and each parameter with default, range and meaning. */
    public static String describe(String name) {
        Configuration c = get(name);
        StringBuilder sb = new StringBuilder(c.name()).append(": ").append(c.summary()).append('\n');
        int width = c.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(10);
        int dflt = c.parameters().stream().mapToInt(p -> defaultText(p).length()).max().orElse(6);
        int range = c.parameters().stream().mapToInt(p -> p.range().length()).max().orElse(10);
        for (Param<?> p : c.parameters()) {
            sb.append(String.format("  %-" + width + "s  default %-" + dflt + "s  %-" + range + "s  %s%n", p.name(),
                    defaultText(p), p.range(), p.doc()));
        }
        return sb.toString();
    }

    private static <T> String defaultText(Param<T> p) {
        return p.text(p.defaultValue());
    }

    /** Checks {@code settings} (values as written with {@code --set}) against the parameters of {@code name}. */
    public static ParamValues resolve(String name, Map<String, String> settings) {
        return ParamValues.resolve(name, get(name).parameters(), settings);
    }

    /** Elaborates configuration {@code name} with {@code settings} (unset keys take their defaults). */
    public static Design elaborate(String name, Map<String, String> settings) {
        return Hdl.elaborate(get(name).build().apply(resolve(name, settings)));
    }

    /**
     * Generates configuration {@code name} into {@code outDir}: one {@code <module>.v} per module definition and
     * the manifest ({@link GeneratedRtl}: {@code checker.json} for a checker, else {@code manifest.json}).
     *
     * @return the files written, children first, the top module last, then the manifest
     * @throws IllegalArgumentException for an unknown configuration, key, or an unparsable or out-of-range value
     */
    public static List<Path> generate(String name, Map<String, String> settings, Path outDir) {
        return generate(name, settings, Naming.DEFAULT, outDir);
    }

    /** As {@link #generate(String, Map, Path)} with the modules named by {@code naming}. */
    public static List<Path> generate(String name, Map<String, String> settings, Naming naming, Path outDir) {
        return GeneratedRtl.render(name, settings, null, null, naming).write(outDir);
    }
}
