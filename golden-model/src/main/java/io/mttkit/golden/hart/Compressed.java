package io.mttkit.golden.hart;

/**
 * The C extension (Unprivileged ISA, "C" chapter, RVC instruction listings): expands each 16-bit
 * instruction into the 32-bit instruction it stands for. Encodings of F/D loads and stores (no F or D
 * here), reserved encodings and the all-zero parcel expand to {@link #ILLEGAL}. HINTs expand to their
 * base-ISA equivalents (which have no effect).
 */
final class Compressed {
    /** Returned for an encoding that is illegal on this hart (0 is itself an illegal 32-bit instruction). */
    static final int ILLEGAL = 0;

    private Compressed() {
    }

    private static int bit(int c, int i) {
        return (c >>> i) & 1;
    }

    private static int bits(int c, int hi, int lo) {
        return (c >>> lo) & ((1 << (hi - lo + 1)) - 1);
    }

    /** rd'/rs1'/rs2' fields: x8..x15. */
    private static int reg3(int c, int lo) {
        return 8 + bits(c, lo + 2, lo);
    }

    private static int sext(int v, int width) {
        return (v << (32 - width)) >> (32 - width);
    }

    /**
     * @param c    the 16-bit parcel (low two bits ≠ 11)
     * @param xlen 32 or 64
     * @return the equivalent 32-bit instruction, or {@link #ILLEGAL}
     */
    static int expand(int c, int xlen) {
        c &= 0xFFFF;
        int f3 = bits(c, 15, 13);
        int rd = bits(c, 11, 7);
        int rs2 = bits(c, 6, 2);
        int imm6 = sext((bit(c, 12) << 5) | bits(c, 6, 2), 6);
        boolean rv64 = xlen == 64;
        switch (c & 3) {
            case 0:
                switch (f3) {
                    case 0: { // C.ADDI4SPN
                        int uimm = (bits(c, 12, 11) << 4) | (bits(c, 10, 7) << 6) | (bit(c, 6) << 2) | (bit(c, 5) << 3);
                        return uimm == 0 ? ILLEGAL : Asm32.i(uimm, 2, 0, reg3(c, 2), 0x13);
                    }
                    case 2: // C.LW
                        return Asm32.i(lwImm(c), reg3(c, 7), 2, reg3(c, 2), 0x03);
                    case 3: // C.LD (RV64); C.FLW (RV32, no F)
                        return rv64 ? Asm32.i(ldImm(c), reg3(c, 7), 3, reg3(c, 2), 0x03) : ILLEGAL;
                    case 6: // C.SW
                        return Asm32.s(lwImm(c), reg3(c, 2), reg3(c, 7), 2);
                    case 7: // C.SD (RV64); C.FSW (RV32)
                        return rv64 ? Asm32.s(ldImm(c), reg3(c, 2), reg3(c, 7), 3) : ILLEGAL;
                    default: // C.FLD, C.FSD, reserved
                        return ILLEGAL;
                }
            case 1:
                switch (f3) {
                    case 0: // C.ADDI / C.NOP
                        return Asm32.i(imm6, rd, 0, rd, 0x13);
                    case 1: // C.JAL (RV32) / C.ADDIW (RV64; rd = 0 reserved)
                        if (!rv64) {
                            return Asm32.j(jImm(c), 1);
                        }
                        return rd == 0 ? ILLEGAL : Asm32.i(imm6, rd, 0, rd, 0x1B);
                    case 2: // C.LI
                        return Asm32.i(imm6, 0, 0, rd, 0x13);
                    case 3:
                        if (rd == 2) { // C.ADDI16SP
                            int nz = sext((bit(c, 12) << 9) | (bit(c, 6) << 4) | (bit(c, 5) << 6) | (bits(c, 4, 3) << 7)
                                    | (bit(c, 2) << 5), 10);
                            return nz == 0 ? ILLEGAL : Asm32.i(nz, 2, 0, 2, 0x13);
                        }
                        // C.LUI (nzimm = 0 reserved)
                        return imm6 == 0 ? ILLEGAL : ((imm6 & 0xFFFFF) << 12) | (rd << 7) | 0x37;
                    case 4:
                        return arith(c, rv64);
                    case 5: // C.J
                        return Asm32.j(jImm(c), 0);
                    default: { // C.BEQZ / C.BNEZ
                        int off = sext((bit(c, 12) << 8) | (bits(c, 11, 10) << 3) | (bits(c, 6, 5) << 6)
                                | (bits(c, 4, 3) << 1) | (bit(c, 2) << 5), 9);
                        return Asm32.b(off, 0, reg3(c, 7), f3 == 6 ? 0 : 1);
                    }
                }
            case 2:
                switch (f3) {
                    case 0: { // C.SLLI (RV32: shamt[5] = 1 reserved)
                        int sh = (bit(c, 12) << 5) | rs2;
                        return !rv64 && bit(c, 12) == 1 ? ILLEGAL : Asm32.i(sh, rd, 1, rd, 0x13);
                    }
                    case 2: { // C.LWSP (rd = 0 reserved)
                        int uimm = (bit(c, 12) << 5) | (bits(c, 6, 4) << 2) | (bits(c, 3, 2) << 6);
                        return rd == 0 ? ILLEGAL : Asm32.i(uimm, 2, 2, rd, 0x03);
                    }
                    case 3: { // C.LDSP (RV64; rd = 0 reserved); C.FLWSP (RV32)
                        int uimm = (bit(c, 12) << 5) | (bits(c, 6, 5) << 3) | (bits(c, 4, 2) << 6);
                        return !rv64 || rd == 0 ? ILLEGAL : Asm32.i(uimm, 2, 3, rd, 0x03);
                    }
                    case 4:
                        if (bit(c, 12) == 0) {
                            if (rs2 == 0) { // C.JR (rs1 = 0 reserved)
                                return rd == 0 ? ILLEGAL : Asm32.i(0, rd, 0, 0, 0x67);
                            }
                            return Asm32.r(0, rs2, 0, 0, rd, 0x33); // C.MV
                        }
                        if (rs2 == 0) {
                            return rd == 0 ? 0x00100073 /* C.EBREAK */ : Asm32.i(0, rd, 0, 1, 0x67); // C.JALR
                        }
                        return Asm32.r(0, rs2, rd, 0, rd, 0x33); // C.ADD
                    case 6: { // C.SWSP
                        int uimm = (bits(c, 12, 9) << 2) | (bits(c, 8, 7) << 6);
                        return Asm32.s(uimm, rs2, 2, 2);
                    }
                    case 7: { // C.SDSP (RV64); C.FSWSP (RV32)
                        int uimm = (bits(c, 12, 10) << 3) | (bits(c, 9, 7) << 6);
                        return rv64 ? Asm32.s(uimm, rs2, 2, 3) : ILLEGAL;
                    }
                    default: // C.FLDSP, C.FSDSP
                        return ILLEGAL;
                }
            default:
                return ILLEGAL; // not a 16-bit parcel
        }
    }

    private static int lwImm(int c) {
        return (bits(c, 12, 10) << 3) | (bit(c, 6) << 2) | (bit(c, 5) << 6);
    }

    private static int ldImm(int c) {
        return (bits(c, 12, 10) << 3) | (bits(c, 6, 5) << 6);
    }

    private static int jImm(int c) {
        return sext((bit(c, 12) << 11) | (bit(c, 11) << 4) | (bits(c, 10, 9) << 8) | (bit(c, 8) << 10)
                | (bit(c, 7) << 6) | (bit(c, 6) << 7) | (bits(c, 5, 3) << 1) | (bit(c, 2) << 5), 12);
    }

    /** Quadrant 1, funct3 100: C.SRLI, C.SRAI, C.ANDI, C.SUB, C.XOR, C.OR, C.AND, C.SUBW, C.ADDW. */
    private static int arith(int c, boolean rv64) {
        int r = reg3(c, 7);
        int rs2 = reg3(c, 2);
        int sh = (bit(c, 12) << 5) | bits(c, 6, 2);
        switch (bits(c, 11, 10)) {
            case 0:
                return !rv64 && bit(c, 12) == 1 ? ILLEGAL : Asm32.i(sh, r, 5, r, 0x13);
            case 1:
                return !rv64 && bit(c, 12) == 1 ? ILLEGAL : Asm32.i(0x400 | sh, r, 5, r, 0x13);
            case 2:
                return Asm32.i(sext(sh, 6), r, 7, r, 0x13);
            default:
                int op = bits(c, 6, 5);
                if (bit(c, 12) == 0) {
                    int[] f3 = {0, 4, 6, 7};
                    return Asm32.r(op == 0 ? 0x20 : 0, rs2, r, f3[op], r, 0x33);
                }
                if (!rv64 || op >= 2) {
                    return ILLEGAL;
                }
                return Asm32.r(op == 0 ? 0x20 : 0, rs2, r, 0, r, 0x3B); // C.SUBW / C.ADDW
        }
    }

    /** 32-bit encoders for the expansions (base instruction formats). */
    static final class Asm32 {
        private Asm32() {
        }

        static int r(int f7, int rs2, int rs1, int f3, int rd, int op) {
            return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
        }

        static int i(int imm, int rs1, int f3, int rd, int op) {
            return ((imm & 0xFFF) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
        }

        static int s(int imm, int rs2, int rs1, int f3) {
            return (((imm >> 5) & 0x7F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 31) << 7) | 0x23;
        }

        static int b(int imm, int rs2, int rs1, int f3) {
            return (((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12)
                    | (((imm >> 1) & 0xF) << 8) | (((imm >> 11) & 1) << 7) | 0x63;
        }

        static int j(int imm, int rd) {
            return (((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3FF) << 21) | (((imm >> 11) & 1) << 20)
                    | (((imm >> 12) & 0xFF) << 12) | (rd << 7) | 0x6F;
        }
    }
}
