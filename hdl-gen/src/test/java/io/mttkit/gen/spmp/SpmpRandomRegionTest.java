package io.mttkit.gen.spmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.spmp.SpmpBench.Answer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random entry programs and accesses in a small address window (so that regions overlap, nest, straddle and
 * collide), each answer compared with a byte-level reading of the spec written here: an entry's region in bytes (TOR
 * [spmpaddr[i-1]·4, spmpaddr[i]·4) with entry 0 from 0; NA4 four bytes; NAPOT 2^(k+3) bytes for k trailing ones; the
 * PMP granularity rules for G), the lowest-numbered active entry holding any byte decides, it must hold them all, and
 * its permission is {@link SpmpCheckerSimTest#expected}.
 */
class SpmpRandomRegionTest {
    @ParameterizedTest
    @CsvSource({"1, 0, 0", "2, 2, 1", "3, 1, 0"})
    void matchesTheByteLevelReading(long seed, int g, int pipeline) {
        int n = 8;
        SpmpBench b = new SpmpBench(new SpmpParams(64, n, g, true, pipeline, 56));
        Random rnd = new Random(seed);
        long[] addr = new long[n];
        int[] cfg = new int[n];
        long en = 0;
        int allowed = 0;
        int matchedDenied = 0;
        for (int round = 0; round < 40; round++) {
            // a new program for a few entries
            for (int k = 0; k < 3; k++) {
                int i = rnd.nextInt(n);
                long a = rnd.nextInt(0x200); // words: the first 2 KiB
                int c = rnd.nextInt(4) << 3 | (rnd.nextInt(3) == 0 ? SpmpBench.U | SpmpBench.SHARED
                        : rnd.nextBoolean() ? SpmpBench.U : 0);
                int rwx = new int[] {0, 1, 4, 5, 3, 7}[rnd.nextInt(6)];
                b.entry(i, a, c | rwx);
                addr[i] = a;
                cfg[i] = c | rwx;
                if (g >= 1 && (cfg[i] & 0x18) == SpmpBench.NA4) {
                    cfg[i] |= 0x18; // NA4 not selectable: stored NAPOT (as mttkit's PMP)
                }
            }
            en = rnd.nextInt(1 << n);
            b.spmpen(en);
            for (int t = 0; t < 25; t++) {
                long pa = rnd.nextInt(0x900);
                int size = 1 << rnd.nextInt(5);
                int type = rnd.nextInt(4);
                boolean s = rnd.nextBoolean();
                boolean sum = rnd.nextBoolean();
                Answer got = b.check(pa, size, type, s, sum, true);
                Answer want = reference(addr, cfg, en, g, pa, size, type, s, sum);
                assertEquals(want, got, "round " + round + " pa " + Long.toHexString(pa) + " size " + size);
                allowed += got.allow() ? 1 : 0;
                matchedDenied += !got.allow() && got.matched() ? 1 : 0;
            }
        }
        assertTrue(allowed > 20 && matchedDenied > 20, "allowed " + allowed + ", denied after a match " + matchedDenied);
    }

    static Answer reference(long[] addr, int[] cfg, long en, int g, long pa, int size, int type, boolean s,
                            boolean sum) {
        long first = pa;
        long last = pa + size - 1;
        for (int i = 0; i < addr.length; i++) {
            int a = (cfg[i] >> 3) & 3;
            if (a == 0 || ((en >> i) & 1) == 0) {
                continue;
            }
            long lo;
            long hi;
            if (a == 1) {
                lo = i == 0 ? 0 : (addr[i - 1] >> g << g) * 4;
                hi = (addr[i] >> g << g) * 4;
            } else if (a == 2) {
                lo = addr[i] * 4;
                hi = lo + 4;
            } else {
                long word = g >= 2 ? addr[i] | ((1L << (g - 1)) - 1) : addr[i];
                int k = Long.numberOfTrailingZeros(~word);
                lo = (word >> (k + 1) << (k + 1)) * 4;
                hi = lo + (8L << k);
            }
            if (lo < hi && first < hi && last >= lo) {
                boolean all = first >= lo && last < hi;
                boolean ok = all && SpmpCheckerSimTest.expected((cfg[i] & SpmpBench.SHARED) != 0,
                        (cfg[i] & SpmpBench.U) != 0, cfg[i] & 7, s, sum, type);
                return new Answer(ok, true, i, ok ? 0 : type == 0 ? 12 : type == 1 ? 13 : 15);
            }
        }
        return new Answer(false, false, 0, type == 0 ? 12 : type == 1 ? 13 : 15);
    }
}
