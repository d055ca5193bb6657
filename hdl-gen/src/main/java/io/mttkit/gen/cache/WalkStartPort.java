package io.mttkit.gen.cache;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** {@code wc_*}: the deepest walk-cache match of a lookup, where a miss's walk starts (§6.1). */
public final class WalkStartPort extends Bundle {
    public final Bool hit;
    public final UInt index;
    /** The level of the table the stored pointer leads to. */
    public final UInt tableLevel;
    public final UInt ppn;

    public WalkStartPort(Scope s, MttCacheParams p) {
        super(s);
        hit = s.bool("hit");
        index = s.uint("index", p.geometry().walkCacheIndexWidth());
        tableLevel = s.uint("table_level", 3);
        ppn = s.uint("ppn", p.ppnWidth());
    }
}
