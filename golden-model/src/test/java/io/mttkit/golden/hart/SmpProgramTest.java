package io.mttkit.golden.hart;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The programs for several harts (smp_ipi, smp_lock, smp_shootdown) on 2 and 4 harts of a golden system. */
class SmpProgramTest {
    static SystemRunner.Result run(String program, int xlen, int harts, long seed, SystemRunner.Setup setup) {
        ElfFile elf = ElfFile.read(Programs.elf(program, xlen));
        return SystemRunner.run(elf, HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9),
                RunOptions.defaults().withMaxInstructions(5_000_000),
                SystemRunner.Options.of(harts, seed).withSetup(setup));
    }

    static Matcher line(SystemRunner.Result r, String regex) {
        Matcher m = Pattern.compile(regex).matcher(r.console());
        assertTrue(m.find(), "expected /" + regex + "/ in the console:\n" + r.console() + "\n" + r.message());
        return m;
    }

    static void everyHartRan(SystemRunner.Result r, int harts) {
        for (int i = 0; i < harts; i++) {
            assertTrue(r.instret()[i] > 0, "hart " + i + " retired instructions: " + r.message());
        }
    }

    @ParameterizedTest(name = "{0} harts")
    @CsvSource({"2", "4"})
    void ipiPingPongVisitsEveryHartInRingOrder(int harts) {
        SystemRunner.Result r = run("smp_ipi", 64, harts, 1, null);
        assertTrue(r.passed(), r.message() + "\n" + r.console());
        assertEquals(0, r.exitHart(), "hart 0 ends the run");
        Matcher m = line(r, "ipi harts=(\\d+) rounds=(\\d+) passes=(\\d+) wakeups=([\\d,]+) order_errors=(\\d+)");
        assertEquals(harts, Integer.parseInt(m.group(1)));
        int rounds = Integer.parseInt(m.group(2));
        assertEquals(rounds * harts, Integer.parseInt(m.group(3)));
        String[] w = m.group(4).split(",");
        assertEquals(harts, w.length);
        for (String s : w) {
            assertEquals(rounds, Integer.parseInt(s));
        }
        assertEquals("0", m.group(5));
        everyHartRan(r, harts);
    }

    @ParameterizedTest(name = "RV{0}, {1} harts")
    @CsvSource({"64, 2", "64, 4", "32, 4"})
    void spinlockLrScAndAmoCountersAreExact(int xlen, int harts) {
        SystemRunner.Result r = run("smp_lock", xlen, harts, 3, null);
        assertTrue(r.passed(), r.message() + "\n" + r.console());
        Matcher m = line(r, "lock harts=(\\d+) iters=(\\d+) locked=(\\d+) lrsc=(\\d+) amo=(\\d+) racy=(\\d+) "
                + "sc_failures=(\\d+)");
        long want = (long) harts * Integer.parseInt(m.group(2));
        assertEquals(want, Long.parseLong(m.group(3)), "locked");
        assertEquals(want, Long.parseLong(m.group(4)), "lrsc");
        assertEquals(want, Long.parseLong(m.group(5)), "amo");
        assertTrue(Long.parseLong(m.group(6)) <= want, "racy");
        everyHartRan(r, harts);
    }

    @ParameterizedTest(name = "RV{0}, {1} harts")
    @CsvSource({"64, 2", "64, 4", "32, 2"})
    void shootdownRevokesThePageOnEveryHart(int xlen, int harts) {
        long target = 0x8060_0000L;
        List<String> checks = new ArrayList<>();
        List<String> fences = new ArrayList<>();
        SystemRunner.Result r = run("smp_shootdown", xlen, harts, 7, (sys, elf) -> {
            sys.addCheckListener((hart, pc, mode, root, sdid, pa, size, kind, res) -> {
                if (pa == target) {
                    checks.add(hart + " " + mode.id() + " " + sdid + " " + kind + " " + (res.allow() ? "allow" : "deny"));
                }
            });
            for (int i = 0; i < sys.size(); i++) {
                int id = i;
                sys.hart(i).addListener(new HartListener() {
                    @Override
                    public void fence(Fence kind, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
                        fences.add(id + " " + kind);
                    }
                });
            }
        });
        assertTrue(r.passed(), r.message() + "\n" + r.console());
        Matcher m = line(r, "shootdown harts=(\\d+) before=([\\d,]+) after=([\\d,]+) fences=([\\d,]+)");
        assertEquals(String.join(",", java.util.Collections.nCopies(harts, "0")), m.group(2));
        assertEquals(String.join(",", java.util.Collections.nCopies(harts, "5")), m.group(3));
        assertEquals(String.join(",", java.util.Collections.nCopies(harts - 1, "1")), m.group(4));
        // the golden checks, seen through the tap with each hart's id: allow before, deny after, per hart
        for (int h = 0; h < harts; h++) {
            int id = h;
            List<String> mine = checks.stream().filter(c -> c.startsWith(id + " ")).toList();
            String mode = xlen == 64 ? " smmpt43" : " smmpt34";
            assertEquals(List.of(h + mode + " 1 LOAD allow", h + mode + " 1 LOAD deny"), mine, "hart " + h);
            long mfences = fences.stream().filter(f -> f.equals(id + " MFENCE_PA")).count();
            assertEquals(2, mfences, "hart " + h + ": MFENCE.PA after joining and for the shootdown");
        }
        assertEquals(harts, r.traps().size(), "one load access fault per hart: " + r.traps());
        for (SystemRunner.HartTrap t : r.traps()) {
            assertEquals(5, t.trap().code());
        }
    }

    @Test
    void sameSeedSameTraceOtherSeedOtherInterleavingSameResult() {
        SystemRunner.Result a = run("smp_lock", 64, 4, 11, null);
        SystemRunner.Result b = run("smp_lock", 64, 4, 11, null);
        SystemRunner.Result c = run("smp_lock", 64, 4, 12, null);
        assertEquals(a.traceDigest(), b.traceDigest());
        assertEquals(a.steps(), b.steps());
        assertEquals(a.console(), b.console());
        assertNotEquals(a.traceDigest(), c.traceDigest(), "another seed interleaves differently");
        for (SystemRunner.Result r : List.of(a, c)) {
            assertTrue(r.passed(), r.message() + "\n" + r.console());
            line(r, "locked=600 lrsc=600 amo=600 ");
        }
        SystemRunner.Result d = run("smp_ipi", 64, 2, 11, null);
        SystemRunner.Result e = run("smp_ipi", 64, 2, 99, null);
        assertTrue(d.passed() && e.passed());
        assertNotEquals(d.traceDigest(), e.traceDigest());
        assertEquals(d.console(), e.console(), "the ping-pong's output does not depend on the interleaving");
    }
}
