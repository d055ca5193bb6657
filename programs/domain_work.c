/* An ordinary program for `mtt run PROGRAM --domain programs/domains/work.json`: M-mode opens the PMP and enters
 * S-mode, which does ordinary work — loads, stores, AMOs, LR/SC, a sort, a checksum — first with satp = Bare,
 * then through an identity-mapped Sv39 (RV64) / Sv32 (RV32) page table built in its own data, so that the
 * page-table walk's reads and A/D updates go through the domain's tables too. The program does not touch
 * mmpt/mttp: whoever runs it decides the domain. It prints its results and exits with the number of wrong ones.
 * Run without a domain (Bare) it passes too: every access is inside the 4 MiB the domain grants. */
#include "mttkit.h"

#define ECALL_PUTCHAR 1
#define ECALL_EXIT 2

static ulong failed;
static volatile ulong counter;
static ulong data[64];
static ulong page_table[1][4096 / sizeof(ulong)] __attribute__((aligned(4096)));

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}

static void sputs(const char *s) {
    while (*s) {
        s_ecall(ECALL_PUTCHAR, (ulong)*s++, 0, 0, 0, 0);
    }
}

static void sputdec(ulong v) {
    char buf[24];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0) {
        s_ecall(ECALL_PUTCHAR, (ulong)buf[--n], 0, 0, 0, 0);
    }
}

static void expect(const char *what, ulong got, ulong want) {
    sputs(got == want ? "ok " : "FAIL ");
    sputs(what);
    sputs(" = ");
    sputdec(got);
    if (got != want) {
        failed++;
        sputs(" want ");
        sputdec(want);
    }
    sputs("\n");
}

/* Fills, sorts and sums `data`; uses AMOs and LR/SC on `counter`. */
static void work(const char *phase) {
    sputs(phase);
    sputs(":\n");
    ulong seed = 12345;
    for (int i = 0; i < 64; i++) {
        seed = seed * 1103515245UL + 12345UL;
        data[i] = (seed >> 8) & 0xFFFF;
    }
    ulong sum0 = 0;
    for (int i = 0; i < 64; i++) {
        sum0 += data[i];
    }
    for (int i = 1; i < 64; i++) { /* insertion sort */
        ulong v = data[i];
        int j = i - 1;
        while (j >= 0 && data[j] > v) {
            data[j + 1] = data[j];
            j--;
        }
        data[j + 1] = v;
    }
    ulong sorted = 1, sum = 0;
    for (int i = 0; i < 64; i++) {
        sum += data[i];
        if (i > 0 && data[i - 1] > data[i]) {
            sorted = 0;
        }
    }
    expect("sorted", sorted, 1);
    expect("sum kept by the sort", sum, sum0);
    counter = 0;
    for (int i = 0; i < 10; i++) {
        __atomic_fetch_add(&counter, 3, __ATOMIC_SEQ_CST);
    }
    ulong old, tmp;
    __asm__ volatile("1: lr.w %0, (%2); addi %1, %0, 1; sc.w %1, %1, (%2); bnez %1, 1b"
                     : "=&r"(old), "=&r"(tmp)
                     : "r"(&counter)
                     : "memory");
    expect("atomics", counter, 31);
}

#if __riscv_xlen == 64
#define SATP_MODE (8UL << 60) /* Sv39 */
#define LEAF_SHIFT 30         /* one 1 GiB leaf at level 2 */
#else
#define SATP_MODE (1UL << 31) /* Sv32 */
#define LEAF_SHIFT 22         /* 4 MiB megapages at level 1 */
#endif
#define PTE_V 1
#define PTE_RWX 0xE
/* A and D are left clear: the hart sets them, an implicit store the domain's tables check. */

static void s_main(void) {
    work("bare");
    /* identity map of the program's 4 MiB (RV32: one megapage; RV64: the 1 GiB leaf holding it) */
    ulong *root = page_table[0];
    ulong va = 0x80000000UL;
    ulong index = (va >> LEAF_SHIFT) & (4096 / sizeof(ulong) - 1);
    root[index] = ((va >> 12) << 10) | PTE_RWX | PTE_V;
    __asm__ volatile("sfence.vma x0, x0" ::: "memory");
    csr_write(satp, SATP_MODE | ((ulong)root >> 12));
    __asm__ volatile("sfence.vma x0, x0" ::: "memory");
    work("paged");
    ulong pte = root[index];
    csr_write(satp, 0);
    __asm__ volatile("sfence.vma x0, x0" ::: "memory");
    expect("A and D set by the walk", (pte >> 6) & 3, 3);
    sputs(failed == 0 ? "domain_work: passed\n" : "domain_work: FAILED\n");
    s_ecall(ECALL_EXIT, failed, 0, 0, 0, 0);
}

void firmware_main(void) {
    pmp_open_all();
    enter_smode(s_main, S_STACK_TOP);
}
