package io.mttkit.gen.walker;

import io.mttkit.gen.contract.MemReadPort;
import io.mttkit.gen.contract.MemResponsePort;
import io.mttkit.gen.contract.PmpPort;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * The walker's ports: the lookup from the front end, the contract's memory and PMP ports (the same types as the
 * checker top's, which connects them through by name), the result, the pointer pulses and the FSM state.
 */
public final class WalkerIo extends Bundle {
    public final LookupPort lookup;
    public final MemReadPort mrd;
    public final MemResponsePort mrs;
    public final PmpPort pmp;
    public final WalkResultPort result;
    public final PointerPort ptr;
    public final UInt state;
    /**
     * {@code pmp_grant}: this walker's {@code pmp_valid} is the one the checker's PMP port carries in this cycle
     * (several walkers share it; null for a walker that owns the port).
     */
    public final Bool pmpGrant;

    public WalkerIo(Scope s, WalkerParams p) {
        this(s, p, false);
    }

    /** @param sharedPmp the PMP port is shared with other walkers: a query waits for {@code pmp_grant} */
    public WalkerIo(Scope s, WalkerParams p, boolean sharedPmp) {
        super(s);
        lookup = s.in().bundle("lookup", x -> new LookupPort(x, p));
        mrd = s.out().bundle("mrd", x -> new MemReadPort(x, p.paw()));
        mrs = s.in().bundle("mrs", MemResponsePort::new);
        pmp = s.out().bundle("pmp", x -> new PmpPort(x, p.paw()));
        result = s.out().bundle("result", x -> new WalkResultPort(x, p));
        ptr = s.out().bundle("ptr", x -> new PointerPort(x, p.ppnWidth()));
        state = s.out().uint("walker_state", MttWalker.STATE_WIDTH);
        pmpGrant = sharedPmp ? s.in().bool("pmp_grant") : null;
    }
}
