package io.mttkit.tb.repro;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StimulusFile;
import io.mttkit.bridge.Variant;
import io.mttkit.bridge.WaveFormat;
import io.mttkit.bridge.WaveReplay;
import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.CosimMismatchException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reproduces a {@link ReproBundle} outside the regression: rebuilds the generated checker for the bundle's
 * parameters (through the build cache), warns when its build hash differs from the recorded one (the generator
 * or Verilator changed since), re-runs the requests through {@link CosimHarness} with the recorded settings
 * and PMP regions over the recorded memory, and reports whether the mismatch reproduces. The bridge's event
 * digest of the request list is computed as well and compared with the recorded one: equal digests mean the
 * RTL behaved cycle for cycle as in the regression. With waves, the {@link Variant#TRACE} build reruns the
 * list and dumps an FST window around the failing request ({@link WaveReplay}).
 */
public final class Replay {
    /** Cycles of waves before the failing request is taken. */
    public static final int WAVE_BEFORE = 200;
    /** Cycles of waves after it. */
    public static final int WAVE_AFTER = 400;
    /** Reset cycles: the harness applies 4 (see {@link CosimHarness}). */
    static final int RESET_CYCLES = 4;
    /** The harness's watchdog. */
    static final int WATCHDOG = 20_000;

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
                sb.append(reproduced ? "REPRODUCED: the mismatch at request " + b.failingIndex() + " happens again\n"
                        : mismatchIndex >= 0 ? "DIFFERENT: the replay mismatched at request " + mismatchIndex
                        + ", the bundle recorded request " + b.failingIndex() + "\n"
                        : "NOT REPRODUCED: all " + b.requests().size() + " requests matched the golden model\n");
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
        return replay(ReproBundle.read(bundleFile), waveFile, log);
    }

    /**
     * Replays {@code b}; warnings (build hash differs) go to {@code log}.
     *
     * @param waveFile where to dump FST waves around the failing request (or the last request, for a bundle
     *                 without a mismatch); {@code null} for none
     */
    public static Outcome replay(ReproBundle b, Path waveFile, PrintStream log) {
        return replay(b, CheckerLibrary.of(b.params()), waveFile, log);
    }

    /**
     * Replays {@code b} on a given library (bring-your-own RTL, a mutant) instead of the generated checker.
     * Waves need the generated checker ({@code waveFile} must then be {@code null} for another library: the trace
     * build is made from the generator).
     */
    public static Outcome replay(ReproBundle b, CheckerLibrary lib, Path waveFile, PrintStream log) {
        if (!lib.params().equals(b.params())) {
            throw new IllegalArgumentException("the bundle was recorded for " + b.params() + ", the library implements "
                    + lib.params() + "; replay it on a library of the bundle's parameters");
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
        try (CosimHarness h = new CosimHarness(lib, mem, b.settings())) {
            h.setPmpRegions(b.pmp());
            try {
                h.run(b.requests());
            } catch (CosimMismatchException e) {
                index = h.currentIndex();
                report = e.getMessage();
            }
        }
        long digest = digest(lib.library(), b, mem);
        boolean reproduced = b.failingIndex() >= 0 ? index == b.failingIndex() : index < 0;
        Path waves = null;
        if (waveFile != null) {
            int at = index >= 0 ? index : b.failingIndex() >= 0 ? b.failingIndex() : b.requests().size() - 1;
            waves = waves(b, mem, at, waveFile).waveFile();
        }
        return new Outcome(reproduced, index, report, hash, hashMatches, digest, b.digest() != 0 && digest == b.digest(),
                waves);
    }

    /**
     * The bridge's event digest of the bundle's whole request list on {@code lib} (the trace of every cycle:
     * accepts, PMP queries, reads, responses), as {@link WaveReplay#runAll} computes it.
     */
    public static long digest(LoadedLibrary lib, ReproBundle b, PhysicalMemory mem) {
        try (CheckerSession s = scenario(b, mem).open(lib)) {
            return WaveReplay.runAll(s, requestBuffer(b.params(), b.requests()), new EventBuffer(1 << 14));
        }
    }

    /** The digest for a bundle about to be written: over its own memory images. */
    public static long digest(LoadedLibrary lib, ReproBundle b) {
        return digest(lib, b, b.toMemory());
    }

    /** Reruns on the trace build with FST waves around request {@code index}. */
    static WaveReplay.Result waves(ReproBundle b, PhysicalMemory mem, int index, Path waveFile) {
        LoadedLibrary trace = traceLibrary(b.params());
        try {
            Path parent = waveFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating the folder of " + waveFile, e);
        }
        return WaveReplay.around(trace, scenario(b, mem), Math.max(0, index), WAVE_BEFORE, WAVE_AFTER, waveFile);
    }

    private static Scenario scenario(ReproBundle b, PhysicalMemory mem) {
        CosimHarness.Settings s = b.settings();
        SessionConfig config = new SessionConfig(s.seed(), s.memLatencyMin(), s.memLatencyMax(), s.mrdStallPerMille(),
                s.rspStallPerMille(), s.busErrorPerMille(), b.params().pmpLatency(), WATCHDOG, s.pmpDefaultAllow());
        List<StimulusFile.Region> regions = new ArrayList<>();
        for (PhysicalMemory.Region r : mem.regions()) {
            regions.add(new StimulusFile.Region(r.base(), r.buffer()));
        }
        return new Scenario(config, RESET_CYCLES, b.pmp(), regions, requestBuffer(b.params(), b.requests()));
    }

    /** The requests as the harness sends them (ids wrap at the id width). */
    static RequestBuffer requestBuffer(WalkerParams params, List<CheckRequest> list) {
        RequestBuffer q = new RequestBuffer(Math.max(1, list.size()));
        int idMask = (1 << params.idWidth()) - 1;
        for (int i = 0; i < list.size(); i++) {
            CheckRequest c = list.get(i);
            q.check(i & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(), c.bypass());
        }
        return q;
    }

    /** The generated checker for {@code params} in the trace variant with FST waves (build-cached). */
    static LoadedLibrary traceLibrary(WalkerParams params) {
        Design design = Hdl.elaborate(new MttChecker(params));
        try {
            Path dir = Files.createTempDirectory("mtt-replay-rtl");
            List<Path> files = Hdl.write(design, EmitOptions.plain(), dir);
            try {
                return BuildDriver.fromEnvironment().load(BuildSpec.checker(files, design.top(), Variant.TRACE)
                        .withWaves(WaveFormat.FST));
            } finally {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the generated checker Verilog", e);
        }
    }
}
