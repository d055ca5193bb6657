package io.mttkit.hdl;

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

/** The configuration registry the CLI's {@code mtt gen} calls. */
class ConfigurationsTest {
    @Test
    void samplesAreRegistered() {
        // The samples come first, in this order; generator configurations follow them.
        assertEquals(List.of("sample-counter", "sample-fifo", "sample-arbiter", "sample-plru", "sample-fsm"),
                Configurations.names().subList(0, 5));
    }

    @Test
    void describeListsEveryParameterWithDefaultRangeAndDoc() {
        String d = Configurations.describe("sample-fifo");
        assertTrue(d.startsWith("sample-fifo: "), d);
        assertTrue(d.matches("(?s).*width +default 8 +1\\.\\.1024 +payload width in bits.*"), d);
        assertTrue(d.matches("(?s).*depth +default 16 +2\\.\\.4096 +number of entries.*"), d);
    }

    @Test
    void generateWritesOneFilePerModuleTopLastThenTheManifest(@TempDir Path out) throws Exception {
        List<Path> files = Configurations.generate("sample-fifo", Map.of("width", "12", "depth", "6"), out);
        assertEquals(List.of(out.resolve("Fifo_width12_depth6.v"), out.resolve("manifest.json")), files);
        assertTrue(Files.readString(files.get(0)).contains("\nmodule Fifo_width12_depth6 (\n"));
        // the manifest names the top, the sources and every parameter by name (never an ordinal)
        String manifest = Files.readString(files.get(1));
        assertTrue(manifest.contains("\"top\": \"Fifo_width12_depth6\"")
                && manifest.contains("\"sources\": [\"Fifo_width12_depth6.v\"]")
                && manifest.contains("\"width\": 12") && manifest.contains("\"depth\": 6"), manifest);
    }

    private static String failure(String config, Map<String, String> settings) {
        return assertThrows(IllegalArgumentException.class,
                () -> Configurations.resolve(config, settings)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' should mention '" + p + "'");
        }
    }

    @Test
    void unknownKeyNamesTheKeyTheAllowedKeysAndTheValue() {
        assertMentions(failure("sample-fifo", Map.of("widht", "8")), "'widht'", "'8'", "width (1..1024)", "depth (2..4096)");
    }

    @Test
    void unparsableValueNamesKeyRangeAndValue() {
        assertMentions(failure("sample-counter", Map.of("width", "eight")), "'width'", "'eight'", "not an integer", "1..64");
    }

    @Test
    void outOfRangeValueNamesKeyRangeAndValue() {
        assertMentions(failure("sample-fifo", Map.of("depth", "1")), "'depth'", "'1'", "out of range", "2..4096");
        assertMentions(failure("sample-plru", Map.of("ways", "6")), "'ways'", "'6'", "power of two in 2..64");
    }

    @Test
    void unknownConfigurationListsTheKnownOnes() {
        assertMentions(failure("sample-cpu", Map.of()), "'sample-cpu'", "sample-counter", "sample-fsm");
    }

    @Test
    void defaultsFillUnsetKeys() {
        assertEquals(Map.of("width", "16", "maxhops", "4"), Configurations.resolve("sample-fsm", Map.of()).settings());
    }
}
