package io.mttkit.tb.bench;

import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StimulusFile;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Stimulus;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark workload on a generated checker: the memory image holding every domain's tables, the request
 * stream (checks, invalidations, syncs, idle gaps) and the session settings. The same workload feeds every
 * mode: {@link CosimHarness} takes {@link #stream()} and {@link #settings()} (M2), and {@link #scenario} turns
 * it into the bridge-level {@link Scenario} the C++ runner (M0), the JNA batches (M1) and the per-cycle
 * driver (M3) run, built so that all four present the RTL with the same cycle-by-cycle inputs.
 *
 * @param memory   the golden memory (its regions' direct buffers are what every mode attaches)
 * @param stream   the request stream, in order
 * @param pmp      PMP regions the bridge answers from
 * @param settings latency, stalls, bus errors, seed
 * @param summary  one line saying what the stream holds (for the report)
 */
record BenchWorkload(PhysicalMemory memory, List<Stimulus> stream, List<PmpRegion> pmp,
                     SessionSettings settings, String summary) {

    /**
     * Reset cycles of the sessions {@link CosimHarness} opens (its constructor: {@code reset(4)}; the session itself is
     * {@link SessionSettings#sessionConfig}, as the harness's). The bridge-level scenario must use the same, or M0–M1
     * would run a different trace from M2; the benchmark catches a drift because M2's cycle count and answers are
     * compared with M0's run.
     */
    static final int HARNESS_RESET_CYCLES = 4;

    BenchWorkload {
        stream = List.copyOf(stream);
        pmp = List.copyOf(pmp);
    }

    /** Number of checks in the stream. */
    long checks() {
        return stream.stream().filter(s -> s instanceof CheckRequest).count();
    }

    /** The first {@code items} stream items (at least one), same memory and settings. */
    BenchWorkload prefix(int items) {
        return new BenchWorkload(memory, stream.subList(0, Math.max(1, Math.min(items, stream.size()))), pmp, settings,
                "prefix of " + items + " items");
    }

    /**
     * The bridge-level scenario of this workload for a checker with {@code params}: the request records exactly as
     * {@link CosimHarness#run} encodes them (check ids numbered from 0 and cut to {@code idWidth} bits), its
     * session config (PMP latency from {@code params}) and reset length, the memory's regions and the PMP list.
     */
    Scenario scenario(CheckerDescription params) {
        SessionConfig cfg = settings.sessionConfig(params);
        RequestBuffer q = new RequestBuffer(stream.size());
        int idMask = (1 << params.idWidth()) - 1;
        int checkIndex = 0;
        for (Stimulus x : stream) {
            if (x instanceof CheckRequest c) {
                q.check(checkIndex++ & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(), c.bypass());
            } else if (x instanceof Stimulus.Invalidate inv) {
                q.invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid());
            } else if (x instanceof Stimulus.Sync) {
                q.sync();
            } else if (x instanceof Stimulus.Idle idle) {
                q.idle(idle.cycles());
            }
        }
        List<StimulusFile.Region> regions = new ArrayList<>();
        for (PhysicalMemory.Region r : memory.regions()) {
            regions.add(new StimulusFile.Region(r.base(), r.buffer()));
        }
        return new Scenario(cfg, HARNESS_RESET_CYCLES, pmp, regions, q);
    }
}
