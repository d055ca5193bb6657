package io.mttkit.bridge;

/**
 * Constants of the C ABI records ({@code mttb_abi.h}); {@link LoadedLibrary} checks the sizes against the
 * library at load time, the C++ side asserts them with {@code static_assert}. Event kinds and their fields are
 * the {@link EventKind} table; {@code AbiHeaderTest} checks both against the header.
 */
public final class Records {
    private Records() {
    }

    public static final int ABI_VERSION = 5;
    public static final int REQUEST_SIZE = 32;
    public static final int EVENT_SIZE = 32;
    public static final int CONFIG_SIZE = 64;
    public static final int PMP_SIZE = 24;
    public static final int STATS_SIZE = 64;
    /**
     * Events one simulated cycle can write at most for a design <em>without</em> extension observation ports
     * (contract v1), and the smallest {@link EventBuffer}. A design's own bound, which adds one per extension
     * word, is {@link LoadedLibrary#maxEventsPerCycle()}; run needs at least that much room.
     */
    public static final int MAX_EVENTS_PER_CYCLE = PortContract.BASE_EVENTS_PER_CYCLE;

    // request kinds and flags
    public static final int REQ_CHECK = 1;
    public static final int REQ_INVAL = 2;
    public static final int REQ_SYNC = 3;
    public static final int REQ_IDLE = 4;
    public static final int RF_BE = 1;
    public static final int RF_BYPASS = 2;
    public static final int RF_INV_HAS_PA = 4;
    public static final int RF_INV_HAS_SDID = 8;
    /** ABI 5: this invalidation is presented in the same cycles as the check right after it (docs/bridge.md). */
    public static final int RF_INV_WITH_CHECK = 16;

    // I/O request kinds and flags (contract v3, mttb_io_request)
    public static final int REQ_DMA = 5;
    public static final int REQ_REG = 6;
    public static final int REQ_POLL = 7;
    public static final int IOF_TEE = 1;
    public static final int IOF_HAS_IDE = 2;
    public static final int IOF_IOMMU = 4;
    public static final int IOF_WRITE = 8;

    /** Observation kinds on {@code obs_kind} (port contract v1). */
    public static final int OBS_HIT = 0;
    public static final int OBS_MISS = 1;
    public static final int OBS_FILL = 2;
    public static final int OBS_EVICT = 3;
    public static final int OBS_INVAL = 4;

    /** FNV-1a over 64-bit words, seeded; identical to the C++ runner's digest. */
    public static long digestWord(long h, long word) {
        return (h ^ word) * 0x100000001B3L;
    }

    /** Initial digest value. */
    public static final long DIGEST_SEED = 0xcbf29ce484222325L;
}
