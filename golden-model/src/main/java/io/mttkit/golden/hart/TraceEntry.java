package io.mttkit.golden.hart;

import java.util.List;

/**
 * One line of the instruction trace: a retired instruction, or a trap taken instead of retiring.
 *
 * @param pc          address of the instruction (or where the trap was taken)
 * @param insn        encoding: 32 bits, or the 16-bit parcel of a compressed instruction (0 when the
 *                    fetch itself faulted)
 * @param disassembly text of the instruction, or empty
 * @param priv        privilege it ran at
 * @param rd          register written (0 for none)
 * @param rdValue     value written to {@code rd}
 * @param accesses    physical accesses made, in order, with their PMP and MTT verdicts
 * @param trap        the trap taken, or null when the instruction retired
 */
public record TraceEntry(long pc, int insn, String disassembly, int priv, int rd, long rdValue,
                         List<AccessRecord> accesses, TrapRecord trap) {

    /**
     * One physical access.
     *
     * @param kind  fetch, load, store, AMO, page-table read or A/D update
     * @param pa    physical address
     * @param size  bytes
     * @param pmpOk PMP allowed it
     * @param mtt   the MTT verdict ("allow xwr=rw", "deny PERM_DENY", "bypass" for MODE=Bare), or "-" when
     *              not consulted (effective M, or PMP denied first)
     */
    public record AccessRecord(AccessKind kind, long pa, int size, boolean pmpOk, String mtt) {
        @Override
        public String toString() {
            return String.format("%s pa=0x%x/%d pmp=%s mtt=%s", kind, pa, size, pmpOk ? "ok" : "deny", mtt);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s 0x%016x", Priv.name(priv), pc));
        if (trap != null) {
            sb.append(" TRAP ").append(trap);
        } else {
            sb.append((insn & 3) == 3 ? String.format(" %08x %-32s", insn, disassembly)
                    : String.format("     %04x %-32s", insn & 0xFFFF, disassembly));
            if (rd != 0) {
                sb.append(String.format(" %s=0x%x", Disassembler.reg(rd), rdValue));
            }
        }
        for (AccessRecord a : accesses) {
            sb.append(" [").append(a).append(']');
        }
        return sb.toString();
    }
}
