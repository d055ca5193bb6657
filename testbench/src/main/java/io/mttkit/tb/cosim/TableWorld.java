package io.mttkit.tb.cosim;

import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import java.util.List;

/**
 * A memory image holding one mode's tables, built by the golden {@link TableBuilder}, plus the helpers tests
 * need to aim at one entry: the golden walk path of a PA, and raw entry reads and writes.
 */
public final class TableWorld {
    /** Where tables are placed: above 2 GiB, clear of the regions tests describe below it and in the 3 GiB range. */
    public static final long TABLE_BASE = 0x8040_0000L;

    private final MttMode mode;
    private final PhysicalMemory memory;
    private final BuiltTables tables;
    private final MttLookup pathFinder;

    private TableWorld(MttMode mode, PhysicalMemory memory, BuiltTables tables) {
        this.mode = mode;
        this.memory = memory;
        this.tables = tables;
        this.pathFinder = new MttLookup(memory, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT);
    }

    /** Tables for {@code regions} in {@code mode}, placed at {@link #TABLE_BASE}. */
    public static TableWorld build(MttMode mode, List<Region> regions, BuildOptions options) {
        BuiltTables t = TableBuilder.build(regions, mode, TABLE_BASE, options);
        PhysicalMemory mem = new PhysicalMemory();
        mem.load(t.base(), t.image());
        return new TableWorld(mode, mem, t);
    }

    /** Tables for {@code regions} with the builder's defaults. */
    public static TableWorld build(MttMode mode, List<Region> regions) {
        return build(mode, regions, BuildOptions.DEFAULT);
    }

    public MttMode mode() {
        return mode;
    }

    public PhysicalMemory memory() {
        return memory;
    }

    public BuiltTables tables() {
        return tables;
    }

    /** The root PPN of the built tables. */
    public long rootPpn() {
        return tables.rootPpn();
    }

    /** Entry bytes of the mode. */
    public int entryBytes() {
        return mode.entryBytes();
    }

    /**
     * The golden walk of {@code pa} as it is now (no PMP, no bus errors, little-endian): entry addresses root
     * first, and the result.
     */
    public LookupResult path(long pa) {
        return pathFinder.lookup(mode, tables.rootPpn(), pa, 1, false, new LookupResult());
    }

    /** The address of the entry the walk of {@code pa} reads at walk step {@code step} (0 = root). */
    public long entryAddress(long pa, int step) {
        LookupResult r = path(pa);
        if (step >= r.readCount()) {
            throw new IllegalArgumentException("the walk of 0x" + Long.toHexString(pa) + " reads only " + r.readCount()
                    + " entries; step " + step + " does not exist");
        }
        return r.readAddr(step);
    }

    /** Reads an entry (little-endian). */
    public long readEntry(long addr) {
        return memory.read(addr, entryBytes(), false);
    }

    /** Writes an entry (little-endian). */
    public void writeEntry(long addr, long value) {
        memory.write(addr, entryBytes(), value, false);
    }
}
