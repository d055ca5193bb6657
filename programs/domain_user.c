/* An ordinary program for `mtt run PROGRAM --domain programs/domains/work.json`: M-mode opens the PMP and drops
 * straight to U-mode (mstatus.MPP = U), which computes a table of primes in its data, copies a string, and calls
 * M-mode through ecall (cause 8) to print and to exit. Every U-mode fetch, load and store is checked against the
 * domain's tables. Exits with the number of wrong results. */
#include "mttkit.h"

#define ECALL_PUTCHAR 1
#define ECALL_EXIT 2
#define CAUSE_ECALL_U 8

static ulong primes[100];
static char copy[64];
static const char message[] = "hello from U-mode in the domain";

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)tval;
    if (cause != CAUSE_ECALL_U) {
        return 0;
    }
    if (f->regs[17] == ECALL_PUTCHAR) {
        putch((char)f->regs[10]);
        f->regs[0] += 4;
        return 1;
    }
    if (f->regs[17] == ECALL_EXIT) {
        exit_(f->regs[10]);
    }
    return 0;
}

static void uputs(const char *s) {
    while (*s) {
        s_ecall(ECALL_PUTCHAR, (ulong)*s++, 0, 0, 0, 0);
    }
}

static void u_main(void) {
    ulong failed = 0;
    int n = 0;
    for (ulong c = 2; n < 100; c++) {
        int prime = 1;
        for (int i = 0; i < n && primes[i] * primes[i] <= c; i++) {
            if (c % primes[i] == 0) {
                prime = 0;
                break;
            }
        }
        if (prime) {
            primes[n++] = c;
        }
    }
    if (primes[99] != 541) {
        failed++;
        uputs("FAIL the 100th prime\n");
    }
    int i = 0;
    for (; message[i] != 0; i++) {
        copy[i] = message[i];
    }
    copy[i] = 0;
    uputs(copy);
    uputs("\n");
    uputs(failed == 0 ? "domain_user: passed\n" : "domain_user: FAILED\n");
    s_ecall(ECALL_EXIT, failed, 0, 0, 0, 0);
}

void firmware_main(void) {
    pmp_open_all();
    ulong ms = csr_read(mstatus);
    csr_write(mstatus, ms & ~(3UL << 11)); /* MPP = U */
    csr_write(mepc, (ulong)u_main);
    __asm__ volatile("mv sp, %0; mret" ::"r"((ulong)S_STACK_TOP) : "memory");
    __builtin_unreachable();
}
