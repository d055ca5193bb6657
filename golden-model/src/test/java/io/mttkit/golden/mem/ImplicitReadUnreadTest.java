package io.mttkit.golden.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import org.junit.jupiter.api.Test;

/**
 * The entry a walk checked but did not read ({@link LookupResult#unreadAddr}): its PMP query is the walk's last, which a
 * co-simulation compares (docs/cache-model.md §11 "PMP queries"). Set when PMP refuses the entry or it lies beyond
 * {@code paw}; not for a read that fails on the bus (that read is in the read list) or one that succeeds.
 */
class ImplicitReadUnreadTest {
    private static final long TABLE = 0x8000_0000L;
    private static final long REFUSED = TABLE + 0x40;

    private final PhysicalMemory mem = new PhysicalMemory();
    private final ImplicitRead reader;

    ImplicitReadUnreadTest() {
        mem.addRegion(TABLE, 0x1000);
        mem.write64(TABLE, 0x1234);
        reader = new ImplicitRead(mem, (addr, size) -> addr != REFUSED, 40);
    }

    private LookupResult fetch(long addr) {
        LookupResult r = new LookupResult().reset();
        reader.fetch(addr, 8, false, 1, r);
        return r;
    }

    @Test
    void aRefusedEntryIsCheckedButNotRead() {
        LookupResult r = fetch(REFUSED);
        assertEquals(Cause.WALK_PMP, r.cause());
        assertEquals(0, r.readCount());
        assertTrue(r.hasUnread());
        assertEquals(REFUSED, r.unreadAddr());
        assertEquals(8, r.unreadSize());
        assertEquals(1, r.queryCount());
    }

    @Test
    void anEntryBeyondPawIsCheckedButNotRead() {
        LookupResult r = fetch(1L << 40);
        assertEquals(Cause.WALK_BUS_ERROR, r.cause());
        assertEquals(0, r.readCount());
        assertEquals(1L << 40, r.unreadAddr());
        assertEquals(1, r.queryCount());
    }

    @Test
    void aReadThatFailsOrSucceedsIsNoUnreadEntry() {
        LookupResult failed = fetch(TABLE + 0x2000); // outside the region: a bus error, the read is listed
        assertEquals(Cause.WALK_BUS_ERROR, failed.cause());
        assertEquals(1, failed.readCount());
        assertFalse(failed.hasUnread());
        LookupResult ok = fetch(TABLE);
        assertEquals(0x1234, ok.readValue(0));
        assertFalse(ok.hasUnread());
        assertEquals(1, ok.queryCount());
        assertFalse(fetch(REFUSED).reset().hasUnread(), "reset clears it");
    }
}
