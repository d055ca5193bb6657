package io.mttkit.tb.cosim;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stimulus pieces for several walks in flight: reproducible from the seed, and each piece what it claims. */
class WalkStimulusTest {
    private static Supplier<CheckRequest> fresh(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return () -> CheckRequest.of(MttMode.SMMPT43, 0x80000, r.nextLong() & ((1L << 43) - 1) & ~0xFFFL, Access.R,
                false);
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        List<Stimulus> a = new WalkStimulus(new SplittableRandom(7), 4, 4, 56).stream(2000, fresh(3));
        List<Stimulus> b = new WalkStimulus(new SplittableRandom(7), 4, 4, 56).stream(2000, fresh(3));
        assertEquals(a, b);
        List<Stimulus> c = new WalkStimulus(new SplittableRandom(8), 4, 4, 56).stream(2000, fresh(3));
        assertTrue(!a.equals(c), "another seed, another stream");
        assertTrue(a.stream().anyMatch(s -> s instanceof Stimulus.Invalidate));
        assertTrue(a.stream().anyMatch(s -> s instanceof Stimulus.Sync));
        assertTrue(a.stream().anyMatch(s -> s instanceof Stimulus.Idle));
    }

    @Test
    void aBurstGoesToDistinctRegions() {
        CheckRequest last = CheckRequest.of(MttMode.SMMPT43, 0x80000, 0x1_0000_0000L, Access.R, false);
        for (int seed = 0; seed < 50; seed++) {
            List<Stimulus> out = new ArrayList<>();
            new WalkStimulus(new SplittableRandom(seed), 4, 4, 56).burst(last, fresh(seed), out);
            Set<Long> regions = new HashSet<>();
            regions.add(last.pa() >>> 25);
            for (Stimulus s : out) {
                assertTrue(regions.add(((CheckRequest) s).pa() >>> 25), "seed " + seed + ": " + out);
            }
            assertTrue(out.size() >= 1 && out.size() <= 3, "1 .. W - 1 more misses: " + out);
        }
    }

    @Test
    void aConflictingMissSharesAnEntryWithTheWalk() {
        CheckRequest last = CheckRequest.of(MttMode.SMMPT43, 0x80000, 0x1_2345_0000L, Access.R, false);
        Set<Integer> shares = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            List<Stimulus> out = new ArrayList<>();
            new WalkStimulus(new SplittableRandom(seed), 2, 4, 56).conflicting(last, out);
            CheckRequest c = (CheckRequest) out.get(0);
            assertEquals(last.mode(), c.mode());
            assertEquals(last.sdid(), c.sdid());
            int differ = 64 - Long.numberOfLeadingZeros(c.pa() ^ last.pa());
            assertTrue(differ <= 43, "shares at least the root entry: " + Long.toHexString(c.pa()));
            shares.add(differ <= 16 ? 0 : differ <= 25 ? 1 : differ <= 34 ? 2 : 3);
        }
        assertEquals(Set.of(0, 1, 2, 3), shares, "a leaf, an L0 table, an L1 table and a root entry shared");
    }
}
