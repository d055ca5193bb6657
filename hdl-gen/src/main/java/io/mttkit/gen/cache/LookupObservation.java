package io.mttkit.gen.cache;

import io.mttkit.gen.contract.ObservationPort;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;

/**
 * Contract v2's lookup pulse, driven the same way by every top that probes an {@link MttCache} ({@code mtt_checker},
 * {@code mtt_io_checker}): one pulse per probe, HIT with the entry that hit, MISS with the leaf set of the address, and
 * on a miss whether the walk starts from the walk cache. One place, so the two tops cannot drift apart in what the
 * scoreboard reads.
 */
public final class LookupObservation {
    private LookupObservation() {
    }

    /**
     * Drives {@code obs}'s pulse fields from {@code cio}'s lookup result.
     *
     * @param pa      the probed physical address (its leaf-set bits name the set of a miss)
     * @param setName the design name of those bits ({@code <request>_leaf_set})
     * @param wcUsed  a miss that walks from a walk-cache entry (unused without a walk cache)
     */
    public static void drive(ObservationPort obs, CacheIo cio, MttCacheParams cp, UInt pa, String setName, Bool hit,
            Bool miss, Bool wcUsed) {
        int setW = cp.geometry().setWidth();
        UInt paSet = cp.leafSets() > 1
                ? pa.bits(cp.leafRange() + cp.setBits() - 1, cp.leafRange()).named(setName)
                : Hw.lit(0, 1);
        obs.valid.set(hit.or(miss));
        obs.kind.set(Hw.mux(hit, Hw.lit(ObservationPort.KIND_HIT, ObservationPort.KIND_WIDTH),
                Hw.lit(ObservationPort.KIND_MISS, ObservationPort.KIND_WIDTH)));
        obs.array.set(Hw.mux(hit, cio.hit.array.zext(ObservationPort.ARRAY_WIDTH),
                Hw.lit(0, ObservationPort.ARRAY_WIDTH)));
        obs.set.set(Hw.mux(hit, cio.hit.set, paSet.zext(setW)));
        obs.way.set(Hw.mux(hit, cio.hit.way, Hw.lit(0, cp.geometry().wayWidth())));
        if (cp.walkCacheEntries() > 0) {
            obs.wcHit.set(wcUsed);
            // zero unless used: the bridge records every non-zero extension word each cycle (port contract v2)
            obs.wcIndex.set(Hw.mux(wcUsed, cio.wc.index, Hw.lit(0, cp.geometry().walkCacheIndexWidth())));
        }
    }
}
