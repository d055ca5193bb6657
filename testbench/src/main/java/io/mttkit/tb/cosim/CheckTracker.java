package io.mttkit.tb.cosim;

import io.mttkit.tb.dut.CheckerDescription;

import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.StopReason;
import io.mttkit.golden.Cause;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the RTL's events of one session, in order: which check is in flight and what it did (its PMP queries, MPTE
 * reads and their responses) until it answers, the handshakes the cache scoreboard must hear about (accepts,
 * invalidations, syncs, with how long a sync waited), the last events for reports, the event digest and the totals.
 * Each answer is handed to {@link CheckComparison}; every difference becomes a {@link CosimMismatchException}.
 */
final class CheckTracker {
    private static final int HISTORY = 64;

    private final CacheScoreboard cache;
    private final MismatchReport report;
    private final CheckComparison comparison;
    private final EventDigest digest;
    private final Event[] history = new Event[HISTORY];
    private long historyCount;

    // the current run
    private final List<CheckRequest> pending = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<CheckAnswer> answers = new ArrayList<>();
    private int nextAnswer;
    /** The check in flight (contract: one at a time, answered in order), null between checks. */
    private ObservedCheck current;
    /** Cycle of the last request handshake (check or invalidation): the next item is presented one cycle later. */
    private long lastHandshakeCycle = -1;
    /** Whether the session has seen a request handshake (the checker is out of its reset). */
    private boolean handshakeSeen;
    /** Per sync of the current run, in order: the idle-gap cycles presented between the item before it and it. */
    private final ArrayDeque<Long> syncIdleBefore = new ArrayDeque<>();
    /** Per invalidation of the current run, in order: the idle-gap cycles presented between the item before it and it. */
    private final ArrayDeque<Long> invIdleBefore = new ArrayDeque<>();
    /** Per invalidation of the current run, in order: presented together with the check after it. */
    private final List<Boolean> invWithCheck = new ArrayList<>();
    /** Invalidations of the current run accepted so far. */
    private int invsAccepted;
    /** Per check of the current run: presented together with the invalidation before it. */
    private final List<Boolean> checkWithInvalidation = new ArrayList<>();
    /** The invalidation of a pair was taken before its check. */
    private boolean pairInvalidationTaken;
    /**
     * The cycle from which the pair (invalidation presented with a check) whose check was taken first has been
     * presented, until its invalidation is taken; -1: no such pair open.
     */
    private long pairSince = -1;
    private CheckObserver observer;

    // totals of the session
    private long checks;
    private long reads;
    private final long[] causes = new long[Cause.values().length];

    CheckTracker(SessionSettings settings, CheckerDescription params, GoldenOracle oracle,
                 CacheScoreboard cache, MismatchReport report, EventDigest digest) {
        this.cache = cache;
        this.report = report;
        this.digest = digest;
        this.comparison = new CheckComparison(params, settings, oracle, cache, report, this::failure);
    }

    void setObserver(CheckObserver observer) {
        this.observer = observer;
    }

    /**
     * Starts a run of {@code checks} (in stream order) whose syncs follow {@code idleBeforeSync} idle cycles each;
     * the session's next cycle presents the first item.
     */
    void start(List<CheckRequest> checks, List<Long> idleBeforeSync, List<Long> idleBeforeInvalidation,
               List<Boolean> invalidationWithCheck, List<Boolean> checksWithInvalidation, long sessionCycle) {
        invIdleBefore.clear();
        invIdleBefore.addAll(idleBeforeInvalidation);
        invWithCheck.clear();
        invWithCheck.addAll(invalidationWithCheck);
        invsAccepted = 0;
        pairSince = -1;
        pairInvalidationTaken = false;
        checkWithInvalidation.clear();
        checkWithInvalidation.addAll(checksWithInvalidation);
        pending.clear();
        pending.addAll(checks);
        answers.clear();
        latencies.clear();
        nextAnswer = 0;
        current = null;
        syncIdleBefore.clear();
        syncIdleBefore.addAll(idleBeforeSync);
        lastHandshakeCycle = sessionCycle - 1;
    }

    /** Every check of the run must have answered. */
    void finish() {
        if (nextAnswer != pending.size()) {
            throw new CosimMismatchException(report.header(nextAnswer) + "only " + nextAnswer + " of " + pending.size()
                    + " checks were answered\n" + historyText());
        }
        report.advance(pending.size());
    }

    /** Index, within the current run's checks, of the check being answered. */
    int currentIndex() {
        return nextAnswer;
    }

    List<CheckAnswer> answers() {
        return List.copyOf(answers);
    }

    List<Long> latencies() {
        return List.copyOf(latencies);
    }

    long checks() {
        return checks;
    }

    long reads() {
        return reads;
    }

    long[] causes() {
        return causes.clone();
    }

    /** Takes the events of one bridge call. */
    void consume(RunResult r, EventBuffer events) {
        if (r.reason().ordinal() >= StopReason.TIMEOUT.ordinal()) {
            throw new CosimMismatchException(report.header(nextAnswer) + "the simulation stopped: " + r.reason() + " "
                    + r.message() + "\n" + historyText());
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.event(i);
            history[(int) (historyCount++ % HISTORY)] = e;
            digest.add(events.raw(i));
            if (cache != null) {
                cacheDiffs(cache.onEvent(e));
            }
            handle(e);
            if (e instanceof Event.Accept || e instanceof Event.InvalidationAccept || e instanceof Event.SyncAck) {
                lastHandshakeCycle = e.cycle(); // the next item is presented in the following cycle
                handshakeSeen = true;
            }
        }
        if (cache != null) {
            cacheDiffs(cache.closeCycle()); // a batch ends on a cycle boundary
        }
    }

    private void handle(Event e) {
        if (e instanceof Event.Accept) {
            if (current != null) {
                throw failure(nextAnswer, "a request was accepted while check " + nextAnswer + " had not been answered "
                        + "(contract: one check at a time)", null);
            }
            current = new ObservedCheck(e.cycle());
            if (nextAnswer < checkWithInvalidation.size() && checkWithInvalidation.get(nextAnswer)
                    && !pairInvalidationTaken) {
                // the check of a pair, taken before (or in the same cycle as) its invalidation: the pair has been
                // presented since the cycle after the previous handshake and its idle gap
                long idle = invIdleBefore.isEmpty() ? 0 : invIdleBefore.peekFirst();
                pairSince = handshakeSeen ? lastHandshakeCycle + 1 + idle : e.cycle();
            }
            pairInvalidationTaken = false;
            if (cache != null && nextAnswer < pending.size()) {
                List<String> diffs = new ArrayList<>();
                current.lookup = cache.lookup(pending.get(nextAnswer), diffs).orElse(null);
                cacheDiffs(diffs);
            }
        } else if (e instanceof Event.InvalidationAccept inv) {
            boolean paired = invsAccepted < invWithCheck.size() && invWithCheck.get(invsAccepted);
            invsAccepted++;
            pairInvalidationTaken = paired && pairSince < 0; // its check is still to be taken
            if (cache != null) {
                List<String> diffs = new ArrayList<>();
                long idle = invIdleBefore.isEmpty() ? 0 : invIdleBefore.pollFirst();
                // presented from the cycle after the previous handshake (and its idle gap) until taken, or, for
                // an invalidation whose check was taken first, since the pair was presented;
                // not before the session's first handshake: out of reset the checker may not be ready yet
                long since = pairSince >= 0 ? pairSince : handshakeSeen ? lastHandshakeCycle + 1 + idle : inv.cycle();
                pairSince = -1;
                cache.invalidationAccepted(inv, diffs, current == null ? -1 : current.walkReads(), since);
                cacheDiffs(diffs);
            }
        } else if (e instanceof Event.SyncAck) {
            if (cache != null) {
                List<String> diffs = new ArrayList<>();
                long idle = syncIdleBefore.isEmpty() ? 0 : syncIdleBefore.pollFirst();
                cache.syncAcknowledged(diffs, e.cycle() - lastHandshakeCycle - 1 - idle);
                cacheDiffs(diffs);
            }
        } else if (e instanceof Event.PmpQuery q) {
            requireCurrent("PMP query").pmpQueries.add(q.addr());
        } else if (e instanceof Event.MemoryRead rd) {
            requireCurrent("MRD").reads.add(new MpteRead(rd.addr(), rd.size(), 0, false)); // answered by its MRS
        } else if (e instanceof Event.MemoryResponse rs) {
            ObservedCheck o = requireCurrent("MRS");
            if (o.responses >= o.reads.size()) {
                throw failure(nextAnswer, "a memory response without a read", null);
            }
            MpteRead rd = o.reads.get(o.responses);
            o.reads.set(o.responses++, new MpteRead(rd.addr(), rd.size(), rs.data(), rs.err()));
        } else if (e instanceof Event.Response rsp) {
            ObservedCheck o = requireCurrent("RSP");
            o.rsp = rsp;
            answered(comparison.compare(nextAnswer, pending.get(nextAnswer), o), o);
            current = null;
            nextAnswer++;
        }
        // PMP answers carry nothing to compare; OBS/OBSX are read by the cache scoreboard; STOP ends the run
    }

    private void answered(CheckComparison.Compared c, ObservedCheck o) {
        checks++;
        if (observer != null) {
            observer.onCheck(pending.get(nextAnswer), c.golden());
        }
        latencies.add(c.latency());
        answers.add(c.answer());
        reads += o.reads.size();
        causes[Math.min(c.answer().cause(), causes.length - 1)]++;
    }

    private ObservedCheck requireCurrent(String what) {
        if (current == null) {
            throw failure(nextAnswer, what + " event outside any check", null);
        }
        return current;
    }

    private void cacheDiffs(List<String> diffs) {
        if (!diffs.isEmpty()) {
            throw failure(nextAnswer, MismatchReport.cacheBody(diffs, cache.snapshot()), null);
        }
    }

    /** The report of a difference at check {@code idx} ({@code req} null: the run's check at that index). */
    private CosimMismatchException failure(int idx, String body, CheckRequest req) {
        CheckRequest r = req != null ? req : (idx < pending.size() ? pending.get(idx) : null);
        return report.mismatch(idx, r, body, historyText());
    }

    private String historyText() {
        return report.history(history, historyCount);
    }
}
