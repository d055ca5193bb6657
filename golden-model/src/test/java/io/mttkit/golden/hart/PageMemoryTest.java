package io.mttkit.golden.hart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lazily allocated page store behind the hart. */
class PageMemoryTest {
    @Test
    void pagesAreAllocatedOnFirstWriteOnly() {
        PageMemory m = new PageMemory();
        m.map(0xC000_0000L, 1L << 30, "1 GiB");
        assertEquals(0, m.load(0xC000_0000L + (123L << 12), 8), "unwritten memory reads as zero");
        assertEquals(0, m.allocatedPages());
        m.store(0xFFFF_F000L, 4, 0xDEAD_BEEFL);
        assertEquals(1, m.allocatedPages());
        assertEquals(0xDEAD_BEEFL, m.load(0xFFFF_F000L, 4));
        assertEquals(0xEFBE_ADDEL, m.read(0xFFFF_F000L, 4, true), "big-endian read swaps bytes");
    }

    @Test
    void boundsAndOverlapsAreChecked() {
        PageMemory m = new PageMemory();
        m.map(0x8000_0000L, 0x2000, "ram");
        assertTrue(m.canAccess(0x8000_1FF8L, 8));
        assertFalse(m.canAccess(0x8000_1FFCL, 8), "runs past the end");
        assertFalse(m.canAccess(0x7FFF_FFFCL, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.map(0x8000_1000L, 0x1000, "dup"));
        assertTrue(e.getMessage().contains("overlaps 'ram'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.map(0x9000_0800L, 0x1000, "unaligned"));
    }

    @Test
    void bytesCopyAcrossPages() {
        PageMemory m = new PageMemory();
        m.map(0x8000_0000L, 0x3000, "ram");
        byte[] b = new byte[5000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        m.writeBytes(0x8000_0F00L, b, 0, b.length);
        assertArrayEquals(b, m.readBytes(0x8000_0F00L, b.length));
        assertEquals(3, m.allocatedPages()); // [0x8000_0F00, 0x8000_2288) touches pages 0, 1 and 2
    }

    @Test
    void writesToWatchedPagesAreAnnouncedBeforeTheBytesChange() {
        PageMemory m = new PageMemory();
        m.map(0x8000_0000L, 0x10000, "ram");
        m.store(0x8000_1000L, 8, 0x1111L);
        java.util.List<String> seen = new java.util.ArrayList<>();
        m.setWriteObserver(ppn -> seen.add(Long.toHexString(ppn) + "=" + Long.toHexString(m.load(ppn << 12, 8))));
        m.store(0x8000_1000L, 8, 0x2222L);
        assertTrue(seen.isEmpty(), "a page that is not watched is not announced");
        m.watchPage(0x80001L);
        assertTrue(m.isWatched(0x80001L));
        assertFalse(m.isWatched(0x80002L));
        m.store(0x8000_1000L, 8, 0x3333L);
        m.store(0x8000_2000L, 8, 0x4444L); // another page, not watched
        m.store(0x8000_1008L, 4, 0x5555L); // back to the watched page after the one-entry cache moved on
        assertEquals(java.util.List.of("80001=2222", "80001=3333"), seen, "told before each write, old bytes visible");
        byte[] b = new byte[0x2000];
        m.writeBytes(0x8000_0800L, b, 0, b.length); // spans pages 0, 1 and 2: only page 1 is watched
        assertEquals(3, seen.size());
    }

    @Test
    void watchingManyPagesKeepsEveryOne() {
        PageMemory m = new PageMemory();
        for (long ppn = 0; ppn < 1000; ppn++) {
            m.watchPage(0x80000L + ppn * 7);
        }
        for (long ppn = 0; ppn < 1000; ppn++) {
            assertTrue(m.isWatched(0x80000L + ppn * 7));
            assertFalse(m.isWatched(0x80000L + ppn * 7 + 1));
        }
    }

    @Test
    void copyPageCopiesTheBytesOrZeros() {
        PageMemory m = new PageMemory();
        m.map(0x8000_0000L, 0x10000, "ram");
        m.store(0x8000_1FF8L, 8, 0x0102_0304_0506_0708L);
        java.nio.ByteBuffer dst = java.nio.ByteBuffer.allocateDirect(3 * 4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < dst.capacity(); i++) {
            dst.put(i, (byte) 0x5A);
        }
        m.copyPage(0x80001L, dst, 4096);
        m.copyPage(0x80003L, dst, 8192); // never written: zeros
        assertEquals(0x5A, dst.get(4095), "bytes before the destination are untouched");
        assertEquals(0x0102_0304_0506_0708L, dst.getLong(4096 + 0xFF8));
        assertEquals(0, dst.getLong(4096));
        assertEquals(0, dst.getLong(8192 + 0x800));
    }
}
