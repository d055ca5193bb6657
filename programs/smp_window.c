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
#include "smp_probe.h"

static volatile ulong ready, online, written, seen, acked, go, done;
static volatile ulong window[8], after[8];

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
