package io.mttkit.golden.hart;

import io.mttkit.golden.TableFormat;

/** Test support: a hart with 1 MiB of RAM at 0x8000_0000 and a program placed at its start. */
final class TestHarts {
    static final long RAM = 0x8000_0000L;

    private TestHarts() {
    }

    static Hart hart(int xlen, TableFormat format) {
        return hart(HartConfig.defaults(xlen, format));
    }

    static Hart hart(HartConfig cfg) {
        PageMemory mem = new PageMemory();
        mem.map(RAM, 1L << 20, "ram");
        Hart h = new Hart(cfg, mem);
        h.setPc(RAM);
        return h;
    }

    static Hart hart(int xlen) {
        return hart(xlen, TableFormat.SMMPT_V0_9);
    }

    /** PMP entry 0: NAPOT over the whole address space, RWX, unlocked (S and U may access everything). */
    static void openPmp(Hart h) {
        h.pmp().writePmpaddr(0, -1L);
        h.pmp().writePmpcfg(0, 0x1F);
    }

    /**
     * Builds tables granting {@code regions} for {@code mode}, places them at RAM + 0x80000 and writes
     * the root CSR with SDID 1.
     */
    static io.mttkit.golden.tables.BuiltTables mtt(Hart h, io.mttkit.golden.MttMode mode,
                                                  java.util.List<io.mttkit.golden.tables.Region> regions) {
        io.mttkit.golden.tables.BuiltTables t = io.mttkit.golden.tables.TableBuilder.build(regions, mode, RAM + 0x80000);
        h.memory().writeBytes(t.base(), t.image(), 0, t.image().length);
        h.mttRoot().write(HartMatrix.rootCsrValue(mode, 1, t.rootPpn()));
        return t;
    }

    /** Writes {@code asm} at {@code addr}. */
    static void place(Hart h, long addr, Asm asm) {
        for (int k = 0; k < asm.size(); k++) {
            h.memory().store(addr + 4L * k, 4, asm.words.get(k));
        }
    }

    /** Places {@code asm} at the pc and executes exactly its instruction count in steps. */
    static void run(Hart h, Asm asm) {
        place(h, h.pc(), asm);
        for (int k = 0; k < asm.size(); k++) {
            h.step();
        }
    }

    /** Executes one instruction word at the current pc. */
    static void exec(Hart h, int insn) {
        h.memory().store(h.pc(), 4, insn);
        h.step();
    }
}
