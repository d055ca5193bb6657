package io.mttkit.golden.audit;

import io.mttkit.golden.Access;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The region list of a small domain written the way firmware writes one (later regions carve holes in earlier ones),
 * and tables built from it correctly or with the mistakes firmware table builders make. Every address fits the
 * 34-bit PA of the RV32 modes.
 */
final class AuditScenarios {
    static final int RWX = Access.R | Access.W | Access.X;
    static final int RX = Access.R | Access.X;
    static final int RW = Access.R | Access.W;
    static final long IMAGE_BASE = 0x4000_0000L;

    /** Domain RAM: 1 GiB rwx. */
    static final long RAM = 0x8000_0000L;
    static final long RAM_SIZE = 1L << 30;
    /** Firmware at the bottom of RAM: no access from S-mode (a later region inside RAM). */
    static final long FW = RAM;
    static final long FW_SIZE = 2L << 20;
    /** A 2 MiB rwx buffer with one 4 KiB no-access page (a guard page) inside it. */
    static final long BUF = 0x1_0020_0000L;
    static final long BUF_SIZE = 2L << 20;
    static final long GUARD = BUF + 0x5000;
    static final long GUARD_SIZE = 0x1000;

    private AuditScenarios() {
    }

    /** What the firmware meant, in its own words: overlapping, later wins. */
    static List<Region> intended() {
        return List.of(new Region(RAM, RAM_SIZE, RWX), new Region(FW, FW_SIZE, 0), new Region(BUF, BUF_SIZE, RWX),
                new Region(GUARD, GUARD_SIZE, 0));
    }

    static IntendedMap map(MttMode mode) {
        return IntendedMap.of(intended(), top(mode));
    }

    static long top(MttMode mode) {
        return mode.paBits() >= 64 ? -1L : (1L << mode.paBits()) - 1;
    }

    /** The right tables: the intent as disjoint regions, built by the golden builder. */
    static BuiltTables correct(MttMode mode) {
        return TableBuilder.build(map(mode).asDisjointRegions(), mode, IMAGE_BASE);
    }

    /**
     * The guard page rewrote the whole leaf it falls in instead of splitting it: the whole 2 MiB buffer has no
     * access.
     */
    static BuiltTables guardRewroteTheLeaf(MttMode mode) {
        return TableBuilder.build(replace(map(mode).asDisjointRegions(), BUF, BUF_SIZE, 0), mode, IMAGE_BASE);
    }

    /** The firmware's 2 MiB are readable and executable from S-mode (its region written rx). */
    static BuiltTables firmwareReadableExecutable(MttMode mode) {
        return TableBuilder.build(replace(map(mode).asDisjointRegions(), FW, FW_SIZE, RX), mode, IMAGE_BASE);
    }

    /** The firmware carve-out was lost: the RAM region's 1 GiB leaf covers the firmware with rwx. */
    static BuiltTables firmwareCarveOutLost(MttMode mode) {
        return TableBuilder.build(replace(map(mode).asDisjointRegions(), FW, FW_SIZE, RWX), mode, IMAGE_BASE);
    }

    /** {@code regions} with {@code [base, base + size)} set to {@code xwr} (0: an explicit no-access region). */
    static List<Region> replace(List<Region> regions, long base, long size, int xwr) {
        List<Region> out = new ArrayList<>();
        long last = base + size - 1;
        for (Region r : regions) {
            if (r.last() < base || r.base() > last) {
                out.add(r);
                continue;
            }
            if (r.base() < base) {
                out.add(new Region(r.base(), base - r.base(), r.xwr()));
            }
            if (r.last() > last) {
                out.add(new Region(last + 1, r.last() - last, r.xwr()));
            }
        }
        out.add(new Region(base, size, xwr));
        return out;
    }

    static PhysicalMemory memory(BuiltTables t) {
        PhysicalMemory m = new PhysicalMemory();
        m.load(t.base(), t.image());
        return m;
    }

    static TableWalk walk(BuiltTables t, MttMode mode) {
        return new TableWalk(memory(t), LookupConfig.DEFAULT, mode, t.rootPpn(), false);
    }
}
