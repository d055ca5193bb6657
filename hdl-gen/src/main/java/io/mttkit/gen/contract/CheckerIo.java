package io.mttkit.gen.contract;

import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;

/**
 * Every port of a checker top, in the contract's order: request, memory read and response, PMP hook,
 * invalidation, sync, response, observation.
 */
public final class CheckerIo extends Bundle {
    public final CheckRequestPort req;
    public final MemReadPort mrd;
    public final MemResponsePort mrs;
    public final PmpPort pmp;
    public final InvalidationPort inv;
    public final SyncPort sync;
    public final CheckResponsePort rsp;
    public final ObservationPort obs;

    /**
     * @param cacheGeometry the cache, or {@code null} for a cache-less (contract v1) checker
     * @param stateWidth    width of {@code obs_walker_state}
     */
    public CheckerIo(Scope s, ContractWidths w, CacheGeometry cacheGeometry, int stateWidth) {
        super(s);
        req = s.in().bundle("req", x -> new CheckRequestPort(x, w));
        mrd = s.out().bundle("mrd", x -> new MemReadPort(x, w.paw()));
        mrs = s.in().bundle("mrs", MemResponsePort::new);
        pmp = s.out().bundle("pmp", x -> new PmpPort(x, w.paw()));
        inv = s.in().bundle("inv", x -> new InvalidationPort(x, w.paw(), w.sdid()));
        sync = s.in().bundle("sync", SyncPort::new);
        rsp = s.out().bundle("rsp", x -> new CheckResponsePort(x, w.id()));
        obs = s.out().bundle("obs", x -> new ObservationPort(x, cacheGeometry, stateWidth));
    }
}
