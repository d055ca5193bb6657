package io.mttkit.golden.cove;

import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.Hart;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.hart.PageMemory;

import java.util.function.Consumer;

/**
 * Reads the CoVE monitor's ownership log: the program's {@code cove_log} record of XLEN-wide words
 * {@code op, sdid, base, pages, xwr}, whose {@code op} word is stored last (op 1 = set permission, 2 = fence
 * protocol done, 3 = flow begins, with the flow number in {@code base}). The record is decoded when a store
 * touches {@code op}'s first byte, on any hart.
 */
public final class OwnershipLog {
    /** The ELF symbol of the record. */
    public static final String SYMBOL = "cove_log";

    private OwnershipLog() {
    }

    /**
     * Watches {@code cove_log} on every hart of {@code system} and hands each record to {@code sink}.
     *
     * @throws IllegalArgumentException when the program has no {@code cove_log}
     */
    public static void attach(HartSystem system, ElfFile elf, Consumer<OwnershipEvent> sink) {
        Long base = elf.symbols().get(SYMBOL);
        if (base == null) {
            throw new IllegalArgumentException(elf.name() + " has no '" + SYMBOL
                    + "' symbol: it is not a CoVE monitor program (programs/cove.c)");
        }
        PageMemory mem = system.memory();
        int w = system.hart(0).config().xlen() / 8;
        for (int i = 0; i < system.size(); i++) {
            Hart h = system.hart(i);
            int id = i;
            h.watchMoreStores(base, (pa, size) -> {
                if (pa != base) {
                    return;
                }
                long op = mem.load(base, w);
                long sdid = mem.load(base + w, w);
                long addr = mem.load(base + 2L * w, w);
                long pages = mem.load(base + 3L * w, w);
                long xwr = mem.load(base + 4L * w, w);
                if (w == 4) {
                    addr &= 0xFFFF_FFFFL;
                }
                OwnershipEvent e = switch ((int) op) {
                    case 1 -> new OwnershipEvent.SetPermission(id, h.pc(), (int) sdid, addr, pages, (int) (xwr & 7));
                    case 2 -> new OwnershipEvent.FenceDone(id, h.pc());
                    case 3 -> new OwnershipEvent.FlowBegins(id, h.pc(), (int) addr);
                    default -> throw new IllegalStateException(String.format(
                            "ownership log: unknown record op %d written by hart %d at pc 0x%x", op, id, h.pc()));
                };
                sink.accept(e);
            });
        }
    }
}
