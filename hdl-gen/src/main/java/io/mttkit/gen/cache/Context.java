package io.mttkit.gen.cache;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * The common tag of every cache entry (cache-model.md §2): the supervisor domain, the table format and the mode.
 * {@code sdid} is absent ({@code null}) when {@code sdidLen} is 0: nothing to store or compare.
 */
public final class Context extends Bundle {
    public final UInt sdid;
    /** 1: smmpt-v0.9. */
    public final Bool format;
    /** The low two bits of MODE (enough to tell the modes of one format and XLEN apart). */
    public final UInt mode;

    public Context(Scope s, int sdidLen) {
        super(s);
        sdid = sdidLen > 0 ? s.uint("sdid", sdidLen) : null;
        format = s.bool("format");
        mode = s.uint("mode", 2);
    }

    /** Same domain, format and mode. */
    public Bool matches(Context other) {
        Bool fm = format.eq(other.format).and(mode.eq(other.mode));
        return sdid == null ? fm : fm.and(sdid.eq(other.sdid));
    }
}
