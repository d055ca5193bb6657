package io.mttkit.gen.spmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The text rules of {@code EmittedTextTest} on the SPMP's lint corners: no line over 160 characters, no two
 * {@code assign}s with one right-hand side, no emitter fallback names; and the spec's names reach the Verilog
 * ({@code spmpcfg_<i>}, {@code spmpaddr_<i>}, {@code spmpen}).
 */
class SpmpEmittedTextTest {
    private static final Pattern ASSIGN = Pattern.compile("(?m)^\\s*assign\\s+(\\S+)\\s*=\\s*([^;]*);");
    private static final Pattern FALLBACK = Pattern.compile(
            "(?m)^\\s*(?:wire|reg)\\s+(?:\\[[^]]*]\\s*)?((?:cmp|mux|cat|bits|sum|diff|shifted|selected|not|reduced|value)"
                    + "(?:_\\d+)?);");

    static List<SpmpParams> corners() {
        return SpmpLintTest.configurations();
    }

    @ParameterizedTest
    @MethodSource("corners")
    void readableText(SpmpParams p) {
        Map<String, String> files = Hdl.emit(Hdl.elaborate(new SpmpChecker(p)), EmitOptions.withSourceComments());
        check(p.toString(), files);
        String text = files.get(SpmpChecker.MODULE_NAME + ".v");
        for (int i = 0; i < p.entryCount(); i++) {
            assertTrue(text.contains("reg  [9:0]  spmpcfg_" + i + ";"), "spmpcfg_" + i);
            assertTrue(text.contains(" spmpaddr_" + i + ";"), "spmpaddr_" + i);
        }
        assertEquals(p.sspmpenPresent(), text.contains(" spmpen;"), "spmpen register exactly with Sspmpen");
    }

    @ParameterizedTest
    @MethodSource("io.mttkit.gen.spmp.SpmpLintTest#composed")
    void readableComposedText(SpmpMptChecker top) {
        Map<String, String> files = Hdl.emit(Hdl.elaborate(top), EmitOptions.withSourceComments());
        check(top.definitionName(), files);
        String text = files.get(SpmpMptChecker.MODULE_NAME + ".v");
        for (SpmpMptChecker.State s : SpmpMptChecker.State.values()) {
            assertTrue(text.contains("SEQ_STATE_" + s.name()), "the sequencer's state " + s + " is a localparam");
        }
    }

    static void check(String what, Map<String, String> files) {
        List<String> problems = new ArrayList<>();
        files.forEach((file, text) -> {
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
        assertEquals(List.of(), problems, what);
    }
}
