/* A broken program, for the runner's trap-loop report: S-mode executes an illegal instruction and the M-mode
 * handler "handles" it by returning to it unchanged, so the hart takes the same exception forever. The runner
 * must stop it and name the pc and the cause instead of running to the instruction limit. */
#include "mttkit.h"

int handle_trap(struct frame *f, ulong cause, ulong tval) {
    (void)f;
    (void)tval;
    return cause == CAUSE_ILLEGAL; /* mepc unchanged: back to the same instruction */
}

void __attribute__((naked)) s_main(void) {
    __asm__ volatile(".globl bad_insn; bad_insn: .word 0; j bad_insn");
}

void firmware_main(void) {
    pmp_open_all();
    puts_("trap_loop: entering S-mode at an illegal instruction\n");
    enter_smode(s_main, S_STACK_TOP);
}
