package io.mttkit.tb.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code checker.json} schema read from hand-written manifests (no generator, no Verilator): every field, the
 * optional cache and generator blocks, and each kind of mistake refused with the file, the field and what to do.
 */
class CheckerManifestTest {
    @TempDir
    Path dir;

    private static final String GENERATED = """
            {
              "top": "mtt_checker",
              "sources": ["mtt_walker.v", "mtt_cache.v", "mtt_checker.v"],
              "xlen": 64,
              "formats": "smmpt-v0.9",
              "paw": 56, "sdidLen": 6, "idWidth": 8,
              "rsvdTupleScope": "ANY",
              "v01OneGigAsOneGiB": false, "bigEndianSupport": true, "pmpLatency": 1,
              "cache": { "leafSets": 16, "leafWays": 4, "superpageEntries": 8, "walkCacheEntries": 4,
                         "minvalQueueDepth": 4, "paFenceDropsWalkCache": true },
              "generator": { "name": "rv64-smmpt", "configuration": "checker-rv64", "version": "0.2.0",
                             "summary": "RV64, smmpt-v0.9 (the default)",
                             "parameters": { "formats": "smmpt-v0.9", "paw": 56, "bigEndianSupport": true },
                             "configurationHash": "f1ce9f5ce73e",
                             "files": { "mtt_walker.v": "sha256:aa", "mtt_cache.v": "sha256:bb", "mtt_checker.v": "sha256:cc" },
                             "contentHash": "sha256:dd" }
            }
            """;

    private static final String OWN = """
            {
              "top": "my_checker", "sources": ["rtl/my_checker.v"],
              "xlen": 32, "formats": "both", "paw": 34, "sdidLen": 0, "idWidth": 4,
              "rsvdTupleScope": "selected", "v01OneGigAsOneGiB": true, "bigEndianSupport": false, "pmpLatency": 2
            }
            """;

    private CheckerDescription read(String json) throws Exception {
        Files.writeString(dir.resolve(CheckerManifest.FILE), json);
        for (String s : List.of("mtt_walker.v", "mtt_cache.v", "mtt_checker.v", "rtl/my_checker.v")) {
            Files.createDirectories(dir.resolve(s).getParent());
            Files.writeString(dir.resolve(s), "module m; endmodule\n");
        }
        return CheckerManifest.read(dir);
    }

    private String refused(String json) throws Exception {
        String msg = assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
        assertTrue(msg.startsWith(dir.resolve(CheckerManifest.FILE).toString()), "names the file: " + msg);
        return msg;
    }

    @Test
    void aGeneratedManifestIsReadWithItsCacheAndProvenance() throws Exception {
        CheckerDescription d = read(GENERATED);
        assertEquals("mtt_checker", d.top());
        assertEquals(List.of(dir.resolve("mtt_walker.v"), dir.resolve("mtt_cache.v"), dir.resolve("mtt_checker.v")),
                d.sources());
        assertEquals(CheckerDescription.Formats.SMMPT_V0_9, d.formats());
        assertEquals(List.of(MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64), d.modes());
        assertEquals(new CheckerDescription.Cache(16, 4, 8, 4, 4, true), d.cache());
        assertEquals(56, d.lookupConfig().paw());
        assertEquals(4, d.cacheParams().leafWays());
        CheckerDescription.Provenance g = d.generator();
        assertEquals("rv64-smmpt", g.name());
        assertEquals("checker-rv64", g.configuration());
        assertEquals(Map.of("formats", "smmpt-v0.9", "paw", "56", "bigEndianSupport", "true"), g.settings());
        assertEquals("sha256:cc", g.files().get("mtt_checker.v"));
        // written back and read again: the same description
        CheckerManifest.write(dir, d);
        assertEquals(d, CheckerManifest.read(dir));
    }

    @Test
    void aBringYourOwnManifestNeedsNoCacheNorGenerator() throws Exception {
        CheckerDescription d = read(OWN);
        assertEquals(List.of(dir.resolve("rtl/my_checker.v")), d.sources());
        assertEquals(RsvdTupleScope.SELECTED, d.rsvdTupleScope());
        assertNull(d.cache());
        assertNull(d.generator());
        assertEquals(34, d.paWidth());
        assertEquals(1, d.sdidPortWidth());
        assertEquals(List.of(MttMode.SMMTT34, MttMode.SMMPT34), d.modes());
        assertThrows(IllegalStateException.class, d::cacheParams);
    }

    @Test
    void oldFormatSpellingsSayWhichNewOneToUse() throws Exception {
        for (String[] old : new String[][] {{"V01", "smmtt-v0.1"}, {"V09", "smmpt-v0.9"}, {"BOTH", "both"}}) {
            String msg = refused(OWN.replace("\"both\"", "\"" + old[0] + "\""));
            assertTrue(msg.contains("field 'formats'") && msg.contains("old spelling")
                    && msg.contains("write \"" + old[1] + "\""), msg);
        }
        String msg = refused(OWN.replace("\"both\"", "\"smmpt\""));
        assertTrue(msg.contains("field 'formats' must be one of [smmtt-v0.1, smmpt-v0.9, both]"), msg);
    }

    @Test
    void unknownFieldsAreRefusedEverywhere() throws Exception {
        String msg = refused(OWN.replace("\"xlen\"", "\"xlenn\": 1, \"xlen\""));
        assertTrue(msg.contains("unknown field 'xlenn'") && msg.contains("remove it or fix its spelling"), msg);
        msg = refused(GENERATED.replace("\"leafSets\"", "\"sets\": 2, \"leafSets\""));
        assertTrue(msg.contains("unknown field 'cache.sets'"), msg);
        msg = refused(GENERATED.replace("\"contentHash\"", "\"contentHashes\": 1, \"contentHash\""));
        assertTrue(msg.contains("unknown field 'generator.contentHashes'"), msg);
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        String msg = refused(OWN.replace("\"paw\": 34", "\"paw\": 34, \"paw\": 33"));
        assertTrue(msg.contains("duplicate field 'paw'") && msg.contains("keep one of them"), msg);
        msg = refused(GENERATED.replace("\"leafWays\": 4", "\"leafWays\": 4, \"leafWays\": 2"));
        assertTrue(msg.contains("duplicate field 'leafWays'"), msg);
    }

    @Test
    void missingAndOutOfRangeFieldsAreNamed() throws Exception {
        String msg = refused(OWN.replace("\"pmpLatency\": 2", "\"pmpLatency\": 9"));
        assertTrue(msg.contains("field 'pmpLatency' must be in 1..4") && msg.contains("got 9"), msg);
        msg = refused(OWN.replace("\"idWidth\": 4,", ""));
        assertTrue(msg.contains("missing field 'idWidth'") && msg.contains("add it"), msg);
        msg = refused(GENERATED.replace("\"walkCacheEntries\": 4", "\"walkCacheEntries\": 3"));
        assertTrue(msg.contains("field 'cache.walkCacheEntries' must be a power of two"), msg);
        msg = refused(GENERATED.replace("\"configuration\": \"checker-rv64\",", ""));
        assertTrue(msg.contains("missing field 'generator.configuration'"), msg);
        msg = refused(OWN.replace("\"rtl/my_checker.v\"", "\"rtl/absent.v\""));
        assertTrue(msg.contains("field 'sources'") && msg.contains("absent.v does not exist"), msg);
        msg = refused("[1, 2]");
        assertTrue(msg.contains("must be a JSON object"), msg);
        msg = refused("{ \"top\": ");
        assertTrue(msg.contains("not valid JSON"), msg);
    }

    @Test
    void severalWalksInFlightAreReadAndWrittenOnlyWhenNotTheDefault() throws Exception {
        CheckerDescription blocking = read(GENERATED);
        assertEquals(1, blocking.walksInFlight());
        assertEquals(ResponseOrder.IN_ORDER, blocking.responseOrder());
        assertTrue(!blocking.nonBlocking() && !blocking.label().contains("walksInFlight"), blocking.label());
        String v4 = GENERATED.replace("\"generator\":", "\"walksInFlight\": 4, \"responseOrder\": \"BY_ID\", \"generator\":");
        CheckerDescription d = read(v4);
        assertEquals(4, d.walksInFlight());
        assertEquals(ResponseOrder.BY_ID, d.responseOrder());
        assertTrue(d.nonBlocking() && d.label().contains(" walksInFlight=4 responseOrder=BY_ID "), d.label());
        assertTrue(!d.sameDevice(blocking));
        CheckerManifest.write(dir, d);
        assertEquals(d, CheckerManifest.read(dir));
        CheckerManifest.write(dir, blocking);
        assertTrue(!Files.readString(dir.resolve(CheckerManifest.FILE)).contains("walksInFlight"),
                "a v2 manifest is written as before");
        // each is optional on its own (the generator leaves out the one at its default)
        assertEquals(ResponseOrder.IN_ORDER,
                read(GENERATED.replace("\"generator\":", "\"walksInFlight\": 2, \"generator\":")).responseOrder());
        String msg = refused(v4.replace("\"walksInFlight\": 4", "\"walksInFlight\": 9"));
        assertTrue(msg.contains("field 'walksInFlight' must be in 1..8") && msg.contains("got 9"), msg);
        msg = refused(v4.replace("\"BY_ID\"", "\"by_id\""));
        assertTrue(msg.contains("field 'responseOrder' must be IN_ORDER or BY_ID"), msg);
        msg = refused(v4.replace("\"walksInFlight\": 4", "\"walksInFlight\": \"4\""));
        assertTrue(msg.contains("field 'walksInFlight' must be an integer"), msg);
        msg = refused(OWN.replace("\"pmpLatency\": 2", "\"pmpLatency\": 2, \"walksInFlight\": 2"));
        assertTrue(msg.contains("must be 1 for a cache-less checker"), msg);
    }
}
