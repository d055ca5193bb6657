package io.mttkit.golden.cove;

import io.mttkit.golden.hart.HartListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each hart has fenced: for every (SDID, page), the number of logged permission changes its fences cover. A
 * change numbered {@code n} is covered on hart {@code h} once {@code h} completes, after the change was logged, an
 * MFENCE.PA whose address and SDID scope hold the page, or a MINVAL.PA whose scope holds it followed by SFENCE.INVAL.IR
 * (Svinval order: the MINVAL.PA is ordered after the stores SFENCE.W.INVAL ordered, and completed by SFENCE.INVAL.IR).
 */
final class HartFences {
    /** rs1 = x0 (every address) or rs2 = x0 (every SDID). */
    static final int ANY = -1;

    private final long[] all;
    private final List<Map<Integer, Long>> bySdid = new ArrayList<>();
    private final List<Map<Long, Long>> byPage = new ArrayList<>();
    private final List<List<long[]>> pendingMinval = new ArrayList<>();

    HartFences(int harts) {
        this.all = new long[harts];
        for (int i = 0; i < harts; i++) {
            bySdid.add(new HashMap<>());
            byPage.add(new HashMap<>());
            pendingMinval.add(new ArrayList<>());
        }
    }

    /** Hart {@code h} executed {@code f}; {@code changes} is the number of changes logged so far. */
    void fenced(int h, HartListener.Fence f, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2, long changes) {
        int sdid = rs2Zero ? ANY : (int) rs2;
        long ppn = rs1Zero ? ANY : rs1 >>> 12;
        switch (f) {
            case MFENCE_PA -> cover(h, ppn, sdid, changes);
            case MINVAL_PA -> pendingMinval.get(h).add(new long[] {ppn, sdid, changes});
            case SFENCE_INVAL_IR -> {
                for (long[] m : pendingMinval.get(h)) {
                    cover(h, m[0], (int) m[1], m[2]);
                }
                pendingMinval.get(h).clear();
            }
            default -> {
                // SFENCE.W.INVAL orders this hart's stores; SFENCE.VMA concerns translations
            }
        }
    }

    /** The changes of (sdid, ppn) hart {@code h}'s fences cover: those numbered up to the result. */
    long covered(int h, int sdid, long ppn) {
        long s = all[h];
        s = Math.max(s, bySdid.get(h).getOrDefault(sdid, 0L));
        s = Math.max(s, byPage.get(h).getOrDefault(key(ppn, sdid), 0L));
        return Math.max(s, byPage.get(h).getOrDefault(key(ppn, ANY), 0L));
    }

    private void cover(int h, long ppn, int sdid, long upTo) {
        if (ppn == ANY && sdid == ANY) {
            all[h] = Math.max(all[h], upTo);
        } else if (ppn == ANY) {
            bySdid.get(h).merge(sdid, upTo, Math::max);
        } else {
            byPage.get(h).merge(key(ppn, sdid), upTo, Math::max);
        }
    }

    private static long key(long ppn, int sdid) {
        return (ppn << 8) | (sdid & 0xFF);
    }
}
