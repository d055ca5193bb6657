package io.mttkit.tb.bench;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StopReason;
import io.mttkit.bridge.Variant;
import io.mttkit.gen.Configurations;
import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.dut.CheckerManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a non-blocking checker ({@code walksInFlight} &gt; 1, docs/nonblocking.md) in Verilator with out-of-order
 * memory (bridge ABI 4) and compares <b>every response's verdict</b> — allow, fault, cause, XWR, level, leaf and
 * uniform ranges, cacheable (given {@code rsp_stale}) — with a fresh golden lookup ({@link MttLookup}) of the request
 * it answers, matched by position ({@code IN_ORDER}) or by {@code rsp_id} ({@code BY_ID}). The tables do not change
 * during a run, so a hit must answer what a walk would.
 *
 * <p>Until the scoreboard follows several walks (issue #15 step 4) this is the functional proof of the generator: it
 * does not compare cache events or the exact read order of each walk, but it checks two properties of the new logic
 * on the memory port: a read's tag is an MSHR index not already outstanding, and no MPTE is read twice at the same
 * time (the conflict rule: no duplicate walks of one entry). The first difference throws {@link IllegalStateException}
 * with the check, the expected and the actual answer.
 */
public final class NonBlockingRun {
    private static final Map<Map<String, String>, Built> BUILT = new ConcurrentHashMap<>();
    /** An answered latency the observation ports do not show. */
    public static final long UNOBSERVED = -1;

    /** A built checker and the description (walker parameters, modes) its golden model is configured from. */
    public record Built(LoadedLibrary library, CheckerDescription description, int walksInFlight, boolean inOrder) {
    }

    /**
     * What a run measured.
     *
     * @param checks         responses compared
     * @param cycles         cycles from the first request to the last response
     * @param latencies      per response, request handshake to response handshake ("delivered")
     * @param answeredLatencies per response (same order), request handshake to the first cycle its verdict could
     *                       leave ("answered", {@link #UNOBSERVED} when the observation ports do not show it: a
     *                       PA-range fault, answered by a walker without {@code obs_walk_end}); see {@link AnswerCycles}
     * @param overtaken      responses that left before the response of an older check ({@code BY_ID} only)
     * @param maxReadsInFlight most memory reads outstanding at once (walks overlapping)
     * @param stale          responses with {@code rsp_stale}
     * @param misses         MISS pulses on the observation port (replayed lookups included)
     * @param hitsUnderMiss  HIT pulses while a memory read was outstanding: hits answered under a walk (also with
     *                       {@code IN_ORDER}, where they are delivered later)
     */
    public record Result(long checks, long cycles, List<Long> latencies, List<Long> answeredLatencies, long overtaken,
                         int maxReadsInFlight, long stale, long misses, long hitsUnderMiss) {
        /** Checks per cycle. */
        public double checksPerCycle() {
            return (double) checks / Math.max(1, cycles);
        }
    }

    private NonBlockingRun() {
    }

    /**
     * Generates {@code configuration} with {@code settings} (which set {@code walksInFlight} &gt; 1) and builds it,
     * once per JVM and settings. The golden model's description comes from the same configuration generated with one
     * walk (the walker parameters are the same; the manifest reader does not know the v4 fields yet).
     */
    public static Built build(String configuration, Map<String, String> settings) {
        Map<String, String> key = new TreeMap<>(settings);
        key.put("@configuration", configuration);
        return BUILT.computeIfAbsent(key, k -> {
            int w = Integer.parseInt(settings.getOrDefault("walksInFlight", "1"));
            if (w < 2) {
                throw new IllegalArgumentException("NonBlockingRun measures walksInFlight 2..8; got " + w
                        + " (the blocking checker runs through CosimHarness)");
            }
            Map<String, String> blocking = new LinkedHashMap<>(settings);
            blocking.remove("walksInFlight");
            blocking.remove("responseOrder");
            Path nb = generate(configuration, settings);
            CheckerDescription d = CheckerManifest.read(generate(configuration, blocking));
            List<Path> sources = new ArrayList<>();
            try (var files = Files.list(nb)) {
                files.filter(f -> f.toString().endsWith(".v")).sorted().forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LoadedLibrary lib = BuildDriver.fromEnvironment().load(BuildSpec.checker(sources, d.top(), Variant.FAST));
            return new Built(lib, d, w, !"BY_ID".equals(settings.get("responseOrder")));
        });
    }

    private static Path generate(String configuration, Map<String, String> settings) {
        try {
            Path dir = Files.createTempDirectory("mtt-nb-rtl");
            dir.toFile().deleteOnExit();
            Configurations.generate(configuration, settings, dir);
            for (Path f : Files.list(dir).toList()) {
                f.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("generating " + configuration, e);
        }
    }

    /**
     * Runs {@code stream} (checks, invalidations, syncs, idles) on {@code b} with memory {@code memory}, memory
     * latency {@code latMin..latMax} drawn per read from {@code seed}, responses out of order.
     *
     * @throws IllegalStateException at the first response that differs from the golden lookup, or a memory-port
     *                               property that fails
     */
    public static Result run(Built b, PhysicalMemory memory, List<Stimulus> stream, long seed, int latMin, int latMax,
                             int rspStallPerMille) {
        CheckerDescription d = b.description();
        SessionConfig config = new SessionConfig(seed, latMin, latMax, 0, rspStallPerMille, 0, d.pmpLatency(), 20_000,
                true, true);
        MttLookup golden = new MttLookup(memory, ImplicitReadCheck.ALLOW_ALL, d.lookupConfig());
        int idMask = (1 << d.idWidth()) - 1;
        List<CheckRequest> checks = new ArrayList<>();
        RequestBuffer q = new RequestBuffer(Math.max(1, stream.size()));
        for (Stimulus s : stream) {
            if (s instanceof CheckRequest c) {
                q.check(checks.size() & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(),
                        c.bypass());
                checks.add(c);
            } else if (s instanceof Stimulus.Invalidate inv) {
                q.invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid());
            } else if (s instanceof Stimulus.Sync) {
                q.sync();
            } else if (s instanceof Stimulus.Idle idle) {
                q.idle(idle.cycles());
            }
        }
        Matcher m = new Matcher(b, checks, golden, idMask, new AnswerCycles(b.library(), checks, b.walksInFlight()));
        EventBuffer events = new EventBuffer(1 << 16);
        try (CheckerSession session = b.library().openChecker(config)) {
            for (PhysicalMemory.Region r : memory.regions()) {
                session.attachMemory(r.base(), r.buffer());
            }
            session.reset(4);
            int from = 0;
            while (from < q.size()) {
                RunResult r = session.run(q, from, Math.min(4096, q.size() - from), events, 0);
                m.consume(events);
                from += (int) r.consumed();
            }
            RunResult r;
            do {
                r = session.drain(events, 0);
                m.consume(events);
            } while (r.reason() == StopReason.EVENTS_FULL || r.reason() == StopReason.CYCLE_LIMIT);
            m.finish();
        }
        if (m.answered != checks.size()) {
            throw new IllegalStateException(m.answered + " of " + checks.size() + " checks answered");
        }
        return new Result(m.answered, m.lastResponse - m.firstAccept + 1, m.latencies, m.answeredLatencies,
                m.overtaken, m.maxReads, m.stale, m.misses, m.hitsUnderMiss);
    }

    /** Matches responses to requests and compares each with the golden lookup. */
    private static final class Matcher {
        private final Built b;
        private final List<CheckRequest> checks;
        private final MttLookup golden;
        private final int idMask;
        private final LookupResult g = new LookupResult();
        private final Deque<long[]> outstanding = new ArrayDeque<>(); // {index, accept cycle}
        private final Map<Integer, Long> readsByTag = new HashMap<>();
        private final List<Long> latencies = new ArrayList<>();
        private final List<Long> answeredLatencies = new ArrayList<>();
        private final AnswerCycles answers;
        /** The responses of the cycle being read: taken when it closes, after its lookup and walk end. */
        private final List<Event.Response> responses = new ArrayList<>();
        private long cycle = -1;
        private int accepted;
        private long answered;
        private long firstAccept = -1;
        private long lastResponse;
        private long overtaken;
        private long stale;
        private int maxReads;
        private long misses;
        private long hitsUnderMiss;

        Matcher(Built b, List<CheckRequest> checks, MttLookup golden, int idMask, AnswerCycles answers) {
            this.b = b;
            this.checks = checks;
            this.golden = golden;
            this.idMask = idMask;
            this.answers = answers;
        }

        void consume(EventBuffer events) {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.event(i);
                if (e.cycle() != cycle) {
                    closeCycle();
                    cycle = e.cycle();
                }
                answers.onEvent(e, accepted);
                if (e instanceof Event.Accept a) {
                    if (firstAccept < 0) {
                        firstAccept = a.cycle();
                    }
                    outstanding.addLast(new long[] {accepted++, a.cycle()});
                } else if (e instanceof Event.MemoryRead r) {
                    if (r.tag() >= b.walksInFlight() || readsByTag.containsKey(r.tag())) {
                        throw new IllegalStateException("cycle " + r.cycle() + ": read of 0x" + Long.toHexString(r.addr())
                                + " with tag " + r.tag() + ", which is no MSHR or already has a read outstanding");
                    }
                    if (readsByTag.containsValue(r.addr())) {
                        throw new IllegalStateException("cycle " + r.cycle() + ": MPTE 0x" + Long.toHexString(r.addr())
                                + " read while a read of it is outstanding (two walks of one entry)");
                    }
                    readsByTag.put(r.tag(), r.addr());
                    maxReads = Math.max(maxReads, readsByTag.size());
                } else if (e instanceof Event.MemoryResponse r) {
                    readsByTag.remove(r.tag());
                } else if (e instanceof Event.Response r) {
                    responses.add(r);
                } else if (e instanceof Event.Observation ob && ob.obsKind() == 1) {
                    misses++; // obs_kind MISS (ObservationPort.KIND_MISS)
                } else if (e instanceof Event.Observation ob && ob.obsKind() == 0 && !readsByTag.isEmpty()) {
                    hitsUnderMiss++; // obs_kind HIT while a walk waits for memory
                }
            }
        }

        /** Ends the run: the last cycle's responses. */
        void finish() {
            closeCycle();
            cycle = -1;
        }

        private void closeCycle() {
            answers.closeCycle(cycle);
            for (Event.Response r : responses) {
                answer(r);
            }
            responses.clear();
        }

        private void answer(Event.Response r) {
            long[] o = null;
            if (b.inOrder()) {
                o = outstanding.pollFirst();
            } else {
                for (var it = outstanding.iterator(); it.hasNext(); ) {
                    long[] x = it.next();
                    if ((x[0] & idMask) == r.id()) {
                        o = x;
                        it.remove();
                        break;
                    }
                }
                if (o != null && !outstanding.isEmpty() && outstanding.peekFirst()[0] < o[0]) {
                    overtaken++;
                }
            }
            if (o == null) {
                throw new IllegalStateException("cycle " + r.cycle() + ": response id " + r.id()
                        + " answers no outstanding check");
            }
            int idx = (int) o[0];
            CheckRequest c = checks.get(idx);
            String problem = compare(idx, c, r);
            if (problem != null) {
                throw new IllegalStateException("check " + idx + " " + c + " answered at cycle " + r.cycle()
                        + " (accepted " + o[1] + "): " + problem);
            }
            latencies.add(r.cycle() - o[1]);
            long decided = answers.decidedCycle(idx);
            if (decided != UNOBSERVED && decided >= r.cycle()) {
                throw new IllegalStateException("check " + idx + " " + c + " answered at cycle " + r.cycle()
                        + ", but its verdict was decided only in cycle " + decided + " (a hit's lookup or its walk's "
                        + "obs_walk_end): a response leaves no earlier than the cycle after");
            }
            answeredLatencies.add(decided == UNOBSERVED ? UNOBSERVED : decided + 1 - o[1]);
            lastResponse = r.cycle();
            answered++;
            if (r.stale()) {
                stale++;
            }
        }

        private String compare(int idx, CheckRequest c, Event.Response r) {
            boolean allow;
            int cause;
            int xwr = 0;
            int level = 0;
            int leafLog2 = 0;
            int uniformLog2 = 0;
            boolean cacheable = false;
            if (c.isBypass()) {
                allow = true;
                cause = 0;
            } else if (c.mode() == null) {
                allow = false;
                cause = Cause.PA_RANGE.ordinal();
            } else {
                golden.lookup(c.mode(), c.rootPpn(), c.pa(), c.need(), c.be(), g);
                allow = g.allow();
                cause = g.cause().ordinal();
                xwr = Math.max(0, g.xwr());
                level = g.level();
                leafLog2 = g.leafLog2();
                uniformLog2 = g.uniformLog2();
                cacheable = g.cacheable() && !r.stale();
            }
            StringBuilder diffs = new StringBuilder();
            diff(diffs, "id", idx & idMask, r.id());
            diff(diffs, "allow", allow ? 1 : 0, r.allow() ? 1 : 0);
            diff(diffs, "fault", allow ? 0 : 1, r.fault() ? 1 : 0);
            diff(diffs, "cause", cause, r.cause());
            diff(diffs, "xwr", xwr, r.xwr());
            diff(diffs, "level", level, r.level());
            diff(diffs, "leaf_log2", leafLog2, r.leafLog2());
            diff(diffs, "uniform_log2", uniformLog2, r.uniformLog2());
            diff(diffs, "cacheable", cacheable ? 1 : 0, r.cacheable() ? 1 : 0);
            return diffs.isEmpty() ? null : diffs.toString().trim();
        }

        private static void diff(StringBuilder out, String field, int expected, int actual) {
            if (expected != actual) {
                out.append(' ').append(field).append(" expected ").append(expected).append(" actual ").append(actual);
            }
        }
    }
}
