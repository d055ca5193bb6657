package io.mttkit.tb.iocosim;

import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.EventDigest;
import io.mttkit.tb.cosim.SessionSettings;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A seeded constrained-random regression of an I/O checker: worlds of {@link #CHECKS_PER_WORLD} DMA checks, each with
 * its own tables ({@link IoStimulus}) and bridge settings (memory latency, backpressure, bus errors drawn from the
 * seed), until {@code checks} DMA verdicts have been compared. Stops at the first mismatch.
 */
public final class IoRegression {
    /** DMA checks per world (one bridge session, one set of tables). */
    public static final int CHECKS_PER_WORLD = 25_000;
    /** DMA transactions per {@link IoHarness#run} (between two, the harness has seen every verdict). */
    static final int DMA_PER_ROUND = 1_000;

    /**
     * @param firstMismatch the report of the first mismatch, null when every check matched
     */
    public record Result(long checks, long mismatches, long registerAccesses, long polls, long reads, long cycles,
                         long windows, long[] reasons, long digest, double seconds, IoCoverage coverage,
                         String firstMismatch, long[] walkDelays, long[] cacheStats) {
        public boolean passed() {
            return mismatches == 0;
        }

        public double checksPerSecond() {
            return seconds > 0 ? checks / seconds : 0;
        }
    }

    private IoRegression() {
    }

    /** Runs {@code checks} DMA checks of {@code lib} from {@code seed}; {@code progress} is told the checks so far. */
    public static Result run(IoCheckerLibrary lib, long seed, long checks, LongConsumer progress) {
        long t0 = System.nanoTime();
        IoCoverage coverage = new IoCoverage(lib.description());
        long done = 0;
        long regs = 0;
        long polls = 0;
        long reads = 0;
        long cycles = 0;
        long windows = 0;
        long[] reasons = new long[io.mttkit.golden.iompt.AbortReason.values().length];
        long digest = EventDigest.chain(0, seed);
        String mismatch = null;
        long[] delays = {-1, -1, -1};
        long[] cacheStats = lib.description().cached() ? new long[IoCoverage.CACHE_EVENT_BINS.size()] : null;
        for (int world = 0; done < checks && mismatch == null; world++) {
            SplittableRandom r = new SplittableRandom(seed * 0x9E37_79B9L + world);
            int latMin = 1 + r.nextInt(3);
            SessionSettings s = SessionSettings.simple(r.nextLong()).withLatency(latMin, latMin + r.nextInt(6))
                    .withStalls(world % 3 == 0 ? 0 : r.nextInt(300), world % 3 == 0 ? 0 : r.nextInt(300))
                    .withBusErrors(world % 2 == 0 ? 0 : 1 + r.nextInt(30));
            PhysicalMemory mem = new PhysicalMemory();
            IoStimulus stim = new IoStimulus(r.nextLong(), lib.description(), mem);
            long target = Math.min(CHECKS_PER_WORLD, checks - done);
            try (IoHarness h = new IoHarness(lib, mem, s)) {
                h.setPmpRegions(stim.pmpRegions());
                h.setObserver(coverage);
                h.expectWalkDelays(delays); // one design, one pipeline depth: every world is held to the first's
                try {
                    h.run(stim.setUp());
                    while (h.totals().dmaChecks() < target) {
                        long before = h.totals().dmaChecks();
                        h.run(stim.round((int) Math.min(DMA_PER_ROUND, target - before)));
                        progress.accept(done + h.totals().dmaChecks());
                    }
                } catch (IoMismatchException e) {
                    mismatch = "world " + world + " (" + s + "):\n" + e.getMessage();
                }
                IoHarness.Totals t = h.totals();
                done += t.dmaChecks();
                regs += t.registerAccesses();
                polls += t.polls();
                reads += t.reads();
                cycles += t.cycles();
                windows += t.windows();
                for (int i = 0; i < reasons.length; i++) {
                    reasons[i] += t.reasons()[i];
                }
                digest = EventDigest.chain(digest, t.digest());
                if (cacheStats != null) {
                    long[] c = h.cacheStats();
                    for (int i = 0; i < cacheStats.length; i++) {
                        cacheStats[i] += c[i];
                    }
                }
                for (int i = 0; i < delays.length; i++) {
                    delays[i] = t.walkDelays()[i];
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(done, mismatch == null ? 0 : 1, regs, polls, reads, cycles, windows, reasons, digest, seconds,
                coverage, mismatch, delays, cacheStats);
    }
}
