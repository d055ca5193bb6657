package io.mttkit.bridge;

/**
 * Outcome of one {@code run} or {@code idle} call (the {@code mttb_stats} record plus the stop reason).
 *
 * @param reason why the call returned
 * @param cycle absolute session cycle after the call
 * @param cyclesRun cycles simulated by the call
 * @param consumed requests consumed from the slice passed in
 * @param events events written into the buffer
 * @param responses check responses seen
 * @param outstanding accepted checks still without a response
 * @param memReads memory reads issued
 * @param message stop text for terminal reasons (watchdog details, captured $fatal text), else empty
 */
public record RunResult(StopReason reason, long cycle, long cyclesRun, long consumed, int events, long responses,
        long outstanding, long memReads, String message) {
}
