package io.mttkit.golden.audit;

import io.mttkit.golden.Cause;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what a table grants ({@link TableWalk}) with what regions intend ({@link IntendedMap}), range by range,
 * never page by page.
 *
 * <p>A range differs when the table grants another permission than intended, a walk fault counting as no access
 * (the access faults either way); where the entry could not be read at all (outside the loaded image) the table's
 * answer is unknown and always a difference. A malformed entry (reserved bits or encodings, a bad G, a pointer at
 * level 0) over memory meant to have no access is no difference but is listed among the {@link Result#warnings()}.
 * Differences are merged when they touch, agree on intended and actual permission and come from one run of
 * identical, consecutive entries.
 */
public final class TableAudit {
    private TableAudit() {
    }

    /**
     * The outcome.
     *
     * @param differences the first {@code keep} differences, in PA order
     * @param total       how many differences there are in all
     * @param pagesDiffer how many 4 KiB pages differ (saturated at {@link Long#MAX_VALUE})
     * @param warnings    the first {@code keep} malformed-entry ranges over no-access memory
     * @param totalWarnings how many such ranges there are
     * @param stats       what the walk did
     * @param nanos       time of the walk and comparison
     */
    public record Result(List<Difference> differences, long total, long pagesDiffer, List<Difference> warnings,
                         long totalWarnings, TableWalk.Stats stats, long nanos) {
        public boolean equal() {
            return total == 0;
        }
    }

    /** Walks {@code walk}'s whole table and compares it with {@code intended}; keeps at most {@code keep} of each list. */
    public static Result run(TableWalk walk, IntendedMap intended, int keep) {
        long t0 = System.nanoTime();
        Merger diffs = new Merger(keep, walk.entryBytes());
        Merger warnings = new Merger(keep, walk.entryBytes());
        int[] cursor = {0};
        TableWalk.Stats stats = walk.walk(p -> {
            long cur = p.first();
            while (true) {
                int k = cursor[0];
                while (Long.compareUnsigned(intended.last(k), cur) < 0) {
                    k++;
                }
                cursor[0] = k;
                long end = Long.compareUnsigned(intended.last(k), p.last()) < 0 ? intended.last(k) : p.last();
                int want = intended.xwr(k);
                if (p.unknown() || want != p.granted()) {
                    diffs.add(cur, end, want, p, walk);
                } else if (p.xwr() < 0 && p.cause() != Cause.MPTE_INVALID) {
                    warnings.add(cur, end, want, p, walk);
                }
                if (end == p.last()) {
                    break;
                }
                cur = end + 1;
            }
        });
        diffs.flush();
        warnings.flush();
        return new Result(diffs.kept, diffs.total, diffs.pages, warnings.kept, warnings.total, stats,
                System.nanoTime() - t0);
    }

    /** Entry of the run of {@code p} that decides {@code pa}. */
    private static long entryAt(Piece p, long pa, TableWalk walk) {
        if (p.firstEntry() == p.lastEntry()) {
            return p.firstEntry();
        }
        int log2 = walk.entryLog2(p.level());
        long runStart = p.first() & -(1L << log2);
        return p.firstEntry() + ((pa - runStart) >>> log2) * walk.entryBytes();
    }

    private static final class Merger {
        final int keep;
        final int entryBytes;
        final List<Difference> kept = new ArrayList<>();
        long total;
        long pages;
        Difference pending;

        Merger(int keep, int entryBytes) {
            this.keep = keep;
            this.entryBytes = entryBytes;
        }

        void add(long first, long last, int want, Piece p, TableWalk walk) {
            long fe = entryAt(p, first, walk);
            long le = entryAt(p, last, walk);
            Difference d = pending;
            if (d != null && d.last() + 1 == first && d.intended() == want && d.actual() == p.xwr()
                    && d.cause() == p.cause() && d.level() == p.level() && d.raw() == p.raw()
                    && d.readFailed() == p.readFailed() && (fe == d.lastEntry() || fe == d.lastEntry() + entryBytes)) {
                pending = new Difference(d.first(), last, want, d.actual(), d.cause(), d.level(), d.firstEntry(), le,
                        d.raw(), d.readFailed());
                return;
            }
            flush();
            pending = new Difference(first, last, want, p.xwr(), p.cause(), p.level(), fe, le, p.raw(),
                    p.readFailed());
        }

        void flush() {
            if (pending == null) {
                return;
            }
            total++;
            long n = (pending.last() >>> 12) - (pending.first() >>> 12) + 1;
            pages = pages + n < pages ? Long.MAX_VALUE : pages + n;
            if (kept.size() < keep) {
                kept.add(pending);
            }
            pending = null;
        }
    }
}
