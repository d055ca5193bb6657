package io.mttkit.bridge;

import java.util.List;

/**
 * Build variant of a co-simulation library. Each variant is a separate cache entry (the variant is part
 * of the content hash) because it changes the Verilator arguments and the compiled code.
 */
public enum Variant {
    /** Speed: X resolved to fast constants, no tracing, no assertions. */
    FAST("fast", List.of("--x-assign", "fast", "--x-initial", "fast"), 0),
    /** Waves: as FAST plus FST or VCD tracing, dumped only inside a requested cycle window. */
    TRACE("trace", List.of("--x-assign", "fast", "--x-initial", "fast"), 0),
    /** Checking: SystemVerilog assertions on and every X initialised to a unique seeded random value, so
     *  a design that depends on uninitialised state behaves differently from run to run of a seed sweep. */
    ASSERT("assert", List.of("--assert", "--x-assign", "unique", "--x-initial", "unique"), 2);

    private final String id;
    private final List<String> verilatorArgs;
    private final int randReset;

    Variant(String id, List<String> verilatorArgs, int randReset) {
        this.id = id;
        this.verilatorArgs = verilatorArgs;
        this.randReset = randReset;
    }

    /** Short name used in manifests and {@code mttb_build_info()}. */
    public String id() {
        return id;
    }

    /** Variant-specific Verilator arguments (tracing arguments are added by the driver). */
    public List<String> verilatorArgs() {
        return verilatorArgs;
    }

    /** Value for {@code VerilatedContext::randReset}: 0 zeros, 2 unique random. */
    public int randReset() {
        return randReset;
    }
}
