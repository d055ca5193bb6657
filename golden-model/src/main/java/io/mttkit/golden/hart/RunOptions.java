package io.mttkit.golden.hart;

import io.mttkit.golden.elf.ElfFile;

import java.time.Duration;
import java.util.List;

/**
 * How to run a program.
 *
 * @param maxInstructions stop with {@link StopReason#INSTRUCTION_LIMIT} after this many steps (≥ 1)
 * @param timeout         optional wall-clock limit (null for none); the only non-deterministic input
 * @param trace           record a {@link TraceEntry} per step
 * @param traceLimit      keep at most this many trace entries (the first ones)
 * @param trapLogLimit    keep at most this many trap records (the first ones)
 * @param trapLoopLimit   stop with {@link StopReason#TRAP_LOOP} when the same exception (pc, cause, tval,
 *                        privileges) is taken this many times in a row, each time with nothing retired since
 *                        the previous one but the handler's return to it (≥ 2)
 * @param memory          the physical memory ranges to map (RAM and any region a program probes)
 * @param setup           called after the ELF is loaded and before the first instruction (place tables,
 *                        write parameters); may be null
 */
public record RunOptions(long maxInstructions, Duration timeout, boolean trace, int traceLimit, int trapLogLimit,
                         int trapLoopLimit, List<PageMemory.Range> memory, Setup setup) {

    /** Prepares memory and hart state before a run. */
    @FunctionalInterface
    public interface Setup {
        void prepare(Hart hart, ElfFile elf);
    }

    /** 256 MiB of RAM at 0x8000_0000. */
    public static final PageMemory.Range DEFAULT_RAM = new PageMemory.Range(0x8000_0000L, 256L << 20, "ram");

    public RunOptions {
        if (maxInstructions < 1) {
            throw new IllegalArgumentException("maxInstructions must be at least 1, got " + maxInstructions);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (traceLimit < 0 || trapLogLimit < 0) {
            throw new IllegalArgumentException("traceLimit and trapLogLimit must not be negative");
        }
        if (trapLoopLimit < 2) {
            throw new IllegalArgumentException("trapLoopLimit must be at least 2, got " + trapLoopLimit);
        }
        if (memory == null || memory.isEmpty()) {
            throw new IllegalArgumentException("at least one memory range must be given");
        }
        memory = List.copyOf(memory);
    }

    /**
     * 100 M instructions, no timeout, no trace, 10 000 trap records, a trap loop after 1 000 repeats,
     * {@link #DEFAULT_RAM}, no setup.
     */
    public static RunOptions defaults() {
        return new RunOptions(100_000_000L, null, false, 1_000_000, 10_000, 1_000, List.of(DEFAULT_RAM), null);
    }

    public RunOptions withTrapLoopLimit(int v) {
        return new RunOptions(maxInstructions, timeout, trace, traceLimit, trapLogLimit, v, memory, setup);
    }

    public RunOptions withMaxInstructions(long v) {
        return new RunOptions(v, timeout, trace, traceLimit, trapLogLimit, trapLoopLimit, memory, setup);
    }

    public RunOptions withTimeout(Duration v) {
        return new RunOptions(maxInstructions, v, trace, traceLimit, trapLogLimit, trapLoopLimit, memory, setup);
    }

    public RunOptions withTrace(boolean v) {
        return new RunOptions(maxInstructions, timeout, v, traceLimit, trapLogLimit, trapLoopLimit, memory, setup);
    }

    public RunOptions withMemory(List<PageMemory.Range> v) {
        return new RunOptions(maxInstructions, timeout, trace, traceLimit, trapLogLimit, trapLoopLimit, v, setup);
    }

    public RunOptions withSetup(Setup v) {
        return new RunOptions(maxInstructions, timeout, trace, traceLimit, trapLogLimit, trapLoopLimit, memory, v);
    }
}
