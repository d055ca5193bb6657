/* S-level PMP (Sspmp) probing for mttkit's spmp programs: M-mode runs one access at S or U privilege
 * through a small stub and gets back the trap cause (0 when the access succeeded).
 *
 *   run_at(priv, kind, addr, a3, a4): mret to probe_stub at `priv` (0 U, 1 S) with a0=kind, a1=addr;
 *   the stub makes the access and ecalls PROBE_DONE; a fault of the access is recorded in probe_fault by
 *   spmp_trap() and the stub resumes; the PROBE_DONE ecall returns to run_at's caller in M-mode.
 *
 * The stub lies in [probe_stub_begin, probe_stub_end); the programs cover it with a locked Shared-Region
 * RX rule (TOR) so that S and U can always execute it. Include this header in exactly one file. */
#ifndef SPMP_PROBE_H
#define SPMP_PROBE_H
#include "mttkit.h"

#define CSR_SISELECT 0x150
#define CSR_SIREG 0x151
#define CSR_SIREG2 0x152
#define CSR_MISELECT 0x350
#define CSR_MIREG 0x351
#define CSR_MIREG2 0x352
#define CSR_SPMPEN 0x183

#define SPMP_R 1UL
#define SPMP_W 2UL
#define SPMP_X 4UL
#define SPMP_TOR (1UL << 3)
#define SPMP_NA4 (2UL << 3)
#define SPMP_NAPOT (3UL << 3)
#define SPMP_L (1UL << 7)
#define SPMP_U (1UL << 8)
#define SPMP_SHARED (1UL << 9)

#define PRIV_U 0
#define PRIV_S 1

#define PROBE_LOAD 0    /* lw */
#define PROBE_STORE 1   /* sw a2 (the caller passes the word already there) */
#define PROBE_FETCH 2   /* jalr to addr, which holds `ret` */
#define PROBE_AMO 3     /* amoadd.w with zero */
#define PROBE_PROGRAM 4 /* S-mode: siselect=addr, sireg=a2, sireg2=a3, then SFENCE.VMA x0, x0 */
#define PROBE_LOAD64 5  /* ld (RV64 only) */

#define ECALL_PROBE_DONE 30
#define RET_INSN 0x00008067UL

#define MSTATUS_SUM (1UL << 18)
#define MSTATUS_MXR (1UL << 19)

#if __riscv_xlen == 64
#define PROBE_SREG "sd"
#define PROBE_LREG "ld"
#define PROBE_RB "8"
#else
#define PROBE_SREG "sw"
#define PROBE_LREG "lw"
#define PROBE_RB "4"
#endif

ulong run_at(ulong priv, ulong kind, ulong addr, ulong a3, ulong a4);
extern char probe_stub_begin[], probe_stub_end[];
void probe_return(void);

ulong probe_ctx[16];

__asm__(
    "  .section .text.probe, \"ax\", @progbits\n"
    "  .balign 64\n"
    "  .globl probe_stub_begin\n"
    "probe_stub_begin:\n"
    "  .option push\n"
    "  .option norvc\n"
    "  li t0, 0\n  beq a0, t0, 1f\n"
    "  li t0, 1\n  beq a0, t0, 2f\n"
    "  li t0, 2\n  beq a0, t0, 3f\n"
    "  li t0, 3\n  beq a0, t0, 4f\n"
    "  li t0, 5\n  beq a0, t0, 5f\n"
    "  csrw 0x150, a1\n  csrw 0x151, a2\n  csrw 0x152, a3\n  sfence.vma x0, x0\n  j 9f\n"
    "1: lw t1, 0(a1)\n  j 9f\n"
    "2: sw a2, 0(a1)\n  j 9f\n"
    "3: jalr ra, 0(a1)\n  j 9f\n"
    "4: amoadd.w t1, zero, (a1)\n  j 9f\n"
#if __riscv_xlen == 64
    "5: ld t1, 0(a1)\n  j 9f\n"
#else
    "5: lw t1, 0(a1)\n  j 9f\n"
#endif
    "9: li a7, 30\n  ecall\n"
    "  .option pop\n"
    "  .balign 64\n"
    "  .globl probe_stub_end\n"
    "probe_stub_end:\n"
    "  .text\n"
    "  .globl run_at\n"
    "run_at:\n"
    "  la t0, probe_ctx\n"
    "  " PROBE_SREG " ra, 0*" PROBE_RB "(t0)\n  " PROBE_SREG " sp, 1*" PROBE_RB "(t0)\n"
    "  " PROBE_SREG " s0, 2*" PROBE_RB "(t0)\n  " PROBE_SREG " s1, 3*" PROBE_RB "(t0)\n"
    "  " PROBE_SREG " s2, 4*" PROBE_RB "(t0)\n  " PROBE_SREG " s3, 5*" PROBE_RB "(t0)\n"
    "  " PROBE_SREG " s4, 6*" PROBE_RB "(t0)\n  " PROBE_SREG " s5, 7*" PROBE_RB "(t0)\n"
    "  " PROBE_SREG " s6, 8*" PROBE_RB "(t0)\n  " PROBE_SREG " s7, 9*" PROBE_RB "(t0)\n"
    "  " PROBE_SREG " s8, 10*" PROBE_RB "(t0)\n  " PROBE_SREG " s9, 11*" PROBE_RB "(t0)\n"
    "  " PROBE_SREG " s10, 12*" PROBE_RB "(t0)\n  " PROBE_SREG " s11, 13*" PROBE_RB "(t0)\n"
    "  " PROBE_SREG " gp, 14*" PROBE_RB "(t0)\n  " PROBE_SREG " tp, 15*" PROBE_RB "(t0)\n"
    "  li t1, 3 << 11\n  csrc mstatus, t1\n  slli t2, a0, 11\n  csrs mstatus, t2\n"
    "  la t1, probe_stub_begin\n  csrw mepc, t1\n"
    "  la t1, probe_fault\n  " PROBE_SREG " zero, 0(t1)\n"
    "  la t1, probing\n  li t2, 1\n  " PROBE_SREG " t2, 0(t1)\n"
    "  mv a0, a1\n  mv a1, a2\n  mv a2, a3\n  mv a3, a4\n"
    "  mret\n"
    "  .globl probe_return\n"
    "probe_return:\n"
    "  la t0, probe_ctx\n"
    "  " PROBE_LREG " ra, 0*" PROBE_RB "(t0)\n  " PROBE_LREG " sp, 1*" PROBE_RB "(t0)\n"
    "  " PROBE_LREG " s0, 2*" PROBE_RB "(t0)\n  " PROBE_LREG " s1, 3*" PROBE_RB "(t0)\n"
    "  " PROBE_LREG " s2, 4*" PROBE_RB "(t0)\n  " PROBE_LREG " s3, 5*" PROBE_RB "(t0)\n"
    "  " PROBE_LREG " s4, 6*" PROBE_RB "(t0)\n  " PROBE_LREG " s5, 7*" PROBE_RB "(t0)\n"
    "  " PROBE_LREG " s6, 8*" PROBE_RB "(t0)\n  " PROBE_LREG " s7, 9*" PROBE_RB "(t0)\n"
    "  " PROBE_LREG " s8, 10*" PROBE_RB "(t0)\n  " PROBE_LREG " s9, 11*" PROBE_RB "(t0)\n"
    "  " PROBE_LREG " s10, 12*" PROBE_RB "(t0)\n  " PROBE_LREG " s11, 13*" PROBE_RB "(t0)\n"
    "  " PROBE_LREG " gp, 14*" PROBE_RB "(t0)\n  " PROBE_LREG " tp, 15*" PROBE_RB "(t0)\n"
    "  la t1, probing\n  " PROBE_SREG " zero, 0(t1)\n"
    "  la t1, probe_fault\n  " PROBE_LREG " a0, 0(t1)\n"
    "  ret\n");

/* The program's handle_trap() calls this first: probe faults from S or U (the runtime handles those from
 * S itself) and the PROBE_DONE ecall. Returns 1 when handled. */
static inline int spmp_trap(struct frame *f, ulong cause) {
    ulong mpp = (csr_read(mstatus) >> 11) & 3;
    if (mpp == 3 || !probing) {
        return 0;
    }
    if ((cause == CAUSE_ECALL_S || cause == 8) && f->regs[17] == ECALL_PROBE_DONE) {
        f->regs[0] = (ulong)probe_return;
        __asm__ volatile("csrs mstatus, %0" ::"r"(3UL << 11)); /* mret to M-mode */
        return 1;
    }
    if (cause == CAUSE_LOAD_ACCESS || cause == CAUSE_STORE_ACCESS || cause == CAUSE_LOAD_PAGE
        || cause == CAUSE_STORE_PAGE) {
        probe_fault = cause;
        f->regs[0] += 4;
        return 1;
    }
    if (cause == CAUSE_FETCH_ACCESS || cause == CAUSE_FETCH_PAGE) {
        probe_fault = cause;
        f->regs[0] = f->regs[1];
        return 1;
    }
    return 0;
}

/* Entry i through siselect (M-mode; ignored for locked entries, as for S). */
static inline void spmp_set(ulong i, ulong addr, ulong cfg) {
    csr_write(0x150, 0x100 + i);
    csr_write(0x151, addr);
    csr_write(0x152, cfg);
}

/* Entry i through miselect (M-mode only; may change locked entries). */
static inline void spmp_mset(ulong i, ulong addr, ulong cfg) {
    csr_write(0x350, 0x100 + i);
    csr_write(0x351, addr);
    csr_write(0x352, cfg);
}

static inline ulong spmp_cfg(ulong i) {
    csr_write(0x350, 0x100 + i);
    return csr_read(0x352);
}

static inline ulong spmp_addr(ulong i) {
    csr_write(0x350, 0x100 + i);
    return csr_read(0x351);
}

/* The stub's locked Shared-Region RX rule in entries n-2 (bottom, OFF) and n-1 (TOR). */
static inline void spmp_cover_stub(ulong n) {
    spmp_mset(n - 2, (ulong)probe_stub_begin >> 2, 0);
    spmp_mset(n - 1, (ulong)probe_stub_end >> 2, SPMP_R | SPMP_X | SPMP_TOR | SPMP_U | SPMP_SHARED | SPMP_L);
}

/* A standalone run (`mtt run PROG --config spmp-rv64`: no harness writes the program's parameters): the number of
 * SPMP entries, found through miselect — an index at or past the count reads 0 and ignores writes ("Access
 * Method"); an implemented spmpaddr written with all ones reads back non-zero whatever G. Leaves the entries at 0. */
static inline ulong spmp_count_entries(void) {
    ulong n = 0;
    while (n < 64) {
        spmp_mset(n, -1UL, 0);
        ulong v = spmp_addr(n);
        spmp_mset(n, 0, 0);
        if (v == 0) {
            break;
        }
        n++;
    }
    return n;
}

static inline ulong napot_addr(ulong base, ulong size) {
    return (base >> 2) | ((size >> 3) - 1);
}
#endif
