package io.mttkit.golden.cache;

import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One mode's tables, a lookup over them and a cache model: the common set-up of the directed tests. */
final class CacheFixture {
    final TestTables t;
    final MttLookup lookup;
    final MttCacheModel cache;

    CacheFixture(MttMode mode, CacheParams params, LookupConfig config) {
        t = new TestTables(mode, 48L << 20);
        lookup = new MttLookup(t.mem, ImplicitReadCheck.ALLOW_ALL, config);
        cache = new MttCacheModel(params, lookup);
    }

    CacheFixture(MttMode mode, CacheParams params) {
        this(mode, params, LookupConfig.DEFAULT.withV01OneGigAsOneGiB(params.v01OneGigAsOneGiB()));
    }

    CacheFixture(MttMode mode) {
        this(mode, CacheParams.defaults(mode.xlen()));
    }

    long newRoot() {
        return t.allocTable(t.mode.levels() - 1);
    }

    CheckContext ctx(int sdid, long rootPpn) {
        return new CheckContext(sdid, t.mode, rootPpn, false);
    }

    LookupResult fresh(CheckContext ctx, long pa, int need) {
        return lookup.lookup(ctx.mode(), ctx.rootPpn(), pa, need, ctx.bigEndian(), new LookupResult());
    }

    /** Every verdict field of the cache's answer equals a fresh lookup's. */
    static void assertSameVerdict(LookupResult fresh, CheckOutcome got, String what) {
        LookupResult r = got.result();
        String msg = what + ": cache " + got + "\n fresh " + fresh;
        assertEquals(fresh.allow(), r.allow(), msg);
        assertEquals(fresh.cause(), r.cause(), msg);
        assertEquals(fresh.xwr(), r.xwr(), msg);
        assertEquals(fresh.level(), r.level(), msg);
        assertEquals(fresh.leafLog2(), r.leafLog2(), msg);
        assertEquals(fresh.uniformLog2(), r.uniformLog2(), msg);
        assertEquals(fresh.cacheable(), got.cacheable(), msg);
    }

    /**
     * A hit reads nothing; a walk's reads are the tail of the full walk's reads (a walk-cache start skips the
     * head), and a walk that starts at the root reads exactly what the full walk reads.
     */
    static void assertReadsAreTail(LookupResult fresh, CheckOutcome got, int rootLevel, String what) {
        LookupResult r = got.result();
        if (got.kind() != CheckOutcome.Kind.MISS) {
            assertEquals(0, r.readCount(), what + ": no walk, no reads");
            return;
        }
        int skip = fresh.readCount() - r.readCount();
        String msg = what + ": cache " + got + "\n fresh " + fresh;
        if (skip < 0) {
            throw new AssertionError("walk read more than the full walk. " + msg);
        }
        if (got.walkStartLevel() == rootLevel) {
            assertEquals(0, skip, "a walk from the root reads what the full walk reads. " + msg);
        } else {
            assertEquals(rootLevel - got.walkStartLevel(), skip,
                    "a walk-cache start skips one read per level above its table. " + msg);
        }
        for (int i = 0; i < r.readCount(); i++) {
            assertEquals(fresh.readAddr(skip + i), r.readAddr(i), msg);
            assertEquals(fresh.readSize(skip + i), r.readSize(i), msg);
            assertEquals(fresh.readValue(skip + i), r.readValue(i), msg);
            assertEquals(fresh.readFailed(skip + i), r.readFailed(i), msg);
        }
    }
}
