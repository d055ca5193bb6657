package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Logic over the XWR tuples of one leaf, shared by the walker's decode and the cached checker's hit answer, so that a
 * hit and a fresh walk of the same leaf answer {@code uniform_log2} the same way.
 */
public final class LeafTuples {
    private LeafTuples() {
    }

    /**
     * How many doublings, from one tuple up to the whole leaf, the aligned block around the selected tuple
     * stays uniform (every tuple equal to the selected one): {@code uniform_log2 = tupleLog2 + extra}.
     * Blocks are nested, so uniformity is monotone and the count is the answer.
     *
     * @param name     prefix of the per-tuple comparison wires ({@code <name>_eq_<i>}: tuple {@code i} equals the
     *                 selected one), unique in the calling module
     * @param tuples   the leaf's tuples, tuple 0 first
     * @param selected the tuple covering the PA
     * @param pi       the index of {@code selected}
     */
    public static UInt uniformExtra(String name, List<UInt> tuples, UInt selected, UInt pi) {
        int k = Integer.numberOfTrailingZeros(tuples.size());
        List<Bool> eq = new ArrayList<>();
        for (int i = 0; i < tuples.size(); i++) {
            eq.add(tuples.get(i).eq(selected).named(name + "_eq_" + i));
        }
        int w = Hw.indexWidth(k + 1);
        UInt extra = Hw.lit(0, w);
        for (int b = 1; b <= k; b++) {
            int size = 1 << b;
            List<UInt> blocks = new ArrayList<>();
            for (int blk = 0; blk < tuples.size() / size; blk++) {
                blocks.add(Hw.andAll(eq.subList(blk * size, blk * size + size)));
            }
            UInt uniform = b == k ? blocks.get(0) : Hw.select(pi.bits(k - 1, b), blocks);
            extra = extra.add(uniform.zext(w));
        }
        return extra;
    }

}
