package io.mttkit.golden.hart;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.spmp.SpmpCfg;
import io.mttkit.golden.spmp.SpmpParams;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.SeedMatrix;
import io.mttkit.golden.tables.TableBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * programs/spmp_rules.c and programs/spmp_matrix.c on the golden hart with Sspmp (16 entries, Sspmpen),
 * RV32 and RV64, with the MPT off and on. The rules program checks itself (exit code = failed checks);
 * the matrix program records the trap cause of every probe and this test compares each one with the
 * spec's encoding table ({@link #TABLE}, typed in from "Encoding of Permissions"), the page-fault causes
 * of "Exceptions", and — with the MPT on — the MPT's access faults behind them.
 */
class SpmpProgramTest {
    static final int ENTRIES = 16;
    static final long TA = 0x8020_0000L;
    static final int DELEG_PMPNUM = 48;
    static final long TA_MPT_SIZE = 0x20_0000L;

    /**
     * Rule cfg bits → permissions as "U | S,SUM=0 | S,SUM=1" (MXR=0), from the spec's encoding table: the
     * same cells as the golden model's unit test, typed in again here so that a program run is checked
     * against the text rather than against the model.
     */
    static String table(int cfg) {
        String type = SpmpCfg.shared(cfg) ? "SH" : SpmpCfg.u(cfg) ? "U" : "S";
        String rwx = ((cfg & 1) != 0 ? "r" : "") + ((cfg & 2) != 0 ? "w" : "") + ((cfg & 4) != 0 ? "x" : "");
        return switch (type) {
            case "S" -> "|" + rwx + "|" + rwx;
            case "U" -> rwx + "||" + rwx.replace("x", "");
            default -> (rwx.equals("rw") ? "r" : rwx.equals("rwx") ? "x" : rwx) + "|" + rwx + "|" + rwx;
        };
    }

    static final int[] NEEDS = {Access.R, Access.W, Access.X, Access.R | Access.W}; // load store fetch AMO
    static final int[] PAGE_FAULT = {13, 15, 12, 15};
    static final int[] ACCESS_FAULT = {5, 7, 1, 7};

    static HartConfig config(int xlen) {
        return HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9)
                .withSpmp(new SpmpParams(ENTRIES, xlen, 0, true, false, true));
    }

    @ParameterizedTest(name = "RV{0} MPT {1} Smpmpdeleg {2}")
    @CsvSource({"64, false, false", "64, true, false", "32, false, false", "32, true, false",
                "64, true, true", "32, false, true"})
    void matrix(int xlen, boolean mpt, boolean deleg) {
        ElfFile elf = ElfFile.read(Programs.elf("spmp_matrix", xlen));
        MttMode mode = xlen == 32 ? MttMode.SMMPT34 : MttMode.SMMPT43;
        BuiltTables tables = TableBuilder.build(List.of(
                new Region(0x8000_0000L, 0x20_0000L, Access.R | Access.W | Access.X),
                new Region(TA, TA_MPT_SIZE, Access.R | Access.X)), mode, SeedMatrix.TABLE_BASE);
        long mmpt = mpt ? HartMatrix.rootCsrValue(mode, 1, tables.rootPpn()) : 0;
        long params = elf.symbol("spmp_params");
        int w = xlen / 8;
        AtomicReference<Hart> hartRef = new AtomicReference<>();
        RunOptions opts = RunOptions.defaults().withMaxInstructions(50_000_000L).withSetup((hart, e) -> {
            hartRef.set(hart);
            hart.memory().writeBytes(tables.base(), tables.image(), 0, tables.image().length);
            hart.memory().write(params, w, mmpt, false);
            hart.memory().write(params + w, w, ENTRIES, false);
            hart.memory().write(params + 2L * w, w, 1, false);
            hart.memory().write(params + 3L * w, w, deleg ? DELEG_PMPNUM : 0, false);
        });
        // Smpmpdeleg: 64 PMP entries, the upper 16 delegated (SPMP entry j is PMP entry 48 + j).
        HartConfig hartConfig = deleg ? HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9).withPmp(64, 0)
                .withSpmp(new SpmpParams(0, xlen, 0, true, true, true)) : config(xlen);
        RunResult run = HartRunner.run(elf, hartConfig, opts);
        assertEquals(StopReason.EXIT, run.reason(), run.message() + "\n" + run.console());
        assertEquals(0, run.exitCode(), run.console());
        if (deleg) {
            assertEquals(ENTRIES, hartRef.get().spmp().entryCount());
            assertEquals(DELEG_PMPNUM, hartRef.get().pmp().pmpCount());
        }
        assertTrue(run.console().contains("spmp matrix cells=" + (3 * 3 * 18 * 4 * 4)), run.console());

        PageMemory mem = hartRef.get().memory();
        long perms = elf.symbol("spmp_perm_cfg");
        long results = elf.symbol("spmp_results");
        List<String> bad = new ArrayList<>();
        int checked = 0;
        int denied = 0;
        int mptFaults = 0;
        String[] modes = {"TOR", "NA4", "NAPOT"};
        String[] privsums = {"U SUM=0", "U SUM=1", "S SUM=0", "S SUM=1"};
        String[] accesses = {"load", "store", "fetch", "amo"};
        for (int m = 0; m < 3; m++) {
            for (int e = 0; e < 3; e++) {
                for (int p = 0; p < 18; p++) {
                    int cfg = (int) mem.read(perms + (long) p * w, w, false);
                    String[] cols = table(cfg).split("\\|", -1);
                    for (int ps = 0; ps < 4; ps++) {
                        int granted = Access.parse(cols[ps < 2 ? 0 : ps == 2 ? 1 : 2]);
                        for (int a = 0; a < 4; a++) {
                            long idx = ((((long) m * 3 + e) * 18 + p) * 4 + ps) * 4 + a;
                            int got = (int) mem.read(results + idx, 1, false);
                            int expect;
                            if ((granted & NEEDS[a]) != NEEDS[a]) {
                                expect = PAGE_FAULT[a];
                                denied++;
                            } else if (mpt && (NEEDS[a] & Access.W) != 0) {
                                expect = ACCESS_FAULT[a]; // the MPT grants the test area R-X only
                                mptFaults++;
                            } else {
                                expect = 0;
                            }
                            checked++;
                            if (got != expect) {
                                bad.add(modes[m] + " entry#" + e + " cfg=0x" + Integer.toHexString(cfg) + " "
                                        + privsums[ps] + " " + accesses[a] + ": cause " + got + ", expected " + expect);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + checked + " cells differ:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
        assertEquals(2592, checked);
        assertTrue(denied > 0 && denied < checked, "both outcomes occur");
        assertEquals(mpt, mptFaults > 0);
    }

    @ParameterizedTest(name = "RV{0}")
    @CsvSource({"64", "32"})
    void rules(int xlen) {
        ElfFile elf = ElfFile.read(Programs.elf("spmp_rules", xlen));
        long params = elf.symbol("spmp_params");
        int w = xlen / 8;
        RunOptions opts = RunOptions.defaults().withMaxInstructions(20_000_000L).withSetup((hart, e) -> {
            hart.memory().write(params, w, ENTRIES, false);
        });
        RunResult run = HartRunner.run(elf, config(xlen), opts);
        assertEquals(StopReason.EXIT, run.reason(), run.message() + "\n" + run.console());
        assertEquals(0, run.exitCode(), run.console());
        assertTrue(run.console().contains("failed=0"), run.console());
        int checks = (int) run.console().lines().filter(l -> l.startsWith("ok ")).count();
        assertEquals(xlen == 64 ? RULES_CHECKS_RV64 : RULES_CHECKS_RV32, checks, run.console());
        assertTrue(run.console().contains("granularity G=0"), run.console());
    }

    /** The number of directed checks in programs/spmp_rules.c (RV64 adds the 8-byte straddles). */
    static final int RULES_CHECKS_RV64 = 40;
    static final int RULES_CHECKS_RV32 = 38;
}
