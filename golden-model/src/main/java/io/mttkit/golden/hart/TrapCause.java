package io.mttkit.golden.hart;

/** Exception and interrupt cause codes of the privileged architecture (mcause/scause). */
public final class TrapCause {
    public static final int INSN_MISALIGNED = 0;
    public static final int INSN_ACCESS_FAULT = 1;
    public static final int ILLEGAL_INSN = 2;
    public static final int BREAKPOINT = 3;
    public static final int LOAD_MISALIGNED = 4;
    public static final int LOAD_ACCESS_FAULT = 5;
    public static final int STORE_MISALIGNED = 6;
    public static final int STORE_ACCESS_FAULT = 7;
    public static final int ECALL_U = 8;
    public static final int ECALL_S = 9;
    public static final int ECALL_M = 11;
    public static final int INSN_PAGE_FAULT = 12;
    public static final int LOAD_PAGE_FAULT = 13;
    public static final int STORE_PAGE_FAULT = 15;

    public static final int IRQ_SSI = 1;
    public static final int IRQ_MSI = 3;
    public static final int IRQ_STI = 5;
    public static final int IRQ_MTI = 7;

    private TrapCause() {
    }

    /** A short name, e.g. "load access fault", "machine timer interrupt". */
    public static String name(boolean interrupt, int code) {
        if (interrupt) {
            return switch (code) {
                case IRQ_SSI -> "supervisor software interrupt";
                case IRQ_MSI -> "machine software interrupt";
                case IRQ_STI -> "supervisor timer interrupt";
                case IRQ_MTI -> "machine timer interrupt";
                default -> "interrupt " + code;
            };
        }
        return switch (code) {
            case INSN_MISALIGNED -> "instruction address misaligned";
            case INSN_ACCESS_FAULT -> "instruction access fault";
            case ILLEGAL_INSN -> "illegal instruction";
            case BREAKPOINT -> "breakpoint";
            case LOAD_MISALIGNED -> "load address misaligned";
            case LOAD_ACCESS_FAULT -> "load access fault";
            case STORE_MISALIGNED -> "store/AMO address misaligned";
            case STORE_ACCESS_FAULT -> "store/AMO access fault";
            case ECALL_U -> "ecall from U-mode";
            case ECALL_S -> "ecall from S-mode";
            case ECALL_M -> "ecall from M-mode";
            case INSN_PAGE_FAULT -> "instruction page fault";
            case LOAD_PAGE_FAULT -> "load page fault";
            case STORE_PAGE_FAULT -> "store/AMO page fault";
            default -> "exception " + code;
        };
    }
}
