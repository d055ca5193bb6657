package io.mttkit.tb.repro;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.Records;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StimulusFile;
import io.mttkit.bridge.StopReason;
import io.mttkit.bridge.Variant;
import io.mttkit.bridge.WaveFormat;
import io.mttkit.bridge.WaveReplay;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.CosimMismatchException;
import io.mttkit.tb.cosim.PhaseHarness;
import io.mttkit.tb.cosim.Stimulus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reproduces a {@link ReproBundle} outside the regression: rebuilds the generated checker for the bundle's
 * parameters and cache shape (through the build cache), warns when its build hash differs from the recorded one
 * (the generator or Verilator changed since), re-runs the phase's stream through the harness the regression used
 * ({@link PhaseHarness#open}: {@link CosimHarness}, or {@code WalkHarness} for several walks in flight) with the
 * recorded settings and PMP regions over the recorded memory — segment by segment, with the recorded table-entry
 * writes in between ({@link PhaseStream}), exactly as the regression ran it — and reports whether the mismatch
 * reproduces. The bridge's event digest of the stream is computed as well and compared with the recorded one:
 * equal digests mean the RTL behaved cycle for cycle as in the regression. With waves, the {@link Variant#TRACE}
 * build reruns the stream and dumps an FST window around the failing check.
 */
public final class Replay {
    /** Cycles of waves before the failing check is taken. */
    public static final int WAVE_BEFORE = 200;
    /** Cycles of waves after it. */
    public static final int WAVE_AFTER = 400;
    /** Reset cycles: the harness applies 4 (see {@link CosimHarness}). */
    static final int RESET_CYCLES = 4;

    /**
     * What a replay found.
     *
     * @param reproduced       the replay mismatched at the recorded index (or, for a bundle without a recorded
     *                         mismatch, the replay passed)
     * @param mismatchIndex    index of the check that mismatched in the replay (-1: none)
     * @param report           the replay's mismatch report ("" when none)
     * @param buildHash        build hash of the library replayed on
     * @param buildHashMatches whether it equals the bundle's
     * @param digest           event digest of the replay
     * @param digestMatches    whether it equals the bundle's (false when the bundle recorded none)
     * @param waveFile         the wave file, or {@code null} when none was asked for
     */
    public record Outcome(boolean reproduced, int mismatchIndex, String report, String buildHash,
                          boolean buildHashMatches, long digest, boolean digestMatches, Path waveFile) {
        /** A short human-readable account. */
        public String summary(ReproBundle b) {
            StringBuilder sb = new StringBuilder();
            if (b.failingIndex() >= 0) {
                sb.append(reproduced ? "REPRODUCED: the mismatch at check " + b.failingIndex() + " happens again\n"
                        : mismatchIndex >= 0 ? "DIFFERENT: the replay mismatched at check " + mismatchIndex
                        + ", the bundle recorded check " + b.failingIndex() + "\n"
                        : "NOT REPRODUCED: all " + b.requests().size() + " checks matched the golden model\n");
            } else {
                sb.append(reproduced ? "PASSED as recorded\n" : "MISMATCH where the bundle recorded none\n");
            }
            sb.append("build hash ").append(buildHash).append(buildHashMatches ? " (same as recorded)\n"
                    : " (recorded " + b.buildHash() + ")\n");
            sb.append(String.format("event digest 0x%016x%s%n", digest, digestMatches ? " (same as recorded)"
                    : b.digest() == 0 ? " (none recorded)" : String.format(" (recorded 0x%016x)", b.digest())));
            if (waveFile != null) {
                sb.append("waves: ").append(waveFile.toAbsolutePath()).append('\n');
            }
            if (!report.isEmpty()) {
                sb.append(report);
            }
            return sb.toString();
        }
    }

    private Replay() {}

    /** The wave file a replay of {@code bundleFile} writes by default: next to it, {@code <name>.fst}. */
    public static Path defaultWaveFile(Path bundleFile) {
        String name = bundleFile.getFileName().toString().replaceFirst("(\\.tar\\.gz|\\.tgz)$", "");
        return bundleFile.toAbsolutePath().resolveSibling(name + WaveFormat.FST.extension());
    }

    /** Reads {@code bundleFile} and replays it (see {@link #replay(ReproBundle, Path, PrintStream)}). */
    public static Outcome replay(Path bundleFile, Path waveFile, PrintStream log) {
        return replay(ReproBundleCodec.read(bundleFile), waveFile, log);
    }

    /**
     * Replays {@code b} on the generated checker it was recorded on (generated again from the description's
     * {@code generator} block); warnings (build hash differs) go to {@code log}.
     *
     * @param waveFile where to dump FST waves around the failing check (or the last check, for a bundle without a
     *                 mismatch); {@code null} for none
     */
    public static Outcome replay(ReproBundle b, Path waveFile, PrintStream log) {
        return replay(b, libraryFor(b), waveFile, log);
    }

    /**
     * Replays {@code b} on a given library (bring-your-own RTL, a mutant) instead of the generated checker.
     * Waves need the generated checker ({@code waveFile} must then be {@code null} for another library: the trace
     * build is made from the generator).
     */
    public static Outcome replay(ReproBundle b, CheckerLibrary lib, Path waveFile, PrintStream log) {
        if (!lib.description().sameDevice(b.checker())) {
            throw new IllegalArgumentException("the bundle was recorded on a checker with " + b.checker().label()
                    + ", but " + lib.top() + " implements " + lib.description().label()
                    + "; replay it on the RTL it was recorded on (its checker.json must say the same)");
        }
        String hash = lib.library().built().hash();
        boolean hashMatches = hash.equals(b.buildHash());
        if (!hashMatches) {
            log.println("warning: the checker now builds with hash " + hash + ", the bundle was recorded on "
                    + b.buildHash() + ": the generator (or Verilator) changed since, the replay may differ");
        }
        PhysicalMemory mem = b.toMemory();
        int index = -1;
        String report = "";
        try (PhaseHarness h = PhaseHarness.open(lib, mem, b.settings())) {
            h.setPmpRegions(b.pmp());
            PhaseStream.Run run = b.stream().start(h, mem);
            try {
                run.all();
            } catch (CosimMismatchException e) {
                index = run.failingCheck();
                report = e.getMessage();
            }
        }
        long digest = digest(lib.library(), b);
        boolean reproduced = b.failingIndex() >= 0 ? index == b.failingIndex() : index < 0;
        Path waves = null;
        if (waveFile != null) {
            int at = index >= 0 ? index : b.failingIndex() >= 0 ? b.failingIndex() : b.requests().size() - 1;
            waves = waves(b, at, waveFile);
        }
        return new Outcome(reproduced, index, report, hash, hashMatches, digest, b.digest() != 0 && digest == b.digest(),
                waves);
    }

    /**
     * The checker {@code b} was recorded on, when it was generated: its description's {@code generator} block
     * generated again ({@link CheckerLibrary#regenerate}).
     *
     * @throws IllegalArgumentException for a bundle of bring-your-own RTL (it names what to do: {@code --rtl DIR})
     */
    public static CheckerLibrary libraryFor(ReproBundle b) {
        if (b.checker().generator() == null) {
            throw new IllegalArgumentException("the bundle was recorded on your own RTL (top " + b.checker().top()
                    + ", sources " + b.checker().sources() + "), not on a generated checker: replay it with --rtl DIR, "
                    + "the folder holding that RTL and its checker.json");
        }
        return CheckerLibrary.regenerate(b.checker());
    }

    /**
     * Records the event digest of {@code b}'s stream on {@code lib} (a fresh session over the bundle's own memory
     * images, so the digest is what a replay must see) and writes the bundle to {@code file}.
     *
     * @return {@code file}
     */
    public static Path writeWithDigest(ReproBundle b, LoadedLibrary lib, Path file) throws IOException {
        ReproBundleCodec.write(b.withDigest(digest(lib, b)), file);
        return file;
    }

    /**
     * The bridge's event digest of the bundle's whole stream on {@code lib} (the trace of every cycle: accepts,
     * PMP queries, reads, responses, cache observations), segment by segment with the entry writes in between,
     * as the regression ran it, over a fresh copy of the bundle's memory. For a stream without writes this is
     * what {@link WaveReplay#runAll} computes.
     */
    public static long digest(LoadedLibrary lib, ReproBundle b) {
        PhysicalMemory mem = b.toMemory();
        try (CheckerSession s = scenario(b, mem).open(lib)) {
            return runSegments(s, b, mem, new EventBuffer(1 << 14), -1, -1);
        }
    }

    /**
     * Runs the bundle's segments on {@code s} (writes applied to {@code mem} between them) and returns the event
     * digest. With {@code findSegment} ≥ 0, returns instead the cycle at which item {@code findPos} of that segment
     * was taken (or the cycle the run stopped at).
     */
    private static long runSegments(CheckerSession s, ReproBundle b, PhysicalMemory mem, EventBuffer ev,
                                    int findSegment, int findPos) {
        PhaseStream stream = b.stream();
        List<Integer> starts = stream.segmentStarts();
        long digest = Records.DIGEST_SEED;
        for (int k = 0; k < starts.size(); k++) {
            stream.applyWrites(starts.get(k), mem);
            RequestBuffer q = requestBuffer(b.checker(), stream.segment(k));
            int from = 0;
            boolean drained = false;
            while (!drained) {
                RunResult r = from < q.size() ? s.run(q, from, q.size() - from, ev, 0) : s.drain(ev, 0);
                if (k == findSegment) {
                    for (int i = 0; i < ev.size(); i++) {
                        if (ev.event(i) instanceof Event.Accept accept && accept.position() == findPos) {
                            return accept.cycle();
                        }
                    }
                }
                digest = ev.digest(digest);
                if (r.reason().terminal()) {
                    return findSegment >= 0 ? s.cycle() : digest;
                }
                if (from < q.size()) {
                    from += (int) r.consumed();
                } else {
                    drained = r.reason() == StopReason.DONE;
                }
            }
        }
        return findSegment >= 0 ? s.cycle() : digest;
    }

    /**
     * Reruns on the trace build with FST waves around check {@code check} of the stream: a first pass finds the
     * cycle it is taken, a second dumps the window (tracing does not change behaviour, {@link WaveReplay}).
     */
    static Path waves(ReproBundle b, int check, Path waveFile) {
        LoadedLibrary trace = traceLibrary(libraryFor(b).description());
        try {
            Path parent = waveFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating the folder of " + waveFile, e);
        }
        int[] where = locate(b.stream(), Math.max(0, check));
        EventBuffer ev = new EventBuffer(4096);
        long accept;
        PhysicalMemory mem = b.toMemory();
        try (CheckerSession s = scenario(b, mem).open(trace)) {
            accept = runSegments(s, b, mem, ev, where[0], where[1]);
        }
        mem = b.toMemory();
        try (CheckerSession s = scenario(b, mem).open(trace)) {
            s.traceWindow(waveFile, Math.max(0, accept - WAVE_BEFORE), accept + WAVE_AFTER + 1);
            runSegments(s, b, mem, ev, -1, -1);
        }
        return waveFile;
    }

    /** {segment, position in the segment} of check {@code check} of the stream (the last item if beyond). */
    private static int[] locate(PhaseStream stream, int check) {
        List<Integer> starts = stream.segmentStarts();
        int seen = 0;
        for (int k = 0; k < starts.size(); k++) {
            List<Stimulus> seg = stream.segment(k);
            for (int i = 0; i < seg.size(); i++) {
                if (seg.get(i) instanceof CheckRequest && seen++ == check) {
                    return new int[] {k, i};
                }
            }
        }
        return new int[] {starts.size() - 1, Math.max(0, stream.segment(starts.size() - 1).size() - 1)};
    }

    private static Scenario scenario(ReproBundle b, PhysicalMemory mem) {
        SessionConfig config = b.settings().sessionConfig(b.checker()); // the session the regression ran on
        List<StimulusFile.Region> regions = new ArrayList<>();
        for (PhysicalMemory.Region r : mem.regions()) {
            regions.add(new StimulusFile.Region(r.base(), r.buffer()));
        }
        return new Scenario(config, RESET_CYCLES, b.pmp(), regions, new RequestBuffer(1));
    }

    /** Stream items as the harness sends them in one run (check ids count from 0 and wrap at the id width). */
    static RequestBuffer requestBuffer(CheckerDescription params, List<? extends Stimulus> items) {
        RequestBuffer q = new RequestBuffer(Math.max(1, items.size()));
        int idMask = (1 << params.idWidth()) - 1;
        int checkIndex = 0;
        for (Stimulus item : items) {
            if (item instanceof CheckRequest c) {
                q.check(checkIndex++ & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(),
                        c.bypass());
            } else if (item instanceof Stimulus.Invalidate inv) {
                q.invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid(), inv.withCheck());
            } else if (item instanceof Stimulus.Sync) {
                q.sync();
            } else if (item instanceof Stimulus.Idle idle) {
                q.idle(idle.cycles());
            }
        }
        return q;
    }

    /** The checker {@code d} describes, built in the trace variant with FST waves (build-cached). */
    static LoadedLibrary traceLibrary(CheckerDescription d) {
        return BuildDriver.fromEnvironment().load(BuildSpec.checker(d.sources(), d.top(), Variant.TRACE)
                .withWaves(WaveFormat.FST));
    }
}
