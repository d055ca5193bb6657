package io.mttkit.tb.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fast subset of the catalogue, one per bug class (wrong tuple index, wrong cause priority, a protocol slip), must
 * be killed by a short regression; the whole catalogue is the {@code mtt mutate} command ({@code docs/mutation.md}).
 */
class MutationKillTest {
    @Test
    void representativeMutantsAreKilled() {
        List<Mutant> subset = List.of(MutantCatalogue.byId("v09-tuple-select-swap"),
                MutantCatalogue.byId("v01-priority-perm-first"), MutantCatalogue.byId("mrd-size"));
        StringWriter log = new StringWriter();
        MutationRun.Report r = MutationRun.run(MutantCatalogue.RV64, subset, 6_000, MutationRun.DEFAULT_SEED,
                new PrintWriter(log));
        assertEquals(3, r.outcomes().size());
        for (MutationRun.Outcome o : r.outcomes()) {
            assertEquals(MutationRun.Verdict.KILLED, o.verdict(), o.mutant().id() + "\n" + log);
            assertNotNull(o.detail());
            assertTrue(!o.detail().contains("\n"), "one-line summary: " + o.detail());
        }
        assertEquals(1.0, r.killRatio());
        assertTrue(log.toString().contains(r.summary()), log.toString());
    }
}
