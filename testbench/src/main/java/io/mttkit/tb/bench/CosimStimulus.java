package io.mttkit.tb.bench;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StimulusFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's fixed-seed scenario for the tiny test design: a 64 KiB table of 8-byte entries at
 * {@value #MEM_BASE_HEX} (mostly valid leaves, some invalid, reserved or malformed), checks with a hot set of
 * pages so the 2-entry cache both hits and misses, invalidations, syncs, idle gaps, bypass, big-endian and
 * out-of-range requests, one PMP-denied stretch, random memory latency, backpressure and bus errors.
 */
final class CosimStimulus {
    static final long MEM_BASE = 0x8000_0000L;
    static final String MEM_BASE_HEX = "0x8000_0000";
    static final int MEM_SIZE = 64 * 1024;
    static final int PAGES = 4096;  // entries inside the image; higher pages read outside it (bus error)

    private CosimStimulus() {
    }

    static Scenario generate(long seed, int requests) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ByteBuffer mem = ByteBuffer.allocateDirect(MEM_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < PAGES * 2 && p * 8 < MEM_SIZE; p++) {
            int pick = rnd.nextInt(20);
            long entry;
            if (pick == 0) {
                entry = 0;                                   // V = 0
            } else if (pick == 1) {
                entry = rnd.nextLong() | 1;                  // reserved bits set
            } else {
                entry = 1 | (long) rnd.nextInt(8) << 1;      // leaf with any XWR (010/110 are reserved)
            }
            mem.putLong(p * 8, entry);
        }
        long rootPpn = MEM_BASE >>> 12;
        int[] hot = new int[6];
        for (int i = 0; i < hot.length; i++) {
            hot[i] = rnd.nextInt(PAGES);
        }
        RequestBuffer q = new RequestBuffer(requests);
        for (int i = 0; i < requests; i++) {
            int pick = rnd.nextInt(100);
            if (pick < 3) {
                q.invalidate(rnd.nextBoolean(), (long) (rnd.nextBoolean() ? hot[rnd.nextInt(hot.length)] : rnd.nextInt(PAGES)) << 12,
                        rnd.nextInt(4) == 0, rnd.nextInt(4));
            } else if (pick < 4) {
                q.sync();
            } else if (pick < 6) {
                q.idle(1 + rnd.nextInt(4));
            } else {
                long page = rnd.nextInt(3) != 0 ? hot[rnd.nextInt(hot.length)] : rnd.nextInt(PAGES + PAGES / 16);
                long pa = page << 12 | rnd.nextInt(4096);
                if (rnd.nextInt(100) == 0) {
                    pa |= 1L << (56 + rnd.nextInt(8));       // above paw: PA_RANGE
                }
                int need = new int[] {1, 1, 1, 2, 3, 4}[rnd.nextInt(6)];
                q.check(i, pa, need, rnd.nextInt(4), rnd.nextInt(2), rootPpn, rnd.nextInt(10) == 0, rnd.nextInt(20) == 0);
            }
        }
        SessionConfig cfg = new SessionConfig(seed, 2, 8, 100, 50, 5, 1, 10_000, true);
        List<PmpRegion> pmp = List.of(new PmpRegion(MEM_BASE + 0x1000, 0x400, false));
        return new Scenario(cfg, 8, pmp, List.of(new StimulusFile.Region(MEM_BASE, mem)), q);
    }
}
