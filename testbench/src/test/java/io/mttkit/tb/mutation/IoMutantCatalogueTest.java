package io.mttkit.tb.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The I/O checker's mutants apply to the generated Verilog exactly once each and are in the catalogue. */
class IoMutantCatalogueTest {
    @Test
    void everyIoMutantAppliesExactlyOnceAndChangesOneFile() {
        Map<String, String> files = IoMutationRun.generated();
        List<Mutant> io = MutantCatalogue.forConfig(MutantCatalogue.IO_RV64);
        assertTrue(io.size() >= 10, "I/O mutants: " + io.size());
        Set<String> ids = new HashSet<>();
        for (Mutant m : io) {
            assertTrue(ids.add(m.id()), "duplicate id " + m.id());
            Map<String, String> mutated = MutationRun.apply(m, files); // throws unless exactly one occurrence
            long changed = files.keySet().stream().filter(f -> !files.get(f).equals(mutated.get(f))).count();
            assertEquals(1, changed, m.id());
            assertEquals(m, MutantCatalogue.byId(m.id()));
        }
        assertNotEquals(io, MutantCatalogue.forConfig(MutantCatalogue.RV64));
    }

    @Test
    void everyCachedIoMutantAppliesExactlyOnceIncludingTheCacheGlue() {
        Map<String, String> files = IoMutationRun.generated(IoMutationRun.IO_RV64_SMMPT);
        List<Mutant> io = MutantCatalogue.forConfig(MutantCatalogue.IO_CACHED_RV64);
        assertEquals(MutantCatalogue.forConfig(MutantCatalogue.IO_RV64).size() + 4, io.size());
        Set<String> ids = new HashSet<>();
        for (Mutant m : io) {
            assertTrue(ids.add(m.id()), "duplicate id " + m.id());
            Map<String, String> mutated = MutationRun.apply(m, files); // throws unless exactly one occurrence
            long changed = files.keySet().stream().filter(f -> !files.get(f).equals(mutated.get(f))).count();
            assertEquals(1, changed, m.id());
            assertEquals(m, MutantCatalogue.byId(m.id()));
        }
        assertTrue(ids.containsAll(List.of("io-cache-sdid-untagged", "io-mptinval-range-as-page",
                "io-mptinval-sdidv-ignored", "io-fence-no-dma-wait")));
    }
}
