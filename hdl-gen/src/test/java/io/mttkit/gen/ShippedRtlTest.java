package io.mttkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Verilog checked in under {@code rtl/} must be what the generators produce today. */
class ShippedRtlTest {

    private static Path repoRoot() {
        String root = System.getProperty("mttkit.repo.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    @Test
    void checkedInRtlIsUpToDate() {
        Path rtl = repoRoot().resolve("rtl");
        List<String> diffs = ShippedRtl.differences(rtl);
        assertTrue(diffs.isEmpty(), "rtl/ is stale; regenerate it with ./mtt gen --shipped and commit the result:\n  "
                + String.join("\n  ", diffs));
    }

    @Test
    void staleOrMissingFilesAreNamed(@TempDir Path dir) throws Exception {
        ShippedRtl.write(dir);
        assertTrue(ShippedRtl.differences(dir).isEmpty());
        Path manifest = dir.resolve("rv64-smmpt/checker.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"paw\": 56", "\"paw\": 48"));
        Files.delete(dir.resolve("rv32-smmtt/checker.json"));
        Files.writeString(dir.resolve("rv32-smmpt/extra.v"), "module extra; endmodule\n");
        List<String> diffs = ShippedRtl.differences(dir);
        assertEquals(3, diffs.size(), diffs.toString());
        assertTrue(diffs.get(0).startsWith("stale: ") && diffs.get(0).endsWith("checker.json"), diffs.toString());
        assertTrue(diffs.stream().anyMatch(d -> d.startsWith("missing: ")), diffs.toString());
        assertTrue(diffs.stream().anyMatch(d -> d.startsWith("not generated any more: ")), diffs.toString());
    }

    @Test
    void theIoCheckerFolderIsCheckedToo(@TempDir Path dir) throws Exception {
        ShippedRtl.write(dir);
        assertTrue(Files.isRegularFile(dir.resolve("io-rv64-smmpt/manifest.json")));
        assertTrue(ShippedRtl.ALL.stream().noneMatch(s -> s.name().startsWith("io-")), "ALL means the hart-side ones");
        Path top = dir.resolve("io-rv64-smmpt/mtt_io_checker.v");
        Files.writeString(top, Files.readString(top).replace("obs_inv_leaf", "obs_inv_leaves"));
        assertEquals(List.of("stale: " + top), ShippedRtl.differences(dir));
        String manifest = Files.readString(dir.resolve("io-rv64-smmpt/manifest.json"));
        for (String kv : List.of("\"configuration\": \"io-rv64-smmpt\"", "\"iommuCount\": 4", "\"qosImplemented\": true",
                "\"leafSets\": 16", "\"walkCacheEntries\": 4", "\"mbe\": \"writable\"", "\"mtt_io_checker.v\": \"sha256:")) {
            assertTrue(manifest.contains(kv), kv + " in\n" + manifest);
        }
    }
}
