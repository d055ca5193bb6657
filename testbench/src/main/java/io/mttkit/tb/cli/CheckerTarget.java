package io.mttkit.tb.cli;

import io.mttkit.gen.ShippedRtl;
import io.mttkit.tb.cosim.CheckerLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves a {@code --config NAME} of the co-simulation commands: a shipped configuration ({@code rtl/<name>}) or
 * a generator configuration of the checker ({@code checker-rv64/rv32} with the cache, {@code walker-rv64/rv32}
 * cache-less), with {@code --set} overrides.
 */
final class CheckerTarget {
    /** The generator configurations of a checker. */
    private static final List<String> CONFIGURATIONS = List.of("checker-rv64", "checker-rv32", "walker-rv64",
            "walker-rv32");

    private CheckerTarget() {
    }

    /** Every name {@code --config} accepts, shipped ones first. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        ShippedRtl.ALL.forEach(s -> out.add(s.name()));
        out.addAll(CONFIGURATIONS);
        return out;
    }

    /** Refuses a {@code --config} name that is neither shipped nor a checker configuration. */
    static void requireKnown(String name) {
        if (!names().contains(name)) {
            throw new UserInputException("--config: unknown configuration '" + name + "'; expected one of "
                    + String.join(", ", names()));
        }
    }

    /**
     * The checker library for {@code name} with {@code sets} applied (built or taken from the build cache).
     *
     * @throws UserInputException for an unknown name or a bad {@code --set}
     */
    static CheckerLibrary library(String name, List<String> sets) {
        String configuration = name;
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (ShippedRtl.Shipped s : ShippedRtl.ALL) {
            if (s.name().equals(name)) {
                configuration = s.configuration();
                settings.putAll(s.settings());
            }
        }
        if (!CONFIGURATIONS.contains(configuration)) {
            throw new UserInputException("--config: unknown configuration '" + name + "'; expected one of "
                    + String.join(", ", names()));
        }
        settings.putAll(SetArgs.parse(sets));
        try {
            return CheckerLibrary.forConfiguration(configuration, settings);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--set: " + e.getMessage());
        }
    }
}
