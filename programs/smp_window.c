/* Several harts: probes inside the window between a table write and the fence.
 *
 * As smp_shootdown.c (same tables, same S-mode probe of TARGET through MPRV, same per-hart trap handler), but
 * after hart 0 rewrites TARGET's leaf entry to "no access" every hart probes TARGET once more BEFORE its own
 * MFENCE.PA: a checker that still caches the old entry may answer with the old permission there (the spec allows
 * the old or the new one until the fence completes), which RTL lockstep accepts for that hart's window only. The
 * golden hart walks afresh, so that probe faults here. Then hart 0 fences and sends an IPI to every other hart;
 * each fences and acknowledges, and every hart probes again after its fence (a fault, whatever any cache did).
 * It prints
 *   window harts=N before=B0,.. window=W0,.. after=A0,..
 * and exits with the number of mismatches (expected: before 0, window 5, after 5 on every hart). Needs 2..8 harts. */
#include "mttkit.h"

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
static volatile ulong ready, online, written, seen, acked, go, done;
static volatile ulong before[8], window[8], after[8];

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

void secondary_main(ulong h) {
    while (!ready) {
    }
    join_domain(h);
    csr_write(mie, MIP_MSIP);
    __atomic_fetch_add(&online, 1, __ATOMIC_SEQ_CST);
    while (!written) {
    }
    window[h] = probe_as_s(h, TARGET); /* after the table write, before this hart's fence */
    __atomic_fetch_add(&seen, 1, __ATOMIC_SEQ_CST);
    while (!(csr_read(mip) & MIP_MSIP)) {
        __asm__ volatile("wfi");
    }
    *CLINT_MSIP(h) = 0;
    __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
    __atomic_fetch_add(&acked, 1, __ATOMIC_SEQ_CST);
    while (!go) {
    }
    after[h] = probe_as_s(h, TARGET);
    __atomic_fetch_add(&done, 1, __ATOMIC_SEQ_CST);
}

static void list(const char *name, volatile ulong *v, ulong n) {
    puts_(name);
    for (ulong h = 0; h < n; h++) {
        if (h != 0) {
            putch(',');
        }
        putdec(v[h]);
    }
}

void firmware_main(void) {
    ulong n = smp_harts ? smp_harts : 1;
    if (n < 2) {
        puts_("smp_window needs at least 2 harts\n");
        exit_(1);
    }
    ulong *root = mpt_begin(POOL);
    mpt_grant(root, 0x80000000UL, 0x400000UL, 7);
    mpt_grant(root, TARGET, 0x1000, 3);
    mmpt_value = MMPT_MODE | (SDID << SDID_SHIFT) | ((ulong)root >> 12);
    ready = 1;
    join_domain(0);
    while (online != n - 1) {
    }
    /* the table write; every hart probes before its own fence */
    mpt_grant(root, TARGET, 0x1000, 0);
    written = 1;
    window[0] = probe_as_s(0, TARGET);
    while (seen != n - 1) {
    }
    __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
    for (ulong h = 1; h < n; h++) {
        *CLINT_MSIP(h) = 1;
    }
    while (acked != n - 1) {
    }
    go = 1;
    while (done != n - 1) {
    }
    after[0] = probe_as_s(0, TARGET);
    ulong errors = 0;
    for (ulong h = 0; h < n; h++) {
        errors += before[h] != 0;
        errors += window[h] != CAUSE_LOAD_ACCESS;
        errors += after[h] != CAUSE_LOAD_ACCESS;
    }
    puts_("window harts=");
    putdec(n);
    list(" before=", before, n);
    list(" window=", window, n);
    list(" after=", after, n);
    putch('\n');
    exit_(errors);
}

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}
