package io.mttkit.tb.mutation;

import io.mttkit.gen.Configurations;
import io.mttkit.gen.ShippedRtl;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.checker.CheckerConfigurations;
import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkerParams;
import java.util.List;
import java.util.Map;

/**
 * A checker configuration the mutation catalogue covers: the cache-less checkers {@code walker-rv64} and
 * {@code walker-rv32} (the walker defaults), and the shipped cached checkers {@code rv64-smmpt} (the default) and
 * {@code rv32-smmpt} ({@code rtl/<name>}: the same parameters and cache shape as the shipped Verilog).
 *
 * @param name   the configuration name ({@code --config} of {@code mtt mutate})
 * @param params what the checker implements (the golden model is configured from it)
 * @param cache  the cache geometry, {@code null} for a cache-less checker
 */
public record MutationConfig(String name, WalkerParams params, CacheShape cache) {
    /** Cache-less RV64 checker, both formats. */
    public static final String WALKER_RV64 = "walker-rv64";
    /** Cache-less RV32 checker, both formats. */
    public static final String WALKER_RV32 = "walker-rv32";
    /** The shipped default: RV64, smmpt-v0.9, default cache. */
    public static final String RV64_SMMPT = "rv64-smmpt";
    /** The shipped RV32 smmpt-v0.9 checker with the default cache. */
    public static final String RV32_SMMPT = "rv32-smmpt";
    /** Every configuration name, the default ({@code mtt mutate} without {@code --config}) first. */
    public static final List<String> NAMES = List.of(RV64_SMMPT, RV32_SMMPT, WALKER_RV64, WALKER_RV32);

    /**
     * The configuration called {@code name}.
     *
     * @throws IllegalArgumentException for any other name (the message lists the known ones)
     */
    public static MutationConfig of(String name) {
        return switch (name) {
            case WALKER_RV64 -> new MutationConfig(name, WalkerParams.defaults(64), null);
            case WALKER_RV32 -> new MutationConfig(name, WalkerParams.defaults(32), null);
            case RV64_SMMPT, RV32_SMMPT -> shipped(name);
            default -> throw new IllegalArgumentException("no mutation configuration '" + name + "'; expected one of "
                    + String.join(", ", NAMES));
        };
    }

    /** The parameters and cache shape of {@code rtl/<name>}, resolved the way {@code mtt gen --shipped} does. */
    private static MutationConfig shipped(String name) {
        ShippedRtl.Shipped s = ShippedRtl.ALL.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("'" + name + "' is not a shipped configuration any more"));
        io.mttkit.gen.ParamValues values = Configurations.resolve(s.configuration(), s.settings());
        int xlen = s.configuration().endsWith("32") ? 32 : 64;
        CacheShape cache = s.configuration().startsWith("checker-") ? CheckerConfigurations.cacheShape(values) : null;
        return new MutationConfig(name, CheckerConfigurations.params(xlen, values), cache);
    }

    /** The checker generator of this configuration. */
    public MttChecker checker() {
        return new MttChecker(params, cache);
    }
}
