package io.mttkit.golden.hart;

/**
 * Disassembles the instructions the hart implements (RV32/RV64 IMAC, Zicsr, Zifencei, the privileged and
 * Svinval instructions, MFENCE.PA/MINVAL.PA) into GNU-style text with ABI register names. Anything else
 * prints as {@code unknown 0x<insn>}. Used by the instruction trace.
 */
public final class Disassembler {
    private static final String[] ABI = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
        "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
        "t5", "t6"};

    private final int xlen;
    private final int mfenceFunct7;
    private final int minvalFunct7;

    /** @param xlen 32 or 64; the funct7 values of MFENCE.PA and MINVAL.PA as configured on the hart */
    public Disassembler(int xlen, int mfenceFunct7, int minvalFunct7) {
        this.xlen = xlen;
        this.mfenceFunct7 = mfenceFunct7;
        this.minvalFunct7 = minvalFunct7;
    }

    /** ABI name of register {@code i}. */
    public static String reg(int i) {
        return ABI[i];
    }

    /**
     * Text of {@code insn} at {@code pc} (branch and jump targets are printed as absolute addresses). A
     * 16-bit (C extension) instruction prints as its 32-bit expansion.
     */
    public String disassemble(long pc, int insn) {
        if ((insn & 3) != 3) {
            int expanded = Compressed.expand(insn, xlen);
            return expanded == Compressed.ILLEGAL ? String.format("unknown 0x%04x", insn & 0xFFFF)
                    : disassemble(pc, expanded);
        }
        int op = insn & 0x7F;
        String rd = ABI[(insn >>> 7) & 31];
        int f3 = (insn >>> 12) & 7;
        String rs1 = ABI[(insn >>> 15) & 31];
        String rs2 = ABI[(insn >>> 20) & 31];
        int f7 = insn >>> 25;
        long immI = insn >> 20;
        String unknown = String.format("unknown 0x%08x", insn);
        switch (op) {
            case 0x37:
                return String.format("lui %s, 0x%x", rd, (insn >>> 12));
            case 0x17:
                return String.format("auipc %s, 0x%x", rd, (insn >>> 12));
            case 0x6F:
                return String.format("jal %s, 0x%x", rd, addr(pc + Hart.immJ(insn)));
            case 0x67:
                return String.format("jalr %s, %d(%s)", rd, immI, rs1);
            case 0x63: {
                String[] n = {"beq", "bne", null, null, "blt", "bge", "bltu", "bgeu"};
                return n[f3] == null ? unknown : String.format("%s %s, %s, 0x%x", n[f3], rs1, rs2,
                        addr(pc + Hart.immB(insn)));
            }
            case 0x03: {
                String[] n = {"lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", null};
                return n[f3] == null ? unknown : String.format("%s %s, %d(%s)", n[f3], rd, immI, rs1);
            }
            case 0x23: {
                String[] n = {"sb", "sh", "sw", "sd"};
                return f3 > 3 ? unknown : String.format("%s %s, %d(%s)", n[f3], rs2, Hart.immS(insn), rs1);
            }
            case 0x13:
            case 0x1B: {
                boolean w = op == 0x1B;
                String sfx = w ? "w" : "";
                int sh = (int) (immI & (w || xlen == 32 ? 31 : 63));
                return switch (f3) {
                    case 0 -> String.format("addi%s %s, %s, %d", sfx, rd, rs1, immI);
                    case 1 -> String.format("slli%s %s, %s, %d", sfx, rd, rs1, sh);
                    case 2 -> String.format("slti %s, %s, %d", rd, rs1, immI);
                    case 3 -> String.format("sltiu %s, %s, %d", rd, rs1, immI);
                    case 4 -> String.format("xori %s, %s, %d", rd, rs1, immI);
                    case 5 -> String.format("%s%s %s, %s, %d", (insn & (1 << 30)) != 0 ? "srai" : "srli", sfx, rd,
                            rs1, sh);
                    case 6 -> String.format("ori %s, %s, %d", rd, rs1, immI);
                    default -> String.format("andi %s, %s, %d", rd, rs1, immI);
                };
            }
            case 0x33:
            case 0x3B: {
                String sfx = op == 0x3B ? "w" : "";
                String name;
                if (f7 == 1) {
                    name = new String[] {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"}[f3];
                } else if (f7 == 0x20) {
                    name = f3 == 0 ? "sub" : f3 == 5 ? "sra" : null;
                } else if (f7 == 0) {
                    name = new String[] {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"}[f3];
                } else {
                    name = null;
                }
                return name == null ? unknown : String.format("%s%s %s, %s, %s", name, sfx, rd, rs1, rs2);
            }
            case 0x0F:
                return f3 == 1 ? "fence.i" : f3 == 0 ? "fence" : unknown;
            case 0x2F: {
                String[] n = new String[32];
                n[2] = "lr";
                n[3] = "sc";
                n[1] = "amoswap";
                n[0] = "amoadd";
                n[4] = "amoxor";
                n[12] = "amoand";
                n[8] = "amoor";
                n[16] = "amomin";
                n[20] = "amomax";
                n[24] = "amominu";
                n[28] = "amomaxu";
                String name = n[insn >>> 27];
                if (name == null || (f3 != 2 && f3 != 3)) {
                    return unknown;
                }
                String w = name + (f3 == 2 ? ".w" : ".d");
                return name.equals("lr") ? String.format("%s %s, (%s)", w, rd, rs1)
                        : String.format("%s %s, %s, (%s)", w, rd, rs2, rs1);
            }
            case 0x73:
                return system(insn, f3, f7, rd, rs1, rs2, unknown);
            default:
                return unknown;
        }
    }

    private String system(int insn, int f3, int f7, String rd, String rs1, String rs2, String unknown) {
        if (f3 == 0) {
            switch (insn) {
                case 0x00000073:
                    return "ecall";
                case 0x00100073:
                    return "ebreak";
                case 0x30200073:
                    return "mret";
                case 0x10200073:
                    return "sret";
                case 0x10500073:
                    return "wfi";
                case 0x18000073:
                    return "sfence.w.inval";
                case 0x18100073:
                    return "sfence.inval.ir";
                default:
                    break;
            }
            String name = f7 == 0b0001001 ? "sfence.vma" : f7 == 0b0001011 ? "sinval.vma"
                    : f7 == mfenceFunct7 ? "mfence.pa" : f7 == minvalFunct7 ? "minval.pa" : null;
            return name == null ? unknown : String.format("%s %s, %s", name, rs1, rs2);
        }
        String[] n = {null, "csrrw", "csrrs", "csrrc", null, "csrrwi", "csrrsi", "csrrci"};
        if (n[f3] == null) {
            return unknown;
        }
        String src = f3 >= 5 ? Integer.toString((insn >>> 15) & 31) : rs1;
        return String.format("%s %s, 0x%03x, %s", n[f3], rd, insn >>> 20, src);
    }

    private long addr(long a) {
        return xlen == 32 ? a & 0xFFFF_FFFFL : a;
    }
}
