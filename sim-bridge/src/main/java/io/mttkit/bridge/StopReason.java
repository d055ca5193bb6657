package io.mttkit.bridge;

/** Why a {@code run}/{@code idle} call returned (the non-negative status codes of the C ABI). */
public enum StopReason {
    /** Every request consumed (or, for a drain, nothing outstanding). */
    DONE(0, false),
    /** The event buffer filled up; call again with the remaining requests. */
    EVENTS_FULL(1, false),
    /** The per-call cycle limit was reached; call again with the remaining requests. */
    CYCLE_LIMIT(2, false),
    /** The watchdog fired; the message names the outstanding requests. Session unusable. */
    TIMEOUT(3, true),
    /** RTL {@code $stop}, {@code $fatal} or a failed assertion. Session unusable. */
    RTL_STOP(4, true),
    /** RTL {@code $finish}. Session unusable. */
    RTL_FINISH(5, true),
    /** Verilator runtime fatal error. Session unusable. */
    RTL_FATAL(6, true);

    private final int code;
    private final boolean terminal;

    StopReason(int code, boolean terminal) {
        this.code = code;
        this.terminal = terminal;
    }

    public int code() {
        return code;
    }

    /** True when the session cannot simulate any further. */
    public boolean terminal() {
        return terminal;
    }

    static StopReason of(int code) {
        for (StopReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new BridgeException("unknown stop status " + code + " from the native library");
    }
}
