package io.mttkit.hdl.samples;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Tree pseudo-LRU replacement state for one set of {@code ways} ways (a power of two).
 *
 * <p>The {@code ways - 1} bits of {@code tree} form a complete binary tree in heap order (node {@code k} has
 * children {@code 2k+1} and {@code 2k+2}). A node bit of 0 points to its left (lower-numbered) half, 1 to its
 * right half. The {@code victim} is the way reached by following the pointers from the root. An access
 * ({@code access_valid}, {@code access_way}) makes every node on the accessed way's path point away from
 * it.
 */
public final class TreePlru extends Module {
    private final int ways;

    /** @param ways number of ways, a power of two, at least 2 */
    public TreePlru(int ways) {
        if (ways < 2 || Integer.bitCount(ways) != 1) {
            throw new IllegalArgumentException("ways must be a power of two >= 2, got " + ways);
        }
        this.ways = param("ways", ways);
    }

    @Override
    protected void build() {
        int levels = Hw.log2Ceil(ways);
        doc("Tree pseudo-LRU state for one set of " + ways + " ways.\n"
                + "tree[k] is node k of a binary tree in heap order (children of k: 2k+1, 2k+2);\n"
                + "0 points to the lower half of the node's ways, 1 to the upper half.\n"
                + "victim: follow the pointers from tree[0]; the bits taken, root first, are the way number.\n"
                + "access: every node on the accessed way's path is set to point away from it.");
        Bool accessValid = input("access_valid");
        UInt accessWay = input("access_way", levels);
        UInt victim = output("victim", levels);

        UInt tree = regInit("tree", ways - 1, 0);

        // Victim: bit (levels-1-l) of the way number is the pointer of the level-l node on the path so far.
        List<UInt> victimBits = new ArrayList<>();
        UInt path = null; // the victim bits chosen above the current level
        for (int l = 0; l < levels; l++) {
            int first = (1 << l) - 1;
            List<UInt> nodes = new ArrayList<>();
            for (int p = 0; p < (1 << l); p++) {
                nodes.add(tree.bit(first + p));
            }
            UInt pointer = l == 0 ? nodes.get(0) : Hw.select(path, nodes).named("victim_level" + l);
            victimBits.add(pointer);
            if (l + 1 < levels) {
                path = path == null ? pointer : path.cat(pointer).named("victim_upper" + (l + 1));
            }
        }
        victim.set(Hw.cat(victimBits));

        // Update: the nodes on the accessed way's path point to the other half.
        when(accessValid, () -> {
            for (int l = 0; l < levels; l++) {
                int first = (1 << l) - 1;
                Bool direction = accessWay.bit(levels - 1 - l);
                if (l == 0) {
                    tree.bit(0).set(direction.not());
                    continue;
                }
                UInt above = accessWay.bits(levels - 1, levels - l);
                for (int p = 0; p < (1 << l); p++) {
                    int node = first + p;
                    when(above.eq(p), () -> tree.bit(node).set(direction.not()));
                }
            }
        });
    }
}
