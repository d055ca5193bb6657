package io.mttkit.gen.cache;

import io.mttkit.gen.walker.PointerPort;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code fill_*}: the walk's outcome at its response handshake (§6.2): the leaf, normalised, and the deepest pointer
 * the walk followed (for the walk cache; absent without one).
 */
public final class CacheFillPort extends Bundle {
    public final Bool valid;
    public final Bool cacheable;
    /** A reserved tuple encoding anywhere in the leaf: not filled into the leaf or superpage array. */
    public final Bool leafRsvd;
    public final UInt leafLevel;
    public final UInt leafKind;
    public final UInt leafLog2;
    public final UInt tupleLog2;
    public final UInt tuples;
    public final PointerPort ptr;
    /**
     * With several walks in flight (the non-blocking top keeps one context per walk): the filling walk's PA and
     * context (R4, latched by its MSHR) and its R1 staleness; {@code null} when the cache latches them itself.
     */
    public final UInt pa;
    public final Context ctx;
    public final Bool stale;

    public CacheFillPort(Scope s, MttCacheParams p) {
        this(s, p, false);
    }

    /** @param walkFromTop the walk's PA, context and staleness come with the fill (several walks in flight) */
    public CacheFillPort(Scope s, MttCacheParams p, boolean walkFromTop) {
        super(s);
        valid = s.bool("valid");
        cacheable = s.bool("cacheable");
        leafRsvd = s.bool("leaf_rsvd");
        leafLevel = s.uint("leaf_level", 3);
        leafKind = s.uint("leaf_kind", 2);
        leafLog2 = s.uint("leaf_log2", CacheHitPort.LOG2_WIDTH);
        tupleLog2 = s.uint("tuple_log2", CacheHitPort.LOG2_WIDTH);
        tuples = s.uint("tuples", 3 * p.tupleCount());
        ptr = p.walkCacheEntries() > 0 ? s.bundle("ptr", x -> new PointerPort(x, p.ppnWidth())) : null;
        pa = walkFromTop ? s.uint("pa", p.paw()) : null;
        ctx = walkFromTop ? s.bundle("", x -> new Context(x, p.sdidLen())) : null;
        stale = walkFromTop ? s.bool("stale") : null;
    }
}
