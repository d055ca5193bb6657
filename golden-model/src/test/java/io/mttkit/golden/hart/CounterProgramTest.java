package io.mttkit.golden.hart;

import io.mttkit.golden.TableFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** programs/counters.c: a CSR write to minstret/mcycle (and the RV32 high halves) replaces that instruction's increment. */
class CounterProgramTest {
    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void counterWritesReplaceTheIncrement(int xlen) {
        RunResult r = HartRunner.run(Programs.elf("counters", xlen), HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9),
                RunOptions.defaults().withMaxInstructions(1_000_000));
        assertEquals(StopReason.EXIT, r.reason(), r.message() + "\n" + r.console());
        assertFalse(r.console().contains("FAIL"), r.console());
        assertEquals(0, r.exitCode(), r.console());
        long oks = r.console().lines().filter(l -> l.startsWith("ok ")).count();
        assertEquals(xlen == 32 ? 11 : 7, oks, r.console());
    }
}
