package io.mttkit.tb.cosim;

import io.mttkit.bridge.PmpRegion;
import java.util.List;

/**
 * One bridge session that runs a phase's stream segment by segment and compares everything the checker does with
 * the golden model: {@link CosimHarness} for a blocking checker (one walk, port contract v1/v2), {@link WalkHarness}
 * for a checker with several walks in flight (contract v4, docs/nonblocking.md). A phase
 * ({@link io.mttkit.tb.repro.PhaseStream}) drives either through this interface.
 */
public interface PhaseHarness extends AutoCloseable {

    /**
     * Opens the harness {@code lib} needs over {@code memory}: a {@link WalkHarness} for a checker with several walks in
     * flight, a {@link CosimHarness} otherwise. The regression, the replay and the shrinker all open phases here, so a
     * bundle is run again exactly as it was recorded.
     */
    static PhaseHarness open(CheckerLibrary lib, io.mttkit.golden.mem.PhysicalMemory memory, SessionSettings settings) {
        return lib.description().nonBlocking() ? new WalkHarness(lib, memory, settings)
                : new CosimHarness(lib, memory, settings);
    }

    /** Sets the PMP regions the bridge answers from (and the golden model mirrors). */
    void setPmpRegions(List<PmpRegion> regions);

    /** Sets the observer told about every matched check ({@code null}: none). */
    void setObserver(CheckObserver observer);

    /**
     * Runs {@code stream} (checks, invalidations, syncs, idle gaps, in order) to completion and compares it.
     *
     * @throws CosimMismatchException at the first difference, with the report
     */
    void run(List<? extends Stimulus> stream);

    /** Index, within the checks of the last {@link #run}, of the check being answered (after a mismatch: the failing one). */
    int currentIndex();

    /** Totals of the session so far. */
    CosimHarness.Totals totals();

    @Override
    void close();
}
