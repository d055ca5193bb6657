package io.mttkit.tb.coverage;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Which cache entries are valid, with which tag, as far as the observed cache events tell — enough to tell the two
 * kinds of FILL without EVICT apart (docs/cache-rtl.md "Fill": an entry with the same tag is overwritten in place,
 * else the lowest invalid way is taken).
 *
 * <p>The coverage observer is not told when a session (and with it the checker) is reset, so an entry recorded
 * here may have been lost to a reset. Such stale entries are dropped whenever an observation proves them absent:
 * a MISS proves that no leaf or superpage entry of the request's SDID and mode contains the PA (it would have hit,
 * cache-model.md policy 4), and that no walk-cache entry of that context covering the PA lies deeper than the
 * walk-cache hit (the deepest one wins). A fill always carries the tag of what its own MISS just probed, so a
 * stale entry can never be mistaken for an overwrite in place; a real one (a same-tag entry filled after the
 * MISS) still is.
 */
final class CacheShadow {
    /** An entry's tag as the events report it (for the walk cache: table level, covered range). */
    record Tag(int sdid, MttMode mode, int level, long base, int sizeLog2) {
        static Tag of(CacheEvent e) {
            return new Tag(e.sdid(), e.mode(), e.level(), e.base(), e.sizeLog2());
        }

        boolean contains(long pa) {
            return sizeLog2 >= 64 || ((pa ^ base) >>> sizeLog2) == 0;
        }
    }

    /** Where an entry sits. */
    record Slot(ArrayId array, int set, int way) {
        static Slot of(CacheEvent e) {
            return new Slot(e.array(), e.set(), e.way());
        }
    }

    private final Map<Slot, Tag> valid = new HashMap<>();

    /** The tag recorded at the slot of {@code e}, or null when it is (believed) invalid. */
    Tag at(CacheEvent e) {
        return valid.get(Slot.of(e));
    }

    /** A HIT, WALK_HIT or FILL: the slot holds the event's entry now. */
    void holds(CacheEvent e) {
        valid.put(Slot.of(e), Tag.of(e));
    }

    /** An INVALIDATE: the slot is invalid now. */
    void cleared(CacheEvent e) {
        valid.remove(Slot.of(e));
    }

    /**
     * A MISS of {@code miss} (set, SDID, mode and PA of the request), with the walk-cache hit {@code walkHit} (null:
     * none): drops every entry the MISS proves absent.
     */
    void missed(CacheEvent miss, CacheEvent walkHit) {
        long pa = miss.base();
        for (Iterator<Map.Entry<Slot, Tag>> it = valid.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Slot, Tag> en = it.next();
            Slot s = en.getKey();
            Tag t = en.getValue();
            if (t.sdid() != miss.sdid() || t.mode() != miss.mode() || !t.contains(pa)) {
                continue;
            }
            boolean absent = switch (s.array()) {
                case LEAF -> s.set() == miss.set();
                case SUPERPAGE -> true;
                // a deeper (or equally deep, other) covering entry would have been the walk-cache hit
                case WALK -> walkHit == null || t.level() < walkHit.level()
                        || (t.level() == walkHit.level() && s.way() != walkHit.way());
            };
            if (absent) {
                it.remove();
            }
        }
    }
}
