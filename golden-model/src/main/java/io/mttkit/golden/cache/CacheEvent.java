package io.mttkit.golden.cache;

import io.mttkit.golden.MttMode;

/**
 * One observable cache action, as the RTL's observation port reports it (CHECKER-MICROARCH.md §3): the
 * scoreboard compares these in order. The order within one model call is normative; see
 * {@code docs/cache-model.md} §"Event order".
 *
 * @param kind     what happened
 * @param array    which structure; for {@link Kind#MISS} always {@link ArrayId#LEAF} (the probed set)
 * @param set      leaf-array set index; 0 for the fully associative arrays
 * @param way      way (leaf array) or entry index (fully associative arrays); -1 for {@link Kind#MISS}
 * @param sdid     SDID tag of the entry (for MISS: of the request)
 * @param mode     mode tag of the entry (for MISS: of the request)
 * @param level    leaf level, or for the walk cache the level of the table the pointer points to; -1 for MISS
 * @param base     first PA the entry covers (for MISS: the request PA)
 * @param sizeLog2 log2 of the range the entry covers (for MISS: 0)
 */
public record CacheEvent(Kind kind, ArrayId array, int set, int way, int sdid, MttMode mode, int level, long base,
                         int sizeLog2) {

    /** Event kinds of the observation port. */
    public enum Kind {
        /** The front-end lookup hit this entry (PLRU updated). */
        HIT,
        /** The front-end lookup missed in both leaf and superpage arrays; a walk starts. */
        MISS,
        /** The walk cache supplied the start of the walk (PLRU updated). */
        WALK_HIT,
        /** An entry was written (new, or an existing entry with the same tag overwritten in place). */
        FILL,
        /** A valid entry was replaced by a fill with a different tag (reported just before that FILL). */
        EVICT,
        /** A valid entry was cleared by an applied invalidation. */
        INVALIDATE
    }

    /** The three cache structures (CHECKER-MICROARCH.md §5). */
    public enum ArrayId {
        LEAF, SUPERPAGE, WALK
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(kind).append(' ').append(array);
        if (array == ArrayId.LEAF) {
            sb.append(" set=").append(set);
        }
        sb.append(" way=").append(way).append(" sdid=").append(sdid).append(" mode=").append(mode.id());
        if (kind == Kind.MISS) {
            sb.append(" pa=0x").append(Long.toHexString(base));
        } else {
            sb.append(" level=").append(level).append(" base=0x").append(Long.toHexString(base))
              .append(" size=2^").append(sizeLog2);
        }
        return sb.toString();
    }
}
