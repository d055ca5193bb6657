package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * What one lookup is about: the PA and the access, the table (format, MODE, root) and where the walk starts. The
 * walker registers it at the handshake ({@code walk_*}) and walks from those registers.
 */
public final class LookupRequest extends Bundle {
    public final UInt pa;
    /** {X, W, R} required. */
    public final UInt need;
    /** 1: smmpt-v0.9, 0: smmtt-v0.1. */
    public final Bool format;
    /** The MODE field of {@code mttp}/{@code mmpt}. */
    public final UInt mode;
    public final UInt rootPpn;
    /** MPTEs are big-endian. */
    public final Bool be;
    /** A walk-cache hit: start in table {@code root_ppn} at {@code start_level} instead of the root. */
    public final Bool start;
    public final UInt startLevel;

    public LookupRequest(Scope s, WalkerParams p) {
        super(s);
        pa = s.uint("pa", p.paWidth());
        need = s.uint("need", 3);
        format = s.bool("format");
        mode = s.uint("mode", 4);
        rootPpn = s.uint("root_ppn", p.ppnWidth());
        be = s.bool("be");
        start = s.bool("start");
        startLevel = s.uint("start_level", MttWalker.LEVEL_WIDTH);
    }
}
