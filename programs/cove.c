/* CoVE memory-ownership flows on several harts (issue #13; docs/cove.md).
 *
 * M-mode: a small monitor, the root-domain TSM. It keeps one Smmpt table per supervisor domain (mpt_build.c:
 * Smmpt43 on RV64, Smmpt34 on RV32) -- the host (SDID 1) and one TVM (SDID 2) -- and offers COVH/COVG-style
 * calls over ecall (a7 = EID, a6 = FID, arguments in a0.., error in a0, value in a1), each completed with the
 * global fence protocol: an IPI to every other hart, whose handler performs the local fence (SFENCE.W.INVAL,
 * MINVAL.PA for every page moved, SFENCE.INVAL.IR, or MFENCE.PA for a whole-domain change) and acknowledges;
 * the caller fences itself and waits for every acknowledgement.
 *
 * Every permission change is first reported on the ownership log (cove_log: a typed channel the golden side
 * reads, independent of the tables), then written into the tables; the completion of a fence protocol is
 * reported too. mtt scenario cove checks every MPT check of every hart against that log (docs/cove.md).
 *
 * S-mode: even harts run the host's code in the host domain, odd harts the TVM's vCPUs in the TVM's domain.
 * Flows (hart 0 and hart 1 are the actors; every hart probes every page of the pool after each flow):
 *   0 boot           the pool (POOL_PAGES pages) is the host's, read-write
 *   1 convert-assign host converts pages 0..7 (global fence), creates the TVM, assigns them to it
 *   2 share          the TVM shares pages 6..7 (host read-write, TVM read-only)
 *   3 unshare        the TVM takes pages 6..7 back
 *   4 destroy-reclaim host destroys the TVM (its pages become confidential) and reclaims pages 0..7
 * After each flow every hart probes each page with a load and a store from S-mode and compares the outcome
 * with what its domain should see (the program's own expectation); hart 0 prints per flow
 *   flow F NAME moved=M probes=P errors=E
 * and exits with the number of wrong outcomes.
 *
 * The device side: the I/O MPT checker (Smmpt chapter 6) at IOMPT_BASE. At boot the monitor configures each
 * domain's MPT for it (SET_SDCFG_ENTRY) and assigns one device to each domain (SET_SDCL_ENTRY: device 0x0100 ->
 * the host, 0x0200 -> the TVM), then turns it On; every global fence protocol ends with its I/O side: MPTINVAL
 * for every page moved (every address for a whole-domain change) and IOFENCE. The harness's DMA agent issues the
 * devices' DMA through it (docs/cove.md "The device side").
 *
 * cove_fault (written by the harness before the run; the seeded faults of docs/cove.md): 0 none; 1 the last
 * hart acknowledges the IPI without fencing; 2 destroy defers its fence protocol until after the reclaim
 * (the host gets the pages back before the TVM's revocation is fenced everywhere); 3 the first fence protocol
 * of flow 1 skips its I/O side (no MPTINVAL, no IOFENCE). */
#include "mttkit.h"

#define POOL_BASE 0x80800000UL /* the pages whose ownership moves */
#define POOL_PAGES 16
#define IMAGE_SIZE 0x300000UL /* program image and S stacks: read-write-execute for both domains */
#define HOST_TABLES 0x80400000UL
#define TVM_TABLES 0x80480000UL
#define SDID_HOST 1UL
#define SDID_TVM 2UL
/* The I/O MPT checker's register interface (Smmpt v0.9 ch. 6, "I/O MPT Checker Register Interface"). */
#define IOMPT_BASE 0x03000000UL
#define IO_STATUS 4  /* CODE[7:0] BUSY[31] */
#define IO_CONTROL 8 /* MODE[3:0] */
#define IO_COMMAND 12
#define IO_DATA1 16
#define IO_DATA2 24
#define IO_BUSY (1U << 31)
#define IO_OP_IOFENCE 1
#define IO_OP_SET_SDCL_ENTRY 2
#define IO_OP_SET_SDCFG_ENTRY 4
#define IO_OP_MPTINVAL 6
#define IO_MODE_ON 2
#define HOST_DEVICE 0x0100UL
#define TVM_DEVICE 0x0200UL

#if __riscv_xlen == 64
#define SREG sd
#define LREG ld
#define RB 8
#define MMPT_MODE (1UL << 60) /* Smmpt43 */
#define SDID_SHIFT 52
#else
#define SREG sw
#define LREG lw
#define RB 4
#define MMPT_MODE (1UL << 30) /* Smmpt34 */
#define SDID_SHIFT 22
#endif
#define STR_(x) #x
#define STR(x) STR_(x)

/* SBI extension ids (sbi_cove.adoc) and mttkit's own for the scenario's plumbing. */
#define EID_COVH 0x434F5648UL
#define EID_COVG 0x434F5647UL
#define EID_MTTK 0x4D54544BUL
#define COVH_CONVERT_PAGES 1
#define COVH_RECLAIM_PAGES 2
#define COVH_GLOBAL_FENCE 3
#define COVH_CREATE_TVM 5
#define COVH_DESTROY_TVM 8
#define COVH_ADD_TVM_ZERO_PAGES 12
#define COVG_SHARE_MEMORY 2
#define COVG_UNSHARE_MEMORY 3
#define MTTK_BARRIER 0
#define MTTK_FLOW 1
#define SBI_ERR_FAILED (-1L)
#define SBI_ERR_INVALID_PARAM (-3L)
#define SBI_ERR_INVALID_ADDRESS (-5L)
#define SBI_ERR_ALREADY_STARTED (-7L)

/* Ownership log records (docs/cove.md "The ownership log"): the op word is written last. */
#define LOG_SET 1        /* domain sdid's permission on [base, base + pages * 4 KiB) becomes xwr */
#define LOG_FENCE_DONE 2 /* a fence protocol completed: every hart acknowledged */
#define LOG_FLOW 3       /* flow number `base` begins */
struct cove_log_rec {
    ulong op, sdid, base, pages, xwr;
};
volatile struct cove_log_rec cove_log __attribute__((aligned(64)));

volatile ulong cove_fault;

/* ---- per-hart M-mode trap entry: mscratch = &frames[h]; regs[0] = mepc; regs[32] = the trap stack ---- */
struct hframe {
    ulong regs[33];
};
static struct hframe frames[8];

__asm__(".section .text\n"
        ".align 2\n"
        ".globl cove_trap_entry\n"
        "cove_trap_entry:\n"
        "  csrrw t0, mscratch, t0\n"
        "  .irp r,1,2,3,4,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        "  " STR(SREG) " x\\r, \\r*" STR(RB) "(t0)\n"
        "  .endr\n"
        "  csrr t1, mscratch\n"
        "  " STR(SREG) " t1, 5*" STR(RB) "(t0)\n"
        "  csrw mscratch, t0\n"
        "  csrr t1, mepc\n"
        "  " STR(SREG) " t1, 0(t0)\n"
        "  mv a0, t0\n"
        "  " STR(LREG) " sp, 32*" STR(RB) "(t0)\n"
        "  call cove_trap\n"
        "  csrr t0, mscratch\n"
        "  " STR(LREG) " t1, 0(t0)\n"
        "  csrw mepc, t1\n"
        "  .irp r,1,2,3,4,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        "  " STR(LREG) " x\\r, \\r*" STR(RB) "(t0)\n"
        "  .endr\n"
        "  " STR(LREG) " t0, 5*" STR(RB) "(t0)\n"
        "  mret\n");
void cove_trap_entry(void);

/* ---- monitor state ---- */
enum page_state { HOST, CONFIDENTIAL, ASSIGNED, SHARED };
static ulong state[POOL_PAGES];
static ulong *root_host, *root_tvm;
static ulong mmpt_host, mmpt_tvm;
static volatile ulong tvm_active;
static volatile ulong fence_in_progress, acks, deferred_fence;
static volatile ulong fence_base, fence_pages, fence_whole;
static volatile ulong s_probing[8], probe_cause[8];
static volatile ulong bar_count, bar_gen;
static ulong io_skipped; /* seeded fault 3: the I/O side of one protocol has been skipped */
static volatile ulong booted, boot_ready;

static ulong nharts(void) {
    return smp_harts ? smp_harts : 1;
}

/* One writer at a time: the record is five stores (several harts may log at once, e.g. a flow marker while
 * another hart's call changes permissions). */
static volatile unsigned log_lock;

static void log_rec(ulong op, ulong sdid, ulong base, ulong pages, ulong xwr) {
    while (__atomic_exchange_n(&log_lock, 1, __ATOMIC_ACQUIRE)) {
    }
    cove_log.sdid = sdid;
    cove_log.base = base;
    cove_log.pages = pages;
    cove_log.xwr = xwr;
    __asm__ volatile("fence" ::: "memory");
    cove_log.op = op;
    __atomic_store_n(&log_lock, 0, __ATOMIC_RELEASE);
}

/* Domain sdid's permission on n pages from page index first becomes xwr: logged, then written. */
static void set_perm(ulong sdid, ulong first, ulong n, ulong xwr) {
    ulong base = POOL_BASE + first * 4096;
    log_rec(LOG_SET, sdid, base, n, xwr);
    ulong *root = sdid == SDID_HOST ? root_host : root_tvm;
    for (ulong i = 0; i < n; i++) {
        mpt_grant(root, base + i * 4096, 0x1000, xwr);
    }
}

/* ---- the I/O MPT checker ---- */
static volatile unsigned *io_reg(ulong off) {
    return (volatile unsigned *)(IOMPT_BASE + off);
}

static unsigned io_wait(void) {
    unsigned st;
    while ((st = *io_reg(IO_STATUS)) & IO_BUSY) {
    }
    return st;
}

/* One operation: data1, data2, then command; waits for BUSY to fall and returns status.CODE (1 = success). The
 * 8-byte registers are written as two 4-byte halves, low first, on both XLENs. */
static unsigned io_op(unsigned command, unsigned long long data1) {
    io_wait();
    *io_reg(IO_DATA1) = (unsigned)data1;
    *io_reg(IO_DATA1 + 4) = (unsigned)(data1 >> 32);
    *io_reg(IO_DATA2) = 0;
    *io_reg(IO_DATA2 + 4) = 0;
    *io_reg(IO_COMMAND) = command;
    return io_wait() & 0xFF;
}

static void io_ok(unsigned code, const char *what) {
    if (code != 1) {
        puts_("I/O MPT checker: ");
        puts_(what);
        puts_(" failed, CODE ");
        putdec(code);
        putch('\n');
        exit_(0x200 + code);
    }
}

/* SET_SDCFG_ENTRY: data1 = MPT_MODE[3:0] MBE[4] MXL[5] PPN[53:10]; the same mode as the harts' mmpt. */
static void io_domain(ulong sdid, ulong *root) {
    unsigned long long mode = 1, mxl = RB == 8 ? 0 : 1; /* Smmpt43 (MXL 0) / Smmpt34 (MXL 1) */
    unsigned long long ppn = (ulong)root >> 12;
    io_ok(io_op(IO_OP_SET_SDCFG_ENTRY | (unsigned)(sdid << 8), mode | (mxl << 5) | (ppn << 10)), "SET_SDCFG_ENTRY");
}

/* SET_SDCL_ENTRY: data1 = SRC_IDT[3:0] (1 device ID) SRC_IDM[5:4] (2 unary) TEE_FLT[7:6] (0 any) SRC_ID[31:8]
 * IOMMU_ID[39:32] SDID[45:40]. */
static void io_assign(unsigned rule, ulong device, ulong sdid) {
    unsigned long long d1 = 1 | (2 << 4) | ((unsigned long long)device << 8) | ((unsigned long long)sdid << 40);
    io_ok(io_op(IO_OP_SET_SDCL_ENTRY | (rule << 8), d1), "SET_SDCL_ENTRY");
}

/* The I/O side of a fence protocol: MPTINVAL (every SDID, PPNV=1, S=0) for each page moved, or every address for
 * a whole-domain change; then IOFENCE, so that DMA let through under the old permission is committed before the
 * memory changes hands. */
static void io_fence(ulong base, ulong pages, ulong whole) {
    if (whole) {
        io_ok(io_op(IO_OP_MPTINVAL, 0), "MPTINVAL");
    } else {
        for (ulong i = 0; i < pages; i++) {
            unsigned long long ppn = (base + i * 4096) >> 12;
            io_ok(io_op(IO_OP_MPTINVAL, 1 | (ppn << 10)), "MPTINVAL");
        }
    }
    io_ok(io_op(IO_OP_IOFENCE, 0), "IOFENCE");
}

static void io_boot(void) {
    io_domain(SDID_HOST, root_host);
    io_domain(SDID_TVM, root_tvm);
    io_assign(0, HOST_DEVICE, SDID_HOST);
    io_assign(1, TVM_DEVICE, SDID_TVM);
    /* "If the configuration updates modify the MPT mode and/or PPN, an MPTINVAL operation with PPNV set to 0 must be
     * issued after the IOFENCE" (ch. 6 IOFENCE). */
    io_ok(io_op(IO_OP_IOFENCE, 0), "IOFENCE");
    io_ok(io_op(IO_OP_MPTINVAL, 0), "MPTINVAL");
    io_wait();
    *io_reg(IO_CONTROL) = IO_MODE_ON;
    io_wait();
    if ((*io_reg(IO_CONTROL) & 0xF) != IO_MODE_ON) {
        puts_("I/O MPT checker: MODE On not taken\n");
        exit_(0x2FF);
    }
}

/* The local fence of this hart for the change being fenced. */
static void local_fence(void) {
    if (fence_whole) {
        __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
        return;
    }
    __asm__ volatile(SFENCE_W_INVAL ::: "memory");
    for (ulong i = 0; i < fence_pages; i++) {
        ulong a = fence_base + i * 4096;
        __asm__ volatile(MINVAL_PA(%0, x0) ::"r"(a) : "memory");
    }
    __asm__ volatile(SFENCE_INVAL_IR ::: "memory");
}

static void on_ipi(ulong h) {
    *CLINT_MSIP(h) = 0;
    if (!(cove_fault == 1 && h == nharts() - 1)) {
        local_fence();
    }
    __atomic_fetch_add(&acks, 1, __ATOMIC_SEQ_CST);
}

/* The global fence protocol: IPI every other hart, fence here, wait for every acknowledgement. */
static long global_fence(ulong h, ulong first, ulong n, ulong whole) {
    if (fence_in_progress) {
        return SBI_ERR_ALREADY_STARTED;
    }
    fence_in_progress = 1;
    fence_base = POOL_BASE + first * 4096;
    fence_pages = n;
    fence_whole = whole;
    acks = 0;
    __asm__ volatile("fence" ::: "memory");
    for (ulong k = 0; k < nharts(); k++) {
        if (k != h) {
            *CLINT_MSIP(k) = 1;
        }
    }
    local_fence();
    if (cove_fault == 3 && !io_skipped) {
        io_skipped = 1;
    } else {
        io_fence(fence_base, fence_pages, fence_whole);
    }
    while (acks != nharts() - 1) {
    }
    fence_in_progress = 0;
    log_rec(LOG_FENCE_DONE, 0, 0, 0, 0);
    return 0;
}

static int range_ok(ulong base, ulong n, ulong *first) {
    if ((base & 0xFFF) != 0 || base < POOL_BASE || n == 0 || n > POOL_PAGES) {
        return 0;
    }
    *first = (base - POOL_BASE) / 4096;
    return *first + n <= POOL_PAGES;
}

static int all_in(ulong first, ulong n, ulong s) {
    for (ulong i = first; i < first + n; i++) {
        if (state[i] != s) {
            return 0;
        }
    }
    return 1;
}

static void move(ulong first, ulong n, ulong s) {
    for (ulong i = first; i < first + n; i++) {
        state[i] = s;
    }
}

/* Zero the pages (M-mode: no MPT check) before they change hands. */
static void scrub(ulong first, ulong n) {
    for (ulong i = first; i < first + n; i++) {
        volatile ulong *p = (volatile ulong *)(POOL_BASE + i * 4096);
        for (ulong k = 0; k < 4096 / sizeof(ulong); k++) {
            p[k] = 0;
        }
    }
}

static long covh(ulong h, ulong fid, ulong a0, ulong a1, ulong *value) {
    ulong first;
    switch (fid) {
    case COVH_CONVERT_PAGES: /* host -> confidential; completed by COVH_GLOBAL_FENCE */
        if (!range_ok(a0, a1, &first)) {
            return SBI_ERR_INVALID_ADDRESS;
        }
        if (!all_in(first, a1, HOST)) {
            return SBI_ERR_INVALID_PARAM;
        }
        set_perm(SDID_HOST, first, a1, 0);
        move(first, a1, CONFIDENTIAL);
        return 0;
    case COVH_GLOBAL_FENCE:
        return global_fence(h, 0, POOL_PAGES, 0);
    case COVH_RECLAIM_PAGES: /* confidential, not assigned -> host */
        if (!range_ok(a0, a1, &first)) {
            return SBI_ERR_INVALID_ADDRESS;
        }
        if (!all_in(first, a1, CONFIDENTIAL)) {
            return SBI_ERR_INVALID_PARAM;
        }
        scrub(first, a1);
        set_perm(SDID_HOST, first, a1, 3);
        move(first, a1, HOST);
        global_fence(h, first, a1, 0);
        if (deferred_fence) { /* seeded fault 2: the destroy's fence protocol, too late */
            deferred_fence = 0;
            global_fence(h, 0, 0, 1);
        }
        return 0;
    case COVH_CREATE_TVM:
        if (tvm_active) {
            return SBI_ERR_FAILED;
        }
        tvm_active = 1;
        *value = 1;
        return 0;
    case COVH_ADD_TVM_ZERO_PAGES: /* a1 pages at a0, confidential -> the TVM (a2 = TVM id 1) */
        if (!tvm_active || !range_ok(a0, a1, &first)) {
            return SBI_ERR_INVALID_ADDRESS;
        }
        if (!all_in(first, a1, CONFIDENTIAL)) {
            return SBI_ERR_INVALID_PARAM;
        }
        scrub(first, a1);
        set_perm(SDID_TVM, first, a1, 3);
        move(first, a1, ASSIGNED);
        return global_fence(h, first, a1, 0);
    case COVH_DESTROY_TVM: /* every page of the TVM becomes confidential */
        if (!tvm_active) {
            return SBI_ERR_FAILED;
        }
        for (ulong i = 0; i < POOL_PAGES; i++) {
            if (state[i] == ASSIGNED || state[i] == SHARED) {
                if (state[i] == SHARED) {
                    set_perm(SDID_HOST, i, 1, 0);
                }
                set_perm(SDID_TVM, i, 1, 0);
                state[i] = CONFIDENTIAL;
            }
        }
        tvm_active = 0;
        if (cove_fault == 2) {
            deferred_fence = 1;
            return 0;
        }
        return global_fence(h, 0, 0, 1);
    default:
        return SBI_ERR_FAILED;
    }
}

static long covg(ulong h, ulong fid, ulong a0, ulong a1) {
    ulong first;
    if (!range_ok(a0, a1, &first)) {
        return SBI_ERR_INVALID_ADDRESS;
    }
    switch (fid) {
    case COVG_SHARE_MEMORY: /* the TVM keeps read access, the host gets read-write: one writer at a time */
        if (!all_in(first, a1, ASSIGNED)) {
            return SBI_ERR_INVALID_PARAM;
        }
        set_perm(SDID_TVM, first, a1, 1);
        global_fence(h, first, a1, 0);
        set_perm(SDID_HOST, first, a1, 3);
        move(first, a1, SHARED);
        return global_fence(h, first, a1, 0);
    case COVG_UNSHARE_MEMORY:
        if (!all_in(first, a1, SHARED)) {
            return SBI_ERR_INVALID_PARAM;
        }
        set_perm(SDID_HOST, first, a1, 0);
        global_fence(h, first, a1, 0);
        scrub(first, a1);
        set_perm(SDID_TVM, first, a1, 3);
        move(first, a1, ASSIGNED);
        return global_fence(h, first, a1, 0);
    default:
        return SBI_ERR_FAILED;
    }
}

/* A barrier of every hart, spun in M-mode (no MPT checks) while answering IPIs. */
static void m_barrier(ulong h) {
    ulong g = bar_gen;
    if (__atomic_add_fetch(&bar_count, 1, __ATOMIC_SEQ_CST) == nharts()) {
        bar_count = 0;
        __atomic_store_n(&bar_gen, g + 1, __ATOMIC_SEQ_CST);
        return;
    }
    while (bar_gen == g) {
        if (csr_read(mip) & MIP_MSIP) {
            on_ipi(h);
        }
    }
}

void cove_trap(struct hframe *f) {
    ulong h = csr_read(mhartid);
    ulong cause = csr_read(mcause);
    if ((long)cause < 0) {
        if ((cause << 1) == (3UL << 1)) {
            on_ipi(h);
            return;
        }
    } else if (cause == CAUSE_ECALL_S) {
        ulong eid = f->regs[17], fid = f->regs[16], value = 0;
        long err = SBI_ERR_FAILED;
        if (eid == EID_COVH && (h & 1) == 0) {
            err = covh(h, fid, f->regs[10], f->regs[11], &value);
        } else if (eid == EID_COVG && (h & 1) == 1) {
            err = covg(h, fid, f->regs[10], f->regs[11]);
        } else if (eid == EID_MTTK && fid == MTTK_BARRIER) {
            m_barrier(h);
            err = 0;
        } else if (eid == EID_MTTK && fid == MTTK_FLOW) {
            log_rec(LOG_FLOW, 0, f->regs[10], 0, 0);
            err = 0;
        }
        f->regs[10] = (ulong)err;
        f->regs[11] = value;
        f->regs[0] += 4;
        return;
    } else if (s_probing[h] && (cause == CAUSE_LOAD_ACCESS || cause == CAUSE_STORE_ACCESS)) {
        probe_cause[h] = cause;
        f->regs[0] += 4;
        return;
    }
    puts_("unexpected trap on hart ");
    putdec(h);
    puts_(": mcause=");
    puthex(cause);
    puts_(" mepc=");
    puthex(f->regs[0]);
    puts_(" mtval=");
    puthex(csr_read(mtval));
    putch('\n');
    exit_(0x100 + (cause & 0xFF));
}

/* ---- S-mode: the host's and the TVM's code ---- */
static ulong ecall(ulong eid, ulong fid, ulong a0, ulong a1, ulong *value) {
    register ulong r0 __asm__("a0") = a0;
    register ulong r1 __asm__("a1") = a1;
    register ulong r6 __asm__("a6") = fid;
    register ulong r7 __asm__("a7") = eid;
    __asm__ volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r6), "r"(r7) : "memory");
    if (value) {
        *value = r1;
    }
    return r0;
}

static void barrier(void) {
    ecall(EID_MTTK, MTTK_BARRIER, 0, 0, 0);
}

/* What the program expects each domain to have on each page (its own record of what it asked for). */
static volatile ulong exp_host[POOL_PAGES], exp_tvm[POOL_PAGES];
static volatile ulong errors[8], probes[8], call_errors;
static volatile ulong moved;

/* One S-mode probe: 0 = load, 1 = store; returns the trap cause, 0 when it succeeded. */
static ulong probe(ulong h, int store, ulong a) {
    ulong v = 0;
    probe_cause[h] = 0;
    s_probing[h] = 1;
    if (store) {
        __asm__ volatile(".option push\n\t.option norvc\n\tsw %1, 8(%0)\n\t.option pop" ::"r"(a), "r"(h) : "memory");
    } else {
        __asm__ volatile(".option push\n\t.option norvc\n\tlw %0, 0(%1)\n\t.option pop" : "=&r"(v) : "r"(a) : "memory");
    }
    s_probing[h] = 0;
    (void)v;
    return probe_cause[h];
}

static void probe_pool(ulong h) {
    volatile ulong *exp = (h & 1) ? exp_tvm : exp_host;
    for (ulong i = 0; i < POOL_PAGES; i++) {
        ulong a = POOL_BASE + i * 4096;
        ulong lc = probe(h, 0, a), sc = probe(h, 1, a);
        errors[h] += (lc == 0) != ((exp[i] & 1) != 0);
        errors[h] += (sc == 0) != ((exp[i] & 2) != 0);
        errors[h] += lc != 0 && lc != CAUSE_LOAD_ACCESS;
        errors[h] += sc != 0 && sc != CAUSE_STORE_ACCESS;
        probes[h] += 2;
    }
}

static void expect(volatile ulong *exp, ulong first, ulong n, ulong xwr) {
    for (ulong i = first; i < first + n; i++) {
        exp[i] = xwr;
    }
}

static void call_ok(long err) {
    if (err != 0) {
        call_errors++;
    }
}

static const char *const flow_names[] = {"boot", "convert-assign", "share", "unshare", "destroy-reclaim"};
#define FLOWS 5
#define PAGE(i) (POOL_BASE + (i) * 4096UL)

/* Flow f's calls, by its actor. */
static void act(ulong h, ulong f) {
    ulong id = 0;
    if (f == 1 && h == 0) {
        call_ok(ecall(EID_COVH, COVH_CONVERT_PAGES, PAGE(0), 8, 0));
        call_ok(ecall(EID_COVH, COVH_GLOBAL_FENCE, 0, 0, 0));
        expect(exp_host, 0, 8, 0);
        call_ok(ecall(EID_COVH, COVH_CREATE_TVM, 0, 0, &id));
        call_ok(id != 1);
        call_ok(ecall(EID_COVH, COVH_ADD_TVM_ZERO_PAGES, PAGE(0), 8, 0));
        expect(exp_tvm, 0, 8, 3);
        /* refused: pages the host still owns cannot be assigned without conversion */
        call_ok(ecall(EID_COVH, COVH_ADD_TVM_ZERO_PAGES, PAGE(8), 1, 0) == 0);
        moved = 8;
    } else if (f == 2 && h == 1) {
        call_ok(ecall(EID_COVG, COVG_SHARE_MEMORY, PAGE(6), 2, 0));
        expect(exp_tvm, 6, 2, 1);
        expect(exp_host, 6, 2, 3);
        moved = 2;
    } else if (f == 3 && h == 1) {
        call_ok(ecall(EID_COVG, COVG_UNSHARE_MEMORY, PAGE(6), 2, 0));
        expect(exp_host, 6, 2, 0);
        expect(exp_tvm, 6, 2, 3);
        moved = 2;
    } else if (f == 4 && h == 0) {
        call_ok(ecall(EID_COVH, COVH_DESTROY_TVM, 1, 0, 0));
        expect(exp_tvm, 0, 8, 0);
        expect(exp_host, 6, 2, 0);
        call_ok(ecall(EID_COVH, COVH_RECLAIM_PAGES, PAGE(0), 8, 0));
        expect(exp_host, 0, 8, 3);
        moved = 8;
    }
}

static void s_main(void) {
    ulong h = csr_read(sscratch);
    ulong n = nharts();
    for (ulong f = 0; f < FLOWS; f++) {
        if (h == 0) {
            ecall(EID_MTTK, MTTK_FLOW, f, 0, 0); /* before the barrier: every change of flow f follows it */
        }
        barrier();
        act(h, f);
        barrier();
        probe_pool(h);
        barrier();
        if (h == 0) {
            ulong e = 0, p = 0;
            for (ulong k = 0; k < n; k++) {
                e += errors[k];
                p += probes[k];
                errors[k] = 0;
                probes[k] = 0;
            }
            call_errors += e;
            puts_("flow ");
            putdec(f);
            putch(' ');
            puts_(flow_names[f]);
            puts_(" moved=");
            putdec(f == 0 ? 0 : moved);
            puts_(" probes=");
            putdec(p);
            puts_(" errors=");
            putdec(e);
            putch('\n');
        }
    }
    barrier();
    if (h == 0) {
        puts_("cove harts=");
        putdec(n);
        puts_(" errors=");
        putdec(call_errors);
        putch('\n');
        exit_(call_errors);
    }
    for (;;) {
        __asm__ volatile("wfi");
    }
}

/* ---- boot ---- */
static void enter(ulong h) {
    frames[h].regs[32] = M_STACK_TOP - 0x40000 - h * 0x2000;
    csr_write(mscratch, (ulong)&frames[h]);
    csr_write(mtvec, (ulong)cove_trap_entry);
    pmp_open_all();
    csr_write(0x382, (h & 1) ? mmpt_tvm : mmpt_host);
    __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
    csr_write(sscratch, h);
    csr_write(mie, MIP_MSIP);
    enter_smode(s_main, S_STACK_TOP - h * 0x4000);
}

void secondary_main(ulong h) {
    while (!boot_ready) {
    }
    enter(h);
}

void firmware_main(void) {
    ulong n = nharts();
    if (n < 2) {
        puts_("cove needs at least 2 harts (a host hart and a TVM hart)\n");
        exit_(1);
    }
    /* Each domain's tables, whole before the next is begun (mpt_build.c allocates from one pool at a time):
     * the image read-write-execute, every pool page with its own level-0 tuple so that later changes
     * rewrite one tuple and allocate nothing. */
    root_host = mpt_begin(HOST_TABLES);
    mpt_grant(root_host, 0x80000000UL, IMAGE_SIZE, 7);
    for (ulong i = 0; i < POOL_PAGES; i++) {
        log_rec(LOG_SET, SDID_HOST, PAGE(i), 1, 3);
        mpt_grant(root_host, PAGE(i), 0x1000, 3);
        state[i] = HOST;
        exp_host[i] = 3;
    }
    root_tvm = mpt_begin(TVM_TABLES);
    mpt_grant(root_tvm, 0x80000000UL, IMAGE_SIZE, 7);
    for (ulong i = 0; i < POOL_PAGES; i++) {
        mpt_grant(root_tvm, PAGE(i), 0x1000, 0);
    }
    mmpt_host = MMPT_MODE | (SDID_HOST << SDID_SHIFT) | ((ulong)root_host >> 12);
    mmpt_tvm = MMPT_MODE | (SDID_TVM << SDID_SHIFT) | ((ulong)root_tvm >> 12);
    io_boot();
    log_rec(LOG_FENCE_DONE, 0, 0, 0, 0); /* nothing cached yet: the boot state is in force everywhere */
    __asm__ volatile("fence" ::: "memory");
    boot_ready = 1;
    enter(0);
}

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}
