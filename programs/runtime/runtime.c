/* M-mode runtime shared by mttkit programs: HTIF console and exit, PMP set-up, entry to S-mode, and the
 * trap dispatcher that turns S-mode ecalls into services and hands everything else to the program. */
#include "mttkit.h"

extern volatile unsigned long long tohost;
extern volatile unsigned long long fromhost;

volatile ulong smp_harts;

/* Harts other than 0 run this (start.S); programs for several harts define their own. */
void __attribute__((weak)) secondary_main(ulong hartid) {
    (void)hartid;
}

volatile ulong probe_fault;
volatile ulong probing;

/* S-mode: one load (4 bytes at a), store (4 bytes at a+8) or jump-to-execute (at a, which must hold a
 * `ret`), with `probing` set so that the M-mode trap handler records the fault cause and resumes.
 * Returns the trap cause, 0 when the access succeeded. The probing instructions are kept 32-bit
 * (.option norvc) even in a C build: the handler resumes 4 bytes after a faulting one. */
ulong probe_access(int kind, ulong a) {
    ulong v;
    probe_fault = 0;
    probing = 1;
    if (kind == 0) {
        __asm__ volatile(".option push; .option norvc; lw %0, 0(%1); .option pop" : "=&r"(v) : "r"(a) : "memory");
    } else if (kind == 1) {
        __asm__ volatile(".option push; .option norvc; sw %0, 8(%0); .option pop" ::"r"(a) : "memory");
    } else {
        __asm__ volatile(".option push; .option norvc; jalr ra, 0(%0); .option pop" ::"r"(a) : "ra", "memory");
    }
    probing = 0;
    (void)v;
    return probe_fault;
}

static void htif(unsigned long long cmd) {
#if __riscv_xlen == 32
    /* RV32: high word first; the host acts on the store of the low word (see Htif.java). */
    volatile unsigned *t = (volatile unsigned *)&tohost;
    t[1] = (unsigned)(cmd >> 32);
    t[0] = (unsigned)cmd;
#else
    tohost = cmd;
#endif
}

void putch(char c) {
    htif((1ULL << 56) | (1ULL << 48) | (unsigned char)c);
}

void puts_(const char *s) {
    while (*s) {
        putch(*s++);
    }
}

void puthex(ulong v) {
    putch('0');
    putch('x');
    for (int i = (int)sizeof(ulong) * 8 - 4; i >= 0; i -= 4) {
        putch("0123456789abcdef"[(v >> i) & 15]);
    }
}

void putdec(ulong v) {
    char buf[24];
    int n = 0;
    do {
        ulong q = 0, r = v;
        /* divide by 10 without libgcc: the M extension's divu is XLEN-wide, which is all we need */
        q = v / 10;
        r = v - q * 10;
        buf[n++] = (char)('0' + r);
        v = q;
    } while (v != 0);
    while (n > 0) {
        putch(buf[--n]);
    }
}

void exit_(ulong code) {
    for (;;) {
        htif(((unsigned long long)code << 1) | 1);
    }
}

/* One NAPOT entry covering the whole address space, RWX, unlocked: S/U may access everything. */
void pmp_open_all(void) {
    csr_write(pmpaddr0, -1UL);
    csr_write(pmpcfg0, 0x1F);
}

void enter_smode(void (*fn)(void), ulong sp) {
    ulong ms = csr_read(mstatus);
    ms = (ms & ~(3UL << 11)) | (1UL << 11); /* MPP = S */
    csr_write(mstatus, ms);
    csr_write(mepc, (ulong)fn);
    __asm__ volatile("mv sp, %0; mret" ::"r"(sp) : "memory");
    __builtin_unreachable();
}

/* S-mode side of the ecall interface: a7 = function, a0..a4 = arguments, result in a0. */
ulong s_ecall(ulong fn, ulong a0, ulong a1, ulong a2, ulong a3, ulong a4) {
    register ulong r_a0 __asm__("a0") = a0;
    register ulong r_a1 __asm__("a1") = a1;
    register ulong r_a2 __asm__("a2") = a2;
    register ulong r_a3 __asm__("a3") = a3;
    register ulong r_a4 __asm__("a4") = a4;
    register ulong r_a7 __asm__("a7") = fn;
    __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a4), "r"(r_a7) : "memory");
    return r_a0;
}

/* ecall functions every program gets: 1 putchar(a0), 2 exit(a0). Programs use 16 and up. */
void m_trap(struct frame *f) {
    ulong cause = csr_read(mcause);
    ulong tval = csr_read(mtval);
    if (cause == CAUSE_ECALL_S && f->regs[17] == 1) {
        putch((char)f->regs[10]);
        f->regs[0] += 4;
        return;
    }
    if (cause == CAUSE_ECALL_S && f->regs[17] == 2) {
        exit_(f->regs[10]);
    }
    /* A fault of an S-mode probe: record the cause, resume after the probing instruction (a fetch fault
     * happened at the jump target: resume at ra). */
    if (probing && ((csr_read(mstatus) >> 11) & 3) == 1
        && (cause == CAUSE_LOAD_ACCESS || cause == CAUSE_STORE_ACCESS || cause == CAUSE_LOAD_PAGE
            || cause == CAUSE_STORE_PAGE)) {
        probe_fault = cause;
        f->regs[0] += 4;
        return;
    }
    if (probing && ((csr_read(mstatus) >> 11) & 3) == 1
        && (cause == CAUSE_FETCH_ACCESS || cause == CAUSE_FETCH_PAGE)) {
        probe_fault = cause;
        f->regs[0] = f->regs[1];
        return;
    }
    if (handle_trap(f, cause, tval)) {
        return;
    }
    puts_("unexpected trap: mcause=");
    puthex(cause);
    puts_(" mepc=");
    puthex(f->regs[0]);
    puts_(" mtval=");
    puthex(tval);
    putch('\n');
    exit_(0x100 + (cause & 0xFF));
}
