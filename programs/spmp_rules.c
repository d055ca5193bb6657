/* Directed checks of the S-level PMP (Sspmp, Sspmpen), one per rule kind of riscv-spmp v0.9.2: TOR, NA4
 * and NAPOT boundaries (first and last byte, neighbours, accesses straddling an edge), entry priority,
 * matching irrespective of permission bits, no match, every rule type with SUM/MXR, EnforceNoX, shared
 * regions, locks (siselect ignored, TOR predecessor, miselect clears), S-mode programming through
 * siselect/sireg/sireg2 with SFENCE.VMA, out-of-range indices and spmpen. Each check states the expected
 * trap cause (or value) from the spec; the program prints "ok <name>" or "FAIL <name>" per check and exits
 * with the number of failed checks.
 *
 * Parameters (written by the harness into `spmp_params`): entries = number of SPMP entries (>= 16); 0 (nobody
 * wrote them: `mtt run programs/spmp_rules.c --config spmp-rv64`) counts the entries through miselect.
 */
#include "spmp_probe.h"
#include "checks.h"

struct params {
    ulong entries;
};

volatile struct params spmp_params;

#define T 0x80200000UL

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)tval;
    return spmp_trap(f, cause);
}

static void clear_entries(ulong n) {
    for (ulong i = 0; i < n - 2; i++) {
        spmp_mset(i, 0, 0);
    }
    __asm__ volatile("sfence.vma x0, x0" ::: "memory");
}

static void mstatus_bit(ulong bit, int on) {
    if (on) {
        __asm__ volatile("csrs mstatus, %0" ::"r"(bit));
    } else {
        __asm__ volatile("csrc mstatus, %0" ::"r"(bit));
    }
}

#define S_(kind, a) run_at(PRIV_S, kind, a, RET_INSN, 0)
#define U_(kind, a) run_at(PRIV_U, kind, a, RET_INSN, 0)

void firmware_main(void) {
    ulong n = spmp_params.entries ? spmp_params.entries : spmp_count_entries();
    pmp_open_all();
    csr_write(0x183, -1UL); /* spmpen: every entry takes part unless a check says otherwise */
    spmp_cover_stub(n);
    for (ulong a = T; a < T + 0x4000; a += 4) {
        *(volatile unsigned *)a = (unsigned)RET_INSN;
    }

    /* Granularity probe (spec "Address Matching"): clear cfg, write all ones, find the lowest set bit. */
    spmp_set(0, -1UL, 0);
    ulong g = 0;
    for (ulong v = spmp_addr(0); (v & 1) == 0 && g < 64; v >>= 1) {
        g++;
    }
    puts_("granularity G=");
    putdec(g);
    putch('\n');
    clear_entries(n);

    /* TOR: [T, T+0x100), S-mode-only RW. */
    spmp_set(0, T >> 2, 0);
    spmp_set(1, (T + 0x100) >> 2, SPMP_R | SPMP_W | SPMP_TOR);
    check("tor_first_byte", S_(PROBE_LOAD, T), 0);
    check("tor_last_word", S_(PROBE_LOAD, T + 0xFC), 0);
    check("tor_above_top", S_(PROBE_LOAD, T + 0x100), CAUSE_LOAD_PAGE);
    check("tor_below_bottom", S_(PROBE_LOAD, T - 4), CAUSE_LOAD_PAGE);
#if __riscv_xlen == 64
    spmp_set(1, (T + 0x104) >> 2, SPMP_R | SPMP_W | SPMP_TOR);
    check("tor_straddle_top", S_(PROBE_LOAD64, T + 0x100), CAUSE_LOAD_PAGE);
    spmp_set(0, (T + 4) >> 2, 0);
    check("tor_straddle_bottom", S_(PROBE_LOAD64, T), CAUSE_LOAD_PAGE);
#endif
    clear_entries(n);

    /* NA4 and NAPOT. */
    spmp_set(2, (T + 0x200) >> 2, SPMP_R | SPMP_NA4);
    spmp_set(3, napot_addr(T + 0x400, 0x40), SPMP_R | SPMP_NAPOT);
    check("na4_exact_word", S_(PROBE_LOAD, T + 0x200), 0);
    check("na4_next_word", S_(PROBE_LOAD, T + 0x204), CAUSE_LOAD_PAGE);
    check("napot_first_word", S_(PROBE_LOAD, T + 0x400), 0);
    check("napot_last_word", S_(PROBE_LOAD, T + 0x43C), 0);
    check("napot_after_end", S_(PROBE_LOAD, T + 0x440), CAUSE_LOAD_PAGE);
    clear_entries(n);

    /* Priority: entry 4 (R) inside entry 5 (RW). */
    spmp_set(4, napot_addr(T + 0x1000, 0x100), SPMP_R | SPMP_NAPOT);
    spmp_set(5, napot_addr(T + 0x1000, 0x1000), SPMP_R | SPMP_W | SPMP_NAPOT);
    check("priority_lowest_entry_decides", S_(PROBE_STORE, T + 0x1010), CAUSE_STORE_PAGE);
    check("priority_next_entry_elsewhere", S_(PROBE_STORE, T + 0x1200), 0);
    spmp_set(4, napot_addr(T + 0x1000, 0x100), SPMP_NAPOT);
    check("match_irrespective_of_permission_bits", S_(PROBE_LOAD, T + 0x1010), CAUSE_LOAD_PAGE);
    check("no_match_denies_s", S_(PROBE_LOAD, T + 0x3000), CAUSE_LOAD_PAGE);
    check("no_match_denies_u_fetch", U_(PROBE_FETCH, T + 0x3000), CAUSE_FETCH_PAGE);
    check("m_mode_bypasses_spmp", *(volatile unsigned *)(T + 0x3000), RET_INSN);
    clear_entries(n);

    /* Rule types and SUM. */
    spmp_set(0, napot_addr(T, 0x1000), SPMP_R | SPMP_W | SPMP_X | SPMP_NAPOT);
    check("smode_rule_denies_u", U_(PROBE_LOAD, T), CAUSE_LOAD_PAGE);
    check("smode_rule_enforced_for_s", S_(PROBE_FETCH, T), 0);
    spmp_set(0, napot_addr(T, 0x1000), SPMP_R | SPMP_W | SPMP_X | SPMP_NAPOT | SPMP_U);
    mstatus_bit(MSTATUS_SUM, 0);
    check("umode_rule_sum0_denies_s", S_(PROBE_LOAD, T), CAUSE_LOAD_PAGE);
    mstatus_bit(MSTATUS_SUM, 1);
    check("umode_rule_sum1_s_data", S_(PROBE_LOAD, T), 0);
    check("umode_rule_enforce_nox", S_(PROBE_FETCH, T), CAUSE_FETCH_PAGE);
    mstatus_bit(MSTATUS_SUM, 0);
    check("umode_rule_u_fetch", U_(PROBE_FETCH, T), 0);
    check("umode_rule_u_amo", U_(PROBE_AMO, T), 0);
    spmp_set(0, napot_addr(T, 0x1000), SPMP_R | SPMP_W | SPMP_NAPOT | SPMP_U | SPMP_SHARED);
    check("shared_rw_u_load", U_(PROBE_LOAD, T), 0);
    check("shared_rw_u_store_denied", U_(PROBE_STORE, T), CAUSE_STORE_PAGE);
    check("shared_rw_s_store_sum0", S_(PROBE_STORE, T), 0);
    spmp_set(0, napot_addr(T, 0x1000), SPMP_R | SPMP_W | SPMP_X | SPMP_NAPOT | SPMP_U | SPMP_SHARED);
    check("shared_rwx_u_fetch", U_(PROBE_FETCH, T), 0);
    check("shared_rwx_u_load_denied", U_(PROBE_LOAD, T), CAUSE_LOAD_PAGE);
    spmp_set(0, napot_addr(T, 0x1000), SPMP_X | SPMP_NAPOT);
    check("mxr0_x_only_not_readable", S_(PROBE_LOAD, T), CAUSE_LOAD_PAGE);
    mstatus_bit(MSTATUS_MXR, 1);
    check("mxr1_x_only_readable", S_(PROBE_LOAD, T), 0);
    mstatus_bit(MSTATUS_MXR, 0);
    spmp_set(0, napot_addr(T, 0x1000), SPMP_R | SPMP_NAPOT | SPMP_U);
    check("read_only_amo_denied", U_(PROBE_AMO, T), CAUSE_STORE_PAGE);
    clear_entries(n);

    /* Locks. */
    spmp_set(0, napot_addr(T, 0x1000), SPMP_R | SPMP_NAPOT | SPMP_L);
    run_at(PRIV_S, PROBE_PROGRAM, 0x100, napot_addr(T, 0x1000), SPMP_R | SPMP_W | SPMP_NAPOT);
    check("lock_ignores_siselect_writes", spmp_cfg(0), SPMP_R | SPMP_NAPOT | SPMP_L);
    spmp_set(6, T >> 2, 0);
    spmp_set(7, (T + 0x100) >> 2, SPMP_R | SPMP_TOR | SPMP_L);
    spmp_set(6, (T + 0x40) >> 2, 0);
    check("lock_tor_locks_predecessor_addr", spmp_addr(6), T >> 2);
    spmp_mset(0, 0, 0);
    spmp_mset(7, 0, 0);
    check("miselect_clears_lock", spmp_cfg(0), 0);

    /* S-mode programming through siselect/sireg/sireg2, then SFENCE.VMA (in the stub). */
    check("s_programs_entry_via_sireg",
          run_at(PRIV_S, PROBE_PROGRAM, 0x102, napot_addr(T, 0x1000), SPMP_R | SPMP_NAPOT), 0);
    check("s_access_after_sfence", S_(PROBE_LOAD, T), 0);
    spmp_set(n + 4, -1UL, -1UL);
    csr_write(0x150, 0x100 + n + 4);
    check("out_of_range_index_reads_zero", csr_read(0x151) | csr_read(0x152), 0);

    /* Sspmpen. */
    __asm__ volatile("csrc 0x183, %0" ::"r"(1UL << 2));
    check("spmpen_clear_deactivates", S_(PROBE_LOAD, T), CAUSE_LOAD_PAGE);
    __asm__ volatile("csrs 0x183, %0" ::"r"(1UL << 2));
    check("spmpen_set_activates", S_(PROBE_LOAD, T), 0);

    puts_("failed=");
    putdec(failed);
    putch('\n');
    exit_(failed);
}
