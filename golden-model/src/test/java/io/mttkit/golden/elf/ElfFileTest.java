package io.mttkit.golden.elf;

import io.mttkit.golden.hart.PageMemory;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ELF parsing and loading: well-formed 32/64-bit files, and a clear error for each malformation. */
class ElfFileTest {
    /** A minimal ELF: header, one PT_LOAD of {@code payload} at {@code paddr}, no sections. */
    static byte[] elf(boolean is64, int machine, long paddr, byte[] payload) {
        int eh = is64 ? 64 : 52;
        int ph = is64 ? 56 : 32;
        ByteBuffer b = ByteBuffer.allocate(eh + ph + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), 1, 1});
        b.putShort(16, (short) 2);
        b.putShort(18, (short) machine);
        b.putInt(20, 1);
        if (is64) {
            b.putLong(24, paddr);
            b.putLong(32, eh);
            b.putShort(54, (short) ph);
            b.putShort(56, (short) 1);
            b.putShort(58, (short) 64);
            b.putInt(eh, 1);
            b.putLong(eh + 8, eh + ph);
            b.putLong(eh + 16, paddr);
            b.putLong(eh + 24, paddr);
            b.putLong(eh + 32, payload.length);
            b.putLong(eh + 40, payload.length + 16L);
        } else {
            b.putInt(24, (int) paddr);
            b.putInt(28, eh);
            b.putShort(42, (short) ph);
            b.putShort(44, (short) 1);
            b.putShort(46, (short) 40);
            b.putInt(eh, 1);
            b.putInt(eh + 4, eh + ph);
            b.putInt(eh + 8, (int) paddr);
            b.putInt(eh + 12, (int) paddr);
            b.putInt(eh + 16, payload.length);
            b.putInt(eh + 20, payload.length + 16);
        }
        b.put(eh + ph, payload);
        return b.array();
    }

    static final byte[] PAYLOAD = {0x13, 0, 0, 0, 0x6F, 0, 0, 0};

    @Test
    void parsesAndLoadsBothClasses() {
        for (boolean is64 : new boolean[] {false, true}) {
            ElfFile f = ElfFile.parse("t.elf", elf(is64, ElfFile.EM_RISCV, 0x8000_0000L, PAYLOAD));
            assertEquals(is64 ? 64 : 32, f.xlen());
            assertEquals(0x8000_0000L, f.entry());
            assertEquals(1, f.segments().size());
            PageMemory m = new PageMemory();
            m.map(0x8000_0000L, 0x1000, "ram");
            m.store(0x8000_0008L, 8, -1L); // the bss part (memsz > filesz) must be zeroed
            ElfLoader.load(f, m);
            assertEquals(0x13, m.load(0x8000_0000L, 4));
            assertEquals(0x6F, m.load(0x8000_0004L, 4));
            assertEquals(0, m.load(0x8000_0008L, 8));
        }
    }

    static void assertBad(byte[] bytes, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElfFile.parse("prog.elf", bytes));
        assertTrue(e.getMessage().contains("prog.elf"), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
    }

    @Test
    void rejectsMalformedFilesNamingTheProblem() {
        byte[] good = elf(true, ElfFile.EM_RISCV, 0x8000_0000L, PAYLOAD);
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertBad(magic, "magic");
        byte[] cls = good.clone();
        cls[4] = 3;
        assertBad(cls, "class 3");
        byte[] be = good.clone();
        be[5] = 2;
        assertBad(be, "little-endian");
        assertBad(elf(true, 62, 0x8000_0000L, PAYLOAD), "EM_RISCV", "62");
        assertBad(Arrays.copyOf(good, 40), "truncated");
        assertBad(Arrays.copyOf(good, good.length - 4), "truncated", "segment 0");
        assertBad(new byte[3], "magic");
        byte[] dyn = good.clone();
        dyn[16] = 3;
        assertBad(dyn, "ET_EXEC");
    }

    @Test
    void segmentOutsideMemoryIsAClearError() {
        ElfFile f = ElfFile.parse("far.elf", elf(false, ElfFile.EM_RISCV, 0x1000_0000L, PAYLOAD));
        PageMemory m = new PageMemory();
        m.map(0x8000_0000L, 0x1000, "ram");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElfLoader.load(f, m));
        assertTrue(e.getMessage().contains("far.elf") && e.getMessage().contains("outside"), e.getMessage());
    }
}
