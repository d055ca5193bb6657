package io.mttkit.golden.hart;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordinary programs run in one supervisor domain ({@link DomainSetup}): tables placed, root written, every S/U access checked. */
class DomainProgramTest {
    static final Region PROGRAM = new Region(0x8000_0000L, 0x40_0000L, Access.R | Access.W | Access.X);
    static final List<Region> FAULT_DOMAIN = List.of(PROGRAM,
            new Region(0x8040_0000L, 0x1000, Access.R | Access.X),
            new Region(0x8040_1000L, 0x1000, Access.R | Access.W),
            new Region(0x8040_3000L, 0x1000, 0));

    /** Runs {@code program} in the domain; {@code verdicts} collects the MTT verdict of every checked access. */
    static RunResult run(String program, MttMode mode, List<Region> regions, List<String> verdicts,
                         DomainSetup.Placed[] placed) {
        HartConfig cfg = HartConfig.defaults(mode.xlen(), mode.format());
        DomainSetup d = new DomainSetup(regions, mode, 5, null);
        RunOptions opts = RunOptions.defaults().withMaxInstructions(5_000_000).withSetup((hart, elf) -> {
            placed[0] = d.place(hart, elf);
            hart.addListener(new HartListener() {
                @Override
                public void access(AccessKind kind, long pa, int size, boolean pmpOk, io.mttkit.golden.LookupResult v) {
                    if (v != null) {
                        verdicts.add(hart.mttRoot().mode() + " " + (v.xwr() < 0 ? "bypass" : v.allow() ? "allow" : "deny"));
                    }
                }
            });
        });
        return HartRunner.run(Programs.elf(program, mode.xlen()), cfg, opts);
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT43", "SMMPT34", "SMMTT46", "SMMTT34", "SMMPT64", "SMMTT56"})
    void ordinaryProgramsPassInTheirDomainAndEveryAccessMeetsTheTables(MttMode mode) {
        for (String program : List.of("domain_work", "domain_user")) {
            List<String> verdicts = new ArrayList<>();
            DomainSetup.Placed[] placed = new DomainSetup.Placed[1];
            RunResult r = run(program, mode, List.of(PROGRAM), verdicts, placed);
            assertTrue(r.passed(), program + " " + mode + ": " + r.message() + "\n" + r.console());
            assertTrue(verdicts.size() > 1000, program + ": S/U accesses were checked: " + verdicts.size());
            assertTrue(verdicts.stream().allMatch(v -> v.equals(mode + " allow")),
                    program + ": every check was an allow under " + mode + ", none in Bare");
            // automatic placement: the top of the 256 MiB at 0x8000_0000, clear of the program
            assertEquals(0x9000_0000L, (placed[0].tables().end() + DomainSetup.AUTO_ALIGN - 1) & -DomainSetup.AUTO_ALIGN);
            assertEquals(HartMatrix.rootCsrValue(mode, 5, placed[0].tables().rootPpn()), placed[0].rootCsr());
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT43", "SMMPT34", "SMMTT46", "SMMTT34"})
    void aProgramFaultsWhereTheDomainGrantsNothing(MttMode mode) {
        RunResult r = run("domain_fault", mode, FAULT_DOMAIN, new ArrayList<>(), new DomainSetup.Placed[1]);
        assertTrue(r.passed(), mode + ": " + r.message() + "\n" + r.console());
        List<TrapRecord> mtt = r.traps().stream().filter(t -> t.mttCause() != Cause.NONE).toList();
        // rx page: store; rw page: fetch; the hole and the no-access page: load, store, fetch
        assertEquals(8, mtt.size(), mtt.toString());
        assertTrue(mtt.stream().allMatch(t -> t.fromPriv() == Priv.S && t.toPriv() == Priv.M));
        assertTrue(mtt.stream().anyMatch(t -> t.code() == TrapCause.LOAD_ACCESS_FAULT && t.tval() == 0x8040_2000L));
        assertTrue(mtt.stream().anyMatch(t -> t.code() == TrapCause.STORE_ACCESS_FAULT && t.tval() == 0x8040_0008L));
        assertTrue(mtt.stream().anyMatch(t -> t.code() == TrapCause.INSN_ACCESS_FAULT && t.tval() == 0x8040_1000L));
    }

    @Test
    void withoutTheDomainTheFaultProgramFails() {
        RunResult r = HartRunner.run(Programs.elf("domain_fault", 64), HartConfig.defaults(64, TableFormat.SMMPT_V0_9),
                RunOptions.defaults());
        assertEquals(StopReason.EXIT, r.reason());
        assertEquals(8, r.exitCode(), "8 probes should have faulted: " + r.console());
    }

    @Test
    void tablesNeverOverlapTheProgramAndNeedRoom() {
        HartConfig cfg = HartConfig.defaults(64, TableFormat.SMMPT_V0_9);
        ElfFile elf = ElfFile.read(Programs.elf("domain_work", 64));
        // --tables-at on the program's own code
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HartRunner.run(elf, cfg,
                RunOptions.defaults().withSetup((h, f) -> new DomainSetup(List.of(PROGRAM), MttMode.SMMPT43, 1,
                        0x8000_0000L).place(h, f))));
        assertTrue(e.getMessage().contains("overlap segment"), e.getMessage());
        // memory that the program fills up to its end: nowhere to go
        long end = elf.segments().stream().mapToLong(s -> s.paddr() + s.memSize()).max().orElseThrow();
        long size = (end - 0x8000_0000L + 0xFFF) & ~0xFFFL;
        e = assertThrows(IllegalArgumentException.class, () -> HartRunner.run(elf, cfg, RunOptions.defaults()
                .withMemory(List.of(new PageMemory.Range(0x8000_0000L, size, "ram")))
                .withSetup((h, f) -> new DomainSetup(List.of(PROGRAM), MttMode.SMMPT43, 1, null).place(h, f))));
        assertTrue(e.getMessage().startsWith("no room for the smmpt43 tables"), e.getMessage());
        assertFalse(e.getMessage().contains("Range["), "no raw record in the message: " + e.getMessage());
        // a second range above the program takes them
        DomainSetup.Placed[] placed = new DomainSetup.Placed[1];
        RunResult r = HartRunner.run(elf, cfg, RunOptions.defaults()
                .withMemory(List.of(new PageMemory.Range(0x8000_0000L, 0x40_0000L, "ram"),
                        new PageMemory.Range(0xA000_0000L, 0x10_0000L, "tables")))
                .withSetup((h, f) -> placed[0] = new DomainSetup(List.of(PROGRAM), MttMode.SMMPT43, 1, null).place(h, f)));
        assertTrue(r.passed(), r.message());
        assertTrue(placed[0].tables().base() >= 0xA000_0000L, placed[0].tables().describe());
    }

    @Test
    void wrongModesSdidsAndSelfGrantingDomainsAreNamed() {
        HartConfig cfg = HartConfig.defaults(64, TableFormat.SMMPT_V0_9);
        ElfFile elf = ElfFile.read(Programs.elf("domain_work", 64));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HartRunner.run(elf, cfg,
                RunOptions.defaults().withSetup((h, f) -> new DomainSetup(List.of(PROGRAM), MttMode.SMMTT46, 1, null)
                        .place(h, f))));
        assertTrue(e.getMessage().contains("smmtt46") && e.getMessage().contains("smmpt43"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HartRunner.run(elf, cfg, RunOptions.defaults()
                .withSetup((h, f) -> new DomainSetup(List.of(PROGRAM), MttMode.SMMPT43, 64, null).place(h, f))));
        assertTrue(e.getMessage().contains("SDID 64"), e.getMessage());
        DomainSetup.Placed[] placed = new DomainSetup.Placed[1];
        List<Region> all = List.of(new Region(0x8000_0000L, 0x1000_0000L, Access.R | Access.W | Access.X));
        HartRunner.run(elf, cfg, RunOptions.defaults().withMaxInstructions(10)
                .withSetup((h, f) -> placed[0] = new DomainSetup(all, MttMode.SMMPT43, 1, null).place(h, f)));
        assertTrue(placed[0].notes().stream().anyMatch(n -> n.contains("overlaps the tables")), placed[0].notes().toString());
    }

    @Test
    void firmwareMayRewriteTheRoot() {
        // the matrix program writes mmpt itself: the domain's root is what it starts with, its own what it ends with
        HartConfig cfg = HartConfig.defaults(64, TableFormat.SMMPT_V0_9);
        long[] last = {0};
        DomainSetup.Placed[] placed = new DomainSetup.Placed[1];
        HartRunner.run(Programs.elf("matrix", 64), cfg, RunOptions.defaults().withMaxInstructions(200_000)
                .withSetup((h, f) -> {
                    placed[0] = new DomainSetup(List.of(PROGRAM), MttMode.SMMPT43, 1, null).place(h, f);
                    h.addListener(new HartListener() {
                        @Override
                        public void csrWritten(int csr, long value) {
                            if (csr == 0x382) {
                                last[0] = value;
                            }
                        }
                    });
                }));
        assertNotEquals(placed[0].rootCsr(), last[0], "the program's own mmpt write took effect");
    }
}
