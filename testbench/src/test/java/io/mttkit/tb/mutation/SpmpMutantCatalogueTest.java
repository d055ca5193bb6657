package io.mttkit.tb.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The composed SPMP top's mutants apply to the generated Verilog exactly once each and are in the catalogue. */
class SpmpMutantCatalogueTest {
    @Test
    void everySpmpMutantAppliesExactlyOnceAndChangesOneFile() {
        Map<String, String> files = IoMutationRun.generated(SpmpMutationRun.SPMP_RV64);
        List<Mutant> spmp = MutantCatalogue.forConfig(MutantCatalogue.SPMP_RV64);
        assertTrue(spmp.size() >= 20, "SPMP mutants: " + spmp.size());
        Set<String> ids = new HashSet<>();
        Set<String> touched = new HashSet<>();
        for (Mutant m : spmp) {
            assertTrue(ids.add(m.id()), "duplicate id " + m.id());
            Map<String, String> mutated = MutationRun.apply(m, files); // throws unless exactly one occurrence
            List<String> changed = files.keySet().stream().filter(f -> !files.get(f).equals(mutated.get(f))).toList();
            assertEquals(1, changed.size(), m.id());
            touched.add(changed.get(0));
            assertEquals(m, MutantCatalogue.byId(m.id()));
        }
        assertEquals(Set.of("mtt_spmp.v", "mtt_spmp_checker.v"), touched, "the SPMP and the sequencer are both mutated");
    }
}
