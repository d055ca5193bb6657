package io.mttkit.gen.cache;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** {@code lookup_*}: the front end's probe; {@code ready} is low in a fill cycle (fills take priority). */
public final class CacheLookupPort extends Bundle {
    public final Bool valid;
    public final Bool ready;
    public final UInt pa;
    public final Context ctx;

    public CacheLookupPort(Scope s, MttCacheParams p) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        pa = s.uint("pa", p.paw());
        ctx = s.bundle("", x -> new Context(x, p.sdidLen()));
    }
}
