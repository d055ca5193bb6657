/* Misaligned loads and stores from S-mode, for a hart that performs them (`mtt run --misaligned`, as with
 * Zicclsm): every size at every offset of a 16-byte window, including accesses that straddle a page boundary,
 * each checked against a byte-wise reference. On a hart that traps them the first one is an unexpected
 * "address misaligned" trap (exit 0x104). Exits with the number of wrong values. */
#include "mttkit.h"

#define ECALL_PUTCHAR 1
#define ECALL_EXIT 2

static unsigned char buf[2 * 4096] __attribute__((aligned(4096)));

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}

static void sputs(const char *s) {
    while (*s) {
        s_ecall(ECALL_PUTCHAR, (ulong)*s++, 0, 0, 0, 0);
    }
}

static ulong ref(const volatile unsigned char *p, int n) {
    ulong v = 0;
    for (int i = n - 1; i >= 0; i--) {
        v = (v << 8) | p[i];
    }
    return v;
}

static void s_main(void) {
    ulong bad = 0;
    volatile unsigned char *b = buf;
    for (int i = 0; i < 8192; i++) {
        b[i] = (unsigned char)(i * 7 + 3);
    }
    /* windows at the start of the buffer and across the page boundary */
    const ulong base[2] = {16, 4096 - 8};
    for (int w = 0; w < 2; w++) {
        for (ulong off = 0; off < 8; off++) {
            volatile unsigned char *p = b + base[w] + off;
            if (*(volatile unsigned short *)p != (unsigned short)ref(p, 2)) {
                bad++;
            }
            if (*(volatile unsigned int *)p != (unsigned int)ref(p, 4)) {
                bad++;
            }
#if __riscv_xlen == 64
            if (*(volatile ulong *)p != ref(p, 8)) {
                bad++;
            }
#endif
            *(volatile unsigned int *)p = 0xA1B2C3D4u;
            if (p[0] != 0xD4 || p[1] != 0xC3 || p[2] != 0xB2 || p[3] != 0xA1) {
                bad++;
            }
            *(volatile unsigned short *)(p + 1) = 0x5566;
            if (p[1] != 0x66 || p[2] != 0x55) {
                bad++;
            }
        }
    }
    sputs(bad == 0 ? "misaligned: passed\n" : "misaligned: FAILED\n");
    s_ecall(ECALL_EXIT, bad, 0, 0, 0, 0);
}

void firmware_main(void) {
    pmp_open_all();
    enter_smode(s_main, S_STACK_TOP);
}
