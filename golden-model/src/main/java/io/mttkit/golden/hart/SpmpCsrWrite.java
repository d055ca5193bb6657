package io.mttkit.golden.hart;

/**
 * One write that reached the S-level PMP's register file ({@link HartListener#spmpCsrWritten}): through
 * {@code sireg}/{@code sireg2} (Sscsrind, {@code siselect} = 0x100 + i), {@code mireg}/{@code mireg2} (Smcsrind, M-mode:
 * locks do not stop it), {@code spmpen}/{@code spmpenh} (Sspmpen) or {@code mpmpdeleg} (Smpmpdeleg). Writes of
 * {@code siselect}/{@code miselect} themselves and of the reserved {@code xireg3..6} change no SPMP state and are not
 * reported (the select in force is part of each write here).
 *
 * @param register which register the write reached
 * @param csr      the CSR number the instruction named
 * @param select   {@code siselect} ({@code miselect} when {@code viaMireg}) in force: entry {@code select − 0x100};
 *                 0 for {@code spmpen}, {@code spmpenh} and {@code mpmpdeleg}
 * @param viaMireg the write came through {@code mireg*} (M-mode's window)
 * @param value    the value written, before WARL legalisation (for {@code csrrs}/{@code csrrc}: the old value with
 *                 the bits set or cleared)
 * @param readBack what the same CSR reads after the write
 */
public record SpmpCsrWrite(Register register, int csr, long select, boolean viaMireg, long value, long readBack) {
    /** The SPMP register a write reached. */
    public enum Register {
        /** {@code spmpaddr[select − 0x100]} through {@code sireg}/{@code mireg}. */
        SPMPADDR,
        /** {@code spmpcfg[select − 0x100]} through {@code sireg2}/{@code mireg2}. */
        SPMPCFG,
        /** {@code spmpen} (0x183; on RV32 bits 31:0). */
        SPMPEN,
        /** {@code spmpenh} (0x193, RV32: bits 63:32 of the enable vector). */
        SPMPENH,
        /** {@code mpmpdeleg} (0x316). */
        MPMPDELEG
    }
}
