/* Directed self-checks of a test program: check() prints "ok <name>" or "FAIL <name> got=0x.. want=0x.." and counts
 * the failures in `failed`, which the program reports and exits with. Include once, after mttkit.h. */
#ifndef MTTKIT_CHECKS_H
#define MTTKIT_CHECKS_H

static ulong failed;

static void check(const char *name, ulong got, ulong want) {
    if (got == want) {
        puts_("ok ");
        puts_(name);
        putch('\n');
        return;
    }
    failed++;
    puts_("FAIL ");
    puts_(name);
    puts_(" got=");
    puthex(got);
    puts_(" want=");
    puthex(want);
    putch('\n');
}

#endif
