package io.mttkit.gen;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
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
import java.util.stream.Collectors;

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
        add(r, new Configuration("sample-counter", "wrapping up-counter with clear (HDL sample)",
                List.of(Parameter.integer("width", 8, 1, 64, "counter width in bits")),
                p -> new Counter(p.get("width").intValue())));
        add(r, new Configuration("sample-fifo", "valid/ready FIFO on an asynchronously read memory (HDL sample)",
                List.of(Parameter.integer("width", 8, 1, 1024, "payload width in bits"),
                        Parameter.integer("depth", 16, 2, 4096, "number of entries")),
                p -> new Fifo(p.get("width").intValue(), p.get("depth").intValue())));
        add(r, new Configuration("sample-arbiter", "round-robin arbiter (HDL sample)",
                List.of(Parameter.integer("ports", 4, 2, 64, "number of requesters")),
                p -> new RoundRobinArbiter(p.get("ports").intValue())));
        add(r, new Configuration("sample-plru", "tree pseudo-LRU replacement state for one set (HDL sample)",
                List.of(Parameter.powerOfTwo("ways", 8, 2, 64, "number of ways")),
                p -> new TreePlru(p.get("ways").intValue())));
        add(r, new Configuration("sample-fsm", "pointer-chasing walker FSM (HDL sample)",
                List.of(Parameter.integer("width", 16, 2, 64, "address and data width in bits"),
                        Parameter.integer("maxhops", 4, 1, 255, "pointers followed before giving up")),
                p -> new ChainWalker(p.get("width").intValue(), p.get("maxhops").intValue())));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.cachedForXlen(64));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.cachedForXlen(32));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.forXlen(64));
        add(r, io.mttkit.gen.checker.CheckerConfigurations.forXlen(32));
        add(r, io.mttkit.gen.cache.CacheConfigurations.forXlen(64));
        add(r, io.mttkit.gen.cache.CacheConfigurations.forXlen(32));
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
        for (Parameter p : c.parameters()) {
            sb.append(String.format("  %-" + width + "s  default %-6d %-24s %s%n", p.name(), p.defaultValue(), p.range(),
                    p.doc()));
        }
        return sb.toString();
    }

    /** Checks {@code settings} against the parameters of {@code name} and fills in defaults. */
    public static Map<String, Long> resolve(String name, Map<String, String> settings) {
        Configuration c = get(name);
        Map<String, Parameter> byName = c.parameters().stream()
                .collect(Collectors.toMap(Parameter::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        for (String key : settings.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for configuration '" + name
                        + "' (value '" + settings.get(key) + "'); known: " + c.parameters().stream()
                        .map(p -> p.name() + " (" + p.range() + ")").collect(Collectors.joining(", ")));
            }
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (Parameter p : c.parameters()) {
            String raw = settings.get(p.name());
            values.put(p.name(), raw == null ? p.defaultValue() : p.parse(name, raw));
        }
        return values;
    }

    /** Elaborates configuration {@code name} with {@code settings} (unset keys take their defaults). */
    public static Design elaborate(String name, Map<String, String> settings) {
        return Hdl.elaborate(get(name).build().apply(resolve(name, settings)));
    }

    /**
     * Generates the Verilog of configuration {@code name} into {@code outDir}, one {@code <module>.v} per
     * module definition.
     *
     * @return the files written, children first, the top module last
     * @throws IllegalArgumentException for an unknown configuration, key, or an unparsable or out-of-range value
     */
    public static List<Path> generate(String name, Map<String, String> settings, Path outDir) {
        return Hdl.write(elaborate(name, settings), EmitOptions.plain(), outDir);
    }
}
