package io.mttkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.samples.ChainWalker;
import io.mttkit.hdl.samples.Counter;
import io.mttkit.hdl.samples.Fifo;
import io.mttkit.hdl.samples.RoundRobinArbiter;
import io.mttkit.hdl.samples.TreePlru;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of the emitted text (issue #11, "an emitter a reviewer enjoys"), on every module of the shipped
 * configurations, of the samples and of the checker's lint corners: no line longer than 160 characters, and
 * no two {@code assign}s of a module with the same right-hand side (a value computed twice is computed once
 * and read by name).
 */
class EmittedTextTest {
    private static final int LIMIT = 160;
    private static final Pattern ASSIGN = Pattern.compile("(?m)^\\s*assign\\s+(\\S+)\\s*=\\s*([^;]*);");

    /** A named design: where it comes from, and the files it emits. */
    record Emitted(String name, Map<String, String> files) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Emitted> shippedAndSamples() {
        List<Emitted> out = new ArrayList<>();
        for (ShippedRtl.Shipped s : ShippedRtl.EVERY) {
            out.add(new Emitted(s.name(), Hdl.emit(Configurations.elaborate(s.configuration(), s.settings()),
                    EmitOptions.plain())));
        }
        List<Supplier<Module>> samples = List.of(() -> new Counter(8), () -> new Fifo(8, 16), () -> new Fifo(33, 7),
                () -> new RoundRobinArbiter(4), () -> new RoundRobinArbiter(13), () -> new TreePlru(2),
                () -> new TreePlru(8), () -> new TreePlru(32), () -> new ChainWalker(16, 4));
        for (Supplier<Module> s : samples) {
            Module m = s.get();
            out.add(new Emitted(m.getClass().getSimpleName(), Hdl.emit(Hdl.elaborate(m), EmitOptions.plain())));
        }
        return out.stream();
    }

    static Stream<Emitted> everything() {
        List<Emitted> corners = new ArrayList<>();
        for (WalkerParams p : CheckerLintTest.configurations().toList()) {
            corners.add(new Emitted("walker " + p, Hdl.emit(Hdl.elaborate(new MttChecker(p)), EmitOptions.plain())));
        }
        CheckerLintTest.cachedConfigurations().forEach(a -> {
            WalkerParams p = (WalkerParams) a.get()[0];
            CacheShape shape = (CacheShape) a.get()[1];
            corners.add(new Emitted("cached " + p + " " + shape,
                    Hdl.emit(Hdl.elaborate(new MttChecker(p, shape)), EmitOptions.withSourceComments())));
        });
        return Stream.concat(shippedAndSamples(), corners.stream());
    }

    @ParameterizedTest
    @MethodSource("everything")
    void noLineIsLongerThan160Characters(Emitted d) {
        List<String> longLines = new ArrayList<>();
        d.files().forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].length() > LIMIT) {
                    longLines.add(file + ":" + (i + 1) + " (" + lines[i].length() + "): " + lines[i].substring(0, 80) + "...");
                }
            }
        });
        assertEquals(List.of(), longLines, "lines over " + LIMIT + " characters in " + d);
    }

    @ParameterizedTest
    @MethodSource("everything")
    void noTwoAssignsOfAModuleHaveTheSameRightHandSide(Emitted d) {
        List<String> duplicates = new ArrayList<>();
        d.files().forEach((file, text) -> {
            Map<String, String> firstTarget = new LinkedHashMap<>();
            Matcher m = ASSIGN.matcher(text);
            while (m.find()) {
                String rhs = m.group(2).replaceAll("\\s+", " ").trim();
                String prev = firstTarget.putIfAbsent(rhs, m.group(1));
                if (prev != null) {
                    duplicates.add(file + ": " + prev + " and " + m.group(1) + " = " + rhs);
                }
            }
        });
        assertEquals(List.of(), duplicates, "assigns with equal right-hand sides in " + d);
    }

    /**
     * The generators name what they emit: a shared value of the walker, cache or checker is a wire with a design
     * name ({@code wc_cover_mask_1}, {@code level0_entry_offset}), never the emitter's fallback ({@code mux_1},
     * {@code cat}); mutants and reviewers refer to lines by those names (docs/mutation.md).
     */
    @Test
    void everyWireOfTheGeneratorsHasADesignName() {
        Pattern fallback = Pattern.compile(
                "(?m)^\\s*(?:wire|reg)\\s+(?:\\[[^]]*]\\s*)?((?:cmp|mux|cat|bits|sum|diff|shifted|selected|not|reduced|value)(?:_\\d+)?);");
        List<String> found = new ArrayList<>();
        for (String config : Configurations.names()) {
            if (config.startsWith("sample-")) {
                continue; // the DSL's samples show the fallback names on purpose
            }
            Hdl.emit(Configurations.elaborate(config, Map.of()), EmitOptions.plain()).forEach((file, text) -> {
                Matcher m = fallback.matcher(text);
                while (m.find()) {
                    found.add(config + " " + file + ": " + m.group(1));
                }
            });
        }
        assertEquals(List.of(), found, "wires named by the emitter's fallback");
    }

    @Test
    void theCacheNegatesTheHitWayOnce() {
        String cache = shippedAndSamples().filter(e -> e.name().equals("rv64-smmpt")).findFirst().orElseThrow()
                .files().entrySet().stream().filter(f -> f.getKey().equals("mtt_cache.v")).findFirst()
                .orElseThrow().getValue();
        // one set of PLRU bits per set used to compute ~leaf_hit_way[0] afresh: 16 wires of the same value
        assertEquals(1, countMatches(cache, "(?m)^\\s*assign \\w+ = ~leaf_hit_way\\[0\\];"), cache);
        assertTrue(cache.contains("assign not_leaf_hit_way_0 = ~leaf_hit_way[0];"));
        assertTrue(!cache.contains("not_leaf_hit_way_0_1"));
        // the entries are arrays read at the probe's index; the per-set PLRU select is a case, not a
        // 3000-character multiplexer chain
        assertTrue(cache.contains("leaf_tuples[{lookup_set, leaf_hit_way}]"), cache);
        assertTrue(cache.contains("    case (walk_set)\n"), cache);
    }

    @Test
    void theWalkerSelectsTheTupleWithAnIndexedPartSelect() {
        String walker = shippedAndSamples().filter(e -> e.name().equals("rv64-smmpt")).findFirst().orElseThrow()
                .files().entrySet().stream().filter(f -> f.getKey().equals("mtt_walker.v")).findFirst()
                .orElseThrow().getValue();
        assertTrue(walker.contains("assign v09_tuple_xwr = mpte[8 + v09_pi*3 +: 3];"), walker);
        assertTrue(!walker.contains("!~"), walker);
        assertTrue(!walker.contains("== 1'b1"), walker);
    }

    private static int countMatches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
