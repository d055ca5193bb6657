package io.mttkit.tb.cosim;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.dut.CheckerDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden model's view of one co-simulated check: the same memory, the bridge's PMP region list as an
 * {@link ImplicitReadCheck}, and the bus errors the bridge injected (the {@code n}-th read of the check fails),
 * so the golden lookup walks exactly the world the RTL saw. Records the PMP queries the lookup made.
 */
final class GoldenOracle {
    private final PhysicalMemory memory;
    private final MttLookup lookup;
    private final long pawMask;
    private List<PmpRegion> pmpRegions = List.of();
    private boolean pmpDefaultAllow = true;

    private int failAtRead = -1;
    private int readsDone;
    private final List<Long> pmpQueries = new ArrayList<>();

    /** The golden model configured for {@code device} ({@link CheckerDescription#lookupConfig()}). */
    GoldenOracle(PhysicalMemory memory, CheckerDescription device) {
        this.memory = memory;
        this.pawMask = device.paw() >= 64 ? -1L : (1L << device.paw()) - 1;
        LookupConfig config = device.lookupConfig();
        MpteReader reader = new MpteReader() {
            @Override
            public boolean canRead(long addr, int size) {
                return readsDone != failAtRead && memory.canRead(addr, size);
            }

            @Override
            public long read(long addr, int size, boolean bigEndian) {
                readsDone++;
                return memory.read(addr, size, bigEndian);
            }
        };
        // The bridge sees the paw-bit pmp_addr port; the mirror answers for that same address.
        ImplicitReadCheck pmp = (addr, size) -> {
            pmpQueries.add(addr & pawMask);
            return PmpRegion.allows(pmpRegions, pmpDefaultAllow, addr & pawMask, size);
        };
        this.lookup = new MttLookup(reader, pmp, config);
    }

    void setPmp(List<PmpRegion> regions, boolean defaultAllow) {
        this.pmpRegions = List.copyOf(regions);
        this.pmpDefaultAllow = defaultAllow;
    }

    /**
     * Runs the golden lookup for {@code req}; {@code failAt} is the index of the read the bridge answered with a
     * bus error (-1: none).
     */
    LookupResult evaluate(CheckRequest req, int failAt, LookupResult out) {
        prepare(failAt);
        return lookup.lookup(req.mode(), req.rootPpn(), req.pa(), req.need(), req.be(), out);
    }

    /**
     * Gets the oracle's {@link #lookup()} ready for one walk: the {@code failAt}-th read fails (-1: none) and the PMP
     * query list starts empty.
     */
    void prepare(int failAt) {
        failAtRead = failAt;
        readsDone = 0;
        pmpQueries.clear();
    }

    /** The golden lookup over this oracle's memory, PMP mirror and injected bus errors (see {@link #prepare}). */
    MttLookup lookup() {
        return lookup;
    }

    /** The PMP queries (paw-bit addresses) of the last {@link #evaluate}. */
    List<Long> pmpQueries() {
        return pmpQueries;
    }

    PhysicalMemory memory() {
        return memory;
    }
}
