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
        this(s, w, cacheGeometry, stateWidth, 1);
    }

    /**
     * A checker with {@code walks} walks in flight: more than one makes it contract v4 ({@code mrd_tag} of
     * log2(walks) bits, the walk observation outputs {@link WalkObservationPort}); one is the v1/v2 top.
     */
    public CheckerIo(Scope s, ContractWidths w, CacheGeometry cacheGeometry, int stateWidth, int walks) {
        super(s);
        int tagWidth = walks == 1 ? MemReadPort.TAG_WIDTH : WalkObservationPort.indexWidth(walks);
        req = s.in().bundle("req", x -> new CheckRequestPort(x, w));
        mrd = s.out().bundle("mrd", x -> new MemReadPort(x, w.paw(), tagWidth));
        mrs = s.in().bundle("mrs", x -> new MemResponsePort(x, tagWidth));
        pmp = s.out().bundle("pmp", x -> new PmpPort(x, w.paw()));
        inv = s.in().bundle("inv", x -> new InvalidationPort(x, w.paw(), w.sdid()));
        sync = s.in().bundle("sync", SyncPort::new);
        rsp = s.out().bundle("rsp", x -> new CheckResponsePort(x, w.id()));
        obs = s.out().bundle("obs", x -> new ObservationPort(x, cacheGeometry, stateWidth, walks));
    }
}
