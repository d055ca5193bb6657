package io.mttkit.tb.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fast subset of the catalogue must be killed by a short regression: on the cache-less checker a wrong tuple index
 * and a wrong cause priority, on the shipped cached checker a fill on a stale walk (R1, caught by the cache
 * scoreboard). The whole catalogue is the {@code mtt mutate} command ({@code docs/mutation.md}).
 */
class MutationKillTest {

    private static void assertAllKilled(String config, List<String> ids, long checks) {
        List<Mutant> subset = ids.stream().map(MutantCatalogue::byId).toList();
        StringWriter log = new StringWriter();
        MutationRun.Report r = MutationRun.run(config, subset, checks, MutationRun.DEFAULT_SEED, new PrintWriter(log));
        assertEquals(ids.size(), r.outcomes().size());
        for (MutationRun.Outcome o : r.outcomes()) {
            assertEquals(MutationRun.Verdict.KILLED, o.verdict(), o.mutant().id() + "\n" + log);
            assertNotNull(o.detail());
            assertTrue(!o.detail().contains("\n"), "one-line summary: " + o.detail());
        }
        assertEquals(1.0, r.killRatio());
        assertTrue(log.toString().contains(r.summary()), log.toString());
    }

    @Test
    void representativeWalkerMutantsAreKilled() {
        assertAllKilled(MutantCatalogue.RV64, List.of("v09-tuple-select-swap", "v01-priority-perm-first"), 6_000);
    }

    @Test
    void staleFillOfTheCachedCheckerIsKilled() {
        // the checks are split over the three smmpt modes; R1 is visible in the first phases (invalidations
        // overtaking walks are common in the cache stimulus)
        assertAllKilled(MutantCatalogue.CACHED_RV64, List.of("cache-stale-fill"), 3_000);
    }
}
