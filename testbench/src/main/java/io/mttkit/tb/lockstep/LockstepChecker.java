package io.mttkit.tb.lockstep;

import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.Hart;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.MttAccessCheck;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.hart.TrapRecord;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimMismatchException;
import io.mttkit.tb.cosim.Stimulus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RTL lockstep for the golden hart ({@code docs/lockstep.md}): every MTT check the hart makes is answered by
 * the golden lookup at once (the hart proceeds with that verdict) and queued, with its instruction context,
 * for the RTL checker; queued checks go to the RTL in one bridge run per batch, in program order with the MTT
 * fences between them. Each RTL answer must equal the hart's verdict (allow and cause), and the co-simulation
 * harness must find no difference between the RTL and its own golden model; otherwise the run stops with
 * {@link LockstepMismatchException}.
 *
 * <p>Flush rules (why: {@code docs/lockstep.md}): when the batch is full; before the hart writes a page a
 * queued check's walk read (the RTL must read the bytes the golden walk read); after MFENCE.PA and
 * SFENCE.INVAL.IR (their items are in the stream; flushing there keeps a stale-entry report next to its
 * cause); before a PMP CSR write changes what the implicit MPTE reads may read; and at {@link #finish}.
 *
 * <p>Use: {@link #attach} in the run's setup, {@link #finish} after the run, {@link #close} always.
 */
public final class LockstepChecker implements MttAccessCheck, HartListener, PageMemory.WriteObserver,
        AutoCloseable {

    /** Test hook: sees (and may alter) the RTL's answers to a batch before they are compared. */
    @FunctionalInterface
    interface AnswerTap {
        List<CheckAnswer> tap(List<CheckAnswer> answers, long firstCheckIndex);
    }

    /**
     * Judges each RTL answer beyond the comparison with the hart's verdict (the CoVE ownership scoreboard), in the
     * hart's check order, before that comparison.
     */
    @FunctionalInterface
    public interface AnswerJudge {
        /** @return null when the answer is acceptable, else the report that stops the run (with a repro bundle) */
        String judge(int hartId, long pc, int sdid, long pa, AccessKind kind, boolean allow, boolean cacheHit);
    }

    private static final int CSR_MSECCFG = 0x747;
    private static final int CSR_MSECCFGH = 0x757;

    private final Hart hart;
    private final CheckerLibrary lib;
    private final String configName;
    private final LockstepOptions options;
    private final MttLookup golden;
    private final RtlMirror rtl;
    private final long pawMask;
    private AnswerTap tap;
    private AnswerJudge judge;
    /** The hart's id in a system of several harts ({@link SmpLockstep}), -1 for the one-hart lockstep. */
    private int hartId = -1;
    /**
     * Several harts: an RTL cache hit that differs from the hart's fresh walk is accepted while a table page
     * was written (by any hart) and this hart has not completed an MTT fence since — the spec allows the old
     * or the new permission in that window.
     */
    private boolean staleWindow;
    /** Test hook: the invalidations of this hart's fences are dropped (a seeded "fence omitted" fault). */
    private boolean dropInvalidations;
    /** The writer of the last table write, for the report (several harts: another hart may have written). */
    private java.util.function.LongSupplier editorPc;

    private final List<Stimulus> stream = new ArrayList<>();
    private final List<PendingCheck> queued = new ArrayList<>();
    /** PMP-denied implicit read slots of the queued checks: the RTL's PMP answers (default allow elsewhere). */
    private final Set<PmpRegion> deniedReads = new LinkedHashSet<>();

    // instruction context of the current step
    private long stepFetchPa = -1;
    private int stepFirst;
    // a mirrored table page written since the last MFENCE.PA / SFENCE.INVAL.IR
    private long editedPpn = -1;
    private long editedAtPc;

    private long checkIndex;
    private long answered;
    private long staleAccepted;
    private long batches;
    private long fences;
    private boolean failed;

    private LockstepChecker(Hart hart, CheckerLibrary lib, String configName, LockstepOptions options) {
        this.hart = hart;
        this.lib = lib;
        this.configName = configName;
        this.options = options;
        CheckerDescription p = lib.description();
        requireCompatible(hart, p, configName);
        this.pawMask = p.paw() >= 64 ? -1L : (1L << p.paw()) - 1;
        // The hart's own lookup, with the PMP answer of each implicit read recorded: the RTL's PMP hook must
        // give the same answers (SPEC-DECISIONS #20: implicit MPTE reads are M-mode reads for PMP).
        ImplicitReadCheck pmp = (addr, size) -> {
            boolean ok = hart.pmp().allowsImplicitRead(addr, size);
            if (!ok) {
                deniedReads.add(new PmpRegion(addr & pawMask, size, false));
            }
            return ok;
        };
        this.golden = new MttLookup(hart.memory(), pmp, hart.config().lookup());
        this.rtl = new RtlMirror(lib, hart.memory(), options.seed());
    }

    /**
     * Installs lockstep on {@code hart}: its MTT check, a listener (fences, CSR writes, step boundaries) and
     * the memory's write observer. Call before the first instruction (a {@code RunOptions.Setup}).
     *
     * @param configName the name the report gives the RTL configuration (e.g. {@code rv64-smmpt})
     * @throws IllegalArgumentException when the library does not implement the hart's XLEN and format, or
     *                                  interprets the tables differently from the hart's lookup
     */
    public static LockstepChecker attach(Hart hart, CheckerLibrary lib, String configName, LockstepOptions options) {
        if (hart == null || lib == null || options == null) {
            throw new IllegalArgumentException("hart, checker library and options must be given");
        }
        LockstepChecker c = new LockstepChecker(hart, lib, configName == null ? lib.top() : configName, options);
        hart.setMttCheck(c);
        hart.addListener(c);
        hart.memory().setWriteObserver(c);
        return c;
    }

    /**
     * Installs lockstep on hart {@code hartId} of a system of several harts: its check (through
     * {@link io.mttkit.golden.hart.HartSystem#setMttCheck}, so the system's check listeners still see it) and
     * a listener; the shared memory's write observer is {@link SmpLockstep}'s, which tells every hart's checker.
     *
     * @param editorPc the pc of the instruction making the table write being announced (the writing hart's)
     */
    static LockstepChecker attachToSystem(io.mttkit.golden.hart.HartSystem system, int hartId, CheckerLibrary lib,
                                          String configName, LockstepOptions options,
                                          java.util.function.LongSupplier editorPc) {
        Hart hart = system.hart(hartId);
        LockstepChecker c = new LockstepChecker(hart, lib, configName, options);
        c.hartId = hartId;
        c.staleWindow = true;
        c.editorPc = editorPc;
        system.setMttCheck(hartId, c);
        hart.addListener(c);
        return c;
    }

    /** Test hook: drop the invalidations this hart's fences send (the syncs still go). */
    void dropInvalidations(boolean v) {
        this.dropInvalidations = v;
    }

    /** Test hook: false accepts no old permission in the window (as the one-hart lockstep). */
    void acceptOldInWindow(boolean v) {
        this.staleWindow = v;
    }

    /** The hart this checker serves in a system, -1 for the one-hart lockstep. */
    int hartId() {
        return hartId;
    }

    /** Installs a judge of every RTL answer (null: none). */
    void setAnswerJudge(AnswerJudge judge) {
        this.judge = judge;
    }

    /** Installs the answer tap (tests: a deliberately wrong RTL answer must be caught). */
    void setAnswerTap(AnswerTap tap) {
        this.tap = tap;
    }

    private static void requireCompatible(Hart hart, CheckerDescription p, String name) {
        int xlen = hart.config().xlen();
        TableFormat f = hart.config().format();
        boolean has = f == TableFormat.SMMPT_V0_9 ? p.formats().v09() : p.formats().v01();
        if (p.xlen() != xlen || !has) {
            throw new IllegalArgumentException("RTL configuration " + name + " (RV" + p.xlen() + ", formats "
                    + p.formats().id() + ") does not implement the hart's RV" + xlen + " " + f.id()
                    + "; pick the configuration of that XLEN and format");
        }
        LookupConfig rtlLookup = p.lookupConfig();
        if (!rtlLookup.equals(hart.config().lookup())) {
            throw new IllegalArgumentException("RTL configuration " + name + " interprets the tables as " + rtlLookup
                    + " but the hart's golden lookup uses " + hart.config().lookup()
                    + "; build the hart with HartConfig.withLookup(" + rtlLookup + ")");
        }
        if (p.sdidLen() != hart.config().sdidLen()) {
            throw new IllegalArgumentException("RTL configuration " + name + " implements " + p.sdidLen()
                    + " SDID bits but the hart " + hart.config().sdidLen() + "; they must be equal");
        }
    }

    // ---- the hart's check ---------------------------------------------------------------------------------

    @Override
    public LookupResult check(MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind,
                              boolean bigEndian, LookupResult out) {
        if (failed) {
            throw new IllegalStateException("lockstep already stopped at a mismatch; the run must not go on");
        }
        golden.lookup(mode, rootPpn, pa, kind.need(), bigEndian, out);
        PageMemory mem = hart.memory();
        for (int i = 0; i < out.readCount(); i++) {
            long ppn = out.readAddr(i) >>> 12;
            // several harts share the memory: a page another hart's checker watches may not be mirrored here
            if (hartId >= 0 || !mem.isWatched(ppn)) {
                rtl.mirror(ppn);
            }
        }
        if (kind == AccessKind.FETCH && stepFetchPa < 0) {
            stepFetchPa = pa;
        }
        queued.add(new PendingCheck(checkIndex++, hart.pc(), hart.priv(), stepFetchPa, kind, pa, size, mode, rootPpn,
                sdid, bigEndian, out.allow(), out.cause(), out.xwr(), editedPpn, editedAtPc));
        stream.add(new CheckRequest(pa, kind.need(), mode, CheckRequest.reqMode(mode), rootPpn, sdid, bigEndian,
                false));
        if (queued.size() >= options.batchSize()) {
            flush();
        }
        return out;
    }

    // ---- hart events --------------------------------------------------------------------------------------

    @Override
    public void beforeWrite(long ppn) {
        // Queued checks walked this page's current bytes: the RTL must answer them before the bytes change.
        flush();
        rtl.pageWritten(ppn);
        editedPpn = ppn;
        editedAtPc = editorPc == null ? hart.pc() : editorPc.getAsLong();
    }

    @Override
    public void fence(Fence fence, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
        switch (fence) {
            case MFENCE_PA -> {
                if (!dropInvalidations) {
                    stream.add(new Stimulus.Invalidate(!rs1Zero, rs1, !rs2Zero, (int) rs2));
                }
                stream.add(new Stimulus.Sync());
                fences++;
                editedPpn = -1;
                flush();
            }
            case MINVAL_PA -> {
                // ordered by the next SFENCE.INVAL.IR; stays in the stream until then
                if (!dropInvalidations) {
                    stream.add(new Stimulus.Invalidate(!rs1Zero, rs1, !rs2Zero, (int) rs2));
                }
                fences++;
            }
            case SFENCE_INVAL_IR -> {
                stream.add(new Stimulus.Sync());
                fences++;
                editedPpn = -1;
                flush();
            }
            default -> {
                // SFENCE.W.INVAL orders the hart's own stores (done: they are in program order here);
                // SFENCE.VMA concerns translations, which the checker does not hold
            }
        }
    }

    @Override
    public void csrWritten(int csr, long value) {
        boolean pmpCsr = (csr >= 0x3A0 && csr <= 0x3EF) || csr == CSR_MSECCFG || csr == CSR_MSECCFGH;
        if (pmpCsr) {
            // the PMP answers recorded for the queued checks hold for the old PMP state only
            flush();
        }
        // mmpt/mttp need no flush: every request carries its mode, root PPN and SDID
    }

    @Override
    public void retired(long pc, int insn, int priv, int rd, long rdValue) {
        for (int i = stepFirst; i < queued.size(); i++) {
            queued.get(i).insn = insn & 0xFFFF_FFFFL;
        }
        endStep();
    }

    @Override
    public void trap(TrapRecord record) {
        endStep();
    }

    private void endStep() {
        stepFirst = queued.size();
        stepFetchPa = -1;
    }

    // ---- batches ------------------------------------------------------------------------------------------

    /**
     * Sends the queued checks and fences to the RTL and compares the answers.
     *
     * @throws LockstepMismatchException at the first difference
     */
    public void flush() {
        if (stream.isEmpty() || failed) {
            return;
        }
        List<PmpRegion> pmp = new ArrayList<>(deniedReads);
        List<CheckAnswer> answers;
        try {
            answers = rtl.run(stream, pmp);
        } catch (CosimMismatchException e) {
            if (queued.isEmpty()) { // a stream of fences alone: no check to name
                failed = true;
                throw new LockstepMismatchException("LOCKSTEP STOP\nRTL configuration " + configName
                        + ": the bridge failed on a batch of fences only (" + stream + ")\n\n" + e.getMessage(), null,
                        hart.pc());
            }
            int idx = Math.min(rtl.currentIndex(), queued.size() - 1);
            throw stop(idx, null, e.getMessage(), pmp);
        }
        if (tap != null) {
            answers = tap.tap(answers, queued.isEmpty() ? checkIndex : queued.get(0).index);
        }
        if (answers.size() != queued.size()) {
            throw stop(Math.min(answers.size(), queued.size() - 1), null, "the RTL answered " + answers.size()
                    + " of " + queued.size() + " checks", pmp);
        }
        for (int i = 0; i < answers.size(); i++) {
            PendingCheck q = queued.get(i);
            CheckAnswer a = answers.get(i);
            if (judge != null) {
                String verdict = judge.judge(hartId, q.pc, q.sdid, q.pa, q.kind, a.allow(), a.hit());
                if (verdict != null) {
                    throw stop(i, a, verdict, pmp);
                }
            }
            if (a.allow() != q.goldenAllow || a.cause() != q.goldenCause.ordinal()) {
                if (staleWindow && a.hit() && q.editedPpn >= 0) {
                    // the old permission, from the cache (the harness checked the entry against its cache
                    // model), inside this hart's window between a table write and its own fence
                    staleAccepted++;
                    continue;
                }
                throw stop(i, a, null, pmp);
            }
        }
        rtl.commit(stream);
        answered += queued.size();
        batches++;
        stream.clear();
        queued.clear();
        deniedReads.clear();
        stepFirst = 0;
    }

    /** Flushes what is left (end of the run) and returns the totals. */
    public LockstepStats finish() {
        flush();
        return stats();
    }

    /** Totals so far (checks answered, batches, fences, sessions, mirrored pages). */
    public LockstepStats stats() {
        return new LockstepStats(answered, batches, fences, rtl.sessionsOpened(), rtl.mirroredPages(), staleAccepted);
    }

    /** Checks queued and not answered yet. */
    int queuedChecks() {
        return queued.size();
    }

    @Override
    public void close() {
        rtl.close();
        if (hart.memory() != null) {
            hart.memory().setWriteObserver(null);
        }
    }

    private LockstepMismatchException stop(int idx, CheckAnswer rtlAnswer, String harnessReport,
                                           List<PmpRegion> pmp) {
        failed = true;
        PendingCheck q = queued.get(idx);
        LockstepReport report = new LockstepReport(hart, hartId, configName, lib, q, idx, queued.size(), rtlAnswer,
                harnessReport);
        java.nio.file.Path bundle = null;
        String bundleNote;
        try {
            RtlMirror.ReproScope scope = rtl.reproScope(stream);
            bundle = LockstepBundle.write(options.bundleDir(), hartId < 0 ? configName : configName + "-hart" + hartId,
                    lib, rtl.settings(), pmp, scope.memory(),
                    scope.stream(), scope.checksBefore() + idx, stream, queued, idx, report.text(null));
            bundleNote = bundle + "\n              holds " + scope.note() + ";\n              the failing batch with "
                    + "instruction contexts: " + LockstepBundle.streamFile(bundle);
        } catch (java.io.IOException | RuntimeException e) {
            bundleNote = "not written: " + e.getMessage();
        }
        return new LockstepMismatchException(report.text(bundleNote), bundle, q.pc, hartId);
    }
}
