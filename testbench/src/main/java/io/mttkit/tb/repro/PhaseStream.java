package io.mttkit.tb.repro;

import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Stimulus;
import java.util.ArrayList;
import java.util.List;

/**
 * The request stream of one co-simulation phase, exactly as the regression runs it: the items in order (checks,
 * invalidations, syncs, idle gaps) and the table-entry writes made between parts of the stream. A write at stream
 * position {@code p} happens after items {@code [0, p)} have been run and answered (the harness drained, the
 * checker idle) and before item {@code p} is presented; there is no fence with it, so whatever the checker cached
 * of the old entry goes stale, and the RTL must use or drop it exactly as the golden cache model does
 * (docs/cache-model.md, "Stale entries").
 *
 * <p>The stream is cut into <em>segments</em> at every distinct write position; each segment is one
 * {@link CosimHarness#run} call (request ids restart at 0 in each), so that the regression, the replay and the
 * digest all drive the bridge with the same calls and see the same cycles.
 *
 * @param items  the stream items, in order
 * @param writes the entry writes, by non-decreasing position
 */
public record PhaseStream(List<Stimulus> items, List<EntryWrite> writes) {

    /**
     * One table-entry write between two segments (little-endian, the table builder's byte order).
     *
     * @param position stream position the write precedes (0 .. number of items)
     * @param addr     physical address of the entry
     * @param size     entry bytes, 4 or 8
     * @param value    the value written
     */
    public record EntryWrite(int position, long addr, int size, long value) {
        public EntryWrite {
            if (size != 4 && size != 8) {
                throw new IllegalArgumentException("an entry write is 4 or 8 bytes, got " + size);
            }
            if (position < 0) {
                throw new IllegalArgumentException("an entry write's stream position must not be negative, got "
                        + position);
            }
        }
    }

    public PhaseStream {
        items = List.copyOf(items);
        writes = List.copyOf(writes);
        int last = 0;
        for (EntryWrite w : writes) {
            if (w.position() > items.size()) {
                throw new IllegalArgumentException("entry write at stream position " + w.position()
                        + " lies beyond the " + items.size() + " stream items");
            }
            if (w.position() < last) {
                throw new IllegalArgumentException("entry writes must be ordered by stream position: " + w.position()
                        + " follows " + last);
            }
            last = w.position();
        }
    }

    /** A stream of checks only, without writes (what a version-1 bundle holds). */
    public static PhaseStream ofChecks(List<CheckRequest> checks) {
        return new PhaseStream(new ArrayList<>(checks), List.of());
    }

    /** The checks of the stream, in order (the indices mismatch reports count). */
    public List<CheckRequest> checks() {
        List<CheckRequest> out = new ArrayList<>();
        for (Stimulus s : items) {
            if (s instanceof CheckRequest c) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The stream positions the segments start at: 0, then every distinct write position inside the stream (writes
     * after the last item start no segment).
     */
    public List<Integer> segmentStarts() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (EntryWrite w : writes) {
            if (w.position() > starts.get(starts.size() - 1) && w.position() < items.size()) {
                starts.add(w.position());
            }
        }
        return starts;
    }

    /** The items of segment {@code k} (see {@link #segmentStarts()}). */
    public List<Stimulus> segment(int k) {
        List<Integer> starts = segmentStarts();
        int end = k + 1 < starts.size() ? starts.get(k + 1) : items.size();
        return items.subList(starts.get(k), end);
    }

    /** Applies the writes at {@code position} to {@code mem}; returns {addr, size, old value} for each, in order. */
    List<long[]> applyWrites(int position, PhysicalMemory mem) {
        List<long[]> old = new ArrayList<>();
        for (EntryWrite w : writes) {
            if (w.position() == position) {
                old.add(new long[] {w.addr(), w.size(), mem.read(w.addr(), w.size(), false)});
                mem.write(w.addr(), w.size(), w.value(), false);
            }
        }
        return old;
    }

    /** Starts running this stream on {@code h} over {@code mem} (the memory the harness was opened on). */
    public Run start(io.mttkit.tb.cosim.PhaseHarness h, PhysicalMemory mem) {
        return new Run(h, mem);
    }

    /** One run of the stream: segments through the harness, writes in between, undo of the writes afterwards. */
    public final class Run {
        private final io.mttkit.tb.cosim.PhaseHarness h;
        private final PhysicalMemory mem;
        private final List<long[]> undo = new ArrayList<>();
        private int checksDone;

        private Run(io.mttkit.tb.cosim.PhaseHarness h, PhysicalMemory mem) {
            this.h = h;
            this.mem = mem;
        }

        /**
         * Runs every segment, applying the writes at each segment start first.
         *
         * @throws io.mttkit.tb.cosim.CosimMismatchException at the first difference ({@link #failingCheck()} tells
         *                                                   which check of the whole stream)
         */
        public void all() {
            List<Integer> starts = segmentStarts();
            for (int k = 0; k < starts.size(); k++) {
                undo.addAll(applyWrites(starts.get(k), mem));
                List<Stimulus> seg = segment(k);
                h.run(seg);
                for (Stimulus s : seg) {
                    checksDone += s instanceof CheckRequest ? 1 : 0;
                }
            }
            if (!starts.contains(items.size())) {
                undo.addAll(applyWrites(items.size(), mem)); // writes after the last item (no effect on the run)
            }
        }

        /** Index among the stream's checks of the check being answered (after a mismatch: the failing one). */
        public int failingCheck() {
            return checksDone + h.currentIndex();
        }

        /** Restores every entry this run wrote (newest first): the memory is again as at the phase start. */
        public void undoWrites() {
            for (int i = undo.size() - 1; i >= 0; i--) {
                long[] u = undo.get(i);
                mem.write(u[0], (int) u[1], u[2], false);
            }
            undo.clear();
        }
    }
}
