/* Several harts: shared counters under contention.
 *
 * Every hart, ITERS times: takes a spinlock (AMOSWAP.W.AQ, released with AMOSWAP.W.RL) and increments
 * `locked` with a plain load/add/store inside it; increments `lrsc` with an LR/SC loop (counting its SC
 * failures); increments `amo` with AMOADD; and increments `racy` with a plain load/add/store and no lock.
 * Then it arrives at `done` (AMOADD). Hart 0 waits for every hart and checks locked = lrsc = amo =
 * harts × ITERS, printing
 *   lock harts=N iters=I locked=L lrsc=S amo=A racy=R sc_failures=F
 * (racy may lose updates: the interleaving is per instruction) and exits with the number of mismatches. */
#include "mttkit.h"

#define ITERS 150

#if __riscv_xlen == 64
#define LR "lr.d"
#define SC "sc.d"
#else
#define LR "lr.w"
#define SC "sc.w"
#endif

static volatile unsigned lock;
static volatile ulong locked;
static volatile ulong lrsc;
static volatile ulong amo;
static volatile ulong racy;
static volatile ulong done;
static volatile ulong sc_failures[8];

static void acquire(void) {
    unsigned old;
    do {
        __asm__ volatile("amoswap.w.aq %0, %1, (%2)" : "=r"(old) : "r"(1), "r"(&lock) : "memory");
    } while (old != 0);
}

static void release(void) {
    __asm__ volatile("amoswap.w.rl x0, x0, (%0)" ::"r"(&lock) : "memory");
}

static void lrsc_increment(ulong h) {
    for (;;) {
        ulong v, fail;
        __asm__ volatile(LR " %0, (%2)\n\taddi %0, %0, 1\n\t" SC " %1, %0, (%2)"
                         : "=&r"(v), "=&r"(fail)
                         : "r"(&lrsc)
                         : "memory");
        if (fail == 0) {
            return;
        }
        sc_failures[h]++;
    }
}

static void work(ulong h) {
    for (int i = 0; i < ITERS; i++) {
        acquire();
        locked = locked + 1;
        release();
        lrsc_increment(h);
        __atomic_fetch_add(&amo, 1, __ATOMIC_RELAXED);
        racy = racy + 1;
    }
    __atomic_fetch_add(&done, 1, __ATOMIC_SEQ_CST);
}

void secondary_main(ulong h) {
    work(h);
}

static void field(const char *name, ulong v) {
    puts_(name);
    putdec(v);
}

void firmware_main(void) {
    ulong n = smp_harts ? smp_harts : 1;
    work(0);
    while (done != n) {
    }
    ulong want = n * ITERS;
    ulong errors = (locked != want) + (lrsc != want) + (amo != want);
    ulong failures = 0;
    for (ulong h = 0; h < n; h++) {
        failures += sc_failures[h];
    }
    field("lock harts=", n);
    field(" iters=", ITERS);
    field(" locked=", locked);
    field(" lrsc=", lrsc);
    field(" amo=", amo);
    field(" racy=", racy);
    field(" sc_failures=", failures);
    putch('\n');
    exit_(errors);
}

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}
