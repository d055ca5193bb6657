package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.CheckObserver;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CosimHarness;
import java.util.ArrayList;
import java.util.List;

/**
 * The coverage model of VERIFICATION-PLAN §5 for a checker configuration: defines every bin that can be hit for
 * the {@link CheckerDescription} (so what is never hit is a named hole), and samples each compared check from the
 * request and the golden {@link LookupResult}. A cached checker (constructed with its {@link CheckerDescription.Cache}) adds the
 * cache groups of {@link CacheCoverage}, sampled from the compared cache steps; a cache-less one has none (so
 * it reports no cache holes). Non-cache groups:
 * <ul>
 * <li>{@value #CONFIG}: format × XLEN × mode (Bare and bypass included) × endianness;</li>
 * <li>{@value #RESULT}: {allow, deny} × leaf level × leaf kind × mode (a well-formed leaf decided);</li>
 * <li>{@value #CAUSE}: cause × level × mode, only where the walk can report that cause at that level;</li>
 * <li>{@value #XWR}: selected XWR × need (R, W, X, RW) × outcome (the outcome follows from the other two, so
 *     one bin per pair, named with it);</li>
 * <li>{@value #TUPLE}: tuple index × leaf level × mode for leaves of tuples (v0.9 non-NAPOT, v0.1 MTTL1 and
 *     2M/4M_PAGES);</li>
 * <li>{@value #NAPOT}: NAPOT G (16 values) × level × mode, sampled from any valid NAPOT-shaped deciding entry
 *     (so reserved G values count, whatever the entry's outcome);</li>
 * <li>{@value #RSVD}: one bin per reserved bit per entry kind, sampled from the deciding entry of an
 *     {@code MPTE_RSVD_BITS} fault;</li>
 * <li>{@value #PA}: PA 0, max legal PA, first illegal PA (the {@code min(mode width, paw)} boundary), and each
 *     bit from that width to the port width set alone;</li>
 * <li>{@value #READS}: MPTE reads per walk × mode (× walk-cache hit depth: {@link CacheCoverage#READS});</li>
 * <li>{@value #REQ_MODE}: every 5-bit {@code req_mode} value sent without {@code req_bypass}, named with what the
 *     port contract makes of it (Bare, a mode, unimplemented).</li>
 * </ul>
 */
public final class CheckerCoverage implements CheckObserver {
    public static final String CONFIG = "config";
    public static final String RESULT = "result";
    public static final String CAUSE = "cause";
    public static final String XWR = "xwr";
    public static final String TUPLE = "tuple";
    public static final String NAPOT = "napot_g";
    public static final String RSVD = "rsvd_bit";
    public static final String PA = "pa";
    public static final String READS = "reads";
    public static final String REQ_MODE = "req_mode";

    /** The needs of the XWR × need group (VERIFICATION-PLAN §5). */
    private static final int[] NEEDS = {Access.R, Access.W, Access.X, Access.R | Access.W};

    private final CheckerDescription params;
    private final CoverageDb db;
    /** The cache groups; null for a cache-less checker. */
    private final CacheCoverage cache;

    /** A model of the checker {@code params} describes (with its cache, if it has one), over a new database. */
    public CheckerCoverage(CheckerDescription params) {
        this(params, params.cache());
    }

    /**
     * A model of the checker for {@code params} with a cache of {@code shape} ({@code null}: cache-less), over a new
     * database whose configuration names both (so that only coverage of the same geometry merges).
     */
    public CheckerCoverage(CheckerDescription params, CheckerDescription.Cache shape) {
        this(params, shape, new CoverageDb(shape == null ? "cache-less checker " + params.deviceLabel()
                : "cached checker " + params.deviceLabel() + " " + shape.label()));
    }

    /** A model of the cache-less checker adding its bins to {@code db} (which may hold other groups). */
    public CheckerCoverage(CheckerDescription params, CoverageDb db) {
        this(params, null, db);
    }

    /** A model of the checker with a cache of {@code shape} ({@code null}: cache-less) adding its bins to {@code db}. */
    public CheckerCoverage(CheckerDescription params, CheckerDescription.Cache shape, CoverageDb db) {
        this.params = params;
        this.db = db;
        define();
        this.cache = shape == null ? null : new CacheCoverage(params, shape, db);
    }

    /** The database the model counts into. */
    public CoverageDb db() {
        return db;
    }

    // ---- definition ----------------------------------------------------------------------------------

    private void define() {
        List<MttMode> modes = params.modes();
        db.define(CONFIG, "bypass");
        db.define(CONFIG, "bare");
        for (MttMode m : modes) {
            db.define(CONFIG, configBin(m, false));
            if (params.bigEndianSupport()) {
                db.define(CONFIG, configBin(m, true));
            }
        }
        for (MttMode m : modes) {
            for (int level = 0; level < m.levels(); level++) {
                for (String kind : leafKinds(m, level)) {
                    db.define(RESULT, resultBin(m, true, level, kind));
                    db.define(RESULT, resultBin(m, false, level, kind));
                }
            }
        }
        for (MttMode m : modes) {
            for (Cause c : Cause.values()) {
                for (int level = 0; level < m.levels(); level++) {
                    if (causePossible(m, c, level)) {
                        db.define(CAUSE, causeBin(m, c, level));
                    }
                }
            }
        }
        for (int xwr : legalXwr()) {
            for (int need : NEEDS) {
                db.define(XWR, xwrBin(xwr, need));
            }
        }
        for (MttMode m : modes) {
            for (int level = 0; level < m.levels(); level++) {
                int tuples = tuplesAt(m, level);
                for (int t = 0; t < tuples; t++) {
                    db.define(TUPLE, tupleBin(m, level, t));
                }
            }
        }
        for (MttMode m : modes) {
            if (m.format() == TableFormat.SMMPT_V0_9) {
                for (int level = 0; level < m.levels(); level++) {
                    for (int g = 0; g < 16; g++) {
                        db.define(NAPOT, napotBin(m, level, g));
                    }
                }
            }
        }
        for (MttMode m : modes) {
            for (EntryKind k : EntryKind.of(m)) {
                for (int bit = 0; bit < 64; bit++) {
                    if ((k.rsvdMask >>> bit & 1) != 0) {
                        db.define(RSVD, rsvdBin(k, bit));
                    }
                }
            }
        }
        for (MttMode m : modes) {
            int width = legalWidth(m);
            db.define(PA, m.id() + " pa=0");
            db.define(PA, m.id() + " max legal");
            if (width < params.paWidth()) {
                db.define(PA, m.id() + " first illegal 2^" + width);
            }
            for (int bit = width; bit < params.paWidth(); bit++) {
                db.define(PA, paBitBin(m, bit));
            }
        }
        for (MttMode m : modes) {
            for (int n = 0; n <= m.levels(); n++) {
                db.define(READS, m.id() + " reads=" + n);
            }
        }
        for (int raw = 0; raw < 32; raw++) {
            db.define(REQ_MODE, reqModeBin(raw));
        }
    }

    /** {@code req_mode=<5 bits> <what the port contract makes of it>}. */
    private String reqModeBin(int raw) {
        String what = "unimplemented";
        if ((raw & 0xF) == 0) {
            what = "bare";
        } else {
            for (MttMode m : params.modes()) {
                if (CheckRequest.reqMode(m) == raw) {
                    what = m.id();
                }
            }
        }
        String bits = Integer.toBinaryString(raw | 32).substring(1);
        return "req_mode=" + bits + " " + what;
    }

    /** Leaf kinds a mode can decide with at a level (v0.9 §4 steps 5–6; v0.1 §4 MTTL2 TYPE list, MTTL1). */
    private List<String> leafKinds(MttMode m, int level) {
        if (m.format() == TableFormat.SMMPT_V0_9) {
            return List.of("tuples", "napot");
        }
        if (level == 0) {
            return List.of("MTTL1");
        }
        if (level == 1) {
            return List.of("1G", m.xlen() == 32 ? "4M_PAGES" : "2M_PAGES");
        }
        return List.of(); // MTTL3 is always a pointer
    }

    /** Whether the golden walk can end with {@code c} decided at {@code level} (see SmmptLookup/SmmttLookup). */
    private boolean causePossible(MttMode m, Cause c, int level) {
        boolean v09 = m.format() == TableFormat.SMMPT_V0_9;
        return switch (c) {
            case NONE -> false; // counted in the result group
            // reported at the root level, and only when a PA the req_pa port can carry is out of range
            case PA_RANGE -> level == m.levels() - 1 && legalWidth(m) < params.paWidth();
            case WALK_PMP, WALK_BUS_ERROR -> true;
            case MPTE_INVALID, NAPOT_G_BAD -> v09; // v0.1 has no valid bit and no NAPOT
            case NONLEAF_AT_L0 -> v09 && level == 0;
            // v0.1: MTTL3 and MTTL2 have ZERO fields; the MTTL1 nibble bits are a reserved encoding
            case MPTE_RSVD_BITS -> v09 || level >= 1;
            // v0.1: reserved TYPE/INFO at MTTL2 and nibble bits at MTTL1; MTTL3 has none
            case MPTE_RSVD_ENC, PERM_DENY -> v09 || level <= 1;
        };
    }

    private List<Integer> legalXwr() {
        List<Integer> out = new ArrayList<>();
        for (int xwr = 0; xwr < 8; xwr++) {
            boolean reserved = (xwr & Access.W) != 0 && (xwr & Access.R) == 0; // W without R (both formats)
            boolean v01Reachable = xwr == 0 || xwr == (Access.R | Access.X) || xwr == (Access.R | Access.W)
                    || xwr == (Access.R | Access.W | Access.X); // PERM 00, 01, 10, 11
            if (!reserved && (params.formats().v09() || v01Reachable)) {
                out.add(xwr);
            }
        }
        return out;
    }

    /** Tuples of a leaf of tuples at this level (0 where the mode has none). */
    private static int tuplesAt(MttMode m, int level) {
        int perLeaf = m.xlen() == 32 ? 8 : 16;
        if (m.format() == TableFormat.SMMPT_V0_9) {
            return perLeaf;
        }
        return level <= 1 ? perLeaf : 0;
    }

    private int legalWidth(MttMode m) {
        return Math.min(m.paBits(), params.paw());
    }

    // ---- sampling ----------------------------------------------------------------------------------

    /**
     * Samples a compared cache step (cached checkers). A model built without a {@link CheckerDescription.Cache} has no cache bins
     * and does not count cache steps: build it with the checker's shape ({@code CheckerLibrary.cache()}) to have them.
     */
    @Override
    public void onCache(CheckObserver.CacheObservation observation) {
        if (cache != null) {
            cache.onCache(observation);
        }
    }

    @Override
    public void onCheck(CheckRequest req, LookupResult g) {
        if (cache != null) {
            cache.onCheck(req, g);
        }
        if (req.bypass()) {
            db.hit(CONFIG, "bypass");
            return;
        }
        db.hit(REQ_MODE, reqModeBin(req.rawMode() & 31));
        if (req.isBypass()) {
            db.hit(CONFIG, "bare");
            return;
        }
        if (req.mode() == null || g == null) {
            return; // an unimplemented req_mode: a driver error, answered by the contract
        }
        MttMode m = req.mode();
        db.hit(CONFIG, configBin(m, req.be() && params.bigEndianSupport()));
        samplePa(m, req.pa());
        db.hit(READS, m.id() + " reads=" + g.readCount());
        if (g.cause() != Cause.NONE) {
            db.hit(CAUSE, causeBin(m, g.cause(), g.level()));
        }
        if (g.leafKind() != null) {
            db.hit(RESULT, resultBin(m, g.allow(), g.level(), kindName(m, g)));
            int need = req.need();
            for (int n : NEEDS) {
                if (n == need) {
                    db.hit(XWR, xwrBin(g.xwr(), need));
                }
            }
            if (g.leafKind() == LeafKind.TUPLES) {
                int t = (int) ((req.pa() >>> g.tupleLog2()) & (g.tupleCount() - 1));
                db.hit(TUPLE, tupleBin(m, g.level(), t));
            }
        }
        Long entry = decidingEntry(g);
        if (entry == null) {
            return;
        }
        long v = entry;
        if (m.format() == TableFormat.SMMPT_V0_9 && (v & 0b111) == 0b111) { // V = L = N = 1: NAPOT-shaped
            db.hit(NAPOT, napotBin(m, g.level(), (int) ((v >>> 12) & 0xF)));
        }
        if (g.cause() == Cause.MPTE_RSVD_BITS) {
            EntryKind k = EntryKind.classify(m, g.level(), v);
            long set = v & k.rsvdMask;
            for (int bit = 0; bit < 64; bit++) {
                if ((set >>> bit & 1) != 0) {
                    db.hit(RSVD, rsvdBin(k, bit));
                }
            }
        }
    }

    /** The value of the entry that decided: the last read, when it was read without a bus error. */
    private static Long decidingEntry(LookupResult g) {
        if (g.readCount() == 0 || g.cause() == Cause.WALK_PMP || g.cause() == Cause.WALK_BUS_ERROR
                || g.cause() == Cause.PA_RANGE || g.readFailed(g.readCount() - 1)) {
            return null; // no entry decided (the denied read was never issued, or failed)
        }
        return g.readValue(g.readCount() - 1);
    }

    private void samplePa(MttMode m, long pa) {
        int width = legalWidth(m);
        long legalMask = width >= 64 ? -1L : (1L << width) - 1;
        if (pa == 0) {
            db.hit(PA, m.id() + " pa=0");
        }
        if (pa == legalMask) {
            db.hit(PA, m.id() + " max legal");
        }
        if (width < 64) {
            long high = pa >>> width;
            if (high != 0 && Long.bitCount(high) == 1) {
                int bit = width + Long.numberOfTrailingZeros(high);
                db.hit(PA, paBitBin(m, bit));
                if (pa == 1L << width) {
                    db.hit(PA, m.id() + " first illegal 2^" + width);
                }
            }
        }
    }

    private String kindName(MttMode m, LookupResult g) {
        if (m.format() == TableFormat.SMMPT_V0_9) {
            return g.leafKind() == LeafKind.NAPOT ? "napot" : "tuples";
        }
        if (g.leafKind() == LeafKind.UNIFORM) {
            return "1G";
        }
        return g.level() == 0 ? "MTTL1" : (m.xlen() == 32 ? "4M_PAGES" : "2M_PAGES");
    }

    // ---- bin names -----------------------------------------------------------------------------------

    private static String configBin(MttMode m, boolean be) {
        return m.format().id() + " rv" + m.xlen() + " " + m.id() + (be ? " be" : " le");
    }

    private static String resultBin(MttMode m, boolean allow, int level, String kind) {
        return m.id() + (allow ? " allow" : " deny") + " L" + level + " " + kind;
    }

    private static String causeBin(MttMode m, Cause c, int level) {
        return m.id() + " " + c + " L" + level;
    }

    private static String xwrBin(int xwr, int need) {
        return "xwr=" + rwx(xwr) + " need=" + rwx(need) + " " + (Access.grants(xwr, need) ? "allow" : "deny");
    }

    /** XWR as {@code rwx} with '-' for a clear bit (e.g. {@code r-x}). */
    static String rwx(int xwr) {
        return ((xwr & Access.R) != 0 ? "r" : "-") + ((xwr & Access.W) != 0 ? "w" : "-")
                + ((xwr & Access.X) != 0 ? "x" : "-");
    }

    private static String tupleBin(MttMode m, int level, int t) {
        return m.id() + " L" + level + " tuple " + t;
    }

    private static String napotBin(MttMode m, int level, int g) {
        return m.id() + " L" + level + " G=" + g;
    }

    private static String rsvdBin(EntryKind k, int bit) {
        return k.name + " bit " + bit;
    }

    private static String paBitBin(MttMode m, int bit) {
        return m.id() + " bit " + bit + " alone";
    }

    /**
     * An entry kind and its reserved bits (not reserved encodings), from the layouts of v0.9 §4 (smmpt) and
     * v0.1 §4 (MTTL3, MTTL2 ZERO fields), as the golden lookups check them.
     */
    record EntryKind(String name, long rsvdMask) {
        static List<EntryKind> of(MttMode m) {
            String p = m.format().id() + " rv" + m.xlen() + " ";
            if (m.format() == TableFormat.SMMPT_V0_9) {
                boolean rv32 = m.xlen() == 32;
                return List.of(
                        new EntryKind(p + "non-leaf", rv32 ? 0x3F8L : 0x3F8L | (0x3FFL << 54)),
                        new EntryKind(p + "leaf", rv32 ? 0xF8L : 0xF8L | (0xFFL << 56)),
                        new EntryKind(p + "napot", rv32 ? 0xF8L | (1L << 11) | (0xFFFFL << 16)
                                : 0xF8L | (1L << 11) | (-1L << 16)));
            }
            List<EntryKind> out = new ArrayList<>();
            if (m.levels() == 3) {
                out.add(new EntryKind(p + "MTTL3", -1L << 44));
            }
            out.add(new EntryKind(p + "MTTL2", m.xlen() == 32 ? 0x7FL << 25 : -1L << 47));
            return out;
        }

        /** The kind of a deciding entry that faulted with reserved bits at {@code level}. */
        static EntryKind classify(MttMode m, int level, long v) {
            List<EntryKind> kinds = of(m);
            if (m.format() == TableFormat.SMMPT_V0_9) {
                if ((v & 2) == 0) {
                    return kinds.get(0);
                }
                return (v & 4) == 0 ? kinds.get(1) : kinds.get(2);
            }
            return level == 2 ? kinds.get(0) : kinds.get(kinds.size() - 1);
        }
    }
}
