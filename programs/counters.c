/* Zicsr on the counters: "If a CSR access instruction writes such a CSR [one incremented as a side effect of
 * execution], the write is done instead of the increment. In particular, a value written to instret by one
 * instruction will be the value read by the following instruction." Checked for minstret and mcycle (and
 * their high halves on RV32) in M-mode, each write followed at once by the read. The program prints
 * "ok <name>" or "FAIL <name> got=... want=..." per check and exits with the number of failed checks. */
#include "mttkit.h"
#include "checks.h"

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)cause;
    (void)tval;
    return 0;
}

/* csrw then csrr of the same counter, back to back. */
#define WRITE_READ(csr, v)                                                                                  \
    ({                                                                                                      \
        ulong r_;                                                                                           \
        __asm__ volatile(".option push; .option norvc; csrw " #csr ", %1; csrr %0, " #csr "; .option pop"   \
                         : "=&r"(r_)                                                                        \
                         : "r"((ulong)(v))                                                                  \
                         : "memory");                                                                       \
        r_;                                                                                                 \
    })

/* csrw, one nop, csrr: the nop counts, the write did not. */
#define WRITE_NOP_READ(csr, v)                                                                              \
    ({                                                                                                      \
        ulong r_;                                                                                           \
        __asm__ volatile(".option push; .option norvc; csrw " #csr ", %1; nop; csrr %0, " #csr "; .option pop" \
                         : "=&r"(r_)                                                                        \
                         : "r"((ulong)(v))                                                                  \
                         : "memory");                                                                       \
        r_;                                                                                                 \
    })

void firmware_main(void) {
    check("minstret written is read next", WRITE_READ(minstret, 1000), 1000);
    check("minstret counts on after a write", WRITE_NOP_READ(minstret, 2000), 2001);
    check("mcycle written is read next", WRITE_READ(mcycle, 3000), 3000);
    check("mcycle counts on after a write", WRITE_NOP_READ(mcycle, 4000), 4001);
    csr_write(mcounteren, 7);
    {
        ulong r;
        __asm__ volatile(".option push; .option norvc; csrw minstret, %1; csrr %0, instret; .option pop"
                         : "=&r"(r)
                         : "r"(5000UL)
                         : "memory");
        check("instret reads the minstret just written", r, 5000);
    }
    {
        ulong old, r;
        __asm__ volatile(".option push; .option norvc; csrw minstret, %2; csrrw %0, minstret, %3;"
                         " csrr %1, minstret; .option pop"
                         : "=&r"(old), "=&r"(r)
                         : "r"(6000UL), "r"(7000UL)
                         : "memory");
        check("csrrw minstret reads the old value", old, 6000);
        check("csrrw minstret: the new value is read next", r, 7000);
    }
#if __riscv_xlen == 32
    csr_write(minstreth, 0);
    check("minstret = 0xffffffff does not carry into minstreth",
          ({
              ulong r_;
              __asm__ volatile(".option push; .option norvc; csrw minstret, %1; csrr %0, minstreth; .option pop"
                               : "=&r"(r_)
                               : "r"(0xFFFFFFFFUL)
                               : "memory");
              r_;
          }),
          0);
    check("minstreth written is read next", WRITE_READ(minstreth, 5), 5);
    {
        ulong lo;
        __asm__ volatile(".option push; .option norvc; csrw minstret, %1; csrw minstreth, %2; csrr %0, minstret;"
                         " .option pop"
                         : "=&r"(lo)
                         : "r"(10UL), "r"(1UL)
                         : "memory");
        check("a minstreth write does not count", lo, 10);
    }
    check("mcycleh written is read next", WRITE_READ(mcycleh, 6), 6);
#endif
    puts_(failed == 0 ? "counters: all checks passed\n" : "counters: some checks FAILED\n");
    exit_(failed);
}
