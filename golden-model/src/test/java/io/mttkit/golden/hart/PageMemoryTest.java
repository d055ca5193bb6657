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
}
