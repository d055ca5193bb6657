package io.mttkit.golden.hart;

/**
 * The integer datapath: results of the register-immediate and register-register instructions of RV32I/RV64I
 * and of the M extension, as pure functions of the operands (Unprivileged ISA, "Integer Computational
 * Instructions" and "M" chapters). Operands and results are held sign-extended to 64 bits on RV32.
 */
final class Alu {
    private Alu() {
    }

    private static long mask(int xlen, long v) {
        return xlen == 32 ? v & 0xFFFF_FFFFL : v;
    }

    /** OP-IMM and OP-IMM-32 ({@code word}): ADDI, SLTI(U), XORI, ORI, ANDI, shifts; W forms sign-extend. */
    static long opImm(int xlen, int insn, int f3, long a, boolean word) {
        long imm = insn >> 20;
        int shMax = word || xlen == 32 ? 31 : 63;
        int sh = (int) (imm & 0x3F);
        int hi = (insn >>> 26);
        switch (f3) {
            case 0:
                return word ? (int) (a + imm) : a + imm;
            case 1:
                if (hi != 0 || sh > shMax) {
                    throw Hart.illegal(insn);
                }
                return word ? (int) a << sh : a << sh;
            case 5:
                if ((hi & ~0x10) != 0 || sh > shMax) {
                    throw Hart.illegal(insn);
                }
                if (hi == 0x10) {
                    return word || xlen == 32 ? (int) a >> sh : a >> sh;
                }
                return word || xlen == 32 ? (int) ((a & 0xFFFF_FFFFL) >>> sh) : a >>> sh;
            default:
                if (word) {
                    throw Hart.illegal(insn);
                }
                return switch (f3) {
                    case 2 -> a < imm ? 1 : 0;
                    case 3 -> Long.compareUnsigned(mask(xlen, a), mask(xlen, imm)) < 0 ? 1 : 0;
                    case 4 -> a ^ imm;
                    case 6 -> a | imm;
                    default -> a & imm;
                };
        }
    }

    /** OP and OP-32 ({@code word}) without the M extension (funct7 0 or 0x20). */
    static long op(int xlen, int insn, int f3, int f7, long a, long b, boolean word) {
        boolean narrow = word || xlen == 32;
        int sh = (int) (b & (narrow ? 31 : 63));
        if (f7 == 0x20) {
            return switch (f3) {
                case 0 -> word ? (int) (a - b) : a - b;
                case 5 -> narrow ? (int) a >> sh : a >> sh;
                default -> throw Hart.illegal(insn);
            };
        }
        if (f7 != 0) {
            throw Hart.illegal(insn);
        }
        if (word) {
            return switch (f3) {
                case 0 -> (int) (a + b);
                case 1 -> (int) a << sh;
                case 5 -> (int) ((a & 0xFFFF_FFFFL) >>> sh);
                default -> throw Hart.illegal(insn);
            };
        }
        return switch (f3) {
            case 0 -> a + b;
            case 1 -> a << sh;
            case 2 -> a < b ? 1 : 0;
            case 3 -> Long.compareUnsigned(mask(xlen, a), mask(xlen, b)) < 0 ? 1 : 0;
            case 4 -> a ^ b;
            case 5 -> narrow ? (int) ((a & 0xFFFF_FFFFL) >>> sh) : a >>> sh;
            case 6 -> a | b;
            default -> a & b;
        };
    }

    /** M extension (RV32M/RV64M, Unprivileged ISA ch. "M"): division by zero and overflow never trap. */
    static long mulDiv(int xlen, int insn, int f3, long a, long b, boolean word) {
        if (word) {
            int x1 = (int) a;
            int x2 = (int) b;
            return switch (f3) {
                case 0 -> x1 * x2;
                case 4 -> x2 == 0 ? -1 : x1 / x2; // MIN / -1 = MIN in Java as in RISC-V
                case 5 -> x2 == 0 ? -1 : Integer.divideUnsigned(x1, x2);
                case 6 -> x2 == 0 ? x1 : x1 % x2;
                case 7 -> x2 == 0 ? x1 : Integer.remainderUnsigned(x1, x2);
                default -> throw Hart.illegal(insn);
            };
        }
        if (xlen == 32) {
            int x1 = (int) a;
            int x2 = (int) b;
            long ua = a & 0xFFFF_FFFFL;
            long ub = b & 0xFFFF_FFFFL;
            return switch (f3) {
                case 0 -> x1 * x2;
                case 1 -> ((long) x1 * (long) x2) >> 32;
                case 2 -> ((long) x1 * ub) >> 32;
                case 3 -> (ua * ub) >>> 32;
                case 4 -> x2 == 0 ? -1 : x1 / x2;
                case 5 -> x2 == 0 ? -1 : Integer.divideUnsigned(x1, x2);
                case 6 -> x2 == 0 ? x1 : x1 % x2;
                default -> x2 == 0 ? x1 : Integer.remainderUnsigned(x1, x2);
            };
        }
        return switch (f3) {
            case 0 -> a * b;
            case 1 -> Math.multiplyHigh(a, b);
            case 2 -> Math.multiplyHigh(a, b) + ((b >> 63) & a); // signed a × unsigned b
            case 3 -> Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
            case 4 -> b == 0 ? -1 : a / b;
            case 5 -> b == 0 ? -1 : Long.divideUnsigned(a, b);
            case 6 -> b == 0 ? a : a % b;
            default -> b == 0 ? a : Long.remainderUnsigned(a, b);
        };
    }
}
