package io.mttkit.tb.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bins defined, hit, serialised, merged and summarised. */
class CoverageDbTest {

    private static CoverageDb small(String config) {
        CoverageDb db = new CoverageDb(config);
        db.define("a", "x");
        db.define("a", "y");
        db.define("b", "z");
        return db;
    }

    @Test
    void definedBinsAreHolesUntilHit() {
        CoverageDb db = small("c");
        assertEquals(List.of("x", "y"), db.holes("a"));
        db.hit("a", "y");
        db.hit("a", "y");
        assertEquals(2, db.count("a", "y"));
        assertEquals(List.of("x"), db.holes("a"));
        assertEquals(1, db.hitBins("a"));
        assertEquals(0.5, db.ratio("a"));
        String s = db.summary(10);
        assertTrue(s.contains("hole: x") && !s.contains("hole: y") && s.contains("hole: z"), s);
    }

    @Test
    void hittingAnUndefinedBinIsAnError() {
        CoverageDb db = small("c");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.hit("a", "nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("'a'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> db.hit("nogroup", "x"));
    }

    @Test
    void jsonRoundTripKeepsBinsAndCounts(@TempDir Path dir) throws Exception {
        CoverageDb db = small("c");
        db.hit("a", "x");
        db.hit("b", "z");
        db.hit("b", "z");
        Path f = dir.resolve("cov.json");
        db.write(f);
        CoverageDb back = CoverageDb.read(f);
        assertEquals("c", back.configuration());
        assertEquals(db.groups(), back.groups());
        assertEquals(db.bins("a"), back.bins("a"));
        assertEquals(1, back.count("a", "x"));
        assertEquals(0, back.count("a", "y"));
        assertEquals(2, back.count("b", "z"));
        assertEquals(db.toJson(), back.toJson());
    }

    @Test
    void mergeAddsCounts() {
        CoverageDb one = small("c");
        CoverageDb two = small("c");
        one.hit("a", "x");
        two.hit("a", "x");
        two.hit("b", "z");
        one.merge(two);
        assertEquals(2, one.count("a", "x"));
        assertEquals(0, one.count("a", "y"));
        assertEquals(1, one.count("b", "z"));
    }

    @Test
    void mergeRefusesDifferentDefinitions() {
        CoverageDb one = small("c");
        CoverageDb extraBin = small("c");
        extraBin.define("a", "w");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.merge(extraBin));
        assertTrue(e.getMessage().contains("group 'a'"), e.getMessage());
        CoverageDb extraGroup = small("c");
        extraGroup.define("cache", "hit");
        assertThrows(IllegalArgumentException.class, () -> one.merge(extraGroup));
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> one.merge(small("other")));
        assertTrue(c.getMessage().contains("other"), c.getMessage());
        assertEquals(0, one.count("a", "x"), "a refused merge changes nothing");
    }

    @Test
    void mergeFilesSumsShardsAndNamesTheOddOne(@TempDir Path dir) throws Exception {
        CoverageDb a = small("c");
        a.hit("a", "x");
        CoverageDb b = small("c");
        b.hit("a", "x");
        b.hit("a", "y");
        a.write(dir.resolve("a.json"));
        b.write(dir.resolve("b.json"));
        CoverageDb sum = CoverageDb.mergeFiles(List.of(dir.resolve("a.json"), dir.resolve("b.json")));
        assertEquals(2, sum.count("a", "x"));
        assertEquals(1, sum.count("a", "y"));
        small("other").write(dir.resolve("o.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoverageDb.mergeFiles(List.of(dir.resolve("a.json"), dir.resolve("o.json"))));
        assertTrue(e.getMessage().startsWith(dir.resolve("o.json").toString()), e.getMessage());
    }

    @Test
    void badFilesAreClearErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{ not json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoverageDb.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("not valid JSON"), e.getMessage());
        Files.writeString(f, "{\"format\":\"something-else\"}");
        e = assertThrows(IllegalArgumentException.class, () -> CoverageDb.read(f));
        assertTrue(e.getMessage().contains("not a coverage database"), e.getMessage());
        Files.writeString(f, "{\"format\":\"mttkit-coverage\",\"version\":99,\"configuration\":\"c\",\"groups\":{}}");
        e = assertThrows(IllegalArgumentException.class, () -> CoverageDb.read(f));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
        Files.writeString(f, "{\"format\":\"mttkit-coverage\",\"version\":1,\"configuration\":\"c\","
                + "\"groups\":{\"a\":{\"x\":-3}}}");
        e = assertThrows(IllegalArgumentException.class, () -> CoverageDb.read(f));
        assertTrue(e.getMessage().contains("bin 'x'"), e.getMessage());
    }
}
