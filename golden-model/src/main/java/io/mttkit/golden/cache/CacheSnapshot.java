package io.mttkit.golden.cache;

import java.util.List;

/**
 * The valid contents and PLRU state of the three cache structures at one moment, for mismatch reports and
 * tests.
 *
 * @param leaf            valid leaf-array entries, by set then way
 * @param superpage       valid superpage-array entries, by index
 * @param walk            valid walk-cache entries, by index
 * @param leafPlru        PLRU node bits of each leaf-array set (see {@code TreePlru} for the encoding)
 * @param superpagePlru   PLRU node bits of the superpage array
 * @param walkPlru        PLRU node bits of the walk cache (0 when disabled)
 * @param epoch           invalidations applied since reset
 * @param queued          MINVAL.PA operands waiting in the queue, oldest first
 */
public record CacheSnapshot(List<LeafSlot> leaf, List<LeafSlot> superpage, List<WalkSlot> walk, long[] leafPlru,
                            long superpagePlru, long walkPlru, long epoch, List<Invalidation> queued) {

    /** A valid leaf or superpage entry and where it sits. */
    public record LeafSlot(int set, int way, CachedLeaf entry) {
    }

    /** A valid walk-cache entry and where it sits. */
    public record WalkSlot(int way, WalkEntry entry) {
    }

    /** Number of valid entries in all three structures. */
    public int validCount() {
        return leaf.size() + superpage.size() + walk.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("MTT cache (epoch ").append(epoch).append(", ").append(queued.size()).append(" queued")
          .append(queued.isEmpty() ? "" : " " + queued).append(")\n");
        sb.append(" leaf array:").append(leaf.isEmpty() ? " empty\n" : "\n");
        for (LeafSlot s : leaf) {
            sb.append(String.format("  set %3d way %2d  %s%n", s.set(), s.way(), s.entry().describe()));
        }
        sb.append(" superpage array (plru 0x").append(Long.toHexString(superpagePlru)).append("):")
          .append(superpage.isEmpty() ? " empty\n" : "\n");
        for (LeafSlot s : superpage) {
            sb.append(String.format("  entry %2d  %s%n", s.way(), s.entry().describe()));
        }
        sb.append(" walk cache (plru 0x").append(Long.toHexString(walkPlru)).append("):")
          .append(walk.isEmpty() ? " empty\n" : "\n");
        for (WalkSlot s : walk) {
            sb.append(String.format("  entry %2d  %s%n", s.way(), s.entry().describe()));
        }
        return sb.toString();
    }
}
