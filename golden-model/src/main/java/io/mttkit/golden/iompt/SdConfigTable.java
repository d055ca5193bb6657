package io.mttkit.golden.iompt;

import java.util.Arrays;

/**
 * The supervisor-domain configurations written by {@code SET_SDCFG_ENTRY} (ch. 6 §"SET_SDCFG_ENTRY"): per SDID
 * the MPT configuration and the QoS IDs. An SDID never configured since reset holds nothing (the reset value is
 * UNSPECIFIED and "Software must initialize all SDCL rules and SDID configurations prior to transitioning the
 * I/O MPT Checker to On state", §"Control").
 */
public final class SdConfigTable {
    private final SdConfig[] configs;
    private final QosIds[] qos;

    /** @param sdidCount 1..64 */
    public SdConfigTable(int sdidCount) {
        if (sdidCount < 1 || sdidCount > 64) {
            throw new IllegalArgumentException("sdidCount must be in 1..64, got " + sdidCount);
        }
        configs = new SdConfig[sdidCount];
        qos = new QosIds[sdidCount];
    }

    /** Forgets every configuration. */
    public void reset() {
        Arrays.fill(configs, null);
        Arrays.fill(qos, null);
    }

    public int sdidCount() {
        return configs.length;
    }

    /** The MPT configuration of {@code sdid}, or {@code null} when never set since reset. */
    public SdConfig config(int sdid) {
        Bits.checkRange("sdid", sdid, configs.length - 1);
        return configs[sdid];
    }

    /** The QoS IDs of {@code sdid} ({@link QosIds#ZERO} when QoS is not implemented), or {@code null} when never set. */
    public QosIds qos(int sdid) {
        Bits.checkRange("sdid", sdid, configs.length - 1);
        return qos[sdid];
    }

    /** Stores the configuration of {@code sdid}; the caller ({@link CommandExecutor}) has validated it. */
    void set(int sdid, SdConfig config, QosIds ids) {
        Bits.checkRange("sdid", sdid, configs.length - 1);
        configs[sdid] = config;
        qos[sdid] = ids;
    }
}
