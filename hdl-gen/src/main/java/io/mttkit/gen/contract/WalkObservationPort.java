package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * Contract v4's observation extension of a checker with several walks in flight (docs/nonblocking.md "Port
 * contract"): which MSHR (walk) a lookup's MISS or replay and a fill belong to, and the misses parked on another
 * walk. Data outputs are 0 when their qualifier is low (the bridge records every non-zero extension word).
 */
public final class WalkObservationPort extends Bundle {
    /** The MSHR of this cycle's MISS or replayed lookup (qualified by {@code obs_valid} or {@code obs_replay}). */
    public final UInt walkId;
    /** The lookup of this cycle is an MSHR's replay (R8), not a new request. */
    public final Bool replay;
    /** The MISS of this cycle conflicts with walk {@code obs_wait_on}: its MSHR waits instead of walking. */
    public final Bool waiting;
    public final UInt waitOn;
    /** A walk ends this cycle (its fill cycle, whether or not anything is filled: stale, fault). */
    public final Bool walkEnd;
    /** The MSHR of the walk that ends (qualified by {@code obs_walk_end}; the {@code obs_fill_*} ports are its). */
    public final UInt fillWalkId;

    public WalkObservationPort(Scope s, int walks) {
        super(s);
        int w = indexWidth(walks);
        walkId = s.uint("walk_id", w);
        replay = s.bool("replay");
        waiting = s.bool("wait");
        waitOn = s.uint("wait_on", w);
        walkEnd = s.bool("walk_end");
        fillWalkId = s.uint("fill_walk_id", w);
    }

    /** Width of an MSHR index (and of {@code mrd_tag}): log2(walks), at least 1. */
    public static int indexWidth(int walks) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(walks - 1));
    }
}
