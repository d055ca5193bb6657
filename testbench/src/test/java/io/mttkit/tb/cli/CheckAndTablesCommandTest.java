package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: {@code mtt tables} builds an image from regions, {@code mtt check} answers queries on it; the
 * expected answers come from the regions, not from the implementation.
 */
class CheckAndTablesCommandTest {
    @TempDir
    Path dir;

    private Path regions;
    private Path image;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void buildTables() throws IOException {
        regions = dir.resolve("regions.json");
        Files.writeString(regions, """
                [ {"base": "0xc0000000", "size": "0x40000000", "xwr": "rw"},
                  {"base": "0xb0000000", "size": "0x200000",   "xwr": "rx"},
                  {"base": "0xb8000000", "size": "0x1000",     "xwr": "r"} ]
                """);
        image = dir.resolve("t.bin");
        CliRunner r = CliRunner.run("tables", "--regions", regions.toString(), "--format", "smmpt-v0.9",
                "--mode", "smmpt43", "--base", "0x80400000", "--out", image.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("root PPN 0x80400"), r.out());
        assertTrue(r.out().contains("leaf kinds:"), r.out());
        assertTrue(Files.size(image) > 0 && Files.size(image) % 4096 == 0);
    }

    @Test
    void singleQueryAnswersFromTheRegionPermissions() throws IOException {
        JsonNode a = query("--pa", "0xb0001010", "--need", "rx");
        assertTrue(a.get("allow").asBoolean());
        assertEquals("rx", a.get("xwr").asText());
        assertEquals("NONE", a.get("cause").asText());
        // A store to the read-only page is denied with the page's XWR reported.
        JsonNode b = query("--pa", "0xb8000ff8", "--need", "w");
        assertEquals(false, b.get("allow").asBoolean());
        assertEquals("PERM_DENY", b.get("cause").asText());
        assertEquals("r", b.get("xwr").asText());
        // The page after the 4 KiB region belongs to no region: denied, whether by an invalid entry (no
        // leaf, xwr null) or by a no-access tuple of the leaf that holds the region's page (xwr "").
        JsonNode c = query("--pa", "0xb8001000", "--need", "r");
        assertEquals(false, c.get("allow").asBoolean());
        assertTrue(c.get("xwr").isNull() || c.get("xwr").asText().isEmpty(), c.toString());
        // Smmpt43 faults on PA bit 43 with no memory read (VERIFICATION-PLAN §4 #1).
        JsonNode d = query("--pa", "0x80000000000", "--need", "r");
        assertEquals("PA_RANGE", d.get("cause").asText());
        assertEquals(0, d.get("reads").size());
    }

    @Test
    void firstReadIsTheRootEntryOfThePa() throws IOException {
        // Smmpt43 root index pn[2] = PA[42:34]; 0xc0000000 has pn[2] = 0, so the first read is the root's entry 0.
        JsonNode a = query("--pa", "0xc0000000", "--need", "r");
        assertEquals("0x80400000", a.get("reads").get(0).asText());
    }

    @Test
    void batchKeepsOrderReportsBadLinesAndExitsTwo() throws IOException {
        Path batch = dir.resolve("q.jsonl");
        Files.write(batch, List.of(
                "{\"format\": \"smmpt-v0.9\", \"mode\": \"smmpt43\", \"root_ppn\": \"0x80400\", \"sdid\": 3, \"pa\": \"0xc0001234\", \"need\": \"rw\"}",
                "{\"mode\": \"smmpt43\", \"root_ppn\": \"0x80400\", \"pa\": \"zz\"}",
                "not json",
                "{\"mode\": \"smmpt43\", \"root_ppn\": 525312, \"pa\": 3221229568, \"need\": \"x\"}",
                "{\"mode\": \"smmtt46\", \"format\": \"smmpt-v0.9\", \"root_ppn\": 1, \"pa\": 1}",
                "{\"mode\": \"smmpt43\", \"root_ppn\": \"0x80400\", \"pa\": 1, \"need\": \"rq\"}"));
        CliRunner r = CliRunner.run("check", "--image", image + "@0x80400000", "--batch", batch.toString());
        assertEquals(2, r.exit());
        String[] lines = r.out().strip().split("\n");
        assertEquals(6, lines.length, r.out());
        assertTrue(json.readTree(lines[0]).get("allow").asBoolean());
        assertEquals(2, json.readTree(lines[1]).get("line").asInt());
        assertTrue(json.readTree(lines[1]).get("error").asText().contains("field 'pa'"));
        assertTrue(json.readTree(lines[2]).get("error").asText().contains("invalid JSON"));
        // 525312 = 0x80400, 3221229568 = 0xc0001000: integers work too; the rw region has no X.
        assertEquals("PERM_DENY", json.readTree(lines[3]).get("cause").asText());
        assertTrue(json.readTree(lines[4]).get("error").asText().contains("belongs to format smmtt-v0.1"));
        assertTrue(json.readTree(lines[5]).get("error").asText().contains("field 'need'"));
        assertTrue(r.noStackTrace());
    }

    @Test
    void tablesRefusesWhatTheFormatCannotExpress() throws IOException {
        CliRunner r = CliRunner.run("tables", "--regions", regions.toString(), "--mode", "smmtt46",
                "--base", "0x80400000", "--out", dir.resolve("v01.bin").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("0xb8000000"), r.err());
        assertTrue(Files.notExists(dir.resolve("v01.bin")), "no partial image may be written");
        assertTrue(r.noStackTrace());
    }

    private JsonNode query(String... more) throws IOException {
        String[] base = {"check", "--image", image + "@0x80400000", "--mode", "smmpt43", "--root-ppn", "0x80400"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exit(), r.err());
        return json.readTree(r.out());
    }
}
