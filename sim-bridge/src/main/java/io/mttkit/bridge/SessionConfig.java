package io.mttkit.bridge;

import com.sun.jna.Memory;

/**
 * Seeded environment of a checker session (the {@code mttb_config} record, 64 bytes). All randomness —
 * memory latency, backpressure on {@code mrd_ready}/{@code rsp_ready}, bus-error injection — comes from one
 * generator seeded with {@code seed}, so a run is a pure function of library, config, memory and requests.
 *
 * @param seed generator seed
 * @param memLatencyMin minimum memory latency in cycles (≥ 1)
 * @param memLatencyMax maximum memory latency in cycles (≥ min)
 * @param mrdStallPerMille per mille of cycles with {@code mrd_ready = 0} (≤ 999)
 * @param rspStallPerMille per mille of cycles with {@code rsp_ready = 0} (≤ 999)
 * @param busErrorPerMille per mille of memory responses answered with {@code mrs_err}
 * @param pmpLatency cycles from {@code pmp_valid} to {@code pmp_ok}; must equal the RTL's pmpLatency
 * @param watchdogCycles a request older than this ends the batch with {@link StopReason#TIMEOUT}
 * @param pmpDefaultAllow the PMP hook's answer for an address no region matches
 * @param memOutOfOrder memory responses return as soon as due, in any order, matched by {@code mrs_tag} (ABI 4; for
 *                      checkers with several reads in flight); false: in request order, as port contract v1/v2 say
 */
public record SessionConfig(long seed, int memLatencyMin, int memLatencyMax, int mrdStallPerMille,
        int rspStallPerMille, int busErrorPerMille, int pmpLatency, int watchdogCycles, boolean pmpDefaultAllow,
        boolean memOutOfOrder) {

    /** In-order memory responses (port contract v1/v2). */
    public SessionConfig(long seed, int memLatencyMin, int memLatencyMax, int mrdStallPerMille, int rspStallPerMille,
            int busErrorPerMille, int pmpLatency, int watchdogCycles, boolean pmpDefaultAllow) {
        this(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille, busErrorPerMille, pmpLatency,
                watchdogCycles, pmpDefaultAllow, false);
    }

    public SessionConfig {
        if (memLatencyMin < 1 || memLatencyMax < memLatencyMin) {
            throw new BridgeException("memory latency must satisfy 1 <= min <= max, got " + memLatencyMin + ".." + memLatencyMax);
        }
        if (mrdStallPerMille < 0 || mrdStallPerMille > 999 || rspStallPerMille < 0 || rspStallPerMille > 999) {
            throw new BridgeException("stall rates are per mille in 0..999");
        }
        if (busErrorPerMille < 0 || busErrorPerMille > 1000) {
            throw new BridgeException("bus error rate is per mille in 0..1000, got " + busErrorPerMille);
        }
        if (pmpLatency < 1 || watchdogCycles < 1) {
            throw new BridgeException("pmpLatency and watchdogCycles must be at least 1");
        }
    }

    /** No backpressure, no errors, latency 1..4, PMP latency 1, watchdog 10 000 cycles, PMP default allow. */
    public static SessionConfig defaults(long seed) {
        return new SessionConfig(seed, 1, 4, 0, 0, 0, 1, 10_000, true);
    }

    public SessionConfig withLatency(int min, int max) {
        return new SessionConfig(seed, min, max, mrdStallPerMille, rspStallPerMille, busErrorPerMille, pmpLatency,
                watchdogCycles, pmpDefaultAllow, memOutOfOrder);
    }

    public SessionConfig withStalls(int mrdPerMille, int rspPerMille) {
        return new SessionConfig(seed, memLatencyMin, memLatencyMax, mrdPerMille, rspPerMille, busErrorPerMille,
                pmpLatency, watchdogCycles, pmpDefaultAllow, memOutOfOrder);
    }

    public SessionConfig withBusErrors(int perMille) {
        return new SessionConfig(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille, perMille,
                pmpLatency, watchdogCycles, pmpDefaultAllow, memOutOfOrder);
    }

    public SessionConfig withWatchdog(int cycles) {
        return new SessionConfig(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille,
                busErrorPerMille, pmpLatency, cycles, pmpDefaultAllow, memOutOfOrder);
    }

    /** Memory responses in any order once due (ABI 4), for checkers with several reads in flight. */
    public SessionConfig withMemOutOfOrder(boolean on) {
        return new SessionConfig(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille,
                busErrorPerMille, pmpLatency, watchdogCycles, pmpDefaultAllow, on);
    }

    public SessionConfig withPmpDefaultAllow(boolean allow) {
        return new SessionConfig(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille,
                busErrorPerMille, pmpLatency, watchdogCycles, allow, memOutOfOrder);
    }

    /** The 64-byte little-endian record. */
    public byte[] toBytes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Records.CONFIG_SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(seed).putInt(memLatencyMin).putInt(memLatencyMax).putInt(mrdStallPerMille).putInt(rspStallPerMille)
                .putInt(busErrorPerMille).putInt(pmpLatency).putInt(watchdogCycles).putInt(pmpDefaultAllow ? 1 : 0)
                .putInt(memOutOfOrder ? 1 : 0);
        return b.array();
    }

    Memory toNative() {
        byte[] bytes = toBytes();
        Memory m = new Memory(bytes.length);
        m.write(0, bytes, 0, bytes.length);
        return m;
    }
}
