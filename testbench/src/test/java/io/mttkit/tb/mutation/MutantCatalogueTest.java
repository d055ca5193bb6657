package io.mttkit.tb.mutation;

import io.mttkit.tb.dut.CheckerDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue matches the generator's current output: every edit found exactly once, in one file. */
class MutantCatalogueTest {

    /** Generated once per configuration for the whole class (elaboration is most of this test's time). */
    private static final Map<String, MutationConfig.Generated> GENERATED = new java.util.concurrent.ConcurrentHashMap<>();

    private static MutationConfig.Generated generated(String config) {
        return GENERATED.computeIfAbsent(config, c -> MutationConfig.of(c).sources());
    }

    private static Map<String, String> emitted(String config) {
        return generated(config).files();
    }

    @Test
    void everyMutantAppliesExactlyOnceToTheGeneratedVerilog() {
        for (String config : MutationConfig.NAMES) {
            Map<String, String> files = emitted(config);
            for (Mutant m : MutantCatalogue.forConfig(config)) {
                Map<String, String> mutated = MutationRun.apply(m, files); // throws when not found exactly once
                int changed = 0;
                for (String name : files.keySet()) {
                    if (!files.get(name).equals(mutated.get(name))) {
                        changed++;
                        assertTrue(Mutant.moduleFileMatches(m.file(), name), m.id() + " edited " + name);
                        assertTrue(mutated.get(name).contains(m.replacement()), m.id());
                        assertEquals(files.get(name).length() - m.original().length() + m.replacement().length(),
                                mutated.get(name).length(), m.id());
                    }
                }
                assertEquals(1, changed, m.id() + " must change exactly one file");
            }
        }
    }

    @Test
    void catalogueIsLargeEnoughAndIdsAreUnique() {
        List<Mutant> all = MutantCatalogue.all();
        assertTrue(all.size() >= 20, "at least 20 mutants, got " + all.size());
        Set<String> ids = new HashSet<>();
        for (Mutant m : all) {
            assertTrue(ids.add(m.id()), "duplicate id " + m.id());
        }
        assertTrue(MutantCatalogue.forConfig(MutantCatalogue.RV32).size() >= 5);
        assertTrue(MutantCatalogue.forConfig(MutantCatalogue.CACHED_RV64).size() >= 12, "cache mutants of the default");
        assertTrue(MutantCatalogue.forConfig(MutantCatalogue.CACHED_RV32).size() >= 3);
        assertTrue(MutantCatalogue.forConfig(MutantCatalogue.CACHED_RV64_SMMTT).size() >= 20, "rv64-smmtt cache, top and v0.1 mutants");
        assertTrue(MutantCatalogue.forConfig(MutantCatalogue.CACHED_RV32_SMMTT).size() >= 10, "rv32-smmtt cache, top and v0.1 mutants");
        assertTrue(MutantCatalogue.forConfig(MutantCatalogue.NON_BLOCKING_RV64).size() >= 12, "non-blocking logic mutants");
        for (String config : MutationConfig.NAMES) {
            for (Mutant m : MutantCatalogue.forConfig(config)) {
                assertEquals(config, m.config(), m.id());
            }
        }
    }

    @Test
    void textNotFoundIsAnErrorNamingTheMutant() {
        Mutant m = new Mutant("no-such-text", MutantCatalogue.RV64, "d", "mtt_walker", "assign nothing_here = 1'b0;", "x");
        MutantNotApplicableException e = assertThrows(MutantNotApplicableException.class,
                () -> MutationRun.apply(m, emitted(MutantCatalogue.RV64)));
        assertTrue(e.getMessage().contains("no-such-text") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void ambiguousTextAndUnknownFileAreErrors() {
        Map<String, String> files = emitted(MutantCatalogue.RV64);
        Mutant twice = new Mutant("twice", MutantCatalogue.RV64, "d", "mtt_walker", "res_allow <= 1'b0;", "res_allow <= 1'b1;");
        assertTrue(assertThrows(MutantNotApplicableException.class, () -> MutationRun.apply(twice, files)).getMessage()
                .contains("more than once"));
        Mutant nofile = new Mutant("nofile", MutantCatalogue.RV64, "d", "NoSuchModule_", "a", "b");
        assertTrue(assertThrows(MutantNotApplicableException.class, () -> MutationRun.apply(nofile, files)).getMessage()
                .contains("NoSuchModule_"));
    }

    @Test
    void unknownConfigurationIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MutantCatalogue.forConfig("cached-rv64"));
        assertTrue(e.getMessage().contains("walker-rv64") && e.getMessage().contains("rv64-smmpt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MutationConfig.of("rv64-smmtt-x"));
        assertTrue(e.getMessage().contains("rv64-smmpt") && e.getMessage().contains("rv64-smmtt-x"), e.getMessage());
        assertNotEquals(MutantCatalogue.forConfig(MutantCatalogue.RV64), MutantCatalogue.forConfig(MutantCatalogue.RV32));
    }

    @Test
    void shippedConfigurationsHaveTheShippedCache() {
        CheckerDescription c = generated(MutantCatalogue.CACHED_RV64).description();
        assertEquals(new CheckerDescription.Cache(16, 4, 8, 4, 4, true), c.cache());
        assertEquals(64, c.xlen());
        assertEquals(CheckerDescription.Formats.SMMPT_V0_9, c.formats());
        assertEquals(32, generated(MutantCatalogue.CACHED_RV32).description().xlen());
        assertEquals(null, generated(MutantCatalogue.RV64).description().cache());
        CheckerDescription tt64 = generated(MutantCatalogue.CACHED_RV64_SMMTT).description();
        assertEquals(new CheckerDescription.Cache(16, 4, 8, 4, 4, true), tt64.cache());
        assertEquals(64, tt64.xlen());
        assertEquals(CheckerDescription.Formats.SMMTT_V0_1, tt64.formats());
        CheckerDescription tt32 = generated(MutantCatalogue.CACHED_RV32_SMMTT).description();
        assertEquals(new CheckerDescription.Cache(16, 4, 8, 4, 4, true), tt32.cache());
        assertEquals(32, tt32.xlen());
        assertEquals(CheckerDescription.Formats.SMMTT_V0_1, tt32.formats());
        // rv64-smmpt-nb: the default's device and cache with 4 walks in flight, responses by id
        CheckerDescription nb = generated(MutantCatalogue.NON_BLOCKING_RV64).description();
        assertEquals(c.cache(), nb.cache());
        assertEquals(c.formats(), nb.formats());
        assertEquals(4, nb.walksInFlight());
        assertEquals(io.mttkit.tb.dut.ResponseOrder.BY_ID, nb.responseOrder());
        assertTrue(generated(MutantCatalogue.NON_BLOCKING_RV64).files().keySet().stream()
                .anyMatch(f -> Mutant.moduleFileMatches("mtt_answers", f)), "the answer queue is its own file");
    }

    @Test
    void shippedSmmttConfigurationsAreTheCheckedInRtl() throws java.io.IOException {
        // resolved exactly like rtl/<name>: the generated Verilog is the checked-in Verilog, file for file
        java.nio.file.Path rtl = java.nio.file.Path.of("..").toAbsolutePath().normalize().resolve("rtl");
        for (String config : List.of(MutantCatalogue.CACHED_RV64_SMMTT, MutantCatalogue.CACHED_RV32_SMMTT)) {
            Map<String, String> files = emitted(config);
            assertEquals(3, files.size(), config + ": " + files.keySet());
            for (Map.Entry<String, String> f : files.entrySet()) {
                // all but the first line, which names the folder a shipped file was written to
                assertEquals(afterFirstLine(java.nio.file.Files.readString(rtl.resolve(config).resolve(f.getKey()))),
                        afterFirstLine(f.getValue()), config + "/" + f.getKey());
            }
        }
    }

    private static String afterFirstLine(String text) {
        return text.substring(text.indexOf('\n') + 1);
    }

    @Test
    void mismatchSummaryIsOneLineWithModeAndIndex() {
        String report = "CO-SIMULATION MISMATCH\nconfiguration X\nsession S\nseed 5, request index 17 (index 3 of this run)\n"
                + "request: pa=0x1000 need=r-- mode=smmpt52 req_mode=0x12 root_ppn=0x1 sdid=0 be=false bypass=false\n"
                + "  PA fields: L3[51:43]=0x0\nfield differences (expected = golden model):\n"
                + "  cause          expected MPTE_RSVD_BITS   actual NONE\n  xwr expected 0 actual 1\n";
        String s = MismatchSummary.of(report);
        assertEquals("cause expected MPTE_RSVD_BITS actual NONE (mode smmpt52, request 17)", s);
        String reserved = report.replace("mode=smmpt52 req_mode=0x12", "mode=(not implemented) req_mode=0x17");
        assertEquals("cause expected MPTE_RSVD_BITS actual NONE (mode not implemented, request 17)", MismatchSummary.of(reserved));
    }

    @Test
    void mismatchSummaryOfAWalkScoreboardDifferenceNamesTheFirstOne() {
        String report = "CO-SIMULATION MISMATCH\nconfiguration mtt_checker (walksInFlight=4, responseOrder=BY_ID)\n"
                + "session S, memory out of order\nseed 1, request index 139 (responses compared before it: 130)\n"
                + "first difference, up to cycle 5556:\n  cycle 5550: MISS of MSHR 1 waits on walk 0, the model walks\n"
                + "  second\ngolden MSHRs ...\n";
        assertEquals("cycle 5550: MISS of MSHR 1 waits on walk 0, the model walks (request 139)",
                MismatchSummary.of(report));
    }

    @Test
    void mismatchSummaryOfACacheDifferenceNamesTheEvent() {
        String report = "CO-SIMULATION MISMATCH\nconfiguration X\nsession S\nseed 5, request index 9 (index 9 of this run)\n"
                + "request: pa=0x1000 need=r-- mode=smmpt43 req_mode=0x11 root_ppn=0x1 sdid=3 be=false bypass=false\n"
                + "cache differences (expected = golden cache model):\n"
                + "  sync_ack while 2 invalidation(s) are still queued in the model\n"
                + "golden cache model after the difference:\n  leaf s0 w0 ...\n";
        assertEquals("sync_ack while 2 invalidation(s) are still queued in the model (mode smmpt43, request 9)",
                MismatchSummary.of(report));
        String longDiff = "x".repeat(400);
        String s = MismatchSummary.of("field differences (expected = golden model):\n  " + longDiff + "\n");
        assertEquals(MismatchSummary.MAX_DIFF + 4, s.length(), s);
        assertTrue(s.endsWith(" ..."), s);
    }
}
