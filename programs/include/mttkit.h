/* Shared definitions for mttkit's RISC-V test programs (C and assembly). */
#ifndef MTTKIT_H
#define MTTKIT_H

#define CSR_MMPT 0x382 /* mmpt (smmpt-v0.9) and, by mttkit's choice, mttp (smmtt-v0.1) */

#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_S 9
#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE 13
#define CAUSE_STORE_PAGE 15

#define M_STACK_TOP 0x80380000 /* M-mode stack: not granted to S by any program's tables */
#define S_STACK_TOP 0x80300000 /* S-mode stack: inside the 4 MiB the tables grant to the domain */

/* Fences of the Supervisor Domains spec; encodings per SPEC-DECISIONS #14 (SYSTEM, funct3 0, rd 0). */
#define MFENCE_PA(rs1, rs2) ".insn r 0x73, 0, 0x43, x0, " #rs1 ", " #rs2
#define MINVAL_PA(rs1, rs2) ".insn r 0x73, 0, 0x03, x0, " #rs1 ", " #rs2
#define SFENCE_W_INVAL ".insn i 0x73, 0, x0, x0, 0x180"
#define SFENCE_INVAL_IR ".insn i 0x73, 0, x0, x0, 0x181"

#ifndef __ASSEMBLER__
typedef unsigned long ulong;

#define csr_read(n) ({ ulong v_; __asm__ volatile("csrr %0, " #n : "=r"(v_)); v_; })
#define csr_write(n, v) __asm__ volatile("csrw " #n ", %0" ::"r"((ulong)(v)) : "memory")

/* The register frame the M-mode trap entry saves: regs[i] is x[i]; regs[0] holds mepc. */
struct frame {
    ulong regs[32];
};

/* runtime.c */
void putch(char c);
void puts_(const char *s);
void puthex(ulong v);
void putdec(ulong v);
void __attribute__((noreturn)) exit_(ulong code);
void enter_smode(void (*fn)(void), ulong sp);
void pmp_open_all(void);
ulong s_ecall(ulong fn, ulong a0, ulong a1, ulong a2, ulong a3, ulong a4);

/* mpt_build.c: firmware-built Smmpt tables (Smmpt34 on RV32, Smmpt43 on RV64), pages taken from `pool`. */
ulong *mpt_begin(ulong pool);
void mpt_grant(ulong *root, ulong base, ulong size, ulong xwr);

/* Several harts (SystemRunner): the number of harts (0 under a one-hart runner), the entry of harts
 * other than 0 (a weak default returns at once and the hart parks in WFI), and the CLINT. */
extern volatile ulong smp_harts;
void secondary_main(ulong hartid);
#define CLINT_BASE 0x02000000UL
#define CLINT_MSIP(h) ((volatile unsigned *)(CLINT_BASE + 4 * (h)))
#define MIP_MSIP (1UL << 3)
#define MSTATUS_MPRV (1UL << 17)

/* Provided by each program. */
void firmware_main(void);
/* Return 1 when the trap was handled (mepc in regs[0] may be changed), 0 for "unexpected". */
int handle_trap(struct frame *f, ulong cause, ulong tval);

/* Probe results shared by the M-mode fault handler and S-mode: the cause of the last fault, 0 for none. */
extern volatile ulong probe_fault;
/* Set by probe_access() while it probes; makes m_trap() record and resume S-mode access/page faults. */
extern volatile ulong probing;
ulong probe_access(int kind, ulong a);
#endif

#endif
