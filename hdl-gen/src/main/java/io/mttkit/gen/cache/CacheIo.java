package io.mttkit.gen.cache;

import io.mttkit.gen.contract.CacheObservationPort;
import io.mttkit.gen.contract.InvalidationPort;
import io.mttkit.gen.contract.SyncPort;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;

/**
 * The cache's ports ({@code docs/cache-rtl.md}): the probe and its answer (hit, miss, walk start), the walk's
 * staleness and its fill, the contract's invalidation and sync ports (the checker top connects its own through by
 * name) and the cache events for the observation port.
 */
public final class CacheIo extends Bundle {
    public final CacheLookupPort lookup;
    /** The walker can take a walk: a miss is accepted only then. */
    public final Bool walkReady;
    public final CacheHitPort hit;
    public final Bool miss;
    /** Absent without a walk cache. */
    public final WalkStartPort wc;
    /** R1: an invalidation was applied since the walk in flight started (null when the top keeps it per walk). */
    public final Bool walkStale;
    public final CacheFillPort fill;
    public final InvalidationPort inv;
    public final SyncPort sync;
    public final CacheObservationPort obs;

    public CacheIo(Scope s, MttCacheParams p) {
        this(s, p, false);
    }

    /**
     * @param walksFromTop several walks in flight: the top keeps each walk's context and staleness and gives them
     *                     with the fill ({@link CacheFillPort#pa}); there is then no {@code walk_stale} output
     */
    public CacheIo(Scope s, MttCacheParams p, boolean walksFromTop) {
        super(s);
        lookup = s.in().bundle("lookup", x -> new CacheLookupPort(x, p));
        walkReady = s.in().bool("walk_ready");
        hit = s.out().bundle("hit", x -> new CacheHitPort(x, p));
        miss = s.out().bool("miss");
        wc = p.walkCacheEntries() > 0 ? s.out().bundle("wc", x -> new WalkStartPort(x, p)) : null;
        walkStale = walksFromTop ? null : s.out().bool("walk_stale");
        fill = s.in().bundle("fill", x -> new CacheFillPort(x, p, walksFromTop));
        inv = s.in().bundle("inv", x -> new InvalidationPort(x, p.paw(), Math.max(1, p.sdidLen())));
        sync = s.in().bundle("sync", SyncPort::new);
        obs = s.out().bundle("obs", x -> new CacheObservationPort(x, p.geometry()));
    }
}
