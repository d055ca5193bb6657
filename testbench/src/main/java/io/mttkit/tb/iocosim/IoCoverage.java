package io.mttkit.tb.iocosim;

import io.mttkit.bridge.Event;
import io.mttkit.golden.iompt.AbortReason;
import io.mttkit.golden.iompt.CommandDone;
import io.mttkit.golden.iompt.ControlDone;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.MptInval;
import io.mttkit.golden.iompt.Op;
import io.mttkit.golden.iompt.SdclRule;
import io.mttkit.golden.iompt.SrcIdMatch;
import io.mttkit.golden.iompt.Status;
import io.mttkit.golden.iompt.TeeFilter;
import io.mttkit.tb.coverage.CoverageDb;
import java.util.List;

/**
 * Functional coverage of the I/O checker co-simulation (chapter 6): every bin is defined up front, so a bin never hit
 * is a named hole in the report. Groups: abort reason × checker mode, rule match (SRC_IDT × SRC_IDM × where in the
 * range), TEE (value × the rule's TEE_FLT), IOMMU-originated accesses, command × status code, MPTINVAL scope, MODE
 * writes, BUSY (accesses while BUSY, polls), reconfiguration windows.
 */
public final class IoCoverage implements IoObserver {
    public static final String REASON_MODE = "io abort reason x mode";
    public static final String RULE_MATCH = "io rule match";
    public static final String TEE = "io tee";
    public static final String IOMMU = "io iommu-originated";
    public static final String COMMAND = "io command x code";
    public static final String MPTINVAL = "io mptinval scope";
    public static final String MODE = "io mode write";
    public static final String BUSY = "io busy";
    public static final String WINDOW = "io reconfiguration window";
    public static final String CACHE_EVENT = "io cache event";
    public static final String CACHE_INVALIDATION = "io cache invalidation scope x cleared";
    /** Bins of {@link #CACHE_EVENT}, in the order of {@code IoCacheScoreboard.Stat} (a cached checker only). */
    public static final List<String> CACHE_EVENT_BINS = List.of("HIT leaf array", "HIT superpage array", "MISS",
            "MISS with a walk-cache hit", "FILL leaf", "FILL superpage", "FILL walk cache", "EVICT leaf",
            "EVICT superpage", "EVICT walk cache", "invalidation applied", "entries cleared",
            "stale HIT (entry kept after an MPT store or root change, no MPTINVAL yet)");
    private static final String[][] INV_BINS = {{"all: nothing cleared", "all: entries cleared"},
        {"one SDID: nothing cleared", "one SDID: entries cleared"},
        {"PA, every SDID: nothing cleared", "PA, every SDID: entries cleared"},
        {"PA of one SDID: nothing cleared", "PA of one SDID: entries cleared"}};

    private final CoverageDb db;
    private final boolean teeFilter;

    public IoCoverage(IoCheckerLibrary.IoCheckerDescription desc) {
        this.db = new CoverageDb(desc.configuration().isEmpty() ? desc.top() : desc.configuration());
        this.teeFilter = desc.teeFilter();
        db.define(REASON_MODE, "Off CHECKER_OFF");
        db.define(REASON_MODE, "Bare NONE");
        db.define(REASON_MODE, "Bare BARE_TEE");
        for (AbortReason r : List.of(AbortReason.NONE, AbortReason.UNCLASSIFIED, AbortReason.SDID_NOT_CONFIGURED,
                AbortReason.MPT_DISALLOWED, AbortReason.MPT_ACCESS_PMP_PMA, AbortReason.MPT_DATA_CORRUPTED)) {
            db.define(REASON_MODE, "On " + r.name());
        }
        db.define(REASON_MODE, "On NONE (SDID Bare)");
        for (String t : List.of("device", "ide")) {
            db.define(RULE_MATCH, t + " UNARY exact");
            for (String m : List.of("TOR", "NAPOT")) {
                for (String where : List.of("low end", "inside", "high end")) {
                    db.define(RULE_MATCH, t + " " + m + " " + where);
                }
            }
        }
        db.define(RULE_MATCH, "rule > 0 won (an overlap or a lower rule missed)");
        // a rule whose TEE_FLT excludes the transaction does not match it: those pairs cannot occur
        db.define(TEE, "tee matched " + TeeFilter.ANY.name());
        db.define(TEE, "non-tee matched " + TeeFilter.ANY.name());
        if (teeFilter) {
            db.define(TEE, "tee matched " + TeeFilter.TEE_ONLY.name());
            db.define(TEE, "non-tee matched " + TeeFilter.NON_TEE_ONLY.name());
        }
        db.define(TEE, "tee unclassified");
        db.define(TEE, "non-tee unclassified");
        db.define(IOMMU, "allowed");
        db.define(IOMMU, "aborted, reported to the IOMMU");
        // the outcomes each operation can have (§"Command register", status.CODE); INVALID_SDID needs SDIDs the
        // 6-bit field can name but the checker lacks (sdidCount < 64)
        boolean sdidInvalidReachable = desc.sdidCount() < 64;
        for (Op op : Op.values()) {
            db.define(COMMAND, op.name() + " " + Status.SUCCESS.name());
            if (op == Op.SET_SDCL_ENTRY || op == Op.GET_SDCL_ENTRY) {
                db.define(COMMAND, op.name() + " " + Status.INVALID_RULEID.name());
            }
            if (sdidInvalidReachable && (op == Op.SET_SDCFG_ENTRY || op == Op.GET_SDCFG_ENTRY || op == Op.MPTINVAL)) {
                db.define(COMMAND, op.name() + " " + Status.INVALID_SDID.name());
            }
            if (op == Op.SET_SDCL_ENTRY || op == Op.SET_SDCFG_ENTRY) {
                db.define(COMMAND, op.name() + " " + Status.INVALID_OPERAND.name());
            }
        }
        db.define(COMMAND, "unsupported OP " + Status.INVALID_OP.name());
        for (String s : List.of("all SDIDs", "one SDID", "4 KiB", "NAPOT range", "4 KiB of one SDID",
                "NAPOT range of one SDID")) {
            db.define(MPTINVAL, s);
        }
        for (String m : List.of("Off", "Bare", "On", "WARL value kept the old MODE")) {
            db.define(MODE, m);
        }
        for (String b : List.of("write while BUSY", "status read while BUSY", "poll answered by its first read",
                "poll needed 2+ reads")) {
            db.define(BUSY, b);
        }
        db.define(WINDOW, "verdict with old and new configuration both legal");
        if (desc.cached()) {
            for (String b : CACHE_EVENT_BINS) {
                // "entries cleared" is counted with the invalidation group; the superpage bins need a superpage leaf
                if (!b.equals("entries cleared")) {
                    db.define(CACHE_EVENT, b);
                }
            }
            for (String[] scope : INV_BINS) {
                for (String b : scope) {
                    db.define(CACHE_INVALIDATION, b);
                }
            }
        }
    }

    @Override
    public void cacheEvent(String event) {
        if (db.isDefined(CACHE_EVENT, event)) {
            db.hit(CACHE_EVENT, event);
        }
    }

    @Override
    public void cacheInvalidation(int scope, boolean cleared) {
        db.hit(CACHE_INVALIDATION, INV_BINS[scope][cleared ? 1 : 0]);
    }

    public CoverageDb db() {
        return db;
    }

    /** Bin names by [Off/Bare/On][reason ordinal] and the SDID-Bare one: no string is built per verdict. */
    private static final String[][] REASON_BINS = reasonBins();
    private static final String ON_SDID_BARE = "On NONE (SDID Bare)";
    private static final String[] TEE_MATCHED = {"tee matched ", "non-tee matched "};
    private static final String[][] TEE_BINS = teeBins();

    private static String[][] reasonBins() {
        String[] modes = {"Off", "Bare", "On"};
        String[][] out = new String[3][AbortReason.values().length];
        for (int m = 0; m < 3; m++) {
            for (AbortReason r : AbortReason.values()) {
                out[m][r.ordinal()] = modes[m] + " " + r.name();
            }
        }
        return out;
    }

    private static String[][] teeBins() {
        String[][] out = new String[2][TeeFilter.values().length];
        for (int t = 0; t < 2; t++) {
            for (TeeFilter f : TeeFilter.values()) {
                out[t][f.ordinal()] = TEE_MATCHED[t] + f.name();
            }
        }
        return out;
    }

    @Override
    public void verdict(DmaVerdict v, SdclRule rule, SdclRule below, Event.DmaResponse rsp, boolean window) {
        // the RTL's reason (it matched the golden one): a walk's bus error is known only from the bridge's events
        AbortReason r = AbortReason.values()[rsp.abortReason()];
        int mode = r == AbortReason.CHECKER_OFF ? 0
                : r == AbortReason.BARE_TEE || (r == AbortReason.NONE && v.classification() == null) ? 1 : 2;
        boolean sdidBare = r == AbortReason.NONE && v.classification() != null && v.lookup() == null;
        db.hit(REASON_MODE, sdidBare ? ON_SDID_BARE : REASON_BINS[mode][r.ordinal()]);
        if (mode == 2) {
            int t = v.tx().tee() ? 0 : 1;
            if (rule == null) {
                db.hit(TEE, t == 0 ? "tee unclassified" : "non-tee unclassified");
            } else {
                db.hit(TEE, TEE_BINS[t][TeeFilter.fromEncoding(rule.teeFlt()).ordinal()]);
                ruleMatch(v, rule, below);
            }
        }
        if (v.tx().fromIommu()) {
            db.hit(IOMMU, rsp.allow() ? "allowed" : "aborted, reported to the IOMMU");
        }
        if (window) {
            db.hit(WINDOW, "verdict with old and new configuration both legal");
        }
    }

    private static final String[][][] MATCH_BINS = matchBins();

    /** [device/ide][TOR/NAPOT][low end/inside/high end]. */
    private static String[][][] matchBins() {
        String[] t = {"device", "ide"};
        String[] m = {"TOR", "NAPOT"};
        String[] w = {"low end", "inside", "high end"};
        String[][][] out = new String[2][2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 3; k++) {
                    out[i][j][k] = t[i] + " " + m[j] + " " + w[k];
                }
            }
        }
        return out;
    }

    private void ruleMatch(DmaVerdict v, SdclRule rule, SdclRule below) {
        boolean ide = rule.srcIdt() == 2;
        int key = ide ? v.tx().ide().key() : v.tx().deviceId();
        int t = ide ? 1 : 0;
        if (v.classification().ruleId() > 0) {
            db.hit(RULE_MATCH, "rule > 0 won (an overlap or a lower rule missed)");
        }
        SrcIdMatch m = SrcIdMatch.fromEncoding(rule.srcIdm());
        if (m == null) {
            return; // no matching mode: such a rule cannot have matched, the scoreboard reports it
        }
        switch (m) {
            case UNARY -> db.hit(RULE_MATCH, ide ? "ide UNARY exact" : "device UNARY exact");
            case TOR -> {
                int lo = below == null ? 0 : below.srcId();
                db.hit(RULE_MATCH, MATCH_BINS[t][0][key == lo ? 0 : key == rule.srcId() - 1 ? 2 : 1]);
            }
            case NAPOT -> {
                int ones = Integer.numberOfTrailingZeros(~rule.srcId());
                int first = rule.srcId() & ~((1 << (ones + 1)) - 1);
                int last = first + (1 << (ones + 1)) - 1;
                db.hit(RULE_MATCH, MATCH_BINS[t][1][key == first ? 0 : key == last ? 2 : 1]);
            }
            default -> {
            }
        }
    }

    @Override
    public void command(CommandDone done) {
        String bin = done.op() == null ? "unsupported OP " + done.status().name()
                : done.op().name() + " " + done.status().name();
        if (db.isDefined(COMMAND, bin)) {
            db.hit(COMMAND, bin);
        }
        if (done.op() == Op.MPTINVAL && done.succeeded() && done.invalidation() != null) {
            MptInval i = done.invalidation();
            String scope = !i.ppnValid() ? (i.sdidValid() ? "one SDID" : "all SDIDs")
                    : (i.napot() ? "NAPOT range" : "4 KiB") + (i.sdidValid() ? " of one SDID" : "");
            db.hit(MPTINVAL, scope);
        }
    }

    @Override
    public void control(ControlDone done) {
        int w = done.written() & 0xF;
        if (w > 2) {
            db.hit(MODE, "WARL value kept the old MODE");
        } else {
            db.hit(MODE, done.mode().name().charAt(0) + done.mode().name().substring(1).toLowerCase());
        }
    }

    private int pollReads;

    @Override
    public void register(Event.RegisterAccess a) {
        if (a.busy()) {
            db.hit(BUSY, a.write() ? "write while BUSY" : "status read while BUSY");
        }
        if (a.poll()) {
            pollReads++;
            if (!a.busy()) {
                db.hit(BUSY, pollReads == 1 ? "poll answered by its first read" : "poll needed 2+ reads");
                pollReads = 0;
            }
        }
    }
}
