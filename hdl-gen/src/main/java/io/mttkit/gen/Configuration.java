package io.mttkit.gen;

import io.mttkit.hdl.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A named generator configuration: its parameters and how to build the top module from their values.
 *
 * @param name       the name used with {@code mtt gen --config}
 * @param summary    one line saying what it generates
 * @param parameters the parameter descriptors, in the order they are documented
 * @param build      builds the top module from checked parameter values (every parameter present)
 * @param checker    for a configuration whose top implements the checker port contract: the device-under-test
 *                   fields of its {@code checker.json} (name → JSON literal, in schema order, {@code docs/byo-rtl.md})
 *                   for given values; {@code null} for other configurations (their folder gets a
 *                   {@code manifest.json} with the provenance only)
 */
public record Configuration(String name, String summary, List<Param<?>> parameters,
                            Function<ParamValues, Module> build,
                            Function<ParamValues, Map<String, String>> checker) {
    public Configuration {
        parameters = List.copyOf(parameters);
        Map<String, Param<?>> seen = new LinkedHashMap<>();
        for (Param<?> p : parameters) {
            if (seen.put(p.name(), p) != null) {
                throw new IllegalArgumentException("configuration '" + name + "' names parameter '" + p.name()
                        + "' twice");
            }
        }
    }

    /** A configuration whose top is not a checker. */
    public static Configuration of(String name, String summary, List<Param<?>> parameters,
                                   Function<ParamValues, Module> build) {
        return new Configuration(name, summary, parameters, build, null);
    }

    /** Whether the top implements the checker port contract (its folder gets a {@code checker.json}). */
    public boolean isChecker() {
        return checker != null;
    }
}
