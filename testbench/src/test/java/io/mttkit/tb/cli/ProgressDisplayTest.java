package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.MttMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            false);

    private String[] lines() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? new String[0] : s.split("\n");
    }

    @Test
    void aLogGetsOneLineEveryTenSecondsAndOneAtTheEnd() {
        display.update(100, 200, MttMode.SMMPT52);
        display.update(150, 200, MttMode.SMMPT52); // within the interval: not printed
        display.update(200, 200, MttMode.SMMPT52); // the end: printed
        String[] l = lines();
        assertEquals(2, l.length, String.join("\n", l));
        assertTrue(l[0].startsWith("progress: 100 / 200 checks (50%)"), l[0]);
        assertTrue(l[1].startsWith("progress: 200 / 200 checks (100%)"), l[1]);
        assertTrue(l[1].contains("ETA 0:00"), l[1]);
    }

    @Test
    void checksBeyondTheRequestedCountShowNoPercentageOrEta() {
        display.update(289_011, 200_000, MttMode.SMMPT52);
        display.update(289_500, 200_000, MttMode.SMMPT52); // within the interval: not printed, not every update
        String[] l = lines();
        assertEquals(1, l.length, String.join("\n", l));
        assertTrue(l[0].startsWith("progress: 289,011 checks (200,000 requested + the walk stimulus's)"), l[0]);
        assertFalse(l[0].contains("%") || l[0].contains("ETA"), l[0]);
    }
}
