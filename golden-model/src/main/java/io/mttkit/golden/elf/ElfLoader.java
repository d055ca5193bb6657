package io.mttkit.golden.elf;

import io.mttkit.golden.hart.PageMemory;

/** Copies the PT_LOAD segments of an {@link ElfFile} into a {@link PageMemory}. */
public final class ElfLoader {
    private ElfLoader() {
    }

    /**
     * Loads every segment (file bytes, then zeros up to p_memsz).
     *
     * @throws IllegalArgumentException naming the file and the segment when a segment lies outside the
     *                                  mapped memory ranges
     */
    public static void load(ElfFile elf, PageMemory mem) {
        int i = 0;
        for (ElfFile.Segment s : elf.segments()) {
            if (s.memSize() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ELF file " + elf.name() + ": segment " + i + " is larger than 2 GiB");
            }
            if (s.memSize() > 0 && !mem.canAccess(s.paddr(), (int) s.memSize())) {
                throw new IllegalArgumentException(String.format(
                        "ELF file %s: segment %d [0x%x, 0x%x) lies outside the hart's memory %s", elf.name(), i,
                        s.paddr(), s.paddr() + s.memSize(), mem.ranges()));
            }
            mem.writeBytes(s.paddr(), s.data(), 0, s.data().length);
            long zeros = s.memSize() - s.data().length;
            if (zeros > 0) {
                mem.writeBytes(s.paddr() + s.data().length, new byte[(int) zeros], 0, (int) zeros);
            }
            i++;
        }
    }
}
