package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** {@code ptr_*}: one pulse per pointer the walk follows (the walk cache fills from the deepest one). */
public final class PointerPort extends Bundle {
    public final Bool valid;
    /** The level of the table the pointer leads to. */
    public final UInt level;
    public final UInt ppn;

    public PointerPort(Scope s, int ppnWidth) {
        super(s);
        valid = s.bool("valid");
        level = s.uint("level", MttWalker.LEVEL_WIDTH);
        ppn = s.uint("ppn", ppnWidth);
    }
}
