package io.mttkit.gen.cache;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code hit}, {@code hit_*}: an accepted lookup hit, where (array, set, way) and the stored leaf (level, kind,
 * range, tuple range, tuples) the front end answers from.
 */
public final class CacheHitPort extends Bundle {
    /** Width of the stored log2 fields (values below 64). */
    public static final int LOG2_WIDTH = 6;

    public final Bool valid;
    /** 1: superpage array, 0: leaf array. */
    public final Bool array;
    public final UInt set;
    public final UInt way;
    public final UInt level;
    public final UInt kind;
    public final UInt leafLog2;
    public final UInt tupleLog2;
    public final UInt tuples;

    public CacheHitPort(Scope s, MttCacheParams p) {
        super(s);
        valid = s.bool("");
        array = s.bool("array");
        set = s.uint("set", p.geometry().setWidth());
        way = s.uint("way", p.geometry().wayWidth());
        level = s.uint("level", 3);
        kind = s.uint("kind", 2);
        leafLog2 = s.uint("leaf_log2", LOG2_WIDTH);
        tupleLog2 = s.uint("tuple_log2", LOG2_WIDTH);
        tuples = s.uint("tuples", 3 * p.tupleCount());
    }
}
