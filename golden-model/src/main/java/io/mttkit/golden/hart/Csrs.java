package io.mttkit.golden.hart;

import io.mttkit.golden.csr.Msdcfg;
import io.mttkit.golden.pmp.Pmp;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpParams;

/**
 * The hart's CSR address map: which CSRs exist for the XLEN, what they read as, and the WARL rules of
 * writes (Privileged Architecture ch. 2–3, the {@code mmpt}/{@code mttp} rules of {@link
 * io.mttkit.golden.csr.MttRootCsr}, PMP/Smepmp through {@link Pmp}). The state lives in {@link Hart};
 * privilege and read-only checks are done by the caller.
 */
final class Csrs {
    private Csrs() {
    }

    /** Zicntr/Zihpm gating by mcounteren/scounteren for S and U. */
    static boolean counterAccessible(Hart h, int csr) {
        boolean user = (csr >= 0xC00 && csr <= 0xC1F) || (h.xlen == 32 && csr >= 0xC80 && csr <= 0xC9F);
        if (!user || h.priv == Priv.M) {
            return true;
        }
        int bit = csr & 0x1F;
        if (((h.mcounteren >>> bit) & 1) == 0) {
            return false;
        }
        return h.priv == Priv.S || ((h.scounteren >>> bit) & 1) != 0;
    }

    private static long readMstatus(Hart h) {
        return h.xlen == 32 ? h.mstatus & 0xFFFF_FFFFL : h.mstatus;
    }

    /** The CSR value as software reads it, or null when the CSR does not exist. */
    static Long read(Hart h, int csr) {
        boolean rv32 = h.xlen == 32;
        if (csr >= 0x3A0 && csr <= 0x3AF) {
            int n = csr - 0x3A0;
            return rv32 || (n & 1) == 0 ? h.pmp.readPmpcfgCsr(n) : null;
        }
        if (csr >= 0x3B0 && csr <= 0x3EF) {
            int i = csr - 0x3B0;
            return i < h.pmp.entries() ? h.pmp.readPmpaddr(i) : 0L;
        }
        if ((csr >= 0xB03 && csr <= 0xB1F) || (csr >= 0xC03 && csr <= 0xC1F) || (csr >= 0x323 && csr <= 0x33F)) {
            return 0L; // hpm counters and events: read-only zero (WARL 0)
        }
        if (rv32 && ((csr >= 0xB83 && csr <= 0xB9F) || (csr >= 0xC83 && csr <= 0xC9F))) {
            return 0L;
        }
        if (h.spmp != null && isSpmpCsr(h, csr)) {
            return spmpCsrAccessible(h, csr) ? h.mask(readSpmpCsr(h, csr)) : null;
        }
        long v;
        switch (csr) {
            case 0x300 -> v = readMstatus(h);
            case 0x310 -> {
                if (!rv32) {
                    return null;
                }
                v = (h.mstatus >>> 32) & 0xFFFF_FFFFL;
            }
            case 0x301 -> v = (rv32 ? 1L << 30 : 2L << 62) | (1 << 0) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20)
                    | (h.config().compressed() ? 1 << 2 : 0); // A I M S U (+ C)
            case 0x302 -> v = h.medeleg;
            case 0x303 -> v = h.mideleg;
            case 0x304 -> v = h.mie;
            case 0x305 -> v = h.mtvec;
            case 0x306 -> v = h.mcounteren;
            case 0x30A, 0x10A -> v = 0; // menvcfg/senvcfg: no optional features, read-only zero
            case 0x31A -> {
                if (!rv32) {
                    return null;
                }
                v = 0;
            }
            case 0x320 -> v = 0; // mcountinhibit: not implemented, WARL zero
            case 0x340 -> v = h.mscratch;
            case 0x341 -> v = h.mepc;
            case 0x342 -> v = h.mcause;
            case 0x343 -> v = h.mtval;
            case 0x344 -> v = h.mip();
            case 0x100 -> v = readMstatus(h) & Hart.SSTATUS_MASK;
            case 0x104 -> v = h.mie & h.mideleg;
            case 0x105 -> v = h.stvec;
            case 0x106 -> v = h.scounteren;
            case 0x140 -> v = h.sscratch;
            case 0x141 -> v = h.sepc;
            case 0x142 -> v = h.scause;
            case 0x143 -> v = h.stval;
            case 0x144 -> v = h.mip() & h.mideleg;
            case 0x180 -> v = h.satp;
            case 0x382 -> v = h.mttRoot.read(); // mmpt (v0.9) / mttp (v0.1, mttkit's number)
            case Msdcfg.CSR_NUMBER -> v = h.msdcfg.read();
            case Pmp.CSR_MSECCFG -> v = rv32 ? h.pmp.readMseccfg() & 0xFFFF_FFFFL : h.pmp.readMseccfg();
            case 0x757 -> {
                if (!rv32) {
                    return null;
                }
                v = h.pmp.readMseccfg() >>> 32;
            }
            case 0xB00, 0xC00 -> v = h.mcycle;
            case 0xB02, 0xC02 -> v = h.minstret;
            case 0xC01 -> v = h.clint.mtime;
            case 0xB80, 0xC80 -> {
                if (!rv32) {
                    return null;
                }
                v = h.mcycle >>> 32;
            }
            case 0xB82, 0xC82 -> {
                if (!rv32) {
                    return null;
                }
                v = h.minstret >>> 32;
            }
            case 0xC81 -> {
                if (!rv32) {
                    return null;
                }
                v = h.clint.mtime >>> 32;
            }
            case 0xF11, 0xF12, 0xF13, 0xF15 -> v = 0;
            case 0xF14 -> v = h.hartId;
            default -> {
                return null;
            }
        }
        return h.mask(v);
    }

    /** Writes a CSR with its WARL rules; false when the CSR does not exist. Read-only ones are filtered before. */
    static boolean write(Hart h, int csr, long v) {
        boolean rv32 = h.xlen == 32;
        if (csr >= 0x3A0 && csr <= 0x3AF) {
            h.pmp.writePmpcfgCsr(csr - 0x3A0, v);
            return true;
        }
        if (csr >= 0x3B0 && csr <= 0x3EF) {
            int i = csr - 0x3B0;
            if (i < h.pmp.entries()) {
                h.pmp.writePmpaddr(i, v);
            }
            return true;
        }
        if ((csr >= 0xB03 && csr <= 0xB1F) || (csr >= 0x323 && csr <= 0x33F) || (rv32 && csr >= 0xB83 && csr <= 0xB9F)) {
            return true;
        }
        if (h.spmp != null && isSpmpCsr(h, csr)) {
            if (!spmpCsrAccessible(h, csr)) {
                return false;
            }
            writeSpmpCsr(h, csr, v);
            return true;
        }
        switch (csr) {
            case 0x300 -> writeMstatus(h, rv32 ? (h.mstatus & ~0xFFFF_FFFFL) | v : v, Hart.MSTATUS_WRITABLE);
            case 0x310 -> writeMstatus(h, (h.mstatus & 0xFFFF_FFFFL) | (v << 32), Hart.MSTATUS_WRITABLE);
            case 0x100 -> writeMstatus(h, rv32 ? (h.mstatus & ~0xFFFF_FFFFL) | v : v,
                    Hart.SIE | Hart.SPIE | Hart.SPP | Hart.SUM | Hart.MXR);
            case 0x301, 0x30A, 0x10A, 0x31A, 0x320 -> {
                // misa is read-only (WARL); envcfg and mcountinhibit are read-only zero here
            }
            case 0x302 -> h.medeleg = v & Hart.MEDELEG_WRITABLE;
            case 0x303 -> h.mideleg = v & (Hart.IRQ_SSIP | Hart.IRQ_STIP);
            case 0x304 -> h.mie = v & (Hart.IRQ_SSIP | Hart.IRQ_STIP | Hart.IRQ_MSIP | Hart.IRQ_MTIP);
            case 0x104 -> h.mie = (h.mie & ~h.mideleg) | (v & h.mideleg & (Hart.IRQ_SSIP | Hart.IRQ_STIP));
            case 0x305 -> h.mtvec = legalTvec(h.mtvec, v);
            case 0x105 -> h.stvec = legalTvec(h.stvec, v);
            case 0x306 -> h.mcounteren = v & 0xFFFF_FFFFL;
            case 0x106 -> h.scounteren = v & 0xFFFF_FFFFL;
            case 0x340 -> h.mscratch = v;
            case 0x140 -> h.sscratch = v;
            case 0x341 -> h.mepc = v & ~h.ialignMask();
            case 0x141 -> h.sepc = v & ~h.ialignMask();
            case 0x342 -> h.mcause = v;
            case 0x142 -> h.scause = v;
            case 0x343 -> h.mtval = v;
            case 0x143 -> h.stval = v;
            case 0x344 -> h.mipSoft = v & (Hart.IRQ_SSIP | Hart.IRQ_STIP);
            case 0x144 -> h.mipSoft = (h.mipSoft & ~(Hart.IRQ_SSIP & h.mideleg)) | (v & Hart.IRQ_SSIP & h.mideleg);
            case 0x180 -> writeSatp(h, v);
            case 0x382 -> h.mttRoot.write(v);
            case Msdcfg.CSR_NUMBER -> h.msdcfg.write(v);
            case Pmp.CSR_MSECCFG -> h.pmp.writeMseccfg(rv32 ? (h.pmp.readMseccfg() & ~0xFFFF_FFFFL) | v : v);
            case 0x757 -> h.pmp.writeMseccfg((h.pmp.readMseccfg() & 0xFFFF_FFFFL) | (v << 32));
            // A write replaces the writing instruction's own increment of the whole 64-bit counter (Zicsr;
            // on RV32 for a write to either half: docs/spec-notes.md)
            case 0xB00 -> {
                h.mcycle = rv32 ? (h.mcycle & ~0xFFFF_FFFFL) | v : v;
                h.mcycleWritten = true;
            }
            case 0xB80 -> {
                h.mcycle = (h.mcycle & 0xFFFF_FFFFL) | (v << 32);
                h.mcycleWritten = true;
            }
            case 0xB02 -> {
                h.minstret = rv32 ? (h.minstret & ~0xFFFF_FFFFL) | v : v;
                h.minstretWritten = true;
            }
            case 0xB82 -> {
                h.minstret = (h.minstret & 0xFFFF_FFFFL) | (v << 32);
                h.minstretWritten = true;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- Sspmp: Sscsrind/Smcsrind windows, Sspmpen, Smpmpdeleg ----------------------------------------

    /** Which xireg (1..6) a CSR number is, counting from {@code base} = xireg's number; 0 if none. */
    private static int iregIndex(int csr, int base) {
        return switch (csr - base) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 3;
            case 4 -> 4;
            case 5 -> 5;
            case 6 -> 6;
            default -> 0;
        };
    }

    /** Whether {@code csr} is one of the CSRs this hart's Sspmp configuration adds. */
    private static boolean isSpmpCsr(Hart h, int csr) {
        SpmpParams p = h.spmp.params();
        return csr == Spmp.CSR_SISELECT || csr == Spmp.CSR_MISELECT || iregIndex(csr, Spmp.CSR_SIREG) > 0
                || iregIndex(csr, Spmp.CSR_MIREG) > 0
                || (p.sspmpen() && csr == Spmp.CSR_SPMPEN) || (p.sspmpen() && h.xlen == 32 && csr == Spmp.CSR_SPMPENH)
                || (p.mpmpdeleg() && csr == Spmp.CSR_MPMPDELEG);
    }

    /** False for an xireg while xiselect is outside the SPMP window (illegal instruction, as Smcsrind recommends). */
    private static boolean spmpCsrAccessible(Hart h, int csr) {
        if (iregIndex(csr, Spmp.CSR_SIREG) > 0) {
            return h.spmp.readIndirect(h.siselect, 1) != null;
        }
        if (iregIndex(csr, Spmp.CSR_MIREG) > 0) {
            return h.spmp.readIndirect(h.miselect, 1) != null;
        }
        return true;
    }

    /** The value of an accessible SPMP CSR. */
    private static long readSpmpCsr(Hart h, int csr) {
        if (csr == Spmp.CSR_SISELECT) {
            return h.siselect;
        }
        if (csr == Spmp.CSR_MISELECT) {
            return h.miselect;
        }
        int k = iregIndex(csr, Spmp.CSR_SIREG);
        if (k > 0) {
            return h.spmp.readIndirect(h.siselect, k);
        }
        k = iregIndex(csr, Spmp.CSR_MIREG);
        if (k > 0) {
            return h.spmp.readIndirect(h.miselect, k);
        }
        if (csr == Spmp.CSR_SPMPEN) {
            return h.xlen == 32 ? h.spmp.readSpmpen() & 0xFFFF_FFFFL : h.spmp.readSpmpen();
        }
        if (csr == Spmp.CSR_SPMPENH) {
            return h.spmp.readSpmpen() >>> 32;
        }
        return h.spmp.readMpmpdeleg();
    }

    /**
     * The SPMP register file write a successful write of {@code csr} made (null when {@code csr} is not one: the
     * select CSRs, the reserved {@code xireg3..6}, any other CSR).
     *
     * @param value    the value written, before legalisation
     * @param readBack what {@code csr} reads after the write
     */
    static SpmpCsrWrite spmpWrite(Hart h, int csr, long value, long readBack) {
        if (h.spmp == null || !isSpmpCsr(h, csr)) {
            return null;
        }
        int k = iregIndex(csr, Spmp.CSR_SIREG);
        boolean viaMireg = false;
        if (k == 0) {
            k = iregIndex(csr, Spmp.CSR_MIREG);
            viaMireg = k > 0;
        }
        long select = viaMireg ? h.miselect : h.siselect;
        SpmpCsrWrite.Register r;
        if (k == 1) {
            r = SpmpCsrWrite.Register.SPMPADDR;
        } else if (k == 2) {
            r = SpmpCsrWrite.Register.SPMPCFG;
        } else if (k > 2) {
            return null; // sireg3..6: reserved, read 0, writes change nothing
        } else if (csr == Spmp.CSR_SPMPEN) {
            r = SpmpCsrWrite.Register.SPMPEN;
        } else if (csr == Spmp.CSR_SPMPENH) {
            r = SpmpCsrWrite.Register.SPMPENH;
        } else if (csr == Spmp.CSR_MPMPDELEG) {
            r = SpmpCsrWrite.Register.MPMPDELEG;
        } else {
            return null; // siselect, miselect
        }
        boolean indirect = r == SpmpCsrWrite.Register.SPMPADDR || r == SpmpCsrWrite.Register.SPMPCFG;
        return new SpmpCsrWrite(r, csr, indirect ? select : 0, viaMireg, value, readBack);
    }

    /** Writes an accessible SPMP CSR. */
    private static void writeSpmpCsr(Hart h, int csr, long v) {
        if (csr == Spmp.CSR_SISELECT) {
            h.siselect = v & 0xFFF; // WARL: 12 bits implemented (docs/spec-notes.md, Sspmp)
        } else if (csr == Spmp.CSR_MISELECT) {
            h.miselect = v & 0xFFF;
        } else if (iregIndex(csr, Spmp.CSR_SIREG) > 0) {
            h.spmp.writeIndirect(h.siselect, iregIndex(csr, Spmp.CSR_SIREG), v, false);
        } else if (iregIndex(csr, Spmp.CSR_MIREG) > 0) {
            h.spmp.writeIndirect(h.miselect, iregIndex(csr, Spmp.CSR_MIREG), v, true);
        } else if (csr == Spmp.CSR_SPMPEN) {
            h.spmp.writeSpmpen(v, h.xlen == 32 ? 0xFFFF_FFFFL : -1L);
        } else if (csr == Spmp.CSR_SPMPENH) {
            h.spmp.writeSpmpen(v << 32, 0xFFFF_FFFFL << 32);
        } else {
            h.spmp.writeMpmpdeleg(v);
        }
    }

    private static void writeMstatus(Hart h, long v, long writable) {
        long nv = (h.mstatus & ~writable) | (v & writable);
        if (((nv >>> Hart.MPP_SHIFT) & 3) == 2) { // MPP=2 is reserved: keep the old value (WARL)
            nv = (nv & ~Hart.MPP) | (h.mstatus & Hart.MPP);
        }
        h.mstatus = nv | (h.xlen == 64 ? Hart.XL64 : 0);
    }

    private static long legalTvec(long old, long v) {
        long mode = v & 3;
        return mode >= 2 ? (v & ~3L) | (old & 3) : v;
    }

    /** satp: "If satp is written with an unsupported MODE, the entire write has no effect"; ASIDLEN = 0. */
    private static void writeSatp(Hart h, long v) {
        if (h.xlen == 32) {
            h.satp = v & 0x803F_FFFFL;
            return;
        }
        long mode = v >>> 60;
        if (mode == 0 || mode == 8 || mode == 9) {
            h.satp = v & (0xFL << 60 | ((1L << 44) - 1));
        }
    }
}
