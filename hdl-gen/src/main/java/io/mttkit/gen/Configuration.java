package io.mttkit.gen;

import io.mttkit.hdl.Module;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A named generator configuration: its parameters and how to build the top module from their values.
 *
 * @param name       the name used with {@code mtt gen --config}
 * @param summary    one line saying what it generates
 * @param parameters the parameters, in the order they are documented
 * @param build      builds the top module from checked parameter values (every parameter present)
 */
public record Configuration(String name, String summary, List<Parameter> parameters,
                            Function<Map<String, Long>, Module> build) {
    public Configuration {
        parameters = List.copyOf(parameters);
    }
}
