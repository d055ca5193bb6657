package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;

/**
 * {@code sync_*}: SFENCE.INVAL.IR (or the sync half of MFENCE.PA). {@code ack} means every earlier invalidation is
 * applied and no walk that started before it can still fill. Declared by the checker with {@code s.in()}.
 */
public final class SyncPort extends Bundle {
    public final Bool req;
    public final Bool ack;

    public SyncPort(Scope s) {
        super(s);
        req = s.bool("req");
        ack = s.in().bool("ack");
    }
}
