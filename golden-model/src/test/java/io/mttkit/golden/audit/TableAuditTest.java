package io.mttkit.golden.audit;

import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.mttkit.golden.audit.AuditScenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TableAudit} on the tables firmware gets wrong, in every mode of both formats: the audit of the right tables
 * is clean, and each deliberately wrong table shows exactly the ranges it breaks, each blamed on the entry the golden
 * lookup itself reads last for those addresses.
 */
class TableAuditTest {

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void theRightTablesAuditClean(MttMode mode) {
        BuiltTables t = correct(mode);
        TableAudit.Result r = TableAudit.run(walk(t, mode), map(mode), 100);
        assertTrue(r.equal(), mode.id() + ": " + r.differences());
        assertEquals(0, r.totalWarnings(), mode.id() + ": " + r.warnings());
        if (mode == MttMode.SMMTT56) {
            // 1023 of the 1024 MTTL3 entries point at one shared all-disallow MTTL2 table of 2^21 entries: walked once,
            // then replayed (otherwise the audit would make 2^31 lookups)
            assertTrue(r.stats().replayed() >= 1000, r.stats().toString());
            assertTrue(r.stats().entries() < 5_000_000L, r.stats().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void aGuardPageThatRewroteItsWholeLeafIsFound(MttMode mode) {
        BuiltTables t = guardRewroteTheLeaf(mode);
        TableAudit.Result r = TableAudit.run(walk(t, mode), map(mode), 100);
        List<Difference> d = r.differences();
        assertEquals(2, r.total(), mode.id() + ": " + d);
        expect(d.get(0), BUF, GUARD - 1, RWX, 0);
        expect(d.get(1), GUARD + GUARD_SIZE, BUF + BUF_SIZE - 1, RWX, 0);
        assertEquals((BUF_SIZE - GUARD_SIZE) >>> 12, r.pagesDiffer());
        blameIsTheLookups(t, mode, d);
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void firmwareMemoryReadableAndExecutableFromSModeIsFound(MttMode mode) {
        BuiltTables t = firmwareReadableExecutable(mode);
        TableAudit.Result r = TableAudit.run(walk(t, mode), map(mode), 100);
        assertEquals(1, r.total(), mode.id() + ": " + r.differences());
        expect(r.differences().get(0), FW, FW + FW_SIZE - 1, 0, RX);
        blameIsTheLookups(t, mode, r.differences());
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void aLostFirmwareCarveOutIsFound(MttMode mode) {
        BuiltTables t = firmwareCarveOutLost(mode);
        TableAudit.Result r = TableAudit.run(walk(t, mode), map(mode), 100);
        assertEquals(1, r.total(), mode.id() + ": " + r.differences());
        expect(r.differences().get(0), FW, FW + FW_SIZE - 1, 0, RWX);
        blameIsTheLookups(t, mode, r.differences());
    }

    @Test
    void laterRegionsWinAndGapsHaveNoAccess() {
        IntendedMap m = map(MttMode.SMMPT43);
        assertEquals(0, m.at(0));
        assertEquals(0, m.at(FW + FW_SIZE - 1));
        assertEquals(RWX, m.at(FW + FW_SIZE));
        assertEquals(RWX, m.at(RAM + RAM_SIZE - 1));
        assertEquals(0, m.at(RAM + RAM_SIZE));
        assertEquals(RWX, m.at(GUARD - 1));
        assertEquals(0, m.at(GUARD));
        assertEquals(RWX, m.at(GUARD + GUARD_SIZE));
        assertEquals(top(MttMode.SMMPT43), m.last(m.size() - 1));
    }

    @Test
    void aTableOutsideTheImageIsUnknownNotNoAccess() {
        BuiltTables t = correct(MttMode.SMMPT43);
        PhysicalMemory empty = new PhysicalMemory();
        TableWalk w = new TableWalk(empty, LookupConfig.DEFAULT, MttMode.SMMPT43, t.rootPpn(), false);
        TableAudit.Result r = TableAudit.run(w, map(MttMode.SMMPT43), 10);
        assertTrue(r.total() >= 1);
        assertTrue(r.differences().get(0).readFailed());
        assertEquals(Cause.WALK_BUS_ERROR, r.differences().get(0).cause());
    }

    private static void expect(Difference d, long first, long last, int intended, int actual) {
        assertEquals(first, d.first(), "first of " + d);
        assertEquals(last, d.last(), "last of " + d);
        assertEquals(intended, d.intended(), "intended of " + d);
        assertEquals(actual, d.actual(), "actual of " + d);
    }

    /** The entries a difference names are the ones the golden lookup reads last at its first and last address. */
    static void blameIsTheLookups(BuiltTables t, MttMode mode, List<Difference> diffs) {
        MttLookup lookup = new MttLookup(memory(t), ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT);
        LookupResult r = new LookupResult();
        for (Difference d : diffs) {
            for (long pa : new long[] {d.first(), d.last()}) {
                lookup.lookup(mode, t.rootPpn(), pa, 0, false, r);
                int k = r.readCount() - 1;
                assertEquals(pa == d.first() ? d.firstEntry() : d.lastEntry(), r.readAddr(k), mode.id() + " " + d);
                assertEquals(d.raw(), r.readValue(k), mode.id() + " raw of " + d);
                assertEquals(d.level(), r.level(), mode.id() + " level of " + d);
                assertEquals(d.actual(), r.cause() == Cause.NONE ? r.xwr() : -1, mode.id() + " xwr of " + d);
            }
        }
    }
}
