package io.mttkit.gen.cache;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** The entry types of the three cache structures (§3), each stored as one memory per field. */
final class CacheEntries {
    private CacheEntries() {
    }

    /** §3.1: a 64 KiB (32 KiB on RV32) leaf of XWR tuples, tagged with the PA bits above the set index. */
    static final class Leaf extends Bundle {
        final Context ctx;
        final UInt tag;
        final UInt tuples;

        Leaf(Scope s, MttCacheParams p) {
            super(s);
            ctx = s.bundle("", x -> new Context(x, p.sdidLen()));
            tag = s.uint("tag", p.paw() - p.leafRange() - p.setBits());
            tuples = s.uint("tuples", 3 * p.tupleCount());
        }
    }

    /** §3.2: a leaf of any level or size ({@code size_log2}), every NAPOT leaf, v0.1 superpages. */
    static final class Superpage extends Bundle {
        final Context ctx;
        final UInt level;
        final UInt sizeLog2;
        final UInt base;
        final UInt kind;
        final UInt tupleLog2;
        final UInt tuples;

        Superpage(Scope s, MttCacheParams p) {
            super(s);
            ctx = s.bundle("", x -> new Context(x, p.sdidLen()));
            level = s.uint("level", 3);
            sizeLog2 = s.uint("size_log2", CacheHitPort.LOG2_WIDTH);
            base = s.uint("base", p.paw());
            kind = s.uint("kind", 2);
            tupleLog2 = s.uint("tuple_log2", CacheHitPort.LOG2_WIDTH);
            tuples = s.uint("tuples", 3 * p.tupleCount());
        }
    }

    /** §3.3: a non-leaf pointer, tagged by the PA prefix of the table it points to. */
    static final class Walk extends Bundle {
        final Context ctx;
        final UInt tableLevel;
        final UInt prefix;
        final UInt ppn;

        Walk(Scope s, MttCacheParams p) {
            super(s);
            ctx = s.bundle("", x -> new Context(x, p.sdidLen()));
            tableLevel = s.uint("table_level", 3);
            prefix = s.uint("prefix", p.paw());
            ppn = s.uint("ppn", p.ppnWidth());
        }
    }

    /** §7.1: one queued MINVAL.PA operand. */
    static final class QueuedInvalidation extends Bundle {
        final Bool hasPa;
        final UInt pa;
        final Bool hasSdid;
        final UInt sdid;

        QueuedInvalidation(Scope s, MttCacheParams p) {
            super(s);
            hasPa = s.bool("has_pa");
            pa = s.uint("pa", p.paw());
            hasSdid = p.sdidLen() > 0 ? s.bool("has_sdid") : null;
            sdid = p.sdidLen() > 0 ? s.uint("sdid", p.sdidLen()) : null;
        }
    }
}
