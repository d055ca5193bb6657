package io.mttkit.tb.lockstep;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.DomainSetup;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.TrapRecord;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.CheckAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ordinary programs (programs/domain_*.c) run in one supervisor domain with real tables ({@link DomainSetup}, what
 * {@code mtt run --domain --rtl} does), every check answered by the RTL in lockstep — not Bare-mode bypasses.
 */
class DomainProgramLockstepTest {
    static final Region PROGRAM = new Region(0x8000_0000L, 0x40_0000L, Access.R | Access.W | Access.X);

    @TempDir
    Path bundles;

    @BeforeAll
    static void tools() {
        LockstepTools.require();
    }

    record Seen(LockstepRun.Outcome outcome, long checks, long denied, long bare) {
    }

    private Seen run(String program, MttMode mode, List<Region> regions, LockstepChecker.AnswerTap tap) {
        ElfFile elf = ElfFile.read(ProgramBuild.build(LockstepTools.programs(), program, mode.xlen(),
                LockstepTools.cache(), false));
        long[] counts = new long[3];
        DomainSetup d = new DomainSetup(regions, mode, 3, null);
        RunOptions opts = RunOptions.defaults().withMaxInstructions(5_000_000).withSetup((hart, e) -> {
            d.place(hart, e);
            hart.addListener(new HartListener() {
                @Override
                public void access(AccessKind kind, long pa, int size, boolean pmpOk, LookupResult v) {
                    if (v != null) {
                        counts[0]++;
                        counts[1] += v.allow() ? 0 : 1;
                        counts[2] += hart.mttRoot().mode() == MttMode.BARE ? 1 : 0;
                    }
                }
            });
        });
        LockstepRun.Outcome o = LockstepRun.run(elf, HartConfig.defaults(mode.xlen(), mode.format()), opts,
                LockstepOptions.defaults(bundles), tap);
        return new Seen(o, counts[0], counts[1], counts[2]);
    }

    @Test
    void anOrdinaryProgramOnRv64SmmptMeetsRealTablesInTheRtl() {
        Seen s = run("domain_work", MttMode.SMMPT43, List.of(PROGRAM), null);
        assertTrue(s.outcome().passed(), String.valueOf(s.outcome().mismatch()));
        assertEquals(0, s.bare(), "no check in Bare mode");
        assertTrue(s.checks() > 10_000, "S-mode work, Bare and paged: " + s.checks());
        assertEquals(s.checks(), s.outcome().stats().checks(), "every check the hart made was answered by the RTL");
        assertTrue(s.outcome().stats().mirroredPages() >= 2, s.outcome().stats().toString());
    }

    @Test
    void aUserModeProgramOnRv32Smmpt() {
        Seen s = run("domain_user", MttMode.SMMPT34, List.of(PROGRAM), null);
        assertTrue(s.outcome().passed(), String.valueOf(s.outcome().mismatch()));
        assertEquals(0, s.bare());
        assertEquals(s.checks(), s.outcome().stats().checks());
    }

    @Test
    void deliberateFaultsAreDeniedByTheRtlToo() {
        List<Region> fault = List.of(PROGRAM, new Region(0x8040_0000L, 0x1000, Access.R | Access.X),
                new Region(0x8040_1000L, 0x1000, Access.R | Access.W), new Region(0x8040_3000L, 0x1000, 0));
        for (MttMode mode : List.of(MttMode.SMMPT43, MttMode.SMMTT34)) {
            List<CheckAnswer> denials = new ArrayList<>();
            Seen s = run("domain_fault", mode, fault, (answers, first) -> {
                answers.stream().filter(a -> !a.allow()).forEach(denials::add);
                return answers;
            });
            assertTrue(s.outcome().passed(), mode + ": " + s.outcome().mismatch());
            assertEquals(8, s.denied(), mode + ": the golden hart denied the 8 probes outside the grants");
            assertEquals(8, denials.size(), mode + ": and the RTL denied the same 8");
            List<TrapRecord> mtt = s.outcome().run().traps().stream().filter(t -> t.mttCause() != Cause.NONE).toList();
            assertEquals(8, mtt.size(), mtt.toString());
        }
    }

    @Test
    void aWrongRtlAnswerOnARealTableCheckStopsTheRun() {
        long[] flipped = {0};
        Seen s = run("domain_work", MttMode.SMMPT43, List.of(PROGRAM), (answers, first) -> {
            if (flipped[0] == 0 && first + answers.size() > 5000) {
                flipped[0] = 1;
                List<CheckAnswer> out = new ArrayList<>(answers);
                int k = (int) (5000 - first);
                CheckAnswer a = out.get(k);
                out.set(k, new CheckAnswer(!a.allow(), a.cause(), a.xwr(), a.hit(), a.stale()));
                return out;
            }
            return answers;
        });
        assertNotNull(s.outcome().mismatch(), "a flipped allow must be caught");
        assertTrue(s.outcome().mismatch().getMessage().contains("smmpt43"), s.outcome().mismatch().getMessage());
    }
}
