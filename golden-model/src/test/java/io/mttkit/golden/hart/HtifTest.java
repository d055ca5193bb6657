package io.mttkit.golden.hart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTIF as Spike implements it: exit, console with its fromhost answer, RV32 two-word commands, errors. */
class HtifTest {
    static final long TOHOST = 0x8000_1000L;
    static final long FROMHOST = 0x8000_1040L;

    static PageMemory mem() {
        PageMemory m = new PageMemory();
        m.map(0x8000_0000L, 0x2000, "ram");
        return m;
    }

    @Test
    void consoleCharactersAreAnsweredInFromhost() {
        PageMemory m = mem();
        Htif h = new Htif(m, TOHOST, FROMHOST);
        m.store(TOHOST, 8, (1L << 56) | (1L << 48) | 'A');
        h.stored(TOHOST, 8);
        assertEquals("A", h.console());
        assertEquals(0, m.load(TOHOST, 8), "tohost is cleared once the command is taken");
        assertEquals((1L << 56) | (1L << 48) | 0x100 | 'A', m.load(FROMHOST, 8));
        assertFalse(h.exited());
    }

    @Test
    void rv32CommandIsTakenWhenTheLowWordLands() {
        PageMemory m = mem();
        Htif h = new Htif(m, TOHOST, -1);
        m.store(TOHOST + 4, 4, 0);
        h.stored(TOHOST + 4, 4); // high word first: nothing yet
        assertFalse(h.exited());
        m.store(TOHOST, 4, (42 << 1) | 1);
        h.stored(TOHOST, 4);
        assertTrue(h.exited());
        assertEquals(42, h.exitCode());
        assertNull(h.error());
    }

    @Test
    void unknownCommandsAreReported() {
        PageMemory m = mem();
        Htif h = new Htif(m, TOHOST, -1);
        m.store(TOHOST, 8, 0x8000_0800L); // a riscv-pk syscall pointer (device 0, bit 0 clear)
        h.stored(TOHOST, 8);
        assertTrue(h.error() != null && h.error().contains("unsupported HTIF command"), h.error());
        assertFalse(h.exited());
    }
}
