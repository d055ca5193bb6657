package io.mttkit.golden.mem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhysicalMemoryTest {

    @Test
    void regionsAreZeroFilledDirectLittleEndianBuffers() {
        PhysicalMemory m = new PhysicalMemory();
        PhysicalMemory.Region r = m.addRegion(0x8000_0000L, 0x1000);
        assertTrue(r.buffer().isDirect());
        assertEquals(ByteOrder.LITTLE_ENDIAN, r.buffer().order());
        assertEquals(0, m.read64(0x8000_0FF8L));
        m.write64(0x8000_0000L, 0x1122_3344_5566_7788L);
        assertEquals(0x88, r.buffer().get(0) & 0xFF, "byte 0 holds the least significant byte");
        assertEquals(0x11, r.buffer().get(7) & 0xFF);
        assertSame(r.buffer(), m.regionBuffer(0x8000_0000L), "the very bytes a bridge would share");
    }

    @Test
    void readWriteAllSizesBothEndiannesses() {
        PhysicalMemory m = new PhysicalMemory();
        m.addRegion(0x1000, 0x100);
        m.write(0x1010, 8, 0x0102_0304_0506_0708L, false);
        assertEquals(0x0102_0304_0506_0708L, m.read(0x1010, 8, false));
        assertEquals(0x0807_0605_0403_0201L, m.read(0x1010, 8, true));
        assertEquals(0x0506_0708L, m.read(0x1010, 4, false));
        assertEquals(0x0807_0605L, m.read(0x1010, 4, true));
        assertEquals(0x0708, m.read(0x1010, 2, false));
        assertEquals(0x0807, m.read(0x1010, 2, true));
        assertEquals(0x08, m.read(0x1010, 1, true));
        m.write(0x1020, 4, 0xAABB_CCDDL, true);
        assertEquals(0xAA, m.read(0x1020, 1, false));
        assertEquals(0xDDCC_BBAAL, m.read32(0x1020));
        m.write32(0x1030, 0xFFFF_FFFFL);
        assertEquals(0xFFFF_FFFFL, m.read32(0x1030), "32-bit reads are zero-extended");
        assertThrows(IllegalArgumentException.class, () -> m.read(0x1000, 3, false));
    }

    @Test
    void canRead_requiresAllBytesInOneRegion() {
        PhysicalMemory m = new PhysicalMemory();
        m.addRegion(0x1000, 0x1000);
        m.addRegion(0x2000, 0x1000); // adjacent, still two regions
        assertTrue(m.canRead(0x1FF8, 8));
        assertFalse(m.canRead(0x1FFC, 8), "straddles two regions");
        assertFalse(m.canRead(0x0FFC, 8));
        assertFalse(m.canRead(0x3000, 1));
        assertFalse(m.canRead(0, 8));
        assertThrows(IllegalArgumentException.class, () -> m.read64(0x3000));
        assertThrows(IllegalArgumentException.class, () -> m.write64(0x1FFC, 0));
    }

    @Test
    void highAddressesAreUnsigned() {
        PhysicalMemory m = new PhysicalMemory();
        m.addRegion(0xFFFF_FFFF_FFFF_F000L, 0x1000); // the very top page
        m.addRegion(0x1000, 0x1000);
        m.write64(0xFFFF_FFFF_FFFF_FFF8L, 42);
        assertEquals(42, m.read64(0xFFFF_FFFF_FFFF_FFF8L));
        assertTrue(m.canRead(0x1000, 8));
        assertFalse(m.canRead(0x7FFF_FFFF_FFFF_F000L, 8));
        assertEquals(0x1000, m.regions().get(0).base(), "sorted by unsigned base");
    }

    @Test
    void overlapAndWrapAndSizeAreRejectedNamingBothRanges() {
        PhysicalMemory m = new PhysicalMemory();
        m.addRegion(0x1000, 0x1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.addRegion(0x1800, 0x1000));
        assertTrue(e.getMessage().contains("0x1800") && e.getMessage().contains("0x1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.addRegion(0x0, 0x1001));
        assertThrows(IllegalArgumentException.class, () -> m.addRegion(0xFFFF_FFFF_FFFF_F000L, 0x2000));
        assertThrows(IllegalArgumentException.class, () -> m.addRegion(0x10_0000, 0));
        assertThrows(IllegalArgumentException.class, () -> m.addRegion(0x10_0000, 1L << 31));
        m.addRegion(0x2000, 0x1000); // touching is fine
    }

    @Test
    void loadImageAndFile(@TempDir Path dir) throws Exception {
        PhysicalMemory m = new PhysicalMemory();
        m.load(0x4000, new byte[] {1, 2, 3, 4});
        assertEquals(0x0403_0201L, m.read32(0x4000));
        Path f = dir.resolve("img.bin");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBE, (byte) 0xAD, (byte) 0xDE, 0, 0, 0, 0});
        PhysicalMemory.Region r = m.load(0x8000, f);
        assertEquals(8, r.size());
        assertEquals(0xDEAD_BEEFL, m.read64(0x8000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.load(0x9000, dir.resolve("missing.bin")));
        assertTrue(e.getMessage().contains("missing.bin"), e.getMessage());
    }

    @Test
    void manyRegions_binarySearchFindsEach() {
        PhysicalMemory m = new PhysicalMemory();
        for (int i = 99; i >= 0; i--) {
            m.addRegion(0x10_0000L * i, 0x1000);
            m.write64(0x10_0000L * i + 8, i);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(i, m.read64(0x10_0000L * i + 8));
            assertFalse(m.canRead(0x10_0000L * i + 0x1000, 1));
        }
    }
}
