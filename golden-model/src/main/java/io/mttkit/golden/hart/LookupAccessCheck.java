package io.mttkit.golden.hart;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;

/** The default {@link MttAccessCheck}: the golden lookup, no cache (every check walks the table afresh). */
public final class LookupAccessCheck implements MttAccessCheck {
    private final MttLookup lookup;

    /** @param lookup the golden lookup, built on the hart's memory and PMP */
    public LookupAccessCheck(MttLookup lookup) {
        if (lookup == null) {
            throw new IllegalArgumentException("lookup must be given");
        }
        this.lookup = lookup;
    }

    @Override
    public LookupResult check(MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind,
                              boolean bigEndian, LookupResult out) {
        return lookup.lookup(mode, rootPpn, pa, kind.need(), bigEndian, out);
    }
}
