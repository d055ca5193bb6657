package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs an ordinary program in one supervisor domain ({@code mtt run PROGRAM --domain regions.json}): builds the
 * domain's tables with the golden {@link TableBuilder}, places them in memory and writes {@code mmpt}/{@code mttp}
 * (mode, SDID, root PPN) before the program's first instruction, so every S/U access the program makes is checked
 * against real tables.
 *
 * <p>Where the tables go: at {@code tablesAt} when given, else as high as possible in the highest mapped memory
 * range that has room (tables grow down from its end, the root aligned as the mode requires). They must lie
 * inside one mapped range, below the mode's PPN reach, and overlap neither a loaded ELF segment nor the CLINT;
 * otherwise {@link #place} throws naming the conflict. Memory the program uses beyond its segments (stacks, heaps)
 * is invisible here: the automatic placement assumes a program leaves the top of its memory alone (the link
 * script of {@code programs/} keeps everything below 0x8040_0000), and {@code tablesAt} moves the tables when not.
 *
 * <p>M-mode firmware in the program may write the root CSR itself; from then on its setting is the one used (the
 * hart is M-mode's to configure). {@link Placed#notes()} says when the domain's regions grant access to the table
 * pages themselves (the domain could rewrite its own permissions).
 *
 * @param regions  the domain's regions (later regions do not override earlier ones: they must be disjoint)
 * @param mode     the MTT/MPT mode (not Bare), of the hart's format and XLEN
 * @param sdid     the supervisor domain ID written with the root (0 .. 2^SDIDLEN - 1)
 * @param tablesAt where the table image starts (4 KiB aligned), or null for the automatic placement
 */
public record DomainSetup(List<Region> regions, MttMode mode, int sdid, Long tablesAt) {
    /** The alignment the automatic placement gives the image: the largest root alignment of any mode. */
    static final long AUTO_ALIGN = 32 * 1024;

    public DomainSetup {
        if (regions == null || mode == null || mode == MttMode.BARE) {
            throw new IllegalArgumentException("a domain needs a region list and a table mode other than Bare");
        }
        regions = List.copyOf(regions);
    }

    /**
     * What {@link #place} did.
     *
     * @param tables  the tables, as placed
     * @param rootCsr the value written to {@code mmpt}/{@code mttp}
     * @param notes   remarks (the builder's, and regions that grant access to the table pages)
     */
    public record Placed(BuiltTables tables, long rootCsr, List<String> notes) {
        public Placed {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Builds the tables, writes them into the hart's memory and the root CSR. Call it after the ELF is loaded and
     * before the first instruction ({@link RunOptions#setup()}).
     *
     * @throws IllegalArgumentException when the mode does not fit the hart, the SDID is out of range, the regions
     *                                  cannot be built, or no place for the tables satisfies the rules above
     */
    public Placed place(Hart hart, ElfFile elf) {
        HartConfig cfg = hart.config();
        if (mode.format() != cfg.format() || mode.xlen() != cfg.xlen()) {
            throw new IllegalArgumentException("mode " + mode.id() + " is not a mode of this hart (RV" + cfg.xlen()
                    + ", " + cfg.format().id() + "); choose one of " + modes(cfg));
        }
        if (!cfg.supportedModes().contains(mode)) {
            throw new IllegalArgumentException("mode " + mode.id() + " is not supported by this hart; choose one of "
                    + modes(cfg));
        }
        if (sdid < 0 || sdid >= (1 << cfg.sdidLen())) {
            throw new IllegalArgumentException("SDID " + sdid + " is out of range (0 .. " + ((1 << cfg.sdidLen()) - 1)
                    + " with SDIDLEN " + cfg.sdidLen() + ")");
        }
        PageMemory mem = hart.memory();
        BuiltTables t = tablesAt != null ? build(tablesAt) : autoPlace(mem, elf, cfg);
        String conflict = conflict(t.base(), t.end(), mem, elf, cfg);
        if (conflict != null) {
            throw new IllegalArgumentException(String.format("the %s tables (%d bytes) at [0x%x, 0x%x] %s", mode.id(),
                    t.image().length, t.base(), t.end() - 1, conflict));
        }
        mem.writeBytes(t.base(), t.image(), 0, t.image().length);
        long csr = HartMatrix.rootCsrValue(mode, sdid, t.rootPpn());
        hart.mttRoot().write(csr);
        if (hart.mttRoot().mode() != mode || hart.mttRoot().ppn() != t.rootPpn() || hart.mttRoot().sdid() != sdid) {
            throw new IllegalStateException(String.format("the root CSR did not take 0x%x (reads 0x%x)", csr,
                    hart.mttRoot().read()));
        }
        List<String> notes = new ArrayList<>(t.notes());
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (r.xwr() != 0 && Long.compareUnsigned(r.base(), t.end() - 1) <= 0
                    && Long.compareUnsigned(t.base(), r.last()) <= 0) {
                notes.add("region #" + i + " " + r + " overlaps the tables: the domain can reach its own table pages");
            }
        }
        return new Placed(t, csr, notes);
    }

    private BuiltTables build(long base) {
        try {
            return TableBuilder.build(regions, mode, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the domain's regions: " + e.getMessage(), e);
        }
    }

    /** Tables as high as they fit in the highest mapped range with room for them. */
    private BuiltTables autoPlace(PageMemory mem, ElfFile elf, HartConfig cfg) {
        List<PageMemory.Range> ranges = new ArrayList<>(mem.ranges());
        ranges.sort((a, b) -> Long.compareUnsigned(b.base(), a.base()));
        List<String> tried = new ArrayList<>();
        for (PageMemory.Range r : ranges) {
            long end = r.base() + r.size();
            long reach = 1L << (mode.xlen() == 32 ? 34 : 56);
            if (Long.compareUnsigned(end, reach) > 0) {
                end = reach;
            }
            if (Long.compareUnsigned(end, r.base()) <= 0) {
                continue;
            }
            // the image's size does not depend on its base once the base is aligned for every root
            long probeBase = (r.base() + AUTO_ALIGN - 1) & -AUTO_ALIGN;
            long size = build(probeBase).image().length;
            long base = (end - size) & -AUTO_ALIGN;
            if (Long.compareUnsigned(size, end - r.base()) > 0 || Long.compareUnsigned(base, r.base()) < 0) {
                tried.add(r + ": too small for " + size + " bytes");
                continue;
            }
            BuiltTables t = build(base);
            String c = conflict(t.base(), t.end(), mem, elf, cfg);
            if (c == null) {
                return t;
            }
            tried.add(r + ": the top " + size + " bytes " + c);
        }
        throw new IllegalArgumentException("no room for the " + mode.id() + " tables in the memory map ("
                + String.join("; ", tried) + "); map more memory or give the tables' address");
    }

    /** Why {@code [base, end)} cannot hold the tables, or null when it can. */
    private static String conflict(long base, long end, PageMemory mem, ElfFile elf, HartConfig cfg) {
        if (!mem.canAccess(base, (int) Math.min(end - base, Integer.MAX_VALUE)) || end - base > Integer.MAX_VALUE) {
            return "do not lie inside one mapped memory range " + mem.ranges();
        }
        int i = 0;
        for (ElfFile.Segment s : elf.segments()) {
            long sEnd = s.paddr() + s.memSize();
            if (s.memSize() > 0 && Long.compareUnsigned(s.paddr(), end - 1) <= 0
                    && Long.compareUnsigned(base, sEnd - 1) <= 0) {
                return String.format("overlap segment %d [0x%x, 0x%x] of %s", i, s.paddr(), sEnd - 1, elf.name());
            }
            i++;
        }
        long clint = cfg.clintBase();
        if (Long.compareUnsigned(clint, end - 1) <= 0 && Long.compareUnsigned(base, clint + 0xFFFF) <= 0) {
            return String.format("overlap the CLINT at 0x%x", clint);
        }
        return null;
    }

    private static String modes(HartConfig cfg) {
        List<String> ids = new ArrayList<>();
        for (MttMode m : cfg.supportedModes()) {
            ids.add(m.id());
        }
        return String.join(", ", ids);
    }

    /** The default mode of a hart: Smmpt34/Smmpt43 or Smmtt34/Smmtt46 (the smallest of its format and XLEN). */
    public static MttMode defaultMode(HartConfig cfg) {
        MttMode best = null;
        for (MttMode m : cfg.supportedModes()) {
            if (best == null || m.paBits() < best.paBits()) {
                best = m;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the hart supports no table mode");
        }
        return best;
    }
}
