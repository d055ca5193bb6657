package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.Checkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.selftest.RandomDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The coverage model against the golden model alone (no RTL): hand-built entries land in the bins the spec
 * says, every bin a random walk can produce is defined, and merging two halves equals sampling the whole.
 */
class CheckerCoverageTest {
    private static final WalkerParams RV64 = WalkerParams.defaults(64);
    private static final long ROOT = 0x8000_0000L;

    /** One Smmpt43 root table whose entry 0 is {@code entry}; the golden walk of {@code pa} sampled. */
    private static CheckerCoverage sampleSmmpt43(long entry, long pa, int need) {
        PhysicalMemory mem = new PhysicalMemory();
        mem.addRegion(ROOT, 4096);
        mem.write64(ROOT, entry);
        MttLookup lookup = new MttLookup(mem, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT.withPaw(RV64.paw()));
        CheckerCoverage cov = new CheckerCoverage(Checkers.describe(RV64));
        CheckRequest req = CheckRequest.of(MttMode.SMMPT43, ROOT >>> 12, pa, need, false);
        cov.onCheck(req, lookup.lookup(MttMode.SMMPT43, ROOT >>> 12, pa, need, false, new LookupResult()));
        return cov;
    }

    /** v0.9 §4: V[0] L[1] N[2], NAPOT XWR[10:8], rsvd[11], G[15:12]; G = 4 is the legal value on RV64. */
    private static final long NAPOT_R_G4 = 0b111L | ((long) Access.R << 8) | (4L << 12);

    @Test
    void napotRootLeafAllowsARead() {
        CoverageDb db = sampleSmmpt43(NAPOT_R_G4, 0, Access.R).db();
        assertEquals(1, db.count(CheckerCoverage.RESULT, "smmpt43 allow L2 napot"));
        assertEquals(1, db.count(CheckerCoverage.NAPOT, "smmpt43 L2 G=4"));
        assertEquals(1, db.count(CheckerCoverage.XWR, "xwr=r-- need=r-- allow"));
        assertEquals(1, db.count(CheckerCoverage.READS, "smmpt43 reads=1"));
        assertEquals(1, db.count(CheckerCoverage.CONFIG, "smmpt-v0.9 rv64 smmpt43 le"));
        assertEquals(1, db.count(CheckerCoverage.PA, "smmpt43 pa=0"));
        assertEquals(1, db.count(CheckerCoverage.REQ_MODE, "req_mode=10001 smmpt43"));
        assertEquals(7, totalHits(db), "one hit per group that applies, none elsewhere");
    }

    @Test
    void napotRootLeafDeniesAWrite() {
        CoverageDb db = sampleSmmpt43(NAPOT_R_G4, 0x1000, Access.W).db();
        assertEquals(1, db.count(CheckerCoverage.RESULT, "smmpt43 deny L2 napot"));
        assertEquals(1, db.count(CheckerCoverage.CAUSE, "smmpt43 PERM_DENY L2"));
        assertEquals(1, db.count(CheckerCoverage.XWR, "xwr=r-- need=-w- deny"));
        assertEquals(0, db.count(CheckerCoverage.PA, "smmpt43 pa=0"));
    }

    @Test
    void reservedBitAndBadGAreBinned() {
        CoverageDb db = sampleSmmpt43(NAPOT_R_G4 | (1L << 11) | (1L << 40), 0, Access.R).db();
        assertEquals(1, db.count(CheckerCoverage.CAUSE, "smmpt43 MPTE_RSVD_BITS L2"));
        assertEquals(1, db.count(CheckerCoverage.RSVD, "smmpt-v0.9 rv64 napot bit 11"));
        assertEquals(1, db.count(CheckerCoverage.RSVD, "smmpt-v0.9 rv64 napot bit 40"));
        assertEquals(1, db.count(CheckerCoverage.NAPOT, "smmpt43 L2 G=4"));
        assertEquals(0, db.hitBins(CheckerCoverage.RESULT), "no leaf decided");
        CoverageDb badG = sampleSmmpt43((NAPOT_R_G4 & ~0xF000L) | (9L << 12), 0, Access.R).db();
        assertEquals(1, badG.count(CheckerCoverage.CAUSE, "smmpt43 NAPOT_G_BAD L2"));
        assertEquals(1, badG.count(CheckerCoverage.NAPOT, "smmpt43 L2 G=9"));
    }

    @Test
    void paRangeBins() {
        CoverageDb db = sampleSmmpt43(NAPOT_R_G4, 1L << 50, Access.R).db();
        assertEquals(1, db.count(CheckerCoverage.CAUSE, "smmpt43 PA_RANGE L2"));
        assertEquals(1, db.count(CheckerCoverage.PA, "smmpt43 bit 50 alone"));
        assertEquals(1, db.count(CheckerCoverage.READS, "smmpt43 reads=0"));
        CoverageDb edge = sampleSmmpt43(NAPOT_R_G4, 1L << 43, Access.R).db();
        assertEquals(1, edge.count(CheckerCoverage.PA, "smmpt43 first illegal 2^43"));
        assertEquals(1, edge.count(CheckerCoverage.PA, "smmpt43 bit 43 alone"));
        CoverageDb max = sampleSmmpt43(NAPOT_R_G4, (1L << 43) - 1, Access.R).db();
        assertEquals(1, max.count(CheckerCoverage.PA, "smmpt43 max legal"));
        // Smmpt64 on paw 56: bits 56..63 are the paw boundary, and nothing below 56 is a range bin
        CoverageDb defs = new CheckerCoverage(Checkers.describe(RV64)).db();
        assertTrue(defs.isDefined(CheckerCoverage.PA, "smmpt64 bit 56 alone"));
        assertTrue(!defs.isDefined(CheckerCoverage.PA, "smmpt64 bit 55 alone"));
    }

    @Test
    void paRangeCauseOnlyWhereThePortCanCarryAnIllegalPa() {
        // RV32 with paw 34: the 34-bit req_pa cannot carry a PA at or above 2^34, so PA_RANGE cannot occur
        assertTrue(!new CheckerCoverage(Checkers.describe(WalkerParams.defaults(32))).db().isDefined(CheckerCoverage.CAUSE,
                "smmpt34 PA_RANGE L1"));
        WalkerParams paw33 = new WalkerParams(32, WalkerParams.Formats.BOTH, 33, 6, 8, WalkerParams.TupleScope.ANY,
                false, true, 1);
        CoverageDb db = new CheckerCoverage(Checkers.describe(paw33)).db();
        assertTrue(db.isDefined(CheckerCoverage.CAUSE, "smmpt34 PA_RANGE L1"));
        assertTrue(db.isDefined(CheckerCoverage.PA, "smmpt34 bit 33 alone"));
        assertTrue(!db.isDefined(CheckerCoverage.PA, "smmpt34 bit 34 alone"));
    }

    @Test
    void bypassAndBareAreConfigurationBins() {
        CheckerCoverage cov = new CheckerCoverage(Checkers.describe(RV64));
        cov.onCheck(CheckRequest.bypass(MttMode.SMMPT43, 1, 0, Access.R), null);
        cov.onCheck(CheckRequest.of(MttMode.BARE, 1, 0, Access.R, false), null);
        assertEquals(1, cov.db().count(CheckerCoverage.CONFIG, "bypass"));
        assertEquals(1, cov.db().count(CheckerCoverage.CONFIG, "bare"));
        // Bare also takes its req_mode bin (issue #17: every encoding the port carries); a bypass takes none
        assertEquals(1, cov.db().count(CheckerCoverage.REQ_MODE, "req_mode=00000 bare"));
        assertEquals(3, totalHits(cov.db()));
    }

    /**
     * Random golden walks over built tables with randomly corrupted entries, in every mode of both XLENs:
     * every bin sampled is defined (sampling throws otherwise), and two halves merged equal the whole.
     */
    @Test
    void randomWalksHitOnlyDefinedBinsAndMergeLikeOneRun() {
        for (WalkerParams params : List.of(RV64, WalkerParams.defaults(32))) {
            CheckerCoverage whole = new CheckerCoverage(Checkers.describe(params));
            CheckerCoverage first = new CheckerCoverage(Checkers.describe(params));
            CheckerCoverage second = new CheckerCoverage(Checkers.describe(params));
            SplittableRandom rnd = new SplittableRandom(7);
            MttLookup lookup = null;
            for (MttMode mode : Checkers.describe(params).modes()) {
                List<Region> regions = RandomDomains.generate(mode, rnd.nextLong(), 16, 0x9000_0000L, 0x6000_0000L);
                TableWorld world = TableWorld.build(mode, regions);
                lookup = new MttLookup(world.memory(), ImplicitReadCheck.ALLOW_ALL,
                        LookupConfig.DEFAULT.withPaw(params.paw()));
                List<Long> entries = new ArrayList<>();
                for (Region r : regions) {
                    LookupResult p = world.path(r.base());
                    for (int i = 0; i < p.readCount(); i++) {
                        entries.add(p.readAddr(i));
                    }
                }
                for (int i = 0; i < 4000; i++) {
                    if (i % 50 == 0) { // corrupt an entry now and then (bits anywhere, often the low 16)
                        long addr = entries.get(rnd.nextInt(entries.size()));
                        int bit = rnd.nextBoolean() ? rnd.nextInt(16) : rnd.nextInt(mode.entryBytes() * 8);
                        world.writeEntry(addr, world.readEntry(addr) ^ (1L << bit));
                    }
                    Region r = regions.get(rnd.nextInt(regions.size()));
                    long pa = rnd.nextInt(8) == 0 ? rnd.nextLong() & ((1L << params.paWidth() - 1) - 1 | (1L << params.paWidth() - 1))
                            : r.base() + rnd.nextLong(r.size());
                    int need = 1 + rnd.nextInt(7);
                    CheckRequest req = CheckRequest.of(mode, world.rootPpn(), pa, need, false);
                    LookupResult g = lookup.lookup(mode, world.rootPpn(), pa, need, false, new LookupResult());
                    whole.onCheck(req, g);
                    (i % 2 == 0 ? first : second).onCheck(req, g);
                }
            }
            first.db().merge(second.db());
            assertEquals(whole.db().toJson(), first.db().toJson());
            assertTrue(totalHits(whole.db()) > 0);
        }
    }

    private static long totalHits(CoverageDb db) {
        long n = 0;
        for (String g : db.groups()) {
            for (String b : db.bins(g)) {
                n += db.count(g, b);
            }
        }
        return n;
    }
}
