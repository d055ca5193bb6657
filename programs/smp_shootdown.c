/* Several harts: an MPT shootdown.
 *
 * Hart 0 (the root-domain monitor) builds Smmpt tables with mpt_build.c (Smmpt43 on RV64, Smmpt34 on RV32)
 * granting the domain (SDID 1) its 4 MiB at 0x8000_0000 RWX and the page TARGET RW. Every hart opens its
 * PMP, writes the same value into its own mmpt, executes MFENCE.PA x0, x0 and probes TARGET with a load
 * made as S-mode (mstatus.MPRV = 1, MPP = S: checked by the MPT with that hart's CSRs); a fault is caught by
 * a small per-hart trap handler (smp_trap), which records mcause and skips the load.
 *
 * Then hart 0 rewrites TARGET's leaf entry to "no access", executes MFENCE.PA x0, x0 and sends an IPI to
 * every other hart; each of them, woken from WFI, clears its msip, executes MFENCE.PA x0, x0 and
 * acknowledges (AMOADD). When every hart has acknowledged, hart 0 lets them probe TARGET again, probes it
 * itself, and checks: every "before" probe succeeded, every "after" probe took a load access fault (5),
 * every other hart fenced exactly once. It prints
 *   shootdown harts=N before=B0,B1,... after=A0,A1,... fences=F1,F2,...
 * and exits with the number of mismatches. Needs 2..8 harts (SystemRunner). */
#include "mttkit.h"
#include "smp_probe.h"

static volatile ulong ready, online, acked, go, done;
static volatile ulong after[8], fences[8];

void secondary_main(ulong h) {
    while (!ready) {
    }
    join_domain(h);
    csr_write(mie, MIP_MSIP);
    __atomic_fetch_add(&online, 1, __ATOMIC_SEQ_CST);
    while (!(csr_read(mip) & MIP_MSIP)) {
        __asm__ volatile("wfi");
    }
    *CLINT_MSIP(h) = 0;
    __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
    fences[h]++;
    __atomic_fetch_add(&acked, 1, __ATOMIC_SEQ_CST);
    while (!go) {
    }
    after[h] = probe_as_s(h, TARGET);
    __atomic_fetch_add(&done, 1, __ATOMIC_SEQ_CST);
}

static void list(const char *name, volatile ulong *v, ulong from, ulong n) {
    puts_(name);
    for (ulong h = from; h < n; h++) {
        if (h != from) {
            putch(',');
        }
        putdec(v[h]);
    }
}

void firmware_main(void) {
    ulong n = smp_harts ? smp_harts : 1;
    if (n < 2) {
        puts_("smp_shootdown needs at least 2 harts\n");
        exit_(1);
    }
    ulong *root = mpt_begin(POOL);
    mpt_grant(root, 0x80000000UL, 0x400000UL, 7);
    mpt_grant(root, TARGET, 0x1000, 3);
    mmpt_value = MMPT_MODE | (SDID << SDID_SHIFT) | ((ulong)root >> 12);
    ready = 1;
    join_domain(0);
    if (csr_read(0x382) != mmpt_value) {
        puts_("mmpt did not take the value\n");
        exit_(0x200);
    }
    while (online != n - 1) {
    }
    /* the shootdown: rewrite the leaf entry, fence locally, IPI every other hart, wait for their fences */
    mpt_grant(root, TARGET, 0x1000, 0);
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
        errors += after[h] != CAUSE_LOAD_ACCESS;
        errors += h != 0 && fences[h] != 1;
    }
    puts_("shootdown harts=");
    putdec(n);
    list(" before=", before, 0, n);
    list(" after=", after, 0, n);
    list(" fences=", fences, 1, n);
    putch('\n');
    exit_(errors);
}

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}
