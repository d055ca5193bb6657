/* The seed's matrix (seeds/000, kvm-unit-tests riscv/smmtt.c): M-mode firmware installs the MTT/MPT of the
 * supervisor domain under test, plants a `ret` at the start of every page to be probed, and enters S-mode.
 * S-mode probes each page of each region with a load, a store and a jump-to-execute; faults go to the M-mode
 * handler (MTT faults trap to M, SPEC-DECISIONS #15), which records the cause and resumes S. S-mode reports
 * per region through an ecall, the firmware prints the counts on the HTIF console and exits with the number
 * of regions whose measured permissions differ from the expected ones.
 *
 * Parameters (written by the harness into `matrix_params` before the run):
 *   mmpt       value for the mmpt/mttp CSR (MODE | SDID | root PPN of tables the harness placed in memory)
 *   expect     expected XWR of the three probed regions (bit 0 R, 1 W, 2 X)
 *   stride     probe every stride-th page of each region (1 = every page); the last page is always probed
 *   mid_size   size of the middle region (4 MiB on RV32, 2 MiB on RV64)
 *   fw_tables  0: the harness placed tables and mmpt holds their root; 1: the firmware builds Smmpt34
 *              (RV32) / Smmpt43 (RV64) tables itself in `pool` and ORs their root PPN into mmpt
 *   pool       where firmware-built tables go (page aligned)
 */
#include "mttkit.h"

struct params {
    ulong mmpt;
    ulong expect;
    ulong stride;
    ulong mid_size;
    ulong fw_tables;
    ulong pool;
};

volatile struct params matrix_params;

#define RET_INSN 0x00008067UL /* jalr x0, 0(ra) */
#define ECALL_REPORT 16
#define ECALL_DONE 17

static const ulong region_base[3] = {0xC0000000UL, 0xB0000000UL, 0xB8000000UL};

static ulong region_size(int r) {
    return r == 0 ? 0x40000000UL : r == 1 ? matrix_params.mid_size : 0x1000UL;
}

static ulong next_page(ulong page, ulong pages) {
    ulong stride = matrix_params.stride;
    if (page + 1 == pages) {
        return pages; /* done */
    }
    page += stride;
    return page >= pages ? pages - 1 : page; /* always finish with the last page */
}

static int mismatches;

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)tval;
    ulong from_s = ((csr_read(mstatus) >> 11) & 3) == 1;
    if (!from_s) {
        return 0;
    }
    if (cause == CAUSE_LOAD_ACCESS || cause == CAUSE_STORE_ACCESS) {
        probe_fault = cause;
        f->regs[0] += 4; /* skip the probing load/store (kept 32-bit with .option norvc) */
        return 1;
    }
    if (cause == CAUSE_FETCH_ACCESS) {
        probe_fault = cause;
        f->regs[0] = f->regs[1]; /* the jump-to-execute faulted at the target: resume at ra */
        return 1;
    }
    if (cause == CAUSE_ECALL_S && f->regs[17] == ECALL_REPORT) {
        ulong r = f->regs[10], pages = f->regs[11], nr = f->regs[12], nw = f->regs[13], nx = f->regs[14];
        ulong e = matrix_params.expect;
        ulong bad = f->regs[15];
        puts_("region ");
        puthex(region_base[r]);
        puts_(" pages=");
        putdec(pages);
        puts_(" r=");
        putdec(nr);
        puts_(" w=");
        putdec(nw);
        puts_(" x=");
        putdec(nx);
        puts_(" badvalue=");
        putdec(bad);
        putch('\n');
        if (nr != ((e & 1) ? pages : 0) || nw != ((e & 2) ? pages : 0) || nx != ((e & 4) ? pages : 0) || bad) {
            mismatches++;
        }
        f->regs[0] += 4;
        return 1;
    }
    if (cause == CAUSE_ECALL_S && f->regs[17] == ECALL_DONE) {
        puts_("mismatches=");
        putdec((ulong)mismatches);
        putch('\n');
        exit_((ulong)mismatches);
    }
    return 0;
}

static void s_main(void) {
    for (int r = 0; r < 3; r++) {
        ulong base = region_base[r];
        ulong pages = region_size(r) >> 12;
        ulong n = 0, nr = 0, nw = 0, nx = 0, bad = 0;
        for (ulong p = 0; p < pages; p = next_page(p, pages)) {
            ulong a = base + (p << 12);
            ulong v;
            n++;
            probe_fault = 0;
            __asm__ volatile(".option push; .option norvc; li %0, 0; lw %0, 0(%1); .option pop" : "=&r"(v) : "r"(a) : "memory");
            if (probe_fault == 0) {
                nr++;
                if ((v & 0xFFFFFFFFUL) != RET_INSN) {
                    bad++;
                }
            }
            probe_fault = 0;
            __asm__ volatile(".option push; .option norvc; sw %0, 8(%1); .option pop" ::"r"(a), "r"(a) : "memory");
            if (probe_fault == 0) {
                nw++;
            }
            probe_fault = 0;
            __asm__ volatile(".option push; .option norvc; jalr ra, 0(%0); .option pop" ::"r"(a) : "ra", "memory");
            if (probe_fault == 0) {
                nx++;
            }
        }
        register ulong a5 __asm__("a5") = bad;
        register ulong a0 __asm__("a0") = (ulong)r;
        register ulong a1 __asm__("a1") = n;
        register ulong a2 __asm__("a2") = nr;
        register ulong a3 __asm__("a3") = nw;
        register ulong a4 __asm__("a4") = nx;
        register ulong a7 __asm__("a7") = ECALL_REPORT;
        __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7) : "memory");
    }
    s_ecall(ECALL_DONE, 0, 0, 0, 0, 0);
}

void firmware_main(void) {
    pmp_open_all();
    /* Plant `ret` at the start of every page S will probe (M-mode: no MTT check). */
    for (int r = 0; r < 3; r++) {
        ulong pages = region_size(r) >> 12;
        for (ulong p = 0; p < pages; p = next_page(p, pages)) {
            *(volatile unsigned *)(region_base[r] + (p << 12)) = (unsigned)RET_INSN;
        }
    }
    ulong mmpt = matrix_params.mmpt;
    if (matrix_params.fw_tables) {
        ulong *root = mpt_begin(matrix_params.pool);
        for (int r = 0; r < 3; r++) {
            mpt_grant(root, region_base[r], region_size(r), matrix_params.expect);
        }
        mpt_grant(root, 0x80000000UL, 0x400000UL, 7); /* the domain's own code, data and stacks */
        mmpt |= (ulong)root >> 12;
    }
    csr_write(0x382, mmpt);
    if (csr_read(0x382) != mmpt) {
        puts_("mmpt did not take the value: wrote ");
        puthex(mmpt);
        puts_(" read ");
        puthex(csr_read(0x382));
        putch('\n');
        exit_(0x200);
    }
    __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
    enter_smode(s_main, S_STACK_TOP);
}
