package io.mttkit.gen.spmp;

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

/** The SPMP configurations are registered, generate their modules, and refuse bad values with a message. */
class SpmpConfigurationsTest {
    @Test
    void registered() {
        assertTrue(Configurations.names().containsAll(List.of("spmp-rv64", "spmp-rv32", "spmp-alone-rv64",
                "spmp-alone-rv32")));
        String d = Configurations.describe("spmp-rv64");
        for (String key : List.of("entryCount", "granularity", "sspmpenPresent", "pipeline", "paw", "pmpLatency")) {
            assertTrue(d.contains(key), key + " in " + d);
        }
    }

    @Test
    void composedGeneratesTheSpmpTheMptCheckerAndTheTop(@TempDir Path out) {
        List<Path> files = Configurations.generate("spmp-rv64", Map.of("entryCount", "8"), out);
        List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("mtt_spmp.v", "mtt_checker.v", "mtt_spmp_checker.v")), names.toString());
        assertTrue(Files.exists(out.resolve("mtt_spmp_checker.v")));
    }

    @Test
    void badValuesNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.elaborate("spmp-alone-rv64", Map.of("entryCount", "65")));
        assertTrue(e.getMessage().contains("entryCount"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.elaborate("spmp-alone-rv32", Map.of("paw", "32", "granularity", "30")));
        assertTrue(e.getMessage().contains("granularity") && e.getMessage().contains("29"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.elaborate("spmp-rv64", Map.of("paw", "60")));
        assertTrue(e.getMessage().contains("34..56"), e.getMessage());
        assertEquals(56, SpmpParams.defaults(64).paw());
    }
}
