package io.mttkit.gen.cache;

import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Combinational tree-PLRU functions (cache-model.md §5) over a vector of {@code ways - 1} node bits in heap
 * order: node 0 is the root, the children of node {@code j} are {@code 2j+1} (the lower-numbered half) and
 * {@code 2j+2}; a node bit of 0 means "the next victim is in the left subtree". Only for {@code ways >= 2}.
 */
final class PlruTree {
    private PlruTree() {
    }

    /**
     * The way reached by following the node bits from the root ({@code log2(ways)} bits, root bit first = MSB).
     * Way bit {@code b} is the wire {@code <name>_victim_<b>}; the path so far, which selects the next level's
     * node, is {@code <name>_victim_path<l>} (its {@code l} most significant bits).
     */
    static UInt victim(String name, UInt tree, int ways) {
        int levels = Hw.log2Ceil(ways);
        List<UInt> wayBits = new ArrayList<>();
        UInt path = null;
        for (int l = 0; l < levels; l++) {
            int first = (1 << l) - 1;
            List<UInt> nodes = new ArrayList<>();
            for (int p = 0; p < (1 << l); p++) {
                nodes.add(tree.bit(first + p));
            }
            UInt pointer = (l == 0 ? nodes.get(0) : Hw.select(path, nodes))
                    .named(name + "_victim_" + (levels - 1 - l));
            wayBits.add(pointer);
            path = path == null ? pointer : path.cat(pointer);
            if (l >= 1 && l + 1 < levels) {
                path = path.named(name + "_victim_path" + (l + 1)); // a concatenation the next level selects by
            }
        }
        return Hw.cat(wayBits);
    }

    /**
     * The node bits after touching {@code way}: every node on the path from the root to the way points away from
     * it (bit := 1 when the way is in the node's left subtree, 0 when in its right subtree).
     */
    static UInt touch(UInt tree, UInt way, int ways) {
        int levels = Hw.log2Ceil(ways);
        List<UInt> next = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            int first = (1 << l) - 1;
            UInt away = way.bit(levels - 1 - l).not();
            for (int p = 0; p < (1 << l); p++) {
                if (l == 0) {
                    next.add(away);
                } else {
                    UInt above = way.bits(levels - 1, levels - l);
                    next.add(Hw.mux(above.eq(p), away, tree.bit(first + p)));
                }
            }
        }
        return Hw.catLsbFirst(next);
    }
}
