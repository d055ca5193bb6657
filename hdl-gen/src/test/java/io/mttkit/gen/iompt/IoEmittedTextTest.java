package io.mttkit.gen.iompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text rules of {@code EmittedTextTest} on the I/O checker's lint corners (256 rules and 64 SDIDs included):
 * no line over 160 characters, no two {@code assign}s with one right-hand side, no emitter fallback names.
 */
class IoEmittedTextTest {
    private static final Pattern ASSIGN = Pattern.compile("(?m)^\\s*assign\\s+(\\S+)\\s*=\\s*([^;]*);");
    private static final Pattern FALLBACK = Pattern.compile(
            "(?m)^\\s*(?:wire|reg)\\s+(?:\\[[^]]*]\\s*)?((?:cmp|mux|cat|bits|sum|diff|shifted|selected|not|reduced|value)"
                    + "(?:_\\d+)?);");

    static List<IoMptParams> corners() {
        return IoMptLintTest.all();
    }

    @ParameterizedTest
    @MethodSource("corners")
    void readableText(IoMptParams p) {
        check(p, new IoMptFront(p));
    }

    @ParameterizedTest
    @MethodSource("corners")
    void readableCheckerText(IoMptParams p) {
        check(p, new IoMptChecker(p));
    }

    @ParameterizedTest
    @MethodSource("io.mttkit.gen.iompt.IoMptLintTest#cachedConfigurations")
    void readableCachedCheckerText(IoMptParams p, io.mttkit.gen.cache.CacheShape shape) {
        check(p, new IoMptChecker(p, shape));
    }

    private static void check(IoMptParams p, io.mttkit.hdl.Module top) {
        List<String> problems = new ArrayList<>();
        Hdl.emit(Hdl.elaborate(top), EmitOptions.withSourceComments()).forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].length() > 160) {
                    problems.add(file + ":" + (i + 1) + " is " + lines[i].length() + " characters");
                }
            }
            Map<String, String> first = new LinkedHashMap<>();
            Matcher m = ASSIGN.matcher(text);
            while (m.find()) {
                String prev = first.putIfAbsent(m.group(2).replaceAll("\\s+", " ").trim(), m.group(1));
                if (prev != null) {
                    problems.add(file + ": " + prev + " and " + m.group(1) + " have one right-hand side");
                }
            }
            Matcher f = FALLBACK.matcher(text);
            while (f.find()) {
                problems.add(file + ": fallback name " + f.group(1));
            }
        });
        assertEquals(List.of(), problems, p.toString());
    }
}
