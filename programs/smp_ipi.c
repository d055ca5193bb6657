/* Several harts: an IPI ping-pong around the ring of harts through the CLINT's msip registers.
 *
 * Hart 0 starts the token: it counts a pass and sends an IPI (msip) to hart 1; each hart waits in WFI with
 * mie.MSIE = 1 and mstatus.MIE = 0 (the IPI ends the WFI without a trap), clears its own msip, checks that
 * the token reached it in ring order, counts a pass and sends an IPI to the next hart; the last hart sends
 * it back to hart 0. After ROUNDS laps hart 0 checks every hart's wake-ups and the pass count and prints
 *   ipi harts=N rounds=R passes=P wakeups=W0,W1,... order_errors=E
 * exiting with the number of mismatches. Needs 2..8 harts (SystemRunner). */
#include "mttkit.h"

#define ROUNDS 25

static volatile ulong online;
static volatile ulong passes;
static volatile ulong order_errors;
static volatile ulong wakeups[8];

static ulong nharts(void) {
    return smp_harts ? smp_harts : 1;
}

static void wait_ipi(ulong h) {
    while (!(csr_read(mip) & MIP_MSIP)) {
        __asm__ volatile("wfi");
    }
    *CLINT_MSIP(h) = 0;
    wakeups[h]++;
}

static void pass_token(ulong h, ulong n) {
    if (passes % n != h) {
        order_errors++;
    }
    passes++;
    *CLINT_MSIP((h + 1) % n) = 1;
}

void secondary_main(ulong h) {
    ulong n = nharts();
    csr_write(mie, MIP_MSIP);
    __atomic_fetch_add(&online, 1, __ATOMIC_SEQ_CST);
    for (int r = 0; r < ROUNDS; r++) {
        wait_ipi(h);
        pass_token(h, n);
    }
}

void firmware_main(void) {
    ulong n = nharts();
    if (n < 2) {
        puts_("smp_ipi needs at least 2 harts\n");
        exit_(1);
    }
    csr_write(mie, MIP_MSIP);
    while (online != n - 1) {
    }
    for (int r = 0; r < ROUNDS; r++) {
        pass_token(0, n);
        wait_ipi(0);
    }
    ulong errors = order_errors;
    if (passes != ROUNDS * n) {
        errors++;
    }
    puts_("ipi harts=");
    putdec(n);
    puts_(" rounds=");
    putdec(ROUNDS);
    puts_(" passes=");
    putdec(passes);
    puts_(" wakeups=");
    for (ulong h = 0; h < n; h++) {
        if (wakeups[h] != ROUNDS) {
            errors++;
        }
        if (h) {
            putch(',');
        }
        putdec(wakeups[h]);
    }
    puts_(" order_errors=");
    putdec(order_errors);
    putch('\n');
    exit_(errors);
}

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}
