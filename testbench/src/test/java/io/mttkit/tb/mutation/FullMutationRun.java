package io.mttkit.tb.mutation;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full mutation run from Maven (not part of the default suite, it builds every mutant; the same as
 * {@code ./mtt mutate}):
 * {@code mvn -q -B -o -pl testbench -am test -Dtest=FullMutationRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmttkit.mutation.config=rv64-smmpt [-Dmttkit.mutation.checks=20000] [-Dmttkit.mutation.ids=ID,ID]
 * [-Dmttkit.mutation.out=FILE]} ({@code config}: {@link MutationConfig#NAMES}).
 */
@EnabledIfSystemProperty(named = "mttkit.mutation.config", matches = ".+")
class FullMutationRun {
    @Test
    void runCatalogue() throws Exception {
        String config = System.getProperty("mttkit.mutation.config");
        long checks = Long.getLong("mttkit.mutation.checks", MutationRun.DEFAULT_CHECKS);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        String ids = System.getProperty("mttkit.mutation.ids", "");
        java.util.List<Mutant> mutants = ids.isBlank() ? MutantCatalogue.forConfig(config)
                : java.util.Arrays.stream(ids.split(",")).map(String::strip).map(MutantCatalogue::byId).toList();
        MutationRun.Report r = MutationRun.run(config, mutants, checks, MutationRun.DEFAULT_SEED, out);
        String file = System.getProperty("mttkit.mutation.out");
        if (file != null) {
            Files.writeString(Path.of(file), r.table() + "\n" + r.summary() + "\n");
        }
        assertFalse(r.outcomes().isEmpty());
    }
}
