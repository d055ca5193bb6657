/* Every C-extension instruction form the golden hart expands, for CompressedTest: the test assembles this
 * file twice, with and without the C extension, and checks that the hart's expansion of each 16-bit
 * encoding is exactly the 32-bit encoding the assembler chose for the same line. Not a runnable program. */
    .text
    .globl rvc_cases
rvc_cases:
    addi s0, sp, 8          /* c.addi4spn */
    addi a5, sp, 1020
    lw a0, 4(a1)            /* c.lw */
    lw s1, 124(a5)
    sw a0, 64(a1)           /* c.sw */
    addi a0, a0, -1         /* c.addi */
    addi t0, t0, 31
    addi x0, x0, 0          /* c.nop */
    li a0, -32              /* c.li */
    li t1, 17
    addi sp, sp, -512       /* c.addi16sp */
    addi sp, sp, 496
    lui a0, 0x1f            /* c.lui */
    lui t2, 0xfffe0
    srli a0, a0, 3          /* c.srli */
    srai a1, a1, 31         /* c.srai */
    andi a2, a2, -7         /* c.andi */
    sub a0, a0, a1          /* c.sub */
    xor a2, a2, a3          /* c.xor */
    or a4, a4, a5           /* c.or */
    and s0, s0, s1          /* c.and */
    beq a0, x0, . - 256     /* c.beqz */
    beq s0, x0, . + 254
    bne s1, x0, . + 6       /* c.bnez */
    j . - 2048              /* c.j */
    j . + 2046
    slli t0, t0, 7          /* c.slli */
    lw ra, 252(sp)          /* c.lwsp */
    sw t6, 8(sp)            /* c.swsp */
    jr t0                   /* c.jr */
    jalr t1                 /* c.jalr */
    add a0, x0, s11         /* c.mv (mv would assemble to addi without C) */
    add a0, a0, t2          /* c.add */
    ebreak                  /* c.ebreak */
#if __riscv_xlen == 64
    ld a0, 8(a1)            /* c.ld */
    ld s0, 248(a5)
    sd a2, 16(a3)           /* c.sd */
    addiw a0, a0, -3        /* c.addiw */
    subw a0, a0, a1         /* c.subw */
    addw s0, s0, a5         /* c.addw */
    slli a0, a0, 40         /* c.slli, shamt ≥ 32 */
    srli a1, a1, 33
    srai a2, a2, 63
    ld ra, 504(sp)          /* c.ldsp */
    sd s0, 256(sp)          /* c.sdsp */
#else
    jal . - 130             /* c.jal */
#endif
