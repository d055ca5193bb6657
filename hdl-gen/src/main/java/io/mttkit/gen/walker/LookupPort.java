package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** {@code lookup_*}: a lookup offered to the walker by its front end (the checker top), with valid/ready. */
public final class LookupPort extends Bundle {
    public final Bool valid;
    public final Bool ready;
    public final LookupRequest request;

    public LookupPort(Scope s, WalkerParams p) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        request = s.bundle("", x -> new LookupRequest(x, p));
    }
}
