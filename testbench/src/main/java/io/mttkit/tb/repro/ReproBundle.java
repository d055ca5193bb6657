package io.mttkit.tb.repro;

import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to reproduce one co-simulation phase outside the regression (ARCHITECTURE.md "Repro
 * bundle"): the device under test (its {@code checker.json} description), the harness settings (seed of the bridge's
 * latency/stall/bus-error generator, latencies, stall and bus-error rates, PMP default and regions), the memory as
 * it was at the phase start (corrupted entries included), the phase's stream (checks, invalidations, syncs, idle
 * gaps) with the table-entry writes made between its parts, the build hash of the checker library, and what went
 * wrong. The record only: {@link ReproBundleCodec} reads and writes its file form, one {@code .tar.gz} (format
 * version 3):
 * <pre>
 * manifest.json        format "mttkit-repro", version, seed, checker, settings, pmp, build hash, writes,
 *                      mismatch, ...
 * memory/&lt;base&gt;.bin   one raw image per memory region, named by its base address (16 hex digits)
 * stream.jsonl         one stream item per line, in order ({"kind": "check" | "invalidate" | "sync" | "idle", ...})
 * </pre>
 *
 * @param seed          the regression seed the phase came from (for the record; the phase is fully described)
 * @param checker       the device under test as its manifest described it (top, sources, what it implements, cache
 *                      geometry, generator provenance): the same fields as {@code checker.json}
 * @param settings      the harness settings of the phase
 * @param pmp           PMP regions of the phase, first match wins
 * @param buildHash     build-cache hash of the checker library the phase ran on
 * @param digest        digest of the bridge's event trace of the whole stream (0: not recorded)
 * @param failingIndex  index among the stream's checks of the check that mismatched (-1: none, a reference bundle)
 * @param mismatch      the mismatch report ("" when none)
 * @param memory        the memory regions at the phase start, base and bytes
 * @param stream        the phase's stream and entry writes
 */
public record ReproBundle(long seed, CheckerDescription checker, SessionSettings settings,
                          List<PmpRegion> pmp, String buildHash, long digest, int failingIndex, String mismatch,
                          List<Image> memory, PhaseStream stream) {
    /** Format name in {@code manifest.json}. */
    public static final String FORMAT = "mttkit-repro";
    /**
     * Format version this code writes and reads. Version 3 stores the device under test as its {@code checker.json}
     * says ({@code checker}); versions 1 and 2 stored generator parameters and are refused with what to do.
     */
    public static final int VERSION = 3;

    /** One memory region: its base address and its bytes. */
    public record Image(long base, byte[] bytes) {
    }

    public ReproBundle {
        pmp = List.copyOf(pmp);
        memory = List.copyOf(memory);
        java.util.Objects.requireNonNull(checker, "checker");
        java.util.Objects.requireNonNull(stream, "stream");
    }

    /** A bundle of a phase of checks only (no fences, no entry writes). */
    public ReproBundle(long seed, CheckerDescription checker, SessionSettings settings, List<PmpRegion> pmp,
                       String buildHash, long digest, int failingIndex, String mismatch, List<Image> memory,
                       List<CheckRequest> requests) {
        this(seed, checker, settings, pmp, buildHash, digest, failingIndex, mismatch, memory,
                PhaseStream.ofChecks(requests));
    }

    /** The checks of the stream, in order ({@link #failingIndex()} counts these). */
    public List<CheckRequest> requests() {
        return stream.checks();
    }

    /** Snapshot of {@code mem} as it is now (copies every region's bytes). */
    public static List<Image> snapshot(PhysicalMemory mem) {
        List<Image> out = new ArrayList<>();
        for (PhysicalMemory.Region r : mem.regions()) {
            ByteBuffer b = r.buffer().duplicate();
            b.clear();
            byte[] bytes = new byte[(int) r.size()];
            b.get(bytes);
            out.add(new Image(r.base(), bytes));
        }
        return out;
    }

    /** A fresh memory holding the bundle's regions. */
    public PhysicalMemory toMemory() {
        PhysicalMemory mem = new PhysicalMemory();
        for (Image i : memory) {
            mem.load(i.base(), i.bytes());
        }
        return mem;
    }

    /** This bundle with another event digest (of its stream on the library it ran on). */
    public ReproBundle withDigest(long d) {
        return new ReproBundle(seed, checker, settings, pmp, buildHash, d, failingIndex, mismatch, memory, stream);
    }

    /** This bundle with another mismatch record (failing index and report). */
    public ReproBundle withMismatch(int index, String report) {
        return new ReproBundle(seed, checker, settings, pmp, buildHash, digest, index, report, memory, stream);
    }
}
