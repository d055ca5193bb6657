package io.mttkit.golden.tables;

import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks built tables against {@link MttLookup} — two independent readings of the spec: the region list
 * says what every PA must allow, the lookup walks the image and says what it does allow.
 */
final class LookupOracle {
    /** Every need the property tests try: load, store, fetch and their combinations (AMO, shadow stack). */
    static final int[] NEEDS = {Access.R, Access.W, Access.X, Access.R | Access.W, Access.R | Access.X,
            Access.R | Access.W | Access.X};

    private final BuiltTables tables;
    private final List<Region> regions;
    private final String context;
    private final boolean bigEndian;
    private final MttLookup lookup;
    private final LookupResult out = new LookupResult();
    private int checks;

    /** Loads {@code tables} into a fresh memory holding nothing else. */
    LookupOracle(BuiltTables tables, List<Region> regions, boolean bigEndian, String context) {
        this.tables = tables;
        this.regions = regions;
        this.context = context;
        PhysicalMemory mem = new PhysicalMemory();
        mem.load(tables.base(), tables.image());
        this.lookup = new MttLookup(mem, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT);
        this.bigEndian = bigEndian;
    }

    /** The region holding {@code pa}, or null. */
    Region regionAt(long pa) {
        for (Region r : regions) {
            if (Long.compareUnsigned(pa, r.base()) >= 0 && Long.compareUnsigned(pa, r.last()) <= 0) {
                return r;
            }
        }
        return null;
    }

    /** Looks {@code pa} up with every need and fails with the whole story on the first disagreement. */
    void check(long pa) {
        MttMode mode = tables.mode();
        Region r = regionAt(pa);
        for (int need : NEEDS) {
            lookup.lookup(mode, tables.rootPpn(), pa, need, bigEndian, out);
            checks++;
            boolean expected = r != null && Access.grants(r.xwr(), need);
            boolean ok = out.allow() == expected && (r == null || out.xwr() == r.xwr());
            if (!ok) {
                fail(context + ": " + mode.id() + " PA 0x" + Long.toHexString(pa) + " need '" + Access.format(need)
                        + "' in " + (r == null ? "no region" : "region " + r) + ": expected "
                        + (expected ? "allow" : "deny") + (r == null ? "" : " with xwr " + r.permissions())
                        + ", lookup says " + out + "\n  regions " + regions + "\n  " + tables.describe());
            }
        }
    }

    int checks() {
        return checks;
    }
}
