package io.mttkit.gen.checker;

import io.mttkit.gen.cache.CacheHitPort;
import io.mttkit.gen.walker.LeafTuples;
import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.WalkMode;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The answer of a cache hit, from the cache's {@code hit_*} outputs, the PA and the need (cache-model.md §4.1): the
 * same derivation for every cached top, blocking or not.
 */
record HitAnswer(UInt xwr, Bool allow, UInt uniformLog2) {


    /**
     * Selects the tuple covering the PA ({@code tuple_log2} is one of a few constants per configuration, so a
     * small mux replaces a shifter), then XWR, allow and {@code uniform_log2} exactly as the walker derives them
     * for a fresh leaf ({@link LeafTuples#uniformExtra}).
     */
    static HitAnswer of(WalkerParams p, CacheHitPort hit, UInt pa, UInt need, int tuples) {
        int k = Integer.numberOfTrailingZeros(tuples);
        UInt kind = hit.kind;
        UInt tupleLog2 = hit.tupleLog2;
        UInt packed = hit.tuples;
        List<UInt> tupleList = new ArrayList<>();
        for (int i = 0; i < tuples; i++) {
            tupleList.add(packed.bits(3 * i + 2, 3 * i));
        }
        UInt index = Hw.lit(0, k);
        for (int t : tupleLog2Values(p)) {
            index = Hw.mux(tupleLog2.eq(t), pa.bits(t + k - 1, t), index);
        }
        Bool tuplesKind = kind.eq(MttWalker.KIND_TUPLES).named("hit_is_tuples");
        UInt tupleIndex = Hw.mux(tuplesKind, index, Hw.lit(0, k)).named("hit_tuple_index");
        UInt xwr = Hw.select(tupleIndex, tupleList).named("hit_xwr");
        Bool allow = need.and(xwr.not()).orR().not().named("hit_allow");
        UInt uniform = Hw.mux(tuplesKind,
                tupleLog2.zext(MttWalker.LOG2_WIDTH).add(
                        LeafTuples.uniformExtra("hit_tuple", tupleList, xwr, tupleIndex).zext(MttWalker.LOG2_WIDTH)),
                hit.leafLog2.zext(MttWalker.LOG2_WIDTH)).named("hit_uniform_log2");
        return new HitAnswer(xwr, allow, uniform);
    }

    /** Every tuple range a TUPLES leaf of this configuration can have (v0.9 per level, v0.1 MTTL1 and pages). */
    private static TreeSet<Integer> tupleLog2Values(WalkerParams p) {
        TreeSet<Integer> out = new TreeSet<>();
        boolean rv64 = p.xlen() == 64;
        for (WalkMode m : p.modes()) {
            for (int level = 0; level <= m.rootLevel(); level++) {
                if (m.v09()) {
                    out.add(rv64 ? 12 + 9 * level : 12 + 10 * level);
                } else if (level <= 1) {
                    out.add(level == 0 ? 12 : (rv64 ? 21 : 22));
                }
            }
        }
        return out;
    }
}
