package io.mttkit.golden.iompt;

import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.mttkit.golden.iompt.Spec.CODE_SUCCESS;
import static io.mttkit.golden.iompt.Spec.IDT_DEVID;
import static io.mttkit.golden.iompt.Spec.IDT_NONE;
import static io.mttkit.golden.iompt.Spec.NAPOT;
import static io.mttkit.golden.iompt.Spec.NON_TEE;
import static io.mttkit.golden.iompt.Spec.SET_SDCFG_ENTRY;
import static io.mttkit.golden.iompt.Spec.SET_SDCL_ENTRY;
import static io.mttkit.golden.iompt.Spec.TEE_ANY;
import static io.mttkit.golden.iompt.Spec.TEE_ONLY;
import static io.mttkit.golden.iompt.Spec.TOR;
import static io.mttkit.golden.iompt.Spec.UNARY;
import static io.mttkit.golden.iompt.Spec.sdcfg;
import static io.mttkit.golden.iompt.Spec.sdcl;
import static io.mttkit.golden.iompt.Spec.sdclCmd;
import static io.mttkit.golden.iompt.Spec.sdidCmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classification + MPT lookup never answers with another SDID's permissions. Each world gives two SDIDs
 * random, page-disjoint regions (so any mix-up shows) in random RV64 modes and endiannesses, classifies
 * device ranges to them with rules at random RULEIDs (NAPOT, TOR, Unary with TEE filters), and checks random
 * transactions against an oracle that knows only the regions and the intended classification: allowed exactly
 * when every 4 KiB page of the access lies in a region of the device's own SDID granting every needed
 * permission; the reported XWR is that SDID's permission at the deciding address.
 */
class SdidIsolationPropertyTest {
    private static final int WORLDS = 12;
    private static final int CHECKS_PER_WORLD = 400;
    private static final long WINDOW = 0x8000_0000L;
    private static final long WINDOW_SIZE = 16L << 20;
    private static final long PAGE = 0x1000;
    private static final int[] PERMS = {Access.R, Access.R | Access.W, Access.X, Access.R | Access.X,
        Access.R | Access.W | Access.X};
    private static final int[] NEEDS = {Access.R, Access.W, Access.X, Access.R | Access.W, Access.R | Access.X,
        Access.R | Access.W | Access.X};
    private static final MttMode[] MODES = {MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64};
    private static final int SD_A = 3;
    private static final int SD_B = 44;

    /** The intended classification, from the rules' meaning: −1 when no rule should match. */
    private static int expectedSdid(int dev, boolean tee) {
        if (dev >= 0x100 && dev <= 0x1FF) {
            return SD_A;                   // NAPOT 0x017F: 0x100..0x1FF
        }
        if (dev >= 0x200 && dev < 0x300) {
            return SD_B;                   // TOR [0x200, 0x300)
        }
        if (dev == 0x400) {
            return tee ? SD_B : SD_A;      // Unary, TEE-only → B, non-TEE → A
        }
        return -1;
    }

    private static final int[] DEVICES = {0x0FF, 0x100, 0x155, 0x1FF, 0x200, 0x2AB, 0x2FF, 0x300, 0x400, 0x401, 0};

    @ParameterizedTest
    @ValueSource(longs = {1, 0x5EED, 0xC0FFEE})
    void verdictsFollowOnlyTheOwnSdidsRegions(long seed) {
        int checks = 0;
        int allowed = 0;
        int disallowedElsewhere = 0;
        for (int world = 0; world < WORLDS; world++) {
            Random rnd = new Random(seed * 1_000_003L + world);
            String ctx = "seed " + seed + " world " + world;
            List<Region> a = new ArrayList<>();
            List<Region> b = new ArrayList<>();
            splitWindow(rnd, a, b);
            PhysicalMemory mem = new PhysicalMemory();
            MttMode modeA = MODES[rnd.nextInt(MODES.length)];
            MttMode modeB = MODES[rnd.nextInt(MODES.length)];
            boolean beA = rnd.nextBoolean();
            boolean beB = rnd.nextBoolean();
            BuiltTables ta = build(a, modeA, 0x4000_0000L, beA, rnd);
            BuiltTables tb = build(b, modeB, 0x4800_0000L, beB, rnd);
            mem.load(ta.base(), ta.image());
            mem.load(tb.base(), tb.image());

            IoMptChecker c = new IoMptChecker(IoMptParams.DEFAULT, mem, ImplicitReadCheck.ALLOW_ALL);
            programRules(c, rnd);
            assertEquals(CODE_SUCCESS, Spec.op(c, sdidCmd(SET_SDCFG_ENTRY, SD_A),
                    sdcfg(modeA.csrEncoding(), beA ? 1 : 0, 0, ta.rootPpn())), ctx);
            assertEquals(CODE_SUCCESS, Spec.op(c, sdidCmd(SET_SDCFG_ENTRY, SD_B),
                    sdcfg(modeB.csrEncoding(), beB ? 1 : 0, 0, tb.rootPpn())), ctx);
            Spec.control(c, Spec.ON);

            for (int i = 0; i < CHECKS_PER_WORLD; i++) {
                int dev = DEVICES[rnd.nextInt(DEVICES.length)];
                boolean tee = rnd.nextBoolean();
                int sdWanted = expectedSdid(dev, tee);
                long pa = probe(rnd, sdWanted == SD_A ? a : sdWanted == SD_B ? b : List.of(), a, b);
                long size = switch (rnd.nextInt(4)) {
                    case 0 -> 1;
                    case 1 -> 8;
                    case 2 -> PAGE;
                    default -> 1 + rnd.nextInt(5 * (int) PAGE);
                };
                int need = NEEDS[rnd.nextInt(NEEDS.length)];
                DmaTransaction tx = new DmaTransaction(i, dev, null, tee, false, pa, size, need);
                DmaVerdict v = c.check(tx);
                String what = ctx + ": " + tx + " → " + v;
                int sd = expectedSdid(dev, tee);
                checks++;
                if (sd < 0) {
                    assertEquals(AbortReason.UNCLASSIFIED, v.reason(), what);
                    continue;
                }
                assertEquals(sd, v.classification().sdid(), what);
                List<Region> own = sd == SD_A ? a : b;
                long deniedPage = firstDeniedPage(own, pa, size, need);
                if (deniedPage == -1) {
                    assertTrue(v.allowed(), what);
                    allowed++;
                } else {
                    assertEquals(AbortReason.MPT_DISALLOWED, v.reason(), what);
                    assertEquals(deniedPage, v.decidingPa() & ~(PAGE - 1), what);
                    if (permAt(sd == SD_A ? b : a, deniedPage) != 0) {
                        disallowedElsewhere++;
                    }
                }
                int ownPerm = permAt(own, v.decidingPa());
                if (v.lookup().xwr() >= 0 || ownPerm != 0) {
                    assertEquals(ownPerm, v.lookup().xwr(), "the XWR reported is the own SDID's: " + what);
                }
            }
        }
        assertTrue(checks == WORLDS * CHECKS_PER_WORLD);
        // the probes must reach both outcomes, including pages only the other SDID may access
        assertTrue(allowed > checks / 10, "allowed " + allowed + " of " + checks);
        assertTrue(disallowedElsewhere > checks / 20, "denied where the other SDID is allowed: " + disallowedElsewhere);
    }

    /** Random page-disjoint regions, alternately (at random) given to A or B, inside the window. */
    private static void splitWindow(Random rnd, List<Region> a, List<Region> b) {
        long cursor = WINDOW;
        long end = WINDOW + WINDOW_SIZE;
        while (true) {
            cursor += PAGE * rnd.nextInt(4);
            long pages = rnd.nextInt(10) == 0 ? 512 + rnd.nextInt(600) : 1 + rnd.nextInt(40);
            if (cursor + pages * PAGE > end) {
                break;
            }
            Region r = new Region(cursor, pages * PAGE, PERMS[rnd.nextInt(PERMS.length)]);
            (rnd.nextBoolean() ? a : b).add(r);
            cursor += pages * PAGE;
        }
    }

    private static BuiltTables build(List<Region> regions, MttMode mode, long base, boolean bigEndian, Random rnd) {
        BuildOptions o = BuildOptions.DEFAULT.withBigEndian(bigEndian).withUseNapot(rnd.nextBoolean());
        return TableBuilder.build(regions, mode, base, o);
    }

    /**
     * Rules at random RULEIDs: NAPOT 0x017F → A; a None rule holding 0x200 directly below a TOR 0x300 → B; Unary
     * 0x400 TEE-only → B and Unary 0x400 non-TEE → A.
     */
    private static void programRules(IoMptChecker c, Random rnd) {
        List<Integer> free = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            free.add(r);
        }
        int tor = 1 + rnd.nextInt(15);
        free.remove(Integer.valueOf(tor));
        free.remove(Integer.valueOf(tor - 1));
        set(c, tor - 1, sdcl(IDT_NONE, 0, 0, 0x200, 0, 0));
        set(c, tor, sdcl(IDT_DEVID, TOR, TEE_ANY, 0x300, 1, SD_B));
        set(c, free.remove(rnd.nextInt(free.size())), sdcl(IDT_DEVID, NAPOT, TEE_ANY, 0x017F, 0, SD_A));
        set(c, free.remove(rnd.nextInt(free.size())), sdcl(IDT_DEVID, UNARY, TEE_ONLY, 0x400, 2, SD_B));
        set(c, free.remove(rnd.nextInt(free.size())), sdcl(IDT_DEVID, UNARY, NON_TEE, 0x400, 3, SD_A));
    }

    private static void set(IoMptChecker c, int ruleId, long data1) {
        assertEquals(CODE_SUCCESS, Spec.op(c, sdclCmd(SET_SDCL_ENTRY, ruleId), data1));
    }

    /**
     * A PA inside a region of the device's own SDID ({@code own}), near a region edge of either SDID, or anywhere
     * in (and just beyond) the window.
     */
    private static long probe(Random rnd, List<Region> own, List<Region> a, List<Region> b) {
        if (!own.isEmpty() && rnd.nextInt(3) == 0) {
            Region r = own.get(rnd.nextInt(own.size()));
            return r.base() + (long) (rnd.nextDouble() * r.size());
        }
        List<Region> pool = rnd.nextBoolean() ? a : b;
        if (!pool.isEmpty() && rnd.nextInt(3) != 0) {
            Region r = pool.get(rnd.nextInt(pool.size()));
            long edge = rnd.nextBoolean() ? r.base() : r.base() + r.size();
            return edge + rnd.nextInt(2 * (int) PAGE) - PAGE;
        }
        return WINDOW - PAGE + (long) (rnd.nextDouble() * (WINDOW_SIZE + 2 * PAGE));
    }

    /** First page of {@code [pa, pa + size)} not covered by a region granting {@code need}; −1 when none. */
    private static long firstDeniedPage(List<Region> regions, long pa, long size, int need) {
        for (long p = pa & ~(PAGE - 1); p <= pa + size - 1; p += PAGE) {
            if ((permAt(regions, p) & need) != need) {
                return p;
            }
        }
        return -1;
    }

    private static int permAt(List<Region> regions, long pa) {
        for (Region r : regions) {
            if (pa >= r.base() && pa < r.base() + r.size()) {
                return r.xwr();
            }
        }
        return 0;
    }
}
