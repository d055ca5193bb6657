/* Shared by the several-hart MPT programs (smp_shootdown.c, smp_window.c): the domain they build, a per-hart
 * M-mode trap handler that records mcause and skips the instruction, and the S-mode probe through MPRV.
 * Include once, after mttkit.h. `before[h]` holds hart h's first probe (join_domain). */
#ifndef MTTKIT_SMP_PROBE_H
#define MTTKIT_SMP_PROBE_H

#define POOL 0x80400000UL
#define TARGET 0x80600000UL
#define SDID 1UL

#if __riscv_xlen == 64
#define SREG "sd"
#define LREG "ld"
#define RB "8"
#define MMPT_MODE (1UL << 60) /* Smmpt43 */
#define SDID_SHIFT 52
#else
#define SREG "sw"
#define LREG "lw"
#define RB "4"
#define MMPT_MODE (1UL << 30) /* Smmpt34 */
#define SDID_SHIFT 22
#endif

/* The trap handler of this program: mscratch holds &slot[hart]; slot[0] saves t1, slot[1] gets mcause. */
__asm__(".section .text\n"
        ".align 2\n"
        ".globl smp_trap\n"
        "smp_trap:\n"
        "  csrrw t0, mscratch, t0\n"
        "  " SREG " t1, 0(t0)\n"
        "  csrr t1, mcause\n"
        "  " SREG " t1, " RB "(t0)\n"
        "  csrr t1, mepc\n"
        "  addi t1, t1, 4\n"
        "  csrw mepc, t1\n"
        "  " LREG " t1, 0(t0)\n"
        "  csrrw t0, mscratch, t0\n"
        "  mret\n");
void smp_trap(void);

static volatile ulong slot[8][2];
static volatile ulong mmpt_value;
static volatile ulong before[8];

/* A 4-byte load at a as S-mode (MPRV); returns the trap cause, 0 when it succeeded. */
static ulong probe_as_s(ulong h, ulong a) {
    ulong v;
    slot[h][1] = 0;
    ulong ms = csr_read(mstatus);
    csr_write(mstatus, (ms & ~(3UL << 11)) | (1UL << 11)); /* MPP = S */
    __asm__ volatile("csrs mstatus, %2\n\t.option push\n\t.option norvc\n\tlw %0, 0(%1)\n\t.option pop\n\t"
                     "csrc mstatus, %2"
                     : "=&r"(v)
                     : "r"(a), "r"(MSTATUS_MPRV)
                     : "memory");
    (void)v;
    return slot[h][1];
}

static void join_domain(ulong h) {
    pmp_open_all();
    csr_write(mscratch, (ulong)slot[h]);
    csr_write(mtvec, (ulong)smp_trap);
    csr_write(0x382, mmpt_value);
    __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
    before[h] = probe_as_s(h, TARGET);
}

#endif
