package io.mttkit.tb.iocosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.iompt.MptInval;
import org.junit.jupiter.api.Test;

/**
 * The golden side of contract v3's "MPTINVAL → one invalidation operand" table (docs/io-checker.md), row by row, for
 * RV64 (leaf entries of 2^16 bytes) and a 56-bit paw.
 */
class IoCacheOperandTest {
    private static final long PAW56 = (1L << 56) - 1;

    private static Invalidation op(MptInval m) {
        return IoCacheScoreboard.operand(m, 16, PAW56);
    }

    @Test
    void ppnvZeroClearsEverythingOrOneSdid() {
        assertEquals(new Invalidation(false, 0, false, 0), op(MptInval.all()));
        assertEquals(new Invalidation(false, 0, true, 5), op(MptInval.ofSdid(5)));
    }

    @Test
    void aPageOrARangeOfAtMostOneLeafEntryGivesThePa() {
        long ppn = 0x80c26L;
        assertEquals(new Invalidation(true, ppn << 12, false, 0), op(MptInval.ofRange(ppn, false)));
        assertEquals(new Invalidation(true, ppn << 12, true, 3), op(MptInval.ofRange(ppn, false, 3)));
        // S = 1: PPN[3:0] != 1111 is a range of 8 KiB .. 64 KiB, inside one 64 KiB leaf entry
        for (long low : new long[] {0b0, 0b1, 0b11, 0b111}) {
            long p = (0x80c20L & ~0xFL) | low;
            assertEquals(new Invalidation(true, p << 12, true, 7), op(MptInval.ofRange(p, true, 7)), "PPN " + p);
        }
    }

    @Test
    void aLargerRangeClearsTheWholeScope() {
        long p = 0x80c2fL; // PPN[3:0] = 1111: 128 KiB
        assertEquals(new Invalidation(false, 0, true, 7), op(MptInval.ofRange(p, true, 7)));
        assertEquals(new Invalidation(false, 0, false, 0), op(MptInval.ofRange((1L << 44) - 1, true)));
    }

    @Test
    void thePaIsCutToPaw() {
        long ppn = (1L << 43) | 0x80c26L; // PA bit 55: above a 48-bit paw, so its alias is invalidated
        assertEquals(new Invalidation(true, 0x80c26L << 12, false, 0),
                IoCacheScoreboard.operand(MptInval.ofRange(ppn, false), 16, (1L << 48) - 1));
        assertEquals(new Invalidation(true, ppn << 12, false, 0), op(MptInval.ofRange(ppn, false)));
    }
}
