package io.mttkit.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Designs shipped with the bridge for its own tests, the benchmark and bring-up before the generated
 * checker exists. They live in {@code src/main/resources} (not test resources) because {@code mtt bench
 * cosim} runs them from the sim-bridge jar.
 */
public final class TestDesigns {
    /** Top of the small port-contract-v1 test design (see docs/bridge.md, "Test design"). */
    public static final String TINY_CHECKER_TOP = "mttb_tiny_checker";
    /** PA that makes the tiny checker execute {@code $fatal} when a check for it is accepted. */
    public static final long TINY_CHECKER_FATAL_PA = 0xFA7A_1000_0000_0000L;
    /** Physical address width of the tiny checker's default parameters. */
    public static final int TINY_CHECKER_PAW = 56;
    /** Top of the test design with several memory reads in flight (ABI 4 out-of-order responses). */
    public static final String BURST_READER_TOP = "mttb_burst_reader";
    /** Generic-layer sample: a counter with a 100-bit pass-through register. */
    public static final String WIDE_COUNTER_TOP = "mttb_wide_counter";

    private TestDesigns() {
    }

    /** The tiny checker as a file in {@code dir} (written when missing or different). */
    public static Path tinyChecker(Path dir) {
        return extract(dir, "mttb_tiny_checker.v");
    }

    /** Build spec of the burst reader (4 reads in flight per check, tags 0..3), sources under the cache's {@code rtl/}. */
    public static BuildSpec burstReaderSpec(BuildCache cache, Variant variant) {
        return BuildSpec.checker(List.of(extract(cache.dir().resolve("rtl"), "mttb_burst_reader.v")), BURST_READER_TOP,
                variant);
    }

    /** The wide counter sample as a file in {@code dir}. */
    public static Path wideCounter(Path dir) {
        return extract(dir, "mttb_wide_counter.v");
    }

    /** Build spec of the tiny checker in the given variant, sources under the cache's {@code rtl/} folder. */
    public static BuildSpec tinyCheckerSpec(BuildCache cache, Variant variant) {
        return BuildSpec.checker(List.of(tinyChecker(cache.dir().resolve("rtl"))), TINY_CHECKER_TOP, variant);
    }

    private static Path extract(Path dir, String name) {
        String text = BuildDriver.resource("/io/mttkit/bridge/rtl/" + name);
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(text)) {
                Path tmp = Files.createTempFile(dir, name, ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into " + dir, e);
        }
    }
}
