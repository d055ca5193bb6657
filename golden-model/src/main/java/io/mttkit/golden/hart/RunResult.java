package io.mttkit.golden.hart;

import java.util.List;

/**
 * What a program run produced.
 *
 * @param reason       why it stopped
 * @param exitCode     the HTIF exit code (valid when {@code reason} is {@link StopReason#EXIT}, else -1)
 * @param console      everything written to the HTIF console
 * @param instret      instructions retired
 * @param steps        steps executed (retired instructions plus traps taken)
 * @param traps        traps taken, up to {@link RunOptions#trapLogLimit()}
 * @param trapsDropped traps not logged because the limit was reached
 * @param trace        the instruction trace (empty unless {@link RunOptions#trace()})
 * @param message      a human-readable line on how the run ended
 * @param trapLoop     the repeated trap when {@code reason} is {@link StopReason#TRAP_LOOP}, else null
 * @param trapLoopCount how many times in a row it was taken (0 unless {@link StopReason#TRAP_LOOP})
 */
public record RunResult(StopReason reason, long exitCode, String console, long instret, long steps,
                        List<TrapRecord> traps, long trapsDropped, List<TraceEntry> trace, String message,
                        TrapRecord trapLoop, long trapLoopCount) {
    public RunResult {
        traps = List.copyOf(traps);
        trace = List.copyOf(trace);
    }

    /** Every trap taken, logged or not. */
    public long trapCount() {
        return traps.size() + trapsDropped;
    }

    /** True when the program exited through HTIF with code 0. */
    public boolean passed() {
        return reason == StopReason.EXIT && exitCode == 0;
    }
}
