package io.mttkit.hdl.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}: a difference fails with the first differing line;
 * {@code -Dmttkit.updateGolden=true} rewrites them instead (review the diff before committing).
 */
public final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    /** Compares {@code actual} with golden file {@code name}, or rewrites it in update mode. */
    public static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("mttkit.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; run with -Dmttkit.updateGolden=true to create it, then review it");
        }
        String expected = Files.readString(file);
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                fail(file + " differs at line " + (i + 1) + ":\n  golden:  " + el + "\n  emitted: " + al
                        + "\n(if the change is intended, rerun with -Dmttkit.updateGolden=true and review the diff)");
            }
        }
    }
}
