package io.mttkit.tb.lockstep;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.gen.spmp.SpmpMptRequestPort;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.Hart;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.MttAccessCheck;
import io.mttkit.golden.hart.SpmpAccess;
import io.mttkit.golden.hart.SpmpCsrWrite;
import io.mttkit.golden.hart.TrapRecord;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpVerdict;
import io.mttkit.tb.spmpcosim.SpmpMptCosim;
import io.mttkit.tb.spmpcosim.SpmpMptRtl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * RTL lockstep of the golden hart with an SPMP configuration ({@code mtt run PROG --config spmp-rv64 --rtl};
 * docs/lockstep.md, "SPMP configurations"): the composed {@code mtt_spmp_checker} (SPMP → the access's PMP/PMA hook →
 * the cache-less MPT checker) answers every physical access the hart makes below effective M — fetches, loads,
 * stores, AMOs, page-table reads and A/D updates — at once, in program order, cycle by cycle ({@link SpmpMptRtl}), and
 * the answer must equal the hart's: allowed, the deciding unit (SPMP, PMP, MPT) and the exception code, the SPMP's
 * deciding entry and the MPT cause; the hook must be asked exactly when the SPMP allowed, with the access; the MPT's
 * MPTE PMP queries and reads must be the golden walk's. Every write that reaches the hart's SPMP registers
 * ({@link HartListener#spmpCsrWritten}) is made on the RTL's CSR port too, with the select in force and the value
 * before legalisation, and the RTL must read back what the hart reads back.
 *
 * <p>Answers for the RTL's hooks come from the hart: the access's PMP/PMA hook gets the hart's PMP verdict for the
 * access, each MPTE PMP query the hart's PMP answer for that read (SPEC-DECISIONS #20), each MPTE read the hart's memory
 * (the same bytes: the RTL walks during the hart's own check, before the instruction writes anything).
 *
 * <p>Unlike the MTT lockstep ({@link LockstepChecker}) nothing is batched: the top is driven through the generic
 * {@code Dut} layer, one access at a time, so a mismatch stops the hart inside the access that differs.
 */
public final class SpmpLockstepChecker implements MttAccessCheck, HartListener {
    private static final String[] TYPES = {"fetch", "load", "store", "amo"};
    private static final String[] UNITS = {"none", "SPMP", "PMP", "MPT"};
    /** Operations kept for the repro bundle (the oldest are dropped past this). */
    static final int LOG_LIMIT = 200_000;

    private final Hart hart;
    private final SpmpMptRtl rtl;
    private final String configName;
    private final LockstepOptions options;
    private final SpmpParams sp;
    private final WalkerParams wp;
    private final MttLookup golden;
    private final long pawMask;
    private final Random rnd;
    private final List<Long> queries = new ArrayList<>();
    private final List<PmpRegion> deniedQueries = new ArrayList<>();
    private final ArrayDeque<String> log = new ArrayDeque<>();
    private long logDropped;

    /** The SPMP-allowed access whose PMP and MPT verdicts {@link #access} brings. */
    private SpmpAccess pending;
    // what the hart's MTT check of the pending access was asked (the root CSR otherwise)
    private boolean mptAsked;
    private MttMode mptMode;
    private long mptRoot;
    private int mptSdid;
    private boolean mptBe;
    // the current instruction
    private long stepFetchPa = -1;

    private int nextId;
    private long accesses;
    private long spmpChecks;
    private final long[] byUnit = new long[4];
    private long csrWrites;
    private long mpteReads;
    private final long startCycle;
    private final long startNanos = System.nanoTime();
    private boolean failed;

    private SpmpLockstepChecker(Hart hart, SpmpMptRtl rtl, String configName, LockstepOptions options) {
        this.hart = hart;
        this.rtl = rtl;
        this.configName = configName;
        this.options = options;
        this.sp = rtl.spmpParams();
        this.wp = rtl.walkerParams();
        requireCompatible(hart, sp, wp, configName);
        this.pawMask = (1L << wp.paw()) - 1;
        this.rnd = new Random(options.seed());
        // The hart's own lookup, every implicit read's PMP answer recorded: the RTL's MPTE PMP hook gets the same
        // answers (SPEC-DECISIONS #20: implicit MPTE reads are M-mode reads for PMP), and must ask the same slots.
        this.golden = new MttLookup(hart.memory(), (addr, size) -> {
            boolean ok = hart.pmp().allowsImplicitRead(addr, size);
            queries.add(addr & pawMask);
            if (!ok) {
                deniedQueries.add(new PmpRegion(addr & pawMask, size, false));
            }
            return ok;
        }, hart.config().lookup());
        rtl.reset();
        this.startCycle = rtl.cycle();
    }

    /**
     * Installs lockstep on {@code hart} (its MTT check and a listener) and compares the RTL's registers after reset
     * with the hart's. Call before the first instruction (a {@code RunOptions.Setup}).
     *
     * @param configName the name the report gives the RTL configuration ({@code spmp-rv64})
     * @throws IllegalArgumentException   when the hart's SPMP, PMP-independent MPT interpretation or SDID width differ
     *                                    from the RTL's parameters (both named)
     * @throws LockstepMismatchException when a register of the RTL differs from the hart's after reset
     */
    public static SpmpLockstepChecker attach(Hart hart, SpmpMptRtl rtl, String configName, LockstepOptions options) {
        if (hart == null || rtl == null || options == null) {
            throw new IllegalArgumentException("hart, RTL top and options must be given");
        }
        SpmpLockstepChecker c = new SpmpLockstepChecker(hart, rtl, configName, options);
        c.compareResetState();
        hart.setMttCheck(c);
        hart.addListener(c);
        return c;
    }

    /** The MPT interpretation of the walker parameters, as the hart's golden lookup must use it. */
    static LookupConfig lookupConfig(WalkerParams wp) {
        return LookupConfig.DEFAULT.withPaw(wp.paw())
                .withRsvdTupleScope(RsvdTupleScope.valueOf(wp.rsvdTupleScope().name()))
                .withV01OneGigAsOneGiB(wp.v01OneGigAsOneGiB());
    }

    private static void requireCompatible(Hart hart, SpmpParams sp, WalkerParams wp, String name) {
        Spmp s = hart.spmp();
        if (s == null) {
            throw new IllegalArgumentException("RTL configuration " + name + " holds an SPMP but the hart has no Sspmp;"
                    + " build the hart with HartConfig.withSpmp");
        }
        io.mttkit.golden.spmp.SpmpParams g = s.params();
        if (g.mpmpdeleg()) {
            throw new IllegalArgumentException("the hart has Smpmpdeleg, which " + name + " does not generate (its "
                    + "entries are its own); build the hart without it");
        }
        if (g.xlen() != sp.xlen() || g.entryCount() != sp.entryCount() || g.granularity() != sp.granularity()
                || g.sspmpen() != sp.sspmpenPresent() || !g.mxrApplies()) {
            throw new IllegalArgumentException(String.format("RTL configuration %s has an SPMP of RV%d, %d entries, "
                            + "G %d, Sspmpen %b (MXR applying) but the hart's is RV%d, %d entries, G %d, Sspmpen %b, MXR %s;"
                            + " they must be equal", name, sp.xlen(), sp.entryCount(), sp.granularity(),
                    sp.sspmpenPresent(), g.xlen(), g.entryCount(), g.granularity(), g.sspmpen(),
                    g.mxrApplies() ? "applying" : "not applying"));
        }
        LookupConfig rtlLookup = lookupConfig(wp);
        if (!rtlLookup.equals(hart.config().lookup())) {
            throw new IllegalArgumentException("RTL configuration " + name + " interprets the tables as " + rtlLookup
                    + " but the hart's golden lookup uses " + hart.config().lookup()
                    + "; build the hart with HartConfig.withLookup(" + rtlLookup + ")");
        }
        TableFormat f = hart.config().format();
        if (!(f == TableFormat.SMMPT_V0_9 ? wp.formats().v09() : wp.formats().v01())) {
            throw new IllegalArgumentException("RTL configuration " + name + " does not implement the hart's " + f.id());
        }
        if (wp.sdidLen() != hart.config().sdidLen()) {
            throw new IllegalArgumentException("RTL configuration " + name + " implements " + wp.sdidLen()
                    + " SDID bits but the hart " + hart.config().sdidLen() + "; they must be equal");
        }
    }

    /** Every register through the M-mode window, and {@code spmpen}: the RTL after reset must read as the hart. */
    private void compareResetState() {
        Spmp s = hart.spmp();
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < sp.entryCount(); i++) {
            long sel = Spmp.SELECT_BASE + i;
            long a = rtl.csrRead(0, sel, true);
            long c = rtl.csrRead(1, sel, true);
            if (a != s.readAddr(i)) {
                diffs.add(String.format("spmpaddr[%d] 0x%x, hart 0x%x", i, a, s.readAddr(i)));
            }
            if (c != s.readCfg(i)) {
                diffs.add(String.format("spmpcfg[%d] 0x%x, hart 0x%x", i, c, s.readCfg(i)));
            }
        }
        if (sp.sspmpenPresent()) {
            long en = rtl.csrRead(2, 0, false) | (sp.xlen() == 32 ? rtl.csrRead(3, 0, false) << 32 : 0);
            if (en != s.readSpmpen()) {
                diffs.add(String.format("spmpen 0x%x, hart 0x%x", en, s.readSpmpen()));
            }
        }
        if (!diffs.isEmpty()) {
            failed = true;
            throw new LockstepMismatchException("LOCKSTEP MISMATCH\nRTL configuration " + configName + " (top "
                    + "mtt_spmp_checker): its SPMP registers after reset differ from the hart's: "
                    + String.join("; ", diffs) + "\n", null, hart.pc());
        }
    }

    // ---- the hart's MTT check: the golden lookup, its implicit reads' PMP answers recorded -------------------

    @Override
    public LookupResult check(MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind,
                              boolean bigEndian, LookupResult out) {
        queries.clear();
        deniedQueries.clear();
        mptAsked = true;
        mptMode = mode;
        mptRoot = rootPpn;
        mptSdid = sdid;
        mptBe = bigEndian;
        return golden.lookup(mode, rootPpn, pa, kind.need(), bigEndian, out);
    }

    // ---- hart events --------------------------------------------------------------------------------------

    @Override
    public void spmpChecked(SpmpAccess a) {
        if (failed) {
            throw new IllegalStateException("lockstep already stopped at a mismatch; the run must not go on");
        }
        if (a.kind() == AccessKind.FETCH && stepFetchPa < 0) {
            stepFetchPa = a.pa();
        }
        queries.clear();
        deniedQueries.clear();
        mptAsked = false;
        if (!a.verdict().allowed()) {
            compare(a, hart.pmp().check(a.pa(), a.size(), a.kind().need(), a.priv()), null); // the access ends here
        } else {
            pending = a; // the PMP and MPT verdicts follow in access()
        }
    }

    @Override
    public void access(AccessKind kind, long pa, int size, boolean pmpOk, LookupResult mtt) {
        if (kind == AccessKind.FETCH && stepFetchPa < 0) {
            stepFetchPa = pa;
        }
        SpmpAccess a = pending;
        pending = null;
        if (a == null) {
            return; // effective M: neither SPMP nor MPT check it, the RTL is not asked (as the top's bypass)
        }
        if (a.kind() != kind || a.pa() != pa || a.size() != size) {
            throw new IllegalStateException("the hart reported the SPMP check of " + a + " but the access " + kind
                    + " 0x" + Long.toHexString(pa));
        }
        compare(a, pmpOk, mtt);
    }

    @Override
    public void spmpCsrWritten(SpmpCsrWrite w) {
        int sel = switch (w.register()) {
            case SPMPADDR -> 0;
            case SPMPCFG -> 1;
            case SPMPEN -> 2;
            case SPMPENH -> 3;
            case MPMPDELEG -> throw new IllegalStateException("mpmpdeleg written on a hart refused for lockstep");
        };
        rtl.csrWrite(sel, w.select(), w.value(), w.viaMireg());
        long back = rtl.csrRead(sel, w.select(), w.viaMireg());
        csrWrites++;
        String what = csrText(w);
        record(String.format("csr %s: write 0x%x -> hart reads 0x%x, RTL 0x%x", what, w.value(), w.readBack(), back));
        if (back != w.readBack()) {
            StringBuilder sb = head("SPMP register write " + csrWrites + " of the run");
            sb.append("write:       ").append(what).append(String.format(" value 0x%x%n", w.value()));
            sb.append(String.format("golden hart: reads back 0x%x%n", w.readBack()));
            sb.append(String.format("RTL:         reads back 0x%x%n", back));
            throw stop(sb);
        }
    }

    @Override
    public void retired(long pc, int insn, int priv, int rd, long rdValue) {
        stepFetchPa = -1;
    }

    @Override
    public void trap(TrapRecord record) {
        stepFetchPa = -1;
    }

    // ---- one access -----------------------------------------------------------------------------------------

    /** The hart's verdict on one access, as the top's response must carry it. */
    private record Expected(boolean allow, int unit, int cause, boolean matched, int entry, int mptCause,
                            boolean hookAsked, List<Long> queries, List<Long> reads, String spmpOutcome,
                            String mptOutcome) {
    }

    private void compare(SpmpAccess a, boolean pmpOk, LookupResult mtt) {
        int type = type(a.kind());
        Expected e = expected(a, type, pmpOk, mtt);
        MttMode mode = mptAsked ? mptMode : hart.mttRoot().mode();
        long root = mptAsked ? mptRoot : hart.mttRoot().ppn();
        int sdid = mptAsked ? mptSdid : hart.mttRoot().sdid();
        int priv = a.priv() == PrivMode.U ? SpmpMptRequestPort.PRIV_U : SpmpMptRequestPort.PRIV_S;
        SpmpMptRtl.Request q = new SpmpMptRtl.Request(nextId++ & ((1 << wp.idWidth()) - 1), a.pa(), a.size(), type,
                priv, a.sum(), a.mxr(), a.satpBare(), sdid, SpmpMptCosim.reqMode(mode), root, mptAsked && mptBe);
        SpmpMptRtl.World w = new SpmpMptRtl.World(hart.memory(), -1, List.copyOf(deniedQueries), true,
                (addr, size, t, p) -> pmpOk, 1, 3, 10, 10);
        SpmpMptRtl.Observed o = rtl.access(q, w, rnd);
        accesses++;
        spmpChecks += a.satpBare() ? 1 : 0;
        byUnit[e.unit()]++;
        mpteReads += o.reads().size();
        List<String> diffs = differences(q, e, o);
        String access = accessText(a, type, mode, root, sdid);
        record(String.format("access %d pc 0x%x: %s -> hart %s; RTL %s", accesses, hart.pc(), access, verdictText(e),
                o.responded() ? rtlText(o) : "no response"));
        if (!diffs.isEmpty()) {
            StringBuilder sb = head("S/U access " + accesses + " of the run (" + (accesses - 1) + " agreed before it)");
            sb.append("access:      ").append(access).append('\n');
            sb.append("golden hart: ").append(verdictText(e)).append('\n');
            sb.append("RTL:         ").append(o.responded() ? rtlText(o) : "no response in " + SpmpMptRtl.TIMEOUT
                    + " cycles").append('\n');
            sb.append("differences: ").append(String.join("; ", diffs)).append('\n');
            throw stop(sb);
        }
    }

    private Expected expected(SpmpAccess a, int type, boolean pmpOk, LookupResult mtt) {
        SpmpVerdict v = a.verdict();
        boolean matched = v.entry() >= 0;
        int entry = matched ? v.entry() : 0;
        String spmp = v.outcome() + (matched ? " entry " + v.entry() : "");
        if (!v.allowed()) {
            return new Expected(false, 1, Spmp.faultCause(a.kind().need()), matched, entry, 0, false, List.of(),
                    List.of(), spmp, "not asked");
        }
        if (!pmpOk) {
            return new Expected(false, 2, accessFault(type), matched, entry, 0, true, List.of(), List.of(), spmp,
                    "not asked");
        }
        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < mtt.readCount(); i++) {
            reads.add(mtt.readAddr(i));
        }
        boolean allow = mtt.allow();
        return new Expected(allow, allow ? 0 : 3, allow ? 0 : accessFault(type), matched, entry, mtt.cause().ordinal(),
                true, List.copyOf(queries), reads, spmp, mtt.cause().name());
    }

    private List<String> differences(SpmpMptRtl.Request q, Expected e, SpmpMptRtl.Observed o) {
        List<String> d = new ArrayList<>(o.protocol());
        if (!o.responded()) {
            d.add("no response in " + SpmpMptRtl.TIMEOUT + " cycles");
            return d;
        }
        field(d, "rsp_allow", e.allow() ? 1 : 0, o.allow() ? 1 : 0);
        field(d, "rsp_unit", e.unit(), o.unit());
        field(d, "rsp_cause", e.cause(), o.cause());
        field(d, "rsp_spmp_matched", e.matched() ? 1 : 0, o.spmpMatched() ? 1 : 0);
        field(d, "rsp_spmp_entry", e.entry(), o.spmpEntry());
        field(d, "rsp_mpt_cause", e.mptCause(), o.mptCause());
        if (o.apmp().size() != (e.hookAsked() ? 1 : 0)) {
            d.add("apmp_valid in " + o.apmp().size() + " cycle(s), expected " + (e.hookAsked() ? 1 : 0));
        } else if (e.hookAsked()) {
            long[] h = o.apmp().get(0);
            if (h[1] != (q.pa() & pawMask) || h[2] != q.size() || h[3] != q.type() || h[4] != q.priv()) {
                d.add(String.format("apmp addr/size/type/priv 0x%x/%d/%d/%d, expected 0x%x/%d/%d/%d", h[1], h[2],
                        h[3], h[4], q.pa() & pawMask, q.size(), q.type(), q.priv()));
            }
        }
        List<Long> gotQ = new ArrayList<>();
        for (long[] x : o.pmpQueries()) {
            gotQ.add(x[1]);
        }
        if (!gotQ.equals(e.queries())) {
            d.add("MPTE PMP queries " + hex(gotQ) + ", expected " + hex(e.queries()));
        }
        List<Long> gotR = new ArrayList<>();
        for (long[] x : o.reads()) {
            gotR.add(x[1]);
        }
        if (!gotR.equals(e.reads())) {
            d.add("MPTE reads " + hex(gotR) + ", expected " + hex(e.reads()));
        }
        return d;
    }

    // ---- the report ---------------------------------------------------------------------------------------

    private StringBuilder head(String what) {
        failed = true;
        StringBuilder sb = new StringBuilder("LOCKSTEP MISMATCH\n");
        sb.append("hart:        0\n");
        sb.append("RTL configuration ").append(configName).append(" (top mtt_spmp_checker)\n");
        sb.append(what).append('\n');
        sb.append(String.format("instruction: pc 0x%x (%s-mode)  %s%n", hart.pc(), privName(hart.priv()),
                LockstepReport.instruction(hart, hart.pc(), stepFetchPa, -1)));
        return sb;
    }

    private LockstepMismatchException stop(StringBuilder report) {
        record(">> the operation above mismatched");
        java.nio.file.Path bundle = null;
        String note;
        try {
            bundle = SpmpLockstepBundle.write(options.bundleDir(), configName, parameters(), report.toString(),
                    List.copyOf(log), logDropped);
            note = bundle + "\n              holds the report, the parameters and every RTL operation of the run "
                    + "(CSR writes, accesses, answers" + (logDropped > 0 ? "; the first " + logDropped + " dropped"
                    : "") + "): " + SpmpLockstepBundle.streamFile(bundle);
        } catch (java.io.IOException | RuntimeException ex) {
            note = "not written: " + ex.getMessage();
        }
        report.append("repro bundle: ").append(note).append('\n');
        return new LockstepMismatchException(report.toString(), bundle, hart.pc());
    }

    private String parameters() {
        return "configuration " + configName + " (mtt_spmp_checker)\nSPMP " + sp.values() + "\nMPT " + wp.values()
                + "\nhart RV" + hart.config().xlen() + " " + hart.config().format().id() + ", " + hart.config().lookup()
                + ", SDID bits " + hart.config().sdidLen() + "\nseed " + options.seed() + "\n";
    }

    private void record(String line) {
        if (log.size() >= LOG_LIMIT) {
            log.removeFirst();
            logDropped++;
        }
        log.addLast(line);
    }

    private String accessText(SpmpAccess a, int type, MttMode mode, long root, int sdid) {
        return String.format("%s (%s) pa 0x%x size %d, effective %s-mode SUM %d MXR %d, satp %s, MPT %s", a.kind(),
                TYPES[type], a.pa(), a.size(), a.priv(), a.sum() ? 1 : 0, a.mxr() ? 1 : 0,
                a.satpBare() ? "Bare" : "not Bare (SPMP off)", mode == MttMode.BARE ? "Bare"
                        : String.format("%s root ppn 0x%x sdid %d", mode.id(), root, sdid));
    }

    private static String verdictText(Expected e) {
        return (e.allow() ? "allow" : "deny by " + UNITS[e.unit()] + " cause " + e.cause()) + ", SPMP "
                + e.spmpOutcome() + ", MPT " + e.mptOutcome() + (e.reads().isEmpty() ? "" : ", MPTE reads "
                + hex(e.reads()));
    }

    private static String rtlText(SpmpMptRtl.Observed o) {
        return (o.allow() ? "allow" : "deny by " + (o.unit() < 4 ? UNITS[o.unit()] : "unit " + o.unit()) + " cause "
                + o.cause()) + ", SPMP " + (o.spmpMatched() ? "entry " + o.spmpEntry() : "no entry matched")
                + ", MPT cause " + o.mptCause();
    }

    private static String csrText(SpmpCsrWrite w) {
        String reg = switch (w.register()) {
            case SPMPADDR -> "spmpaddr[" + (w.select() - Spmp.SELECT_BASE) + "]";
            case SPMPCFG -> "spmpcfg[" + (w.select() - Spmp.SELECT_BASE) + "]";
            case SPMPEN -> "spmpen";
            case SPMPENH -> "spmpenh";
            case MPMPDELEG -> "mpmpdeleg";
        };
        boolean indirect = w.register() == SpmpCsrWrite.Register.SPMPADDR
                || w.register() == SpmpCsrWrite.Register.SPMPCFG;
        return reg + (indirect ? String.format(" through %s (%s 0x%x)", w.viaMireg() ? "mireg" : "sireg",
                w.viaMireg() ? "miselect" : "siselect", w.select()) : "");
    }

    private static String privName(int p) {
        return p == 3 ? "M" : p == 1 ? "S" : p == 0 ? "U" : "?";
    }

    private static void field(List<String> d, String name, long expected, long got) {
        if (expected != got) {
            d.add(name + " " + got + ", expected " + expected);
        }
    }

    private static String hex(List<Long> xs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < xs.size(); i++) {
            sb.append(i == 0 ? "" : " ").append("0x").append(Long.toHexString(xs.get(i)));
        }
        return sb.append(']').toString();
    }

    /** {@code req_type}: 0 fetch, 1 load (a walk's read), 2 store (an A/D update), 3 AMO. */
    private static int type(AccessKind k) {
        return switch (k) {
            case FETCH -> 0;
            case LOAD, PTW_READ -> 1;
            case STORE, PTW_UPDATE -> 2;
            case AMO -> 3;
        };
    }

    /**
     * The access fault of the physical access's own type: the top reports the cause of the access it was sent (a
     * walk's read is a load), while the hart traps with the cause of the instruction's access (SPEC-DECISIONS #21).
     */
    private static int accessFault(int type) {
        return switch (type) {
            case 0 -> 1;
            case 1 -> 5;
            default -> 7;
        };
    }

    // ---- results ----------------------------------------------------------------------------------------------

    /** Totals so far. */
    public SpmpLockstepStats stats() {
        return new SpmpLockstepStats(configName, accesses, spmpChecks, byUnit[0], byUnit[1], byUnit[2], byUnit[3],
                mpteReads, csrWrites, rtl.cycle() - startCycle, (System.nanoTime() - startNanos) / 1e9);
    }
}
