package io.mttkit.tb.lockstep;

import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.repro.PhaseStream;
import io.mttkit.tb.repro.ReproBundle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The RTL side of a lockstep run: a {@link PhysicalMemory} that mirrors the pages of the hart's
 * {@link PageMemory} the golden walks have read, and the {@link CosimHarness} session reading it.
 *
 * <p>Why mirroring only the walked pages is exact: the RTL reads what the harness's own golden walk reads (the
 * harness compares every read), and that walk follows the hart's walk read by read as long as every slot the
 * hart's walk read holds the same bytes, is mapped alike and gets the same PMP answer in the mirror. So the
 * mirror must agree on those pages only. Mirror regions are {@link #CHUNK}-aligned chunks clipped to the
 * hart's mapped ranges, so the mirror never maps an address the hart's memory does not (a walk's bus error
 * stays a bus error). A 1 GiB probe region costs nothing until a table lives in it.
 *
 * <p>The harness attaches its regions when it opens; a page in a chunk not yet mirrored therefore needs a new
 * session over a larger memory ({@link #sessionsOpened()}), opened when the next batch runs: the whole batch runs in
 * the new session, whose memory holds every page mirrored so far. A new session starts with an empty checker
 * cache, which is always allowed (a cache may drop any entry at any time).
 */
final class RtlMirror implements AutoCloseable {
    /**
     * Mirror granule: 8 MiB (the firmware, its data and every table tree of the seed's matrix and of the domain
     * scenarios share one), zero-filled in about a millisecond.
     */
    static final long CHUNK = 8L << 20;

    private final CheckerLibrary lib;
    private final PageMemory pages;
    private final long seed;
    /** Chunk base → size (clipped to the hart's range), the regions of the next session. */
    private final TreeMap<Long, Long> chunks = new TreeMap<>(Long::compareUnsigned);
    private final Set<Long> mirroredPpns = new LinkedHashSet<>();
    private final Set<Long> dirtyPpns = new LinkedHashSet<>();
    private boolean chunksChanged = true;
    private PhysicalMemory memory;
    private CosimHarness harness;
    private int sessions;

    // The session's history, for a repro bundle that replays the whole session (cache state included): the
    // memory at session start, every item run since, and the entry writes between batches. Dropped past
    // HISTORY_LIMIT items, or when the PMP answers changed between batches (a bundle has one PMP list).
    /** Most stream items a session history keeps (a default matrix cell needs about 43 000). */
    static final int HISTORY_LIMIT = 500_000;
    private List<ReproBundle.Image> sessionStart;
    private final List<Stimulus> history = new ArrayList<>();
    private final List<PhaseStream.EntryWrite> writes = new ArrayList<>();
    private List<PmpRegion> historyPmp;
    private String historyLost;

    RtlMirror(CheckerLibrary lib, PageMemory pages, long seed) {
        this.lib = lib;
        this.pages = pages;
        this.seed = seed;
    }

    /**
     * Mirrors page {@code ppn} from now on (a golden walk read it): watched for writes, copied before the next
     * run. A page outside every mapped range is left alone (the walk saw a bus error; so will the RTL).
     */
    void mirror(long ppn) {
        if (mirroredPpns.contains(ppn)) {
            return;
        }
        long[] c = chunkOf(ppn << 12);
        if (c == null) {
            return;
        }
        if (!chunks.containsKey(c[0])) {
            chunks.put(c[0], c[1]);
            chunksChanged = true;
        }
        mirroredPpns.add(ppn);
        dirtyPpns.add(ppn);
        pages.watchPage(ppn);
    }

    /** Page {@code ppn} (mirrored) is about to change in the hart's memory: copy it again before the next run. */
    void pageWritten(long ppn) {
        if (mirroredPpns.contains(ppn)) {
            dirtyPpns.add(ppn);
        }
    }

    /**
     * Brings the mirror up to date (a new session when chunks were added, then the changed pages), sets the
     * PMP regions and runs {@code stream} in the harness.
     *
     * @throws io.mttkit.tb.cosim.CosimMismatchException when the RTL disagrees with the harness's golden model
     */
    List<CheckAnswer> run(List<Stimulus> stream, List<PmpRegion> pmp) {
        if ((harness == null || chunksChanged) && stream.stream().noneMatch(x -> x instanceof CheckRequest)) {
            // Fences only, and the next batch opens a new session anyway: its cache starts empty, on which
            // invalidations and syncs have no effect. Skipping them saves a session.
            return List.of();
        }
        sync();
        if (historyLost == null) {
            if (historyPmp == null) {
                historyPmp = List.copyOf(pmp);
            } else if (!historyPmp.equals(pmp)) {
                dropHistory("the PMP answers changed between batches");
            }
        }
        harness.setPmpRegions(pmp);
        harness.run(stream);
        return harness.answers();
    }

    /** The batch {@code stream} just run passed lockstep: it joins the session history. */
    void commit(List<Stimulus> stream) {
        if (historyLost == null) {
            if (history.size() + stream.size() > HISTORY_LIMIT) {
                dropHistory("the session ran more than " + HISTORY_LIMIT + " stream items");
            } else {
                history.addAll(stream);
            }
        }
    }

    /**
     * What a repro bundle replays.
     *
     * @param memory       the memory at the start of {@code stream}
     * @param stream       the items (and entry writes) to replay
     * @param checksBefore checks of {@code stream} before the failing batch
     * @param note         what the bundle holds, in words
     */
    record ReproScope(List<ReproBundle.Image> memory, PhaseStream stream, int checksBefore, String note) {
    }

    /**
     * What a repro bundle of a failure in {@code batch} (run, not {@link #commit committed}) should hold: the
     * session since it opened when its history is complete, else the batch alone over the memory as it is now.
     */
    ReproScope reproScope(List<Stimulus> batch) {
        if (historyLost == null && sessionStart != null) {
            List<Stimulus> items = new ArrayList<>(history);
            items.addAll(batch);
            int before = (int) history.stream().filter(x -> x instanceof CheckRequest).count();
            return new ReproScope(sessionStart, new PhaseStream(items, writes), before,
                    "the whole bridge session (" + items.size() + " items, " + writes.size()
                            + " entry writes), from the memory at its start");
        }
        return new ReproScope(ReproBundle.snapshot(memory()), new PhaseStream(batch, List.of()), 0,
                "the failing batch only (" + (historyLost == null ? "no session history" : historyLost)
                        + "), from the memory as the batch saw it; the checker's cache starts empty in a replay");
    }

    private void dropHistory(String why) {
        historyLost = why;
        history.clear();
        writes.clear();
        sessionStart = null;
    }

    /** Index in the last run of the check the harness stopped at (after a mismatch). */
    int currentIndex() {
        return harness == null ? 0 : harness.currentIndex();
    }

    /** The mirror memory as the last run saw it. */
    PhysicalMemory memory() {
        sync();
        return memory;
    }

    /** The settings of the session. */
    SessionSettings settings() {
        return SessionSettings.simple(seed);
    }

    /** Bridge sessions opened so far (one more each time the mirror grew by a chunk). */
    int sessionsOpened() {
        return sessions;
    }

    /** Pages mirrored so far. */
    int mirroredPages() {
        return mirroredPpns.size();
    }

    private void sync() {
        if (chunksChanged || harness == null) {
            if (harness != null) {
                harness.close();
                harness = null;
            }
            memory = new PhysicalMemory();
            for (var e : chunks.entrySet()) {
                memory.addRegion(e.getKey(), e.getValue());
            }
            harness = new CosimHarness(lib, memory, SessionSettings.simple(seed));
            sessions++;
            chunksChanged = false;
            for (long ppn : mirroredPpns) { // a fresh memory: every mirrored page is copied
                copy(ppn, false);
            }
            dirtyPpns.clear();
            history.clear();
            writes.clear();
            historyPmp = null;
            historyLost = null;
            sessionStart = ReproBundle.snapshot(memory);
        }
        for (long ppn : dirtyPpns) {
            copy(ppn, historyLost == null);
        }
        dirtyPpns.clear();
    }

    /** Copies page {@code ppn} into the mirror, recording the changed entries as writes of the session history. */
    private void copy(long ppn, boolean record) {
        long pa = ppn << 12;
        long base = chunks.floorKey(pa);
        // the page lies inside its chunk: chunks are 4 KiB multiples clipped to 4 KiB-aligned ranges
        java.nio.ByteBuffer buf = memory.regionBuffer(base);
        int off = (int) (pa - base);
        if (!record) {
            pages.copyPage(ppn, buf, off);
            return;
        }
        int w = lib.description().entryBytes();
        byte[] now = pages.readBytes(pa, 4096);
        java.nio.ByteBuffer nb = java.nio.ByteBuffer.wrap(now).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4096; i += w) {
            long oldV = w == 8 ? buf.getLong(off + i) : buf.getInt(off + i) & 0xFFFF_FFFFL;
            long newV = w == 8 ? nb.getLong(i) : nb.getInt(i) & 0xFFFF_FFFFL;
            if (oldV != newV) {
                writes.add(new PhaseStream.EntryWrite(history.size(), pa + i, w, newV));
            }
        }
        buf.put(off, now, 0, 4096);
    }

    /** {base, size} of the chunk holding {@code pa}, clipped to the hart's range; null when unmapped. */
    private long[] chunkOf(long pa) {
        for (PageMemory.Range r : pages.ranges()) {
            if (Long.compareUnsigned(pa - r.base(), r.size()) < 0) {
                long lo = Math.max(r.base(), pa & -CHUNK);
                long hi = Math.min(r.base() + r.size(), (pa & -CHUNK) + CHUNK);
                return new long[] {lo, hi - lo};
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (harness != null) {
            harness.close();
            harness = null;
        }
    }

    /** The chunk bases mirrored (for tests and the report). */
    List<Long> chunkBases() {
        return new ArrayList<>(chunks.keySet());
    }
}
