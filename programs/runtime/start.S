/* Reset entry and the M-mode trap entry shared by all mttkit programs. */
#include "mttkit.h"

#if __riscv_xlen == 64
#define SREG sd
#define LREG ld
#define RB 8
#else
#define SREG sw
#define LREG lw
#define RB 4
#endif

    .section .text.init
    .globl _start
_start:
    li sp, M_STACK_TOP
    la t1, smp_harts                /* a1 = number of harts (SystemRunner; 0 from a one-hart runner), */
    SREG a1, 0(t1)                  /* stored by every hart so that each sees it at once */
    csrr t0, mhartid
    bnez t0, secondary_entry
    la t0, trap_frame
    csrw mscratch, t0
    la t0, trap_entry
    csrw mtvec, t0
    call firmware_main
    li a0, 0
    call exit_

    /* Harts other than 0: an M stack of 16 KiB each below M_STACK_TOP - 0x20000, then
     * secondary_main(hartid) (weak in runtime.c: returns at once); a hart that returns parks in WFI. */
secondary_entry:
    li sp, M_STACK_TOP - 0x20000
    slli t1, t0, 14
    sub sp, sp, t1
    mv a0, t0
    call secondary_main
1:  wfi
    j 1b

    .align 2
    .globl trap_entry
trap_entry:
    csrrw t0, mscratch, t0          /* t0 = &trap_frame, mscratch = interrupted t0 */
    .irp r,1,2,3,4,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    SREG x\r, \r*RB(t0)
    .endr
    csrr t1, mscratch
    SREG t1, 5*RB(t0)
    csrw mscratch, t0
    csrr t1, mepc
    SREG t1, 0(t0)
    mv a0, t0
    li sp, M_STACK_TOP - 0x10000    /* trap stack below the firmware stack */
    call m_trap
    la t0, trap_frame
    LREG t1, 0(t0)
    csrw mepc, t1
    .irp r,1,2,3,4,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    LREG x\r, \r*RB(t0)
    .endr
    LREG t0, 5*RB(t0)
    mret

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0

    .bss
    .align 4
    .globl trap_frame
trap_frame: .space 32*RB
