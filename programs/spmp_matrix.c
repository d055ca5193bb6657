/* The SPMP matrix in the style of matrix.c: address-matching mode × entry × permission (every rule type ×
 * RWX of the encoding table) × privilege × SUM × access (load, store, fetch, AMO). For every cell M-mode
 * programs one SPMP rule over a fresh 64-byte (NA4: 4-byte) region of the test area, then probes the
 * region's first word at U and S with SUM=0 and 1. A lower-priority catch-all entry grants S-mode RWX over
 * the whole test area, so the rule under test must win the priority collision. The harness may switch the
 * MPT on (it writes `mmpt`), then MPT faults show up behind SPMP faults.
 *
 * Results: spmp_results[mode][entry][perm][privsum][access] = trap cause of the probe (0 = allowed);
 * privsum 0 U SUM=0, 1 U SUM=1, 2 S SUM=0, 3 S SUM=1. The harness checks them against the spec's table.
 *
 * Parameters (written by the harness into `spmp_params` before the run; all 0 — a standalone run — counts the
 * entries through miselect and assumes Sspmpen):
 *   mmpt     value for the mmpt CSR (0 = Bare: no MPT)
 *   entries  number of SPMP entries (≥ 16)
 *   sspmpen  1 when the hart has Sspmpen (then spmpen is set to all ones first)
 *   pmpnum   0: the hart has no Smpmpdeleg; otherwise written to mpmpdeleg first, so that the SPMP
 *            entries are the hart's PMP entries pmpnum.. (Smpmpdeleg; `entries` must match)
 */
#include "spmp_probe.h"

struct params {
    ulong mmpt;
    ulong entries;
    ulong sspmpen;
    ulong pmpnum;
};

volatile struct params spmp_params;

#define TA 0x80200000UL /* test area: 64 KiB */
#define MODES 3
#define ENTRIES 3
#define PERMS 18
#define PRIVSUMS 4
#define ACCESSES 4

const ulong spmp_perm_cfg[PERMS] = {
    0, SPMP_X, SPMP_R, SPMP_R | SPMP_X, SPMP_R | SPMP_W, SPMP_R | SPMP_W | SPMP_X,
    SPMP_U, SPMP_U | SPMP_X, SPMP_U | SPMP_R, SPMP_U | SPMP_R | SPMP_X, SPMP_U | SPMP_R | SPMP_W,
    SPMP_U | SPMP_R | SPMP_W | SPMP_X,
    SPMP_U | SPMP_SHARED, SPMP_U | SPMP_SHARED | SPMP_X, SPMP_U | SPMP_SHARED | SPMP_R,
    SPMP_U | SPMP_SHARED | SPMP_R | SPMP_X, SPMP_U | SPMP_SHARED | SPMP_R | SPMP_W,
    SPMP_U | SPMP_SHARED | SPMP_R | SPMP_W | SPMP_X,
};
const ulong spmp_entry_index[ENTRIES] = {1, 6, 12};
volatile unsigned char spmp_results[MODES][ENTRIES][PERMS][PRIVSUMS][ACCESSES];

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)tval;
    return spmp_trap(f, cause);
}

static ulong cell_base(int m, int e, int p) {
    return TA + (ulong)((m * ENTRIES + e) * PERMS + p) * 0x100;
}

void firmware_main(void) {
    ulong n = spmp_params.entries;
    if (n == 0) { /* standalone (mtt run --config spmp-rv64): count the entries; the spmp-* configurations have
                     Sspmpen; the MPT is as the run left it (--domain writes mmpt) */
        n = spmp_count_entries();
        spmp_params.sspmpen = 1;
    }
    pmp_open_all();
    if (spmp_params.pmpnum) {
        csr_write(0x316, spmp_params.pmpnum);
        if (csr_read(0x316) != spmp_params.pmpnum) {
            puts_("mpmpdeleg did not take the value\n");
            exit_(0x301);
        }
    }
    if (spmp_params.mmpt) {
        csr_write(0x382, spmp_params.mmpt);
        __asm__ volatile(MFENCE_PA(x0, x0) ::: "memory");
    }
    if (spmp_params.sspmpen) {
        csr_write(0x183, -1UL); /* before the stub rule is locked: its spmpen bit becomes read-only */
    }
    spmp_cover_stub(n);
    spmp_set(n - 3, napot_addr(TA, 0x10000), SPMP_R | SPMP_W | SPMP_X | SPMP_NAPOT); /* catch-all, S only */
    for (int m = 0; m < MODES; m++) {
        for (int e = 0; e < ENTRIES; e++) {
            for (int p = 0; p < PERMS; p++) {
                *(volatile unsigned *)cell_base(m, e, p) = (unsigned)RET_INSN;
            }
        }
    }
    ulong cells = 0;
    for (int m = 0; m < MODES; m++) {
        for (int e = 0; e < ENTRIES; e++) {
            ulong idx = spmp_entry_index[e];
            for (int p = 0; p < PERMS; p++) {
                ulong base = cell_base(m, e, p);
                for (ulong i = 0; i < n - 3; i++) {
                    spmp_set(i, 0, 0);
                }
                ulong perm = spmp_perm_cfg[p];
                if (m == 0) {
                    spmp_set(idx - 1, base >> 2, 0);
                    spmp_set(idx, (base + 0x40) >> 2, perm | SPMP_TOR);
                } else if (m == 1) {
                    spmp_set(idx, base >> 2, perm | SPMP_NA4);
                } else {
                    spmp_set(idx, napot_addr(base, 0x40), perm | SPMP_NAPOT);
                }
                if (spmp_cfg(idx) != (perm | (m == 0 ? SPMP_TOR : m == 1 ? SPMP_NA4 : SPMP_NAPOT))) {
                    puts_("spmpcfg did not take the value\n");
                    exit_(0x300);
                }
                __asm__ volatile("sfence.vma x0, x0" ::: "memory");
                for (int ps = 0; ps < PRIVSUMS; ps++) {
                    if (ps & 1) {
                        __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_SUM));
                    } else {
                        __asm__ volatile("csrc mstatus, %0" ::"r"(MSTATUS_SUM));
                    }
                    for (int a = 0; a < ACCESSES; a++) {
                        spmp_results[m][e][p][ps][a] = (unsigned char)run_at(ps >> 1 ? PRIV_S : PRIV_U, (ulong)a,
                                                                             base, RET_INSN, 0);
                        cells++;
                    }
                }
            }
        }
    }
    puts_("spmp matrix cells=");
    putdec(cells);
    putch('\n');
    exit_(0);
}
