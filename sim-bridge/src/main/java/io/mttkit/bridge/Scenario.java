package io.mttkit.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything that determines a checker run besides the library: seeded config, reset length, PMP regions,
 * memory regions and the request stream. Opening it twice on libraries built from the same RTL gives the
 * same cycle-by-cycle event trace, which is what makes replays and the benchmark's digests meaningful.
 *
 * @param config session config (seed included)
 * @param resetCycles cycles of reset before the first request
 * @param pmp PMP hook regions
 * @param memory physical memory regions (direct buffers, shared with whoever else reads them)
 * @param requests the request stream
 */
public record Scenario(SessionConfig config, int resetCycles, List<PmpRegion> pmp, List<StimulusFile.Region> memory,
        RequestBuffer requests) {

    public Scenario {
        if (resetCycles < 1) {
            throw new BridgeException("a scenario needs at least one reset cycle");
        }
        pmp = List.copyOf(pmp);
        memory = List.copyOf(memory);
    }

    /** Opens a session on {@code lib}, attaches memory and PMP regions and applies reset. */
    public CheckerSession open(LoadedLibrary lib) {
        CheckerSession s = lib.openChecker(config);
        try {
            for (StimulusFile.Region r : memory) {
                ByteBuffer b = r.bytes();
                s.attachMemory(r.physBase(), b);
            }
            s.setPmpRegions(pmp);
            s.reset(resetCycles);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Number of check requests in the stream. */
    public long checks() {
        long n = 0;
        for (int i = 0; i < requests.size(); i++) {
            n += requests.kind(i) == Records.REQ_CHECK ? 1 : 0;
        }
        return n;
    }

    /** Writes the scenario for the C++ baseline runner. */
    public void writeStimulus(Path file) throws IOException {
        StimulusFile.write(file, config, resetCycles, pmp, memory, requests, checks());
    }
}
