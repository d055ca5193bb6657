package io.mttkit.tb.cosim;

/**
 * The settings of one harness session: the bridge's seeded memory latency, backpressure and bus errors, and the
 * PMP hook's default answer ({@link CosimHarness}; recorded in repro bundles).
 *
 * @param seed            seed of the bridge's latency/stall/bus-error generator
 * @param memLatencyMin   smallest memory latency, cycles (≥ 1)
 * @param memLatencyMax   largest memory latency, cycles
 * @param mrdStallPerMille chance per cycle that {@code mrd_ready} is low
 * @param rspStallPerMille chance per cycle that {@code rsp_ready} is low
 * @param busErrorPerMille chance per read of a bus error
 * @param pmpDefaultAllow  PMP answer for an access no region overlaps
 */
public record SessionSettings(long seed, int memLatencyMin, int memLatencyMax, int mrdStallPerMille,
                              int rspStallPerMille, int busErrorPerMille, boolean pmpDefaultAllow) {
    /** Latency 1, no stalls, no bus errors, PMP allows by default. */
    public static SessionSettings simple(long seed) {
        return new SessionSettings(seed, 1, 1, 0, 0, 0, true);
    }

    /** With memory latency in {@code [min, max]}. */
    public SessionSettings withLatency(int min, int max) {
        return new SessionSettings(seed, min, max, mrdStallPerMille, rspStallPerMille, busErrorPerMille, pmpDefaultAllow);
    }

    /** With stalls of {@code mrd_ready} / {@code rsp_ready}. */
    public SessionSettings withStalls(int mrd, int rsp) {
        return new SessionSettings(seed, memLatencyMin, memLatencyMax, mrd, rsp, busErrorPerMille, pmpDefaultAllow);
    }

    /** With bus errors. */
    public SessionSettings withBusErrors(int perMille) {
        return new SessionSettings(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille, perMille,
                pmpDefaultAllow);
    }

    /** With the default PMP answer. */
    public SessionSettings withPmpDefaultAllow(boolean allow) {
        return new SessionSettings(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille,
                busErrorPerMille, allow);
    }

    /** Cycles without progress after which the bridge stops a session (a hung RTL is reported, not waited on). */
    public static final int WATCHDOG = 20_000;

    /**
     * The bridge session a phase of checker {@code d} runs on with these settings: the harnesses, the replay and its
     * digest all open this one, so a bundle runs again on the session it was recorded on. A checker with several
     * walks in flight gets memory answering out of order (port contract v4, docs/nonblocking.md).
     */
    public io.mttkit.bridge.SessionConfig sessionConfig(io.mttkit.tb.dut.CheckerDescription d) {
        return new io.mttkit.bridge.SessionConfig(seed, memLatencyMin, memLatencyMax, mrdStallPerMille,
                rspStallPerMille, busErrorPerMille, d.pmpLatency(), WATCHDOG, pmpDefaultAllow, d.nonBlocking());
    }

    /** Whether the latency bound can be checked (stall cycles are not visible in the event trace). */
    boolean latencyCheckable() {
        return mrdStallPerMille == 0 && rspStallPerMille == 0;
    }
}
