package io.mttkit.golden.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed little-endian RISC-V ELF executable (ELFCLASS32 or ELFCLASS64, EM_RISCV): its entry point, its
 * PT_LOAD segments and its symbol table (for {@code tohost}/{@code fromhost} and program parameters).
 * Every malformation is an {@link IllegalArgumentException} naming the file and what is wrong.
 */
public final class ElfFile {
    /** EM_RISCV. */
    public static final int EM_RISCV = 243;
    private static final int PT_LOAD = 1;
    private static final int SHT_SYMTAB = 2;

    /**
     * One PT_LOAD segment.
     *
     * @param paddr  physical load address
     * @param data   the file bytes of the segment (p_filesz)
     * @param memSize p_memsz (≥ data length; the rest is zero)
     */
    public record Segment(long paddr, byte[] data, long memSize) {
    }

    private final String name;
    private final int xlen;
    private final long entry;
    private final List<Segment> segments;
    private final Map<String, Long> symbols;

    private ElfFile(String name, int xlen, long entry, List<Segment> segments, Map<String, Long> symbols) {
        this.name = name;
        this.xlen = xlen;
        this.entry = entry;
        this.segments = segments;
        this.symbols = symbols;
    }

    /** Reads and parses {@code file}. */
    public static ElfFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read ELF file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    /**
     * Parses the bytes of an ELF file.
     *
     * @param name used in error messages (usually the path)
     */
    public static ElfFile parse(String name, byte[] b) {
        if (b.length < 16 || b[0] != 0x7F || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            throw bad(name, "not an ELF file (bad magic; expected 7f 45 4c 46)");
        }
        int cls = b[4];
        if (cls != 1 && cls != 2) {
            throw bad(name, "unknown ELF class " + cls + " (expected 1 = ELFCLASS32 or 2 = ELFCLASS64)");
        }
        boolean is64 = cls == 2;
        if (b[5] != 1) {
            throw bad(name, "not little-endian (EI_DATA = " + b[5] + "); RISC-V executables are ELFDATA2LSB");
        }
        int ehsize = is64 ? 64 : 52;
        if (b.length < ehsize) {
            throw bad(name, "truncated: " + b.length + " bytes, shorter than the " + ehsize + "-byte ELF header");
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int type = bb.getShort(16) & 0xFFFF;
        int machine = bb.getShort(18) & 0xFFFF;
        if (machine != EM_RISCV) {
            throw bad(name, "e_machine is " + machine + ", not EM_RISCV (243)");
        }
        if (type != 2) {
            throw bad(name, "e_type is " + type + ", not ET_EXEC (2); link the program statically (-static)");
        }
        long entry = is64 ? bb.getLong(24) : bb.getInt(24) & 0xFFFF_FFFFL;
        long phoff = is64 ? bb.getLong(32) : bb.getInt(28) & 0xFFFF_FFFFL;
        long shoff = is64 ? bb.getLong(40) : bb.getInt(32) & 0xFFFF_FFFFL;
        int phentsize = bb.getShort(is64 ? 54 : 42) & 0xFFFF;
        int phnum = bb.getShort(is64 ? 56 : 44) & 0xFFFF;
        int shentsize = bb.getShort(is64 ? 58 : 46) & 0xFFFF;
        int shnum = bb.getShort(is64 ? 60 : 48) & 0xFFFF;
        int wantPh = is64 ? 56 : 32;
        if (phnum == 0) {
            throw bad(name, "has no program headers (nothing to load)");
        }
        if (phentsize != wantPh) {
            throw bad(name, "e_phentsize is " + phentsize + ", expected " + wantPh);
        }
        need(name, b, phoff, (long) phnum * phentsize, "program header table");
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int o = (int) (phoff + (long) i * phentsize);
            int ptype = bb.getInt(o);
            if (ptype != PT_LOAD) {
                continue;
            }
            long off;
            long paddr;
            long filesz;
            long memsz;
            if (is64) {
                off = bb.getLong(o + 8);
                paddr = bb.getLong(o + 24);
                filesz = bb.getLong(o + 32);
                memsz = bb.getLong(o + 40);
            } else {
                off = bb.getInt(o + 4) & 0xFFFF_FFFFL;
                paddr = bb.getInt(o + 12) & 0xFFFF_FFFFL;
                filesz = bb.getInt(o + 16) & 0xFFFF_FFFFL;
                memsz = bb.getInt(o + 20) & 0xFFFF_FFFFL;
            }
            if (Long.compareUnsigned(filesz, memsz) > 0) {
                throw bad(name, "segment " + i + " has p_filesz " + filesz + " > p_memsz " + memsz);
            }
            need(name, b, off, filesz, "segment " + i);
            byte[] data = new byte[(int) filesz];
            System.arraycopy(b, (int) off, data, 0, (int) filesz);
            segs.add(new Segment(paddr, data, memsz));
        }
        if (segs.isEmpty()) {
            throw bad(name, "has no PT_LOAD segment");
        }
        Map<String, Long> syms = new LinkedHashMap<>();
        if (shoff != 0 && shnum != 0) {
            int wantSh = is64 ? 64 : 40;
            if (shentsize != wantSh) {
                throw bad(name, "e_shentsize is " + shentsize + ", expected " + wantSh);
            }
            need(name, b, shoff, (long) shnum * shentsize, "section header table");
            for (int i = 0; i < shnum; i++) {
                int o = (int) (shoff + (long) i * shentsize);
                if (bb.getInt(o + 4) != SHT_SYMTAB) {
                    continue;
                }
                long off = is64 ? bb.getLong(o + 24) : bb.getInt(o + 16) & 0xFFFF_FFFFL;
                long size = is64 ? bb.getLong(o + 32) : bb.getInt(o + 20) & 0xFFFF_FFFFL;
                int link = bb.getInt(is64 ? o + 40 : o + 24);
                long entsize = is64 ? bb.getLong(o + 56) : bb.getInt(o + 36) & 0xFFFF_FFFFL;
                if (link < 0 || link >= shnum) {
                    throw bad(name, "symbol table links to section " + link + " of " + shnum);
                }
                int so = (int) (shoff + (long) link * shentsize);
                long strOff = is64 ? bb.getLong(so + 24) : bb.getInt(so + 16) & 0xFFFF_FFFFL;
                long strSize = is64 ? bb.getLong(so + 32) : bb.getInt(so + 20) & 0xFFFF_FFFFL;
                need(name, b, off, size, "symbol table");
                need(name, b, strOff, strSize, "string table");
                long want = is64 ? 24 : 16;
                if (entsize != want) {
                    throw bad(name, "symbol table entry size is " + entsize + ", expected " + want);
                }
                for (long s = off; s + entsize <= off + size; s += entsize) {
                    int nameOff = bb.getInt((int) s);
                    long value = is64 ? bb.getLong((int) s + 8) : bb.getInt((int) s + 4) & 0xFFFF_FFFFL;
                    if (nameOff <= 0 || nameOff >= strSize) {
                        continue;
                    }
                    int start = (int) (strOff + nameOff);
                    int end = start;
                    while (end < strOff + strSize && b[end] != 0) {
                        end++;
                    }
                    String sym = new String(b, start, end - start, StandardCharsets.UTF_8);
                    syms.putIfAbsent(sym, value);
                }
            }
        }
        return new ElfFile(name, is64 ? 64 : 32, entry, Collections.unmodifiableList(segs),
                Collections.unmodifiableMap(syms));
    }

    private static void need(String name, byte[] b, long off, long len, String what) {
        if (off < 0 || len < 0 || off + len > b.length || off + len < off) {
            throw bad(name, "truncated: the " + what + " at offset " + off + " (" + len + " bytes) runs past the end"
                    + " of the " + b.length + "-byte file");
        }
    }

    private static IllegalArgumentException bad(String name, String what) {
        return new IllegalArgumentException("ELF file " + name + ": " + what);
    }

    /** The path or name the file was read from. */
    public String name() {
        return name;
    }

    /** 32 for ELFCLASS32, 64 for ELFCLASS64. */
    public int xlen() {
        return xlen;
    }

    /** e_entry: where execution starts. */
    public long entry() {
        return entry;
    }

    /** The PT_LOAD segments in file order. */
    public List<Segment> segments() {
        return segments;
    }

    /** Symbol values by name (first definition wins). */
    public Map<String, Long> symbols() {
        return symbols;
    }

    /** The value of symbol {@code sym}, or throws naming the file and the symbol. */
    public long symbol(String sym) {
        Long v = symbols.get(sym);
        if (v == null) {
            throw new IllegalArgumentException("ELF file " + name + " has no symbol '" + sym + "'");
        }
        return v;
    }
}
