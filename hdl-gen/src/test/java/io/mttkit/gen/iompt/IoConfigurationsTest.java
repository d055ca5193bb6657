package io.mttkit.gen.iompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.Configurations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code io-sdcl-rv64}/{@code io-sdcl-rv32} configurations behind {@code mtt gen}. */
class IoConfigurationsTest {
    @Test
    void registeredWithEveryParameterDescribed() {
        assertTrue(Configurations.names().containsAll(List.of("io-sdcl-rv64", "io-sdcl-rv32")));
        String d = Configurations.describe("io-sdcl-rv64");
        for (String line : List.of("ruleCount +default 16 +1\\.\\.256", "sdidCount +default 64 +1\\.\\.64",
                "iommuCount +default 0 +0\\.\\.256", "srcIdWidth +default 24 +1\\.\\.24", "teeFilter +default true",
                "statusCodes +default TABLE +TABLE\\|PROSE", "qosImplemented +default false",
                "mbe +default writable +little\\|big\\|writable", "bareSupported +default true",
                "paw +default 56 +32\\.\\.64")) {
            assertTrue(d.matches("(?s).*" + line + ".*"), line + " in\n" + d);
        }
        assertTrue(Configurations.describe("io-sdcl-rv32").matches("(?s).*paw +default 34 +32\\.\\.34.*"));
    }

    @Test
    void generatesTheFrontWithItsChildren(@TempDir Path out) throws Exception {
        List<Path> files = Configurations.generate("io-sdcl-rv64", Map.of("ruleCount", "4", "statusCodes", "PROSE"), out);
        assertEquals(List.of(out.resolve("mtt_io_regs.v"), out.resolve("mtt_io_sdcl.v"), out.resolve("mtt_io_front.v"),
                out.resolve("manifest.json")), files);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"ruleCount\": 4") && manifest.contains("\"statusCodes\": \"PROSE\""), manifest);
        assertTrue(Files.readString(out.resolve("mtt_io_sdcl.v")).contains("reg  [23:0] rule_src_id [0:3];"));
    }

    @Test
    void generatesTheCheckerTopWithItsChildren(@TempDir Path out) throws Exception {
        assertTrue(Configurations.names().containsAll(List.of("io-checker-rv64", "io-checker-rv32")));
        assertTrue(Configurations.describe("io-checker-rv64").matches("(?s).*pmpLatency.*"));
        List<Path> files = Configurations.generate("io-checker-rv64", Map.of("ruleCount", "4"), out);
        for (String m : List.of("mtt_io_regs", "mtt_io_sdcl", "mtt_io_front", "mtt_walker", "mtt_io_checker")) {
            assertTrue(files.contains(out.resolve(m + ".v")), m + " in " + files);
        }
        String top = Files.readString(out.resolve("mtt_io_checker.v"));
        assertTrue(top.contains("dma_valid") && top.contains("rsp_abort_reason") && top.contains("mrd_addr"), top);
        assertEquals(5, Configurations.generate("io-checker-rv32", Map.of(), out.resolve("rv32")).stream()
                .filter(f -> f.toString().endsWith(".v")).count());
    }

    @Test
    void theShippedConfigurationHasTheGoldenDefaultsAndTheCache(@TempDir Path out) throws Exception {
        String d = Configurations.describe("io-rv64-smmpt");
        for (String line : List.of("iommuCount +default 4 +0\\.\\.256", "qosImplemented +default true",
                "leafSets +default 16", "leafWays +default 4", "superpageEntries +default 8", "walkCacheEntries +default 4",
                "paw +default 56")) {
            assertTrue(d.matches("(?s).*" + line + ".*"), line + " in\n" + d);
        }
        assertTrue(Configurations.describe("io-checker-rv64").matches("(?s).*iommuCount +default 0 .*"),
                "the other configurations keep the generator's defaults");
        Configurations.generate("io-rv64-smmpt", Map.of("walkCacheEntries", "0", "iommuCount", "0"), out);
        String top = Files.readString(out.resolve("mtt_io_checker.v"));
        assertTrue(top.contains("u_cache") && top.contains("obs_inv_leaf") && !top.contains("obs_wc_hit")
                && !top.contains("rsp_iommu_id"), "no walk cache, no IOMMU port");
        String m = assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve("io-rv64-smmpt", Map.of("leafWays", "3"))).getMessage();
        assertTrue(m.contains("'leafWays'") && m.contains("power of two"), m);
    }

    @Test
    void outOfRangeValuesNameTheParameter() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve("io-sdcl-rv64", Map.of("ruleCount", "257"))).getMessage();
        assertTrue(m.contains("'ruleCount'") && m.contains("1..256"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve("io-sdcl-rv64", Map.of("mbe", "both"))).getMessage();
        assertTrue(m.contains("'mbe'") && m.contains("little|big|writable"), m);
    }
}
