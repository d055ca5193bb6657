package io.mttkit.bridge;

import java.nio.file.Path;

/**
 * Reruns a scenario deterministically on the {@link Variant#TRACE} build of the same RTL with waves dumped
 * only for a window of cycles around one request — the way a mismatch found at full speed is inspected.
 * Tracing does not change the design's behaviour, so the replay's event digest equals the original's.
 */
public final class WaveReplay {
    /** Result of a replay: the wave file, the dumped window and the digest of the whole event trace. */
    public record Result(Path waveFile, long fromCycle, long toCycle, long acceptCycle, long digest) {
    }

    private WaveReplay() {
    }

    /**
     * Replays {@code scenario} on {@code traceLib}, dumping waves to {@code waveFile} for the cycles from
     * {@code before} cycles before the request at stream position {@code requestIndex} was taken to
     * {@code after} cycles after.
     */
    public static Result around(LoadedLibrary traceLib, Scenario scenario, int requestIndex, int before, int after,
            Path waveFile) {
        if (!traceLib.buildInfo().contains("variant=trace")) {
            throw new BridgeException("wave replay needs a library built in the trace variant, got: " + traceLib.buildInfo());
        }
        if (requestIndex < 0 || requestIndex >= scenario.requests().size()) {
            throw new BridgeException("request index " + requestIndex + " outside the " + scenario.requests().size()
                    + " requests of the scenario");
        }
        long accept = -1;
        EventBuffer ev = new EventBuffer(4096);
        try (CheckerSession s = scenario.open(traceLib)) {  // pass 1: find when the request was taken
            accept = findAccept(s, scenario.requests(), requestIndex, ev);
        }
        long from = Math.max(0, accept - before);
        long to = accept + after + 1;
        try (CheckerSession s = scenario.open(traceLib)) {  // pass 2: the same run, with waves in the window
            s.traceWindow(waveFile, from, to);
            long digest = runAll(s, scenario.requests(), ev);
            return new Result(waveFile, from, to, accept, digest);
        }
    }

    private static long findAccept(CheckerSession s, RequestBuffer q, int index, EventBuffer ev) {
        int from = 0;
        while (from < q.size()) {
            RunResult r = s.run(q, from, q.size() - from, ev, 0);
            for (int i = 0; i < ev.size(); i++) {
                Event e = ev.event(i);
                long position = e instanceof Event.Accept a ? a.position()
                        : e instanceof Event.InvalidationAccept inv ? inv.position()
                        : e instanceof Event.SyncAck sync ? sync.position() : -1;
                if (position == index) {
                    return e.cycle();
                }
            }
            if (r.reason().terminal()) {
                return s.cycle();  // the run stopped before the request was taken: trace up to the stop
            }
            from += (int) r.consumed();
        }
        throw new BridgeException("request " + index + " is an idle gap or was never taken; choose a check, "
                + "invalidation or sync");
    }

    /** Runs all requests and drains; returns the digest of every event (stops early on a terminal stop). */
    public static long runAll(CheckerSession s, RequestBuffer q, EventBuffer ev) {
        long digest = Records.DIGEST_SEED;
        int from = 0;
        while (from < q.size()) {
            RunResult r = s.run(q, from, q.size() - from, ev, 0);
            digest = ev.digest(digest);
            if (r.reason().terminal()) {
                return digest;
            }
            from += (int) r.consumed();
        }
        for (;;) {
            RunResult r = s.drain(ev, 0);
            digest = ev.digest(digest);
            if (r.reason() == StopReason.DONE || r.reason().terminal()) {
                return digest;
            }
        }
    }
}
