package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model never crashes on a program: seeded random instruction words (biased towards the implemented
 * opcodes) executed at every privilege, with paging and the MTT on, only ever retire or trap.
 */
class RobustnessTest {
    private static final int[] OPCODES = {0x37, 0x17, 0x6F, 0x67, 0x63, 0x03, 0x23, 0x13, 0x1B, 0x33, 0x3B, 0x0F,
        0x2F, 0x73};

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void randomInstructionsOnlyRetireOrTrap(int xlen) {
        Random rnd = new Random(0x5EED + xlen);
        TableFormat fmt = xlen == 32 ? TableFormat.SMMTT_V0_1 : TableFormat.SMMPT_V0_9;
        long steps = 0;
        long traps = 0;
        for (int round = 0; round < 200; round++) {
            Hart h = TestHarts.hart(HartConfig.defaults(xlen, fmt));
            TestHarts.openPmp(h);
            h.mtvec = TestHarts.RAM + 0x8000;
            h.stvec = TestHarts.RAM + 0x9000;
            if (xlen == 64) {
                TestHarts.mtt(h, MttMode.SMMPT43, List.of(new Region(TestHarts.RAM, 0x40000, rnd.nextInt(8) == 2
                        ? 3 : 7)));
                h.satp = rnd.nextBoolean() ? 0 : (8L << 60) | ((TestHarts.RAM + 0x70000) >>> 12);
            }
            h.priv = new int[] {Priv.U, Priv.S, Priv.M}[rnd.nextInt(3)];
            h.mstatus |= rnd.nextBoolean() ? Hart.MPRV : 0;
            for (int k = 0; k < 31; k++) {
                h.setReg(k + 1, rnd.nextInt(4) == 0 ? TestHarts.RAM + rnd.nextInt(0x100000) : rnd.nextLong());
            }
            List<TrapRecord> log = new java.util.ArrayList<>();
            h.addListener(new HartListener() {
                @Override
                public void trap(TrapRecord r) {
                    log.add(r);
                }
            });
            for (int k = 0; k < 64; k++) {
                int insn = rnd.nextInt();
                if (rnd.nextInt(4) != 0) {
                    insn = (insn & ~0x7F) | OPCODES[rnd.nextInt(OPCODES.length)];
                }
                long before = h.instret();
                int trapsBefore = log.size();
                h.memory().store(TestHarts.RAM + (h.pc() & 0xFFFFC & 0xFFFFF), 4, insn);
                h.step(); // must not throw
                assertEquals(1, (h.instret() - before) + (log.size() - trapsBefore), "retired or trapped");
                steps++;
            }
            traps += log.size();
        }
        assertTrue(steps == 200 * 64 && traps > 0 && traps < steps);
    }
}
