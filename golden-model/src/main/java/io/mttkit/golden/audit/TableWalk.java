package io.mttkit.golden.audit;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.smmpt.SmmptLookup;
import io.mttkit.golden.smmtt.SmmttLookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Walks a whole table, every entry of every table reachable from the root, and reports what it grants as
 * {@link Piece}s in ascending PA order covering {@code [0, 2^min(paw, PA width))} exactly once.
 *
 * <p><b>Decisions are the golden lookup's.</b> For each entry of a table at level {@code i} the walk calls
 * {@link MttLookup#lookupFrom} at level {@code i} with the table's PPN and the first PA the entry covers (as a walk
 * cache hit would). A pointer is followed by visiting the table it names; anything else (a leaf, a fault) decides the
 * whole entry's range: a fault depends only on the entry (SPEC-DECISIONS #11 with {@code rsvdTupleScope = ANY}),
 * and a leaf's tuples are read off the result. With {@code SELECTED} a tuple leaf or a reserved-encoding fault is
 * looked up again once per tuple, since then each tuple decides alone. The table geometry (which PA bits index
 * which level) is read off the lookups' own index functions ({@link SmmptLookup#pn}, {@link SmmttLookup#index}).
 *
 * <p><b>Cost.</b> One lookup per entry, no per-page work: a leaf yields at most one piece per run of equal tuples,
 * and consecutive entries holding the same value (a NAPOT group, a run of {@code 1G_disallow}) merge into one piece.
 * A table reached a second time (firmware may share a table between several parents; the Smmtt56 builder points
 * every unused MTTL3 entry at one all-disallow MTTL2 table) is not walked again when its first walk produced at most
 * {@link #SUMMARY_LIMIT} pieces: they are replayed at the new place. A table that points back at itself cannot
 * loop: every pointer goes one level down.
 */
public final class TableWalk {
    /** Most pieces a table's walk may produce and still be remembered for replay when it is reached again. */
    public static final int SUMMARY_LIMIT = 64;

    /** What the walk did. */
    public record Stats(long entries, long tables, long replayed, long pieces) {
    }

    private final MttMode mode;
    private final long rootPpn;
    private final boolean bigEndian;
    private final MttLookup lookup;
    private final RsvdTupleScope scope;
    private final long top;
    private final int[] entryLog2;
    private final int[] indexBits;
    private final LookupResult r = new LookupResult();

    private final Map<Long, List<Piece>> summaries = new HashMap<>();
    private final List<Run> recording = new ArrayList<>();
    private Run main;
    private long entries;
    private long tables;
    private long replayed;

    /**
     * @param memory    where the table lives (reads outside it are bus errors, reported as unknown)
     * @param config    the platform's {@code paw} and the spec interpretations of the lookup
     * @param mode      any mode but {@link MttMode#BARE}
     * @param rootPpn   {@code mttp}/{@code mmpt}.PPN
     * @param bigEndian entries are big-endian ({@code mstatus.MBE}=1)
     */
    public TableWalk(MpteReader memory, LookupConfig config, MttMode mode, long rootPpn, boolean bigEndian) {
        if (mode == MttMode.BARE) {
            throw new IllegalArgumentException("Bare mode has no table to walk");
        }
        this.mode = mode;
        this.rootPpn = rootPpn;
        this.bigEndian = bigEndian;
        this.lookup = new MttLookup(memory, ImplicitReadCheck.ALLOW_ALL, config);
        this.scope = config.rsvdTupleScope();
        int width = Math.min(mode.paBits(), config.paw());
        this.top = width >= 64 ? -1L : (1L << width) - 1;
        this.entryLog2 = new int[mode.levels()];
        this.indexBits = new int[mode.levels()];
        for (int level = 0; level < mode.levels(); level++) {
            int low = -1;
            int bits = 0;
            for (int b = 0; b < 64; b++) {
                if (index(1L << b, level) != 0) {
                    low = low < 0 ? b : low;
                    bits++;
                }
            }
            entryLog2[level] = low;
            indexBits[level] = bits;
        }
    }

    /** The last address the walk covers: 2^min(paw, PA width) − 1 (unsigned; -1 for the whole 64-bit space). */
    public long top() {
        return top;
    }

    /** log2 of the range one entry at {@code level} covers. */
    public int entryLog2(int level) {
        return entryLog2[level];
    }

    /** Size in bytes of one entry (the walk reads every entry at this size). */
    public int entryBytes() {
        return mode.entryBytes();
    }

    /** Walks the whole table, handing each piece to {@code sink} in ascending PA order. */
    public Stats walk(Consumer<Piece> sink) {
        main = new Run(sink, Integer.MAX_VALUE);
        entries = 0;
        tables = 0;
        replayed = 0;
        summaries.clear();
        visit(mode.levels() - 1, rootPpn, 0, true);
        main.flush();
        return new Stats(entries, tables, replayed, main.count);
    }

    private long index(long pa, int level) {
        return mode.format() == TableFormat.SMMPT_V0_9 ? SmmptLookup.pn(mode, pa, level) : SmmttLookup.index(mode, pa, level);
    }

    private void visit(int level, long ppn, long blockBase, boolean root) {
        long key = (ppn << 3) | level;
        if (!root) {
            List<Piece> known = summaries.get(key);
            if (known != null) {
                replayed++;
                for (Piece p : known) {
                    emit(blockBase + p.first(), blockBase + p.last(), p.xwr(), p.cause(), p.level(), p.firstEntry(),
                            p.lastEntry(), p.raw(), p.readFailed());
                }
                return;
            }
        }
        tables++;
        Run rec = new Run(null, SUMMARY_LIMIT);
        recording.add(rec);
        final int log2 = entryLog2[level];
        final long count = 1L << indexBits[level];
        boolean complete = true;
        for (long e = 0; e < count; e++) {
            long pa = blockBase + (e << log2);
            if (Long.compareUnsigned(pa, top) > 0) {
                complete = false;
                break;
            }
            entries++;
            lookup.lookupFrom(mode, level, ppn, pa, 0, bigEndian, r);
            if (r.pointerCount() > 0) {
                visit(level - 1, r.pointerNextPpn(0), pa, false);
            } else {
                decideEntry(level, ppn, pa, log2);
            }
        }
        recording.remove(recording.size() - 1);
        rec.flush();
        if (complete && !rec.overflowed) {
            List<Piece> rel = new ArrayList<>(rec.kept.size());
            for (Piece p : rec.kept) {
                rel.add(new Piece(p.first() - blockBase, p.last() - blockBase, p.xwr(), p.cause(), p.level(),
                        p.firstEntry(), p.lastEntry(), p.raw(), p.readFailed()));
            }
            summaries.put(key, rel);
        }
    }

    /** The entry at {@code level} covering {@code [pa, pa + 2^log2)} decided: {@link #r} holds the lookup. */
    private void decideEntry(int level, long ppn, long pa, int log2) {
        long last = pa + (1L << log2) - 1;
        if (Long.compareUnsigned(last, top) > 0) {
            last = top;
        }
        long addr;
        long raw;
        boolean failed;
        if (r.readCount() > 0) {
            int k = r.readCount() - 1;
            addr = r.readAddr(k);
            raw = r.readValue(k);
            failed = r.readFailed(k);
        } else {
            // No read was issued (PMP or an entry address beyond paw): name the entry the walk would have read.
            addr = (ppn << 12) + index(pa, level) * mode.entryBytes();
            raw = 0;
            failed = true;
        }
        boolean perTuple = scope == RsvdTupleScope.SELECTED && level == r.level()
                && (r.leafKind() == LeafKind.TUPLES || r.cause() == Cause.MPTE_RSVD_ENC);
        if (perTuple) {
            int tuples = mode.xlen() == 64 ? 16 : 8;
            int tupleLog2 = log2 - Integer.numberOfTrailingZeros(tuples);
            for (int t = 0; t < tuples; t++) {
                long tpa = pa + ((long) t << tupleLog2);
                if (Long.compareUnsigned(tpa, top) > 0) {
                    break;
                }
                lookup.lookupFrom(mode, level, ppn, tpa, 0, bigEndian, r);
                int xwr = r.cause() == Cause.NONE ? r.xwr() : -1;
                emit(tpa, tpa + (1L << tupleLog2) - 1, xwr, r.cause(), level, addr, addr, raw, failed);
            }
            return;
        }
        if (r.cause() != Cause.NONE) {
            emit(pa, last, -1, r.cause(), level, addr, addr, raw, failed);
            return;
        }
        if (r.leafKind() != LeafKind.TUPLES) {
            emit(pa, last, r.xwr(), Cause.NONE, level, addr, addr, raw, false);
            return;
        }
        int n = r.tupleCount();
        int tl = r.tupleLog2();
        long base = r.leafBase();
        int t = 0;
        while (t < n) {
            int xwr = r.tupleXwr(t);
            int u = t + 1;
            while (u < n && r.tupleXwr(u) == xwr) {
                u++;
            }
            long first = base + ((long) t << tl);
            long end = base + ((long) u << tl) - 1;
            if (Long.compareUnsigned(first, top) > 0) {
                break;
            }
            emit(first, Long.compareUnsigned(end, top) > 0 ? top : end, xwr, Cause.NONE, level, addr, addr, raw, false);
            t = u;
        }
    }

    private void emit(long first, long last, int xwr, Cause cause, int level, long firstEntry, long lastEntry,
                      long raw, boolean failed) {
        main.add(first, last, xwr, cause, level, firstEntry, lastEntry, raw, failed);
        for (int i = 0; i < recording.size(); i++) {
            Run rec = recording.get(i);
            if (!rec.overflowed) {
                rec.add(first, last, xwr, cause, level, firstEntry, lastEntry, raw, failed);
            }
        }
    }

    /**
     * Merges adjacent pieces that one run of identical, consecutive entries decides alike; hands finished pieces to a
     * sink or keeps up to {@code limit} of them.
     */
    private final class Run {
        final Consumer<Piece> sink;
        final int limit;
        final List<Piece> kept = new ArrayList<>();
        boolean overflowed;
        long count;
        boolean pending;
        long first;
        long last;
        int xwr;
        Cause cause;
        int level;
        long firstEntry;
        long lastEntry;
        long raw;
        boolean failed;

        Run(Consumer<Piece> sink, int limit) {
            this.sink = sink;
            this.limit = limit;
        }

        void add(long f, long l, int x, Cause c, int lv, long fe, long le, long rw, boolean fl) {
            if (pending && last + 1 == f && xwr == x && cause == c && level == lv && raw == rw && failed == fl
                    && (fe == lastEntry || fe == lastEntry + mode.entryBytes())) {
                last = l;
                lastEntry = le;
                return;
            }
            flush();
            pending = true;
            first = f;
            last = l;
            xwr = x;
            cause = c;
            level = lv;
            firstEntry = fe;
            lastEntry = le;
            raw = rw;
            failed = fl;
        }

        void flush() {
            if (!pending) {
                return;
            }
            pending = false;
            count++;
            Piece p = new Piece(first, last, xwr, cause, level, firstEntry, lastEntry, raw, failed);
            if (sink != null) {
                sink.accept(p);
            } else if (kept.size() < limit) {
                kept.add(p);
            } else {
                overflowed = true;
                kept.clear();
            }
        }
    }
}
