package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end {@code mtt audit}: tables written by {@code mtt tables} from the right and from wrong region lists,
 * audited against what the firmware meant (overlapping regions, later wins). The expected ranges follow from the
 * region lists.
 */
class AuditCommandTest {
    @TempDir
    Path dir;

    private Path intended;

    @BeforeEach
    void regions() throws IOException {
        intended = dir.resolve("intended.json");
        Files.writeString(intended, """
                [ {"base": "0x80000000",  "size": "0x40000000", "xwr": "rwx", "name": "RAM"},
                  {"base": "0x80000000",  "size": "0x200000",   "xwr": "",    "name": "firmware"},
                  {"base": "0x100200000", "size": "0x200000",   "xwr": "rwx", "name": "buffer"},
                  {"base": "0x100205000", "size": "0x1000",     "xwr": "",    "name": "guard page"} ]
                """);
    }

    private Path tables(String mode, String regionsJson) throws IOException {
        Path regions = Files.writeString(dir.resolve(mode + "-" + Math.abs(regionsJson.hashCode()) + ".json"), regionsJson);
        Path image = dir.resolve(regions.getFileName() + ".bin");
        CliRunner r = CliRunner.run("tables", "--regions", regions.toString(), "--mode", mode, "--base", "0x40000000",
                "--out", image.toString());
        assertEquals(0, r.exit(), r.err());
        return image;
    }

    private static final String RIGHT = """
            [ {"base": "0x80200000",  "size": "0x3fe00000", "xwr": "rwx"},
              {"base": "0x100200000", "size": "0x5000",     "xwr": "rwx"},
              {"base": "0x100206000", "size": "0x1fa000",   "xwr": "rwx"} ]
            """;
    /** The guard page rewrote its whole 2 MiB leaf, and the firmware is readable and executable. */
    private static final String WRONG = """
            [ {"base": "0x80200000",  "size": "0x3fe00000", "xwr": "rwx"},
              {"base": "0x80000000",  "size": "0x200000",   "xwr": "rx"},
              {"base": "0x100200000", "size": "0x200000",   "xwr": ""} ]
            """;

    private CliRunner audit(String mode, Path image, String... more) {
        String[] base = {"audit", "--image", image + "@0x40000000", "--mode", mode, "--root-ppn", "0x40000",
                "--regions", intended.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRunner.run(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smmpt43", "smmtt34"})
    void theRightTableIsClean(String mode) throws IOException {
        CliRunner r = audit(mode, tables(mode, RIGHT));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("OK: the table grants exactly what the regions intend"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"smmpt43", "smmtt34"})
    void theWrongTableShowsEachBrokenRange(String mode) throws IOException {
        Path json = dir.resolve("audit-" + mode + ".json");
        CliRunner r = audit(mode, tables(mode, WRONG), "--json", json.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("3 differences, 1023 pages (4 KiB) differ"), r.out());
        assertTrue(r.out().matches("(?s).*\\[0x80000000, 0x801fffff\\] +none +rx +0x4.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\[0x100200000, 0x100204fff\\] +rwx +none +0x4.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\[0x100206000, 0x1003fffff\\] +rwx +none +0x4.*"), r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertFalse(j.get("equal").asBoolean());
        assertEquals(3, j.get("differences_total").asInt());
        assertEquals("0x80000000", j.get("differences").get(0).get("first").asText());
        assertEquals("rx", j.get("differences").get(0).get("actual").asText());
        // The entry named is the one a check of that address reads last.
        CliRunner check = CliRunner.run("check", "--image", dir.resolve(mode + "-" + Math.abs(WRONG.hashCode())
                + ".json.bin") + "@0x40000000", "--mode", mode, "--root-ppn", "0x40000", "--pa", "0x80000000");
        JsonNode reads = new ObjectMapper().readTree(check.out()).get("reads");
        assertEquals(j.get("differences").get(0).get("entry").asText(), reads.get(reads.size() - 1).asText());
    }

    @Test
    void badInputIsExitTwoWithWhatToDo() throws IOException {
        Path image = tables("smmpt43", RIGHT);
        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"base\": \"0x80000800\", \"size\": \"0x1000\", \"xwr\": \"rw\"}]");
        CliRunner r = CliRunner.run("audit", "--image", image + "@0x40000000", "--mode", "smmpt43", "--root-ppn",
                "0x40000", "--regions", bad.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("bad.json: region 0 field 'base'"), r.err());

        Path wOnly = Files.writeString(dir.resolve("w.json"), "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"w\"}]");
        r = CliRunner.run("audit", "--image", image + "@0x40000000", "--mode", "smmpt43", "--root-ppn", "0x40000",
                "--regions", wOnly.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("region 0 field 'xwr'"), r.err());

        r = CliRunner.run("audit", "--image", image + "@0x40000000", "--mode", "smmpt43", "--root-ppn", "0x50000",
                "--regions", intended.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is not inside any --image"), r.err());

        r = CliRunner.run("audit", "--image", image + "@0x40000000", "--mode", "smmpt43", "--root-ppn", "0x40000",
                "--regions", intended.toString(), "--json", intended.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("would destroy the input"), r.err());

        r = CliRunner.run("audit", "--image", image + "@0x40000000", "--mode", "bare", "--root-ppn", "0x40000",
                "--regions", intended.toString());
        assertEquals(2, r.exit());
        assertTrue(r.noStackTrace(), r.err());
    }
}
