package io.mttkit.golden.hart;

import io.mttkit.golden.csr.Msdcfg;
import io.mttkit.golden.pmp.Pmp;

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
            case 0xF11, 0xF12, 0xF13, 0xF14, 0xF15 -> v = 0;
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
            case 0xB00 -> h.mcycle = rv32 ? (h.mcycle & ~0xFFFF_FFFFL) | v : v;
            case 0xB80 -> h.mcycle = (h.mcycle & 0xFFFF_FFFFL) | (v << 32);
            case 0xB02 -> h.minstret = rv32 ? (h.minstret & ~0xFFFF_FFFFL) | v : v;
            case 0xB82 -> h.minstret = (h.minstret & 0xFFFF_FFFFL) | (v << 32);
            default -> {
                return false;
            }
        }
        return true;
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
