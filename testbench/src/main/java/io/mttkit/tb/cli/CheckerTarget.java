package io.mttkit.tb.cli;

import io.mttkit.gen.ShippedRtl;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.iocosim.IoCheckerLibrary;
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

    /** Every name {@code --config} accepts, shipped ones first, then the hart-side and the I/O configurations. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        ShippedRtl.ALL.forEach(s -> out.add(s.name()));
        out.addAll(CONFIGURATIONS);
        for (String c : io.mttkit.gen.Configurations.names()) {
            if (IoCheckerLibrary.isIoConfiguration(c) && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The generator configuration behind {@code name}: a shipped folder's, or {@code name} itself. */
    private static String configurationOf(String name) {
        for (ShippedRtl.Shipped s : ShippedRtl.ALL) {
            if (s.name().equals(name)) {
                return s.configuration();
            }
        }
        return name;
    }

    /** True when {@code name} (shipped or generator configuration) is an I/O MPT checker (port contract v3). */
    static boolean isIo(String name) {
        return IoCheckerLibrary.isIoConfiguration(configurationOf(name));
    }

    /**
     * The I/O checker library for {@code name} with {@code sets} applied (generated, built or taken from the build
     * cache): any configuration the generator registers whose top has the I/O ports, shipped or not.
     *
     * @throws UserInputException for a bad {@code --set}
     */
    static IoCheckerLibrary ioLibrary(String name, List<String> sets) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (ShippedRtl.Shipped s : ShippedRtl.ALL) {
            if (s.name().equals(name)) {
                settings.putAll(s.settings());
            }
        }
        settings.putAll(SetArgs.parse(sets));
        try {
            return IoCheckerLibrary.forConfiguration(configurationOf(name), settings);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--set: " + e.getMessage());
        }
    }

    /**
     * Checks {@code --set} against the parameters of {@code name}'s configuration without generating anything, so a
     * bad key or value is refused before the command changes anything (its report folder included).
     *
     * @throws UserInputException for a bad {@code --set}
     */
    static void validateSets(String name, List<String> sets) {
        if (sets.isEmpty()) {
            return;
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (ShippedRtl.Shipped s : ShippedRtl.ALL) {
            if (s.name().equals(name)) {
                settings.putAll(s.settings());
            }
        }
        settings.putAll(SetArgs.parse(sets));
        try {
            io.mttkit.gen.Configurations.resolve(configurationOf(name), settings);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--set: " + e.getMessage());
        }
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
