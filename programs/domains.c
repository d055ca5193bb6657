/* Supervisor-domain scenarios driven by a script of phases (domain switch, page donation, paging on).
 * The harness writes `domains_params`: the virtual addresses to probe, and per phase the mmpt/mttp value,
 * the satp value, the MTT table entries to rewrite, and the fences to issue. Each phase:
 *   M-mode: rewrite the listed table entries (an RDSM updating its tables), issue the phase's fences,
 *           write mmpt (and check the value read back), write satp and SFENCE.VMA, return to S;
 *   S-mode: probe every address with a load, a store and a jump-to-execute, report the trap causes.
 * The firmware prints "phase P probe I causes L S X" (0 = the access succeeded) and exits with 0; an
 * unexpected trap exits with 0x100 + cause.
 *
 * Fence modes (SPEC-DECISIONS #14 encodings):
 *   0 none; 1 MFENCE.PA x0, x0; 2 MFENCE.PA x0, SDID; 3 SFENCE.W.INVAL, MINVAL.PA addr_i, SDID for every
 *   listed address, SFENCE.INVAL.IR; 4 MFENCE.PA addr_i, SDID for every listed address.
 * A fence SDID of all ones means rs2 = x0 (every SDID).
 */
#include "mttkit.h"

#define MAX_PROBES 16
#define MAX_PHASES 8
#define MAX_PATCHES 256
#define MAX_FENCE_ADDRS 64

struct phase {
    ulong mmpt;
    ulong satp;
    ulong patch_first;
    ulong patch_count;
    ulong fence_mode;
    ulong fence_sdid;
    ulong fence_first;
    ulong fence_count;
};

struct patch {
    ulong addr;
    ulong value; /* one table entry: XLEN wide, as the entries of both formats are on each XLEN */
};

struct params {
    ulong nprobes;
    ulong probes[MAX_PROBES];
    ulong nphases;
    struct phase phases[MAX_PHASES];
    struct patch patches[MAX_PATCHES];
    ulong fence_addrs[MAX_FENCE_ADDRS];
};

volatile struct params domains_params;

/* fence_sdid value meaning "rs2 = x0" (every SDID) */
#define ALL_SDIDS (~0UL)

#define ECALL_PHASE 16
#define ECALL_REPORT 17
#define ECALL_DONE 18

static void fence_one(ulong mode, ulong addr, ulong sdid) {
    if (sdid == ALL_SDIDS) {
        if (mode == 3) {
            __asm__ volatile(MINVAL_PA(%0, x0) ::"r"(addr) : "memory");
        } else {
            __asm__ volatile(MFENCE_PA(%0, x0) ::"r"(addr) : "memory");
        }
        return;
    }
    if (mode == 3) {
        __asm__ volatile(MINVAL_PA(%0, %1) ::"r"(addr), "r"(sdid) : "memory");
    } else {
        __asm__ volatile(MFENCE_PA(%0, %1) ::"r"(addr), "r"(sdid) : "memory");
    }
}

static void run_phase(ulong p) {
    volatile struct phase *ph = &domains_params.phases[p];
    for (ulong i = 0; i < ph->patch_count; i++) {
        volatile struct patch *pt = &domains_params.patches[ph->patch_first + i];
        *(volatile ulong *)pt->addr = pt->value;
    }
    ulong sdid = ph->fence_sdid;
    switch (ph->fence_mode) {
    case 1:
        __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
        break;
    case 2:
        if (sdid == ALL_SDIDS) {
            __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
        } else {
            __asm__ volatile(MFENCE_PA(x0, %0) ::"r"(sdid) : "memory");
        }
        break;
    case 3:
        __asm__ volatile(SFENCE_W_INVAL ::: "memory");
        for (ulong i = 0; i < ph->fence_count; i++) {
            fence_one(3, domains_params.fence_addrs[ph->fence_first + i], sdid);
        }
        __asm__ volatile(SFENCE_INVAL_IR ::: "memory");
        break;
    case 4:
        for (ulong i = 0; i < ph->fence_count; i++) {
            fence_one(4, domains_params.fence_addrs[ph->fence_first + i], sdid);
        }
        break;
    default:
        break;
    }
    csr_write(0x382, ph->mmpt);
    if (csr_read(0x382) != ph->mmpt) {
        puts_("phase ");
        putdec(p);
        puts_(": mmpt did not take ");
        puthex(ph->mmpt);
        putch('\n');
        exit_(0x200);
    }
    csr_write(satp, ph->satp);
    __asm__ volatile("sfence.vma x0, x0" ::: "memory");
}

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)tval;
    if (cause != CAUSE_ECALL_S) {
        return 0;
    }
    ulong fn = f->regs[17];
    if (fn == ECALL_PHASE) {
        run_phase(f->regs[10]);
    } else if (fn == ECALL_REPORT) {
        puts_("phase ");
        putdec(f->regs[10]);
        puts_(" probe ");
        putdec(f->regs[11]);
        puts_(" causes ");
        putdec(f->regs[12]);
        putch(' ');
        putdec(f->regs[13]);
        putch(' ');
        putdec(f->regs[14]);
        putch('\n');
    } else if (fn == ECALL_DONE) {
        exit_(0);
    } else {
        return 0;
    }
    f->regs[0] += 4;
    return 1;
}

static void s_main(void) {
    for (ulong p = 0; p < domains_params.nphases; p++) {
        s_ecall(ECALL_PHASE, p, 0, 0, 0, 0);
        for (ulong i = 0; i < domains_params.nprobes; i++) {
            ulong a = domains_params.probes[i];
            ulong l = probe_access(0, a);
            ulong s = probe_access(1, a);
            ulong x = probe_access(2, a);
            s_ecall(ECALL_REPORT, p, i, l, s, x);
        }
    }
    s_ecall(ECALL_DONE, 0, 0, 0, 0, 0);
}

void firmware_main(void) {
    pmp_open_all();
    enter_smode(s_main, S_STACK_TOP);
}
