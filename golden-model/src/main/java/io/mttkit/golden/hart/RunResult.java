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
 */
public record RunResult(StopReason reason, long exitCode, String console, long instret, long steps,
                        List<TrapRecord> traps, long trapsDropped, List<TraceEntry> trace, String message) {
    public RunResult {
        traps = List.copyOf(traps);
        trace = List.copyOf(trace);
    }

    /** True when the program exited through HTIF with code 0. */
    public boolean passed() {
        return reason == StopReason.EXIT && exitCode == 0;
    }
}
