package io.mttkit.golden.cove;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.Hart;
import io.mttkit.golden.hart.HartCheckListener;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.iompt.CommandDone;
import io.mttkit.golden.iompt.Completion;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.Op;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The ownership invariants of the CoVE flows, checked on every step ({@code docs/cove.md} "Invariants"). The truth
 * is the monitor's ownership log ({@link OwnershipLog}), never the tables being checked: a permission change is
 * logged before the table write, and the completion of each global fence protocol is logged.
 *
 * <p>For each domain (SDID) and page named by the log the scoreboard keeps the history of its permission. Hart
 * <i>h</i> may see, for (SDID, page), the permission in force when it last fenced that page or when the last fence
 * protocol completed (whichever is later), or any permission logged since — the spec's "old or new" window, per
 * hart — and nothing else:
 * <ul>
 *   <li>every MPT check of every hart on a logged page: an allow needs a permission of that window that grants the
 *       access, a deny one that does not ({@link OwnershipViolation.Kind#STALE_ALLOW},
 *       {@link OwnershipViolation.Kind#DENIED_OWNED}); with RTL lockstep the RTL's answer is judged too, against the
 *       window as it was when the hart made the check;</li>
 *   <li>when a fence protocol completes, every hart has fenced every revoked page since its revocation
 *       ({@link OwnershipViolation.Kind#FENCE_OMITTED});</li>
 *   <li>when a page is granted writable to a domain, no other domain may still write it on any hart
 *       ({@link OwnershipViolation.Kind#TWO_WRITERS}).</li>
 * </ul>
 * A hart's fences come from the hart itself (MFENCE.PA; MINVAL.PA completed by SFENCE.INVAL.IR), with their
 * address and SDID scope.
 *
 * <p>With devices ({@code docs/cove.md} "The device side") the I/O MPT checker is judged the same way: a DMA
 * check of a device assigned to SDID <i>s</i> may see the permission in force when the checker last completed an
 * {@code MPTINVAL} covering (s, page) or when the last fence protocol completed, or any logged since
 * ({@link #dmaChecked}); a fence protocol completes only when the I/O side has been fenced too — an
 * {@code MPTINVAL} covering every page revoked since the last protocol, and an {@code IOFENCE}, both after the
 * revocation ({@link OwnershipViolation.Kind#IOFENCE_OMITTED}); and a grant of write checks the I/O checker's
 * window of the other domains' devices as it checks every hart's.
 */
public final class OwnershipScoreboard implements HartCheckListener, Consumer<OwnershipEvent> {
    /** One logged permission change of (SDID, page). */
    private record Change(long seq, long ppn, int sdid, int from, int to, int flow, int hart, long pc) {
    }

    /** Per flow: pages whose permissions moved, checks per hart, invariant checks passed. */
    public static final class FlowStats {
        private final int flow;
        private final TreeSet<Long> pages = new TreeSet<>();
        private final long[] checks;
        private final long[] rtlChecks;
        private final long[] dmaChecks;
        private final long[] dmaAllows;
        private final long[] rtlDmaChecks;
        private long ioInvals;
        private long ioFences;
        private long invariantChecks;

        FlowStats(int flow, int harts, int devices) {
            this.flow = flow;
            this.checks = new long[harts];
            this.rtlChecks = new long[harts];
            this.dmaChecks = new long[devices];
            this.dmaAllows = new long[devices];
            this.rtlDmaChecks = new long[devices];
        }

        /** DMA checks made by each device during the flow (golden I/O checker), by device index. */
        public long[] dmaChecks() {
            return dmaChecks.clone();
        }

        /** Of {@link #dmaChecks()}, those the I/O checker allowed. */
        public long[] dmaAllows() {
            return dmaAllows.clone();
        }

        /** RTL I/O checker answers judged per device during the flow (0 without {@code --rtl}). */
        public long[] rtlDmaChecks() {
            return rtlDmaChecks.clone();
        }

        /** {@code MPTINVAL} operations completed by the I/O checker during the flow. */
        public long ioInvals() {
            return ioInvals;
        }

        /** {@code IOFENCE} operations completed by the I/O checker during the flow. */
        public long ioFences() {
            return ioFences;
        }

        /** The flow's number (-1: the monitor's boot, before the first flow). */
        public int flow() {
            return flow;
        }

        /** Pages whose permission changed in the flow (for any domain). */
        public int pagesMoved() {
            return pages.size();
        }

        /** MPT checks made by each hart during the flow. */
        public long[] checks() {
            return checks.clone();
        }

        /** RTL answers judged per hart during the flow (0 without RTL lockstep). */
        public long[] rtlChecks() {
            return rtlChecks.clone();
        }

        /** Invariant checks passed during the flow. */
        public long invariantChecks() {
            return invariantChecks;
        }
    }

    /** What the window allowed when a hart made a check (for judging the RTL's later answer to it). */
    private record Snapshot(boolean tracked, boolean allowOk, boolean denyOk, String window, FlowStats flow) {
    }

    private final HartSystem system;
    private final int harts;
    private final Map<Integer, String> domainNames;
    private final boolean judgeRtl;
    private long seq;
    private long doneSeq;
    private final TreeMap<Long, Map<Integer, List<Change>>> pages = new TreeMap<>();
    private final List<long[]> protocols = new ArrayList<>(); // {seq at completion, hart, pc}
    private final List<Change> openRevocations = new ArrayList<>();
    private final HartFences fences;
    private final List<ArrayDeque<Snapshot>> snapshots = new ArrayList<>();
    private final int[] ahead;
    private final Map<Integer, FlowStats> flows = new LinkedHashMap<>();
    private FlowStats current;
    private final List<DmaAgent.Device> devices;
    /** Per (page, SDID) ({@link #key}): the changes the I/O checker's completed MPTINVALs cover. */
    private final Map<Long, Long> ioCovered = new HashMap<>();
    /** The changes logged before the I/O checker's last completed IOFENCE. */
    private long ioFenceSeq;
    private long totalDmaChecks;
    private long totalRtlDmaChecks;
    private long totalChecks;
    private long totalInvariantChecks;

    /**
     * @param system      the harts (their fences are watched from here)
     * @param domainNames a name per SDID for the reports (e.g. 1 host, 2 TVM)
     * @param judgeRtl    true when RTL answers will come through {@link #rtlAnswer}
     */
    public OwnershipScoreboard(HartSystem system, Map<Integer, String> domainNames, boolean judgeRtl) {
        this(system, domainNames, judgeRtl, List.of());
    }

    /**
     * A scoreboard that also judges an I/O MPT checker's DMA checks ({@link #dmaChecked}) and its fences
     * ({@link #ioCompleted}).
     *
     * @param devices the DMA-capable devices, by index (empty: no I/O side, as without an I/O checker)
     */
    public OwnershipScoreboard(HartSystem system, Map<Integer, String> domainNames, boolean judgeRtl,
                               List<DmaAgent.Device> devices) {
        this.system = system;
        this.devices = List.copyOf(devices);
        this.harts = system.size();
        this.domainNames = Map.copyOf(domainNames);
        this.judgeRtl = judgeRtl;
        this.fences = new HartFences(harts);
        this.ahead = new int[harts];
        this.current = new FlowStats(-1, harts, this.devices.size());
        flows.put(-1, current);
        for (int i = 0; i < harts; i++) {
            snapshots.add(new ArrayDeque<>());
            int h = i;
            system.hart(i).addListener(new HartListener() {
                @Override
                public void fence(Fence fence, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
                    fenced(h, fence, rs1Zero, rs1, rs2Zero, rs2);
                }
            });
        }
    }

    /** Per flow, in order (the first is the monitor's boot, flow -1). */
    public List<FlowStats> flows() {
        return List.copyOf(flows.values());
    }

    /** MPT checks seen, all harts. */
    public long totalChecks() {
        return totalChecks;
    }

    /** Invariant checks passed, all flows. */
    public long totalInvariantChecks() {
        return totalInvariantChecks;
    }

    // ---- the ownership log ---------------------------------------------------------------------------------

    @Override
    public void accept(OwnershipEvent e) {
        if (e instanceof OwnershipEvent.SetPermission s) {
            for (long i = 0; i < s.pages(); i++) {
                set(s, (s.base() >>> 12) + i);
            }
        } else if (e instanceof OwnershipEvent.FenceDone d) {
            protocolDone(d);
        } else if (e instanceof OwnershipEvent.FlowBegins f) {
            current = new FlowStats(f.flow(), harts, devices.size());
            flows.put(f.flow(), current);
        }
    }

    private void set(OwnershipEvent.SetPermission s, long ppn) {
        List<Change> list = pages.computeIfAbsent(ppn, k -> new TreeMap<>()).computeIfAbsent(s.sdid(),
                k -> new ArrayList<>());
        int from = list.isEmpty() ? 0 : list.get(list.size() - 1).to();
        Change c = new Change(++seq, ppn, s.sdid(), from, s.xwr(), current.flow, s.hart(), s.pc());
        list.add(c);
        current.pages.add(ppn);
        if ((from & ~s.xwr()) != 0) {
            openRevocations.add(c);
        }
        if ((s.xwr() & 2) == 0) {
            return;
        }
        // the grant of write: no other domain may still write the page on any hart
        for (Map.Entry<Integer, List<Change>> other : pages.get(ppn).entrySet()) {
            if (other.getKey() == s.sdid()) {
                continue;
            }
            for (int h = 0; h < harts; h++) {
                int cands = candidates(h, other.getKey(), ppn);
                if (anyGrants(cands, 2)) {
                    Change last = other.getValue().get(other.getValue().size() - 1);
                    String why = last.to() == 0 || (last.to() & 2) == 0
                            ? "its revocation (change #" + last.seq() + ") has not been fenced on hart " + h
                            + " and no fence protocol completed since: ownership moved before the fence protocol completed"
                            : "it still owns the page writable (change #" + last.seq() + ")";
                    throw violation(OwnershipViolation.Kind.TWO_WRITERS, s.hart(), s.pc(), s.sdid(), ppn << 12,
                            String.format("grant:       %s (sdid %d) gets %s on page 0x%x%n"
                                            + "conflict:    %s (sdid %d) may still write it on hart %d: permissions it may see there %s%n"
                                            + "why:         %s",
                                    name(s.sdid()), s.sdid(), xwr(s.xwr()), ppn << 12, name(other.getKey()),
                                    other.getKey(), h, set(cands), why), ppn);
                }
                count(1);
            }
            for (DmaAgent.Device dev : devices) {
                if (dev.sdid() != other.getKey()) {
                    continue;
                }
                int cands = ioCandidates(dev.sdid(), ppn);
                if (anyGrants(cands, 2)) {
                    Change last = other.getValue().get(other.getValue().size() - 1);
                    throw violation(OwnershipViolation.Kind.TWO_WRITERS, s.hart(), s.pc(), s.sdid(), ppn << 12,
                            String.format("grant:       %s (sdid %d) gets %s on page 0x%x%n"
                                            + "conflict:    %s (sdid %d) may still write it by DMA from %s through the "
                                            + "I/O MPT checker: permissions it may see there %s%n"
                                            + "why:         its revocation (change #%d) has not been covered by an "
                                            + "MPTINVAL of the I/O checker and no fence protocol completed since",
                                    name(s.sdid()), s.sdid(), xwr(s.xwr()), ppn << 12, name(other.getKey()),
                                    other.getKey(), deviceName(dev), set(cands), last.seq()), ppn);
                }
                count(1);
            }
        }
    }

    private void protocolDone(OwnershipEvent.FenceDone d) {
        for (Change c : openRevocations) {
            long ppn = c.ppn();
            for (int h = 0; h < harts; h++) {
                if (fencedSeq(h, c.sdid(), ppn) < c.seq()) {
                    throw violation(OwnershipViolation.Kind.FENCE_OMITTED, h, system.hart(h).pc(), c.sdid(),
                            ppn << 12, String.format(
                                    "protocol:    the fence protocol completed (logged by hart %d at pc 0x%x)%n"
                                            + "hart %d:      has not fenced page 0x%x of %s (sdid %d) since its revocation "
                                            + "%s -> %s (change #%d): it acknowledged without MFENCE.PA or "
                                            + "MINVAL.PA + SFENCE.INVAL.IR covering the page, so its checker may still "
                                            + "hold the old permission: a fence omitted on hart %d",
                                    d.hart(), d.pc(), h, ppn << 12, name(c.sdid()), c.sdid(), xwr(c.from()),
                                    xwr(c.to()), c.seq(), h), ppn);
                }
                count(1);
            }
            if (!devices.isEmpty()) {
                boolean inval = ioCovered.getOrDefault(key(ppn, c.sdid()), 0L) >= c.seq();
                if (!inval || ioFenceSeq < c.seq()) {
                    throw violation(OwnershipViolation.Kind.IOFENCE_OMITTED, d.hart(), d.pc(), c.sdid(), ppn << 12,
                            String.format("protocol:    the fence protocol completed (logged by hart %d at pc 0x%x)%n"
                                            + "I/O checker: %s since the revocation of page 0x%x of %s (sdid %d) "
                                            + "%s -> %s (change #%d), so the I/O MPT checker may still hold the old "
                                            + "permission%s: the I/O side of the fence protocol omitted",
                                    d.hart(), d.pc(), inval ? "no IOFENCE completed"
                                            : "no MPTINVAL covering the page completed", ppn << 12, name(c.sdid()),
                                    c.sdid(), xwr(c.from()), xwr(c.to()), c.seq(),
                                    inval ? " and DMA it let through may still be uncommitted" : ""), ppn);
                }
                count(1);
            }
        }
        openRevocations.clear();
        doneSeq = seq;
        protocols.add(new long[] {seq, d.hart(), d.pc()});
    }

    // ---- the harts' fences ---------------------------------------------------------------------------------

    void fenced(int h, HartListener.Fence f, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
        fences.fenced(h, f, rs1Zero, rs1, rs2Zero, rs2, seq);
    }

    private long fencedSeq(int h, int sdid, long ppn) {
        return fences.covered(h, sdid, ppn);
    }

    /** The permissions hart h may see for (sdid, ppn), as a mask over the 8 XWR values. */
    private int candidates(int h, int sdid, long ppn) {
        return candidatesFrom(Math.max(fencedSeq(h, sdid, ppn), doneSeq), sdid, ppn);
    }

    /** The permissions the I/O checker may use for (sdid, ppn), as a mask over the 8 XWR values. */
    private int ioCandidates(int sdid, long ppn) {
        return candidatesFrom(Math.max(ioCovered.getOrDefault(key(ppn, sdid), 0L), doneSeq), sdid, ppn);
    }

    /** The permission in force after change {@code from}, and every one logged since. */
    private int candidatesFrom(long from, int sdid, long ppn) {
        Map<Integer, List<Change>> bySdid = pages.get(ppn);
        List<Change> list = bySdid == null ? null : bySdid.get(sdid);
        int inForce = 0;
        int mask = 0;
        if (list != null) {
            for (Change c : list) {
                if (c.seq() <= from) {
                    inForce = c.to();
                } else {
                    mask |= 1 << c.to();
                }
            }
        }
        return mask | (1 << inForce);
    }

    private static boolean anyGrants(int mask, int need) {
        for (int v = 0; v < 8; v++) {
            if ((mask & (1 << v)) != 0 && (v & need) == need) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyDenies(int mask, int need) {
        for (int v = 0; v < 8; v++) {
            if ((mask & (1 << v)) != 0 && (v & need) != need) {
                return true;
            }
        }
        return false;
    }

    // ---- checks --------------------------------------------------------------------------------------------

    @Override
    public void checked(int hart, long pc, MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind,
                        LookupResult result) {
        totalChecks++;
        current.checks[hart]++;
        long ppn = pa >>> 12;
        boolean tracked = pages.containsKey(ppn);
        Snapshot snap;
        if (tracked) {
            int cands = candidates(hart, sdid, ppn);
            int need = kind.need();
            snap = new Snapshot(true, anyGrants(cands, need), anyDenies(cands, need), window(hart, sdid, ppn, cands),
                    current);
            judge(hart, pc, sdid, pa, kind, result.allow(), "golden hart", snap);
        } else {
            snap = new Snapshot(false, true, true, "", current);
        }
        if (judgeRtl) {
            if (ahead[hart] > 0) {
                ahead[hart]--; // its RTL answer came first (a batch flushed inside the check) and was judged then
            } else {
                snapshots.get(hart).add(snap);
            }
        }
    }

    /**
     * An RTL answer to hart {@code hart}'s next unanswered check (answers come in each hart's check order).
     *
     * @return null when the answer keeps the invariants, else the violation's report
     */
    public OwnershipViolation rtlAnswer(int hart, long pc, int sdid, long pa, AccessKind kind, boolean allow,
                                        boolean cacheHit) {
        Snapshot snap = snapshots.get(hart).poll();
        if (snap == null) {
            // the check being made right now: the window is the current one
            ahead[hart]++;
            long ppn = pa >>> 12;
            if (pages.containsKey(ppn)) {
                int cands = candidates(hart, sdid, ppn);
                snap = new Snapshot(true, anyGrants(cands, kind.need()), anyDenies(cands, kind.need()),
                        window(hart, sdid, ppn, cands), current);
            } else {
                snap = new Snapshot(false, true, true, "", current);
            }
        }
        // counted in the flow the check was made in (the answer may come in a later batch)
        snap.flow().rtlChecks[hart]++;
        if (!snap.tracked()) {
            return null;
        }
        try {
            judge(hart, pc, sdid, pa, kind, allow, "RTL checker of hart " + hart + (cacheHit ? " (cache hit)" : ""),
                    snap);
            return null;
        } catch (OwnershipViolationException e) {
            return e.violation();
        }
    }

    private void judge(int hart, long pc, int sdid, long pa, AccessKind kind, boolean allow, String who, Snapshot s) {
        if (allow && !s.allowOk()) {
            throw violation(OwnershipViolation.Kind.STALE_ALLOW, hart, pc, sdid, pa, String.format(
                    "access:      %s pa 0x%x need %s, %s (sdid %d)%nanswer:      %s: allow%n%s%nwhy:         %s",
                    kind, pa, xwr(kind.need()), name(sdid), sdid, who, s.window(),
                    who.startsWith("RTL") ? "the checker answered from an entry the fences should have removed: "
                            + "a stale entry kept by the checker"
                            : "the tables grant what the ownership log says the domain does not have"), pa >>> 12);
        }
        if (!allow && !s.denyOk()) {
            throw violation(OwnershipViolation.Kind.DENIED_OWNED, hart, pc, sdid, pa, String.format(
                    "access:      %s pa 0x%x need %s, %s (sdid %d)%nanswer:      %s: deny%n%s%nwhy:         "
                            + "every permission the domain may have there grants the access%s",
                    kind, pa, xwr(kind.need()), name(sdid), sdid, who, s.window(), who.contains("cache hit")
                            ? ": the checker answered from an entry the fences should have removed, a stale entry "
                            + "kept by the checker" : ""), pa >>> 12);
        }
        snapCount(s.flow());
    }

    private void snapCount(FlowStats f) {
        f.invariantChecks++;
        totalInvariantChecks++;
    }

    private String window(int h, int sdid, long ppn, int cands) {
        long f = fencedSeq(h, sdid, ppn);
        return String.format("window:      hart %d may see %s (it last fenced this page after change #%d; the last "
                + "completed fence protocol covers changes up to #%d)", h, set(cands), f, doneSeq);
    }

    private void count(long n) {
        current.invariantChecks += n;
        totalInvariantChecks += n;
    }

    // ---- the device side: the I/O MPT checker ---------------------------------------------------------------

    /** The devices judged, by index. */
    public List<DmaAgent.Device> devices() {
        return devices;
    }

    /** DMA checks seen, all devices. */
    public long totalDmaChecks() {
        return totalDmaChecks;
    }

    /**
     * The I/O checker completed an operation: a successful {@code MPTINVAL} covers, for every (SDID, page) in its
     * scope, the changes logged so far; a successful {@code IOFENCE} commits the DMA checked so far.
     */
    public void ioCompleted(Completion c) {
        if (!(c instanceof CommandDone d) || !d.succeeded()) {
            return;
        }
        if (d.op() == Op.MPTINVAL) {
            current.ioInvals++;
            for (Map.Entry<Long, Map<Integer, List<Change>>> p : pages.entrySet()) {
                for (int sdid : p.getValue().keySet()) {
                    if (d.invalidation().covers(sdid, p.getKey() << 12)) {
                        ioCovered.merge(key(p.getKey(), sdid), seq, Math::max);
                    }
                }
            }
        } else if (d.op() == Op.IOFENCE) {
            current.ioFences++;
            ioFenceSeq = seq;
        }
    }

    /**
     * A DMA check of device {@code index} by the I/O checker: judged against the checker's window for the
     * device's domain (as a hart's check against the hart's).
     *
     * @throws OwnershipViolationException when the verdict breaks an invariant
     */
    public void dmaChecked(int index, DmaAgent.Device dev, DmaTransaction tx, DmaVerdict verdict) {
        totalDmaChecks++;
        current.dmaChecks[index]++;
        if (verdict.allowed()) {
            current.dmaAllows[index]++;
        }
        judgeDma(dev, tx, verdict.allowed(), "golden I/O checker", String.valueOf(verdict.reason()));
    }

    /**
     * The RTL I/O checker's answer to the DMA transaction the golden checker has just been asked ({@code --rtl}),
     * judged against the same window.
     *
     * @return null when the answer keeps the invariants, else the violation
     */
    public OwnershipViolation rtlDmaAnswer(int index, DmaAgent.Device dev, DmaTransaction tx, boolean allow) {
        totalRtlDmaChecks++;
        current.rtlDmaChecks[index]++;
        try {
            judgeDma(dev, tx, allow, "RTL I/O checker", "aborted");
            return null;
        } catch (OwnershipViolationException e) {
            return e.violation();
        }
    }

    /** RTL I/O checker answers judged, all devices. */
    public long totalRtlDmaChecks() {
        return totalRtlDmaChecks;
    }

    private void judgeDma(DmaAgent.Device dev, DmaTransaction tx, boolean allowed, String who, String abort) {
        long ppn = tx.pa() >>> 12;
        if (!pages.containsKey(ppn)) {
            return;
        }
        int sdid = dev.sdid();
        int cands = ioCandidates(sdid, ppn);
        int need = tx.need();
        String access = String.format("DMA #%d %s pa 0x%x (%d bytes) need %s from %s, %s (sdid %d)", tx.id(),
                (need & 2) != 0 ? "write" : "read", tx.pa(), tx.size(), xwr(need), deviceName(dev), name(sdid), sdid);
        String window = String.format("window:      the I/O checker may use %s for it (its MPTINVALs cover changes "
                        + "up to #%d; the last completed fence protocol covers changes up to #%d)", set(cands),
                ioCovered.getOrDefault(key(ppn, sdid), 0L), doneSeq);
        if (allowed && !anyGrants(cands, need)) {
            throw deviceViolation(OwnershipViolation.Kind.STALE_ALLOW, dev, sdid, tx.pa(), String.format(
                    "access:      %s%nanswer:      %s: allow%n%s%nwhy:         %s", access, who, window,
                    who.startsWith("RTL") ? "the I/O checker answered from an entry its MPTINVALs should have removed:"
                            + " a stale entry kept by the checker"
                            : "the tables grant what the ownership log says the domain does not have"), ppn);
        }
        if (!allowed && !anyDenies(cands, need)) {
            throw deviceViolation(OwnershipViolation.Kind.DENIED_OWNED, dev, sdid, tx.pa(), String.format(
                    "access:      %s%nanswer:      %s: abort (%s)%n%s%nwhy:         every permission "
                            + "the domain may have there grants the access", access, who, abort, window), ppn);
        }
        count(1);
    }

    private static String deviceName(DmaAgent.Device dev) {
        return String.format("device %s (id 0x%04x)", dev.name(), dev.deviceId());
    }

    private OwnershipViolationException deviceViolation(OwnershipViolation.Kind kind, DmaAgent.Device dev, int sdid,
                                                        long pa, String body, long ppn) {
        String t = "OWNERSHIP VIOLATION: " + kind.what() + " (" + kind + ")\n"
                + String.format("device:      %s, assigned to %s (sdid %d), through the I/O MPT checker%n",
                deviceName(dev), name(sdid), sdid)
                + body + "\n" + history(ppn);
        return new OwnershipViolationException(new OwnershipViolation(kind, OwnershipViolation.DEVICE, 0, sdid, pa,
                t));
    }

    private static long key(long ppn, int sdid) {
        return (ppn << 8) | (sdid & 0xFF);
    }

    // ---- reports -------------------------------------------------------------------------------------------

    private OwnershipViolationException violation(OwnershipViolation.Kind kind, int hart, long pc, int sdid, long pa,
                                                  String body, long ppn) {
        StringBuilder t = new StringBuilder();
        t.append("OWNERSHIP VIOLATION: ").append(kind.what()).append(" (").append(kind).append(")\n");
        Hart hh = system.hart(hart);
        t.append(String.format("hart:        %d, pc 0x%x (%s-mode)  %s%n", hart, pc, "USHM".charAt(hh.priv()),
                disassemble(hh, pc)));
        t.append(body).append('\n');
        t.append(history(ppn));
        return new OwnershipViolationException(new OwnershipViolation(kind, hart, pc, sdid, pa, t.toString()));
    }

    private static String disassemble(Hart h, long pc) {
        try {
            int insn = (int) h.memory().load(pc, 4);
            if ((insn & 3) != 3) {
                insn &= 0xFFFF;
            }
            return h.disassembler().disassemble(pc, insn) + String.format("   [%08x]", insn);
        } catch (RuntimeException e) {
            return "(instruction not readable: " + e.getMessage() + ")";
        }
    }

    /** The ownership history of page {@code ppn}: every logged change and every completed fence protocol. */
    public String history(long ppn) {
        StringBuilder t = new StringBuilder(String.format("history of page 0x%x (ownership log):%n", ppn << 12));
        Map<Integer, List<Change>> bySdid = pages.get(ppn);
        List<Change> all = new ArrayList<>();
        if (bySdid != null) {
            bySdid.values().forEach(all::addAll);
        }
        all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        int p = 0;
        for (Change c : all) {
            while (p < protocols.size() && protocols.get(p)[0] < c.seq()) {
                t.append(String.format("             fence protocol completed (hart %d, pc 0x%x)%n",
                        protocols.get(p)[1], protocols.get(p)[2]));
                p++;
            }
            t.append(String.format("  #%-5d flow %-3s %s (sdid %d): %s -> %s   (hart %d, pc 0x%x)%n", c.seq(),
                    c.flow() < 0 ? "-" : Integer.toString(c.flow()), name(c.sdid()), c.sdid(), xwr(c.from()),
                    xwr(c.to()), c.hart(), c.pc()));
        }
        while (p < protocols.size()) {
            t.append(String.format("             fence protocol completed (hart %d, pc 0x%x)%n",
                    protocols.get(p)[1], protocols.get(p)[2]));
            p++;
        }
        return t.toString();
    }

    private String name(int sdid) {
        return domainNames.getOrDefault(sdid, "domain " + sdid);
    }

    private static String xwr(int v) {
        if (v == 0) {
            return "-";
        }
        return ((v & 1) != 0 ? "r" : "") + ((v & 2) != 0 ? "w" : "") + ((v & 4) != 0 ? "x" : "");
    }

    private static String set(int mask) {
        StringBuilder b = new StringBuilder("{");
        for (int v = 0; v < 8; v++) {
            if ((mask & (1 << v)) != 0) {
                b.append(b.length() > 1 ? ", " : "").append(xwr(v));
            }
        }
        return b.append('}').toString();
    }
}
