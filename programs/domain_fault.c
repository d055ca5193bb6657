/* A program that faults on purpose, for `mtt run PROGRAM --domain programs/domains/fault.json`. The domain grants
 * its own 4 MiB RWX, the page at 0x8040_0000 RX, 0x8040_1000 RW, nothing at 0x8040_2000 (outside every region)
 * and 0x8040_3000 as an explicit no-access region. S-mode probes each page with a load, a store and a jump; every
 * access the domain does not grant must trap to M-mode as an access fault of its own type (load 5, store 7,
 * fetch 1) with mtval = the address, and the others must succeed. Prints one line per probe and exits with the
 * number of probes whose outcome differs (so run without the domain it fails: nothing faults in Bare mode). */
#include "mttkit.h"

#define ECALL_EXIT 2
#define RET_INSN 0x00008067UL /* jalr x0, 0(ra) */
#define PAGES 4

static const ulong page[PAGES] = {0x80400000UL, 0x80401000UL, 0x80402000UL, 0x80403000UL};
/* expected cause per page and probe kind (load, store, fetch); 0 = allowed */
static const ulong want[PAGES][3] = {
    {0, CAUSE_STORE_ACCESS, 0},
    {0, 0, CAUSE_FETCH_ACCESS},
    {CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_FETCH_ACCESS},
    {CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_FETCH_ACCESS},
};

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}

static void s_main(void) {
    static const char *kind[3] = {"load", "store", "fetch"};
    ulong bad = 0;
    for (int p = 0; p < PAGES; p++) {
        for (int k = 0; k < 3; k++) {
            ulong got = probe_access(k, page[p]);
            /* The M-mode handler runs the probe protocol; S-mode reads what it recorded. */
            s_ecall(1, ' ', 0, 0, 0, 0);
            const char *s = kind[k];
            while (*s) {
                s_ecall(1, (ulong)*s++, 0, 0, 0, 0);
            }
            const char *hex = "0123456789abcdef";
            s_ecall(1, ' ', 0, 0, 0, 0);
            for (int i = 28; i >= 0; i -= 4) {
                s_ecall(1, (ulong)hex[(page[p] >> i) & 15], 0, 0, 0, 0);
            }
            s_ecall(1, ':', 0, 0, 0, 0);
            s_ecall(1, ' ', 0, 0, 0, 0);
            s_ecall(1, (ulong)(got == 0 ? 'o' : 'c'), 0, 0, 0, 0);
            s_ecall(1, (ulong)(got == 0 ? 'k' : '0' + got), 0, 0, 0, 0);
            if (got != want[p][k]) {
                bad++;
                s = " (WRONG)";
                while (*s) {
                    s_ecall(1, (ulong)*s++, 0, 0, 0, 0);
                }
            }
            s_ecall(1, '\n', 0, 0, 0, 0);
        }
    }
    s_ecall(ECALL_EXIT, bad, 0, 0, 0, 0);
}

void firmware_main(void) {
    pmp_open_all();
    for (int p = 0; p < PAGES; p++) {
        *(volatile unsigned *)page[p] = (unsigned)RET_INSN; /* M-mode: not checked by the domain's tables */
    }
    puts_("domain_fault: probing 4 pages from S-mode\n");
    enter_smode(s_main, S_STACK_TOP);
}
