package io.mttkit.gen.spmp;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code csr_*}: the hart's CSR file reaching the SPMP registers, seen from the CSR file (declared by the SPMP with
 * {@code s.in()}). One access per cycle, never refused:
 * <ul>
 *   <li>{@code csr_sel} says which register: {@link #SEL_SIREG} ({@code sireg}/{@code mireg} → {@code spmpaddr[i]}),
 *       {@link #SEL_SIREG2} ({@code sireg2}/{@code mireg2} → {@code spmpcfg[i]}), {@link #SEL_SPMPEN}
 *       ({@code spmpen}, CSR 0x183), {@link #SEL_SPMPENH} ({@code spmpenh}, 0x193, RV32 only);</li>
 *   <li>{@code csr_siselect} is the value of {@code siselect} (or {@code miselect}): entry i is 0x100 + i; any other
 *       value, or an index at or above {@code entryCount}, reads 0 and ignores writes ("An access to an
 *       out-of-bounds index via siselect will return zero on read and be ignored on write");</li>
 *   <li>{@code csr_mmode}: the access is M-mode's through {@code miselect} — the lock does not stop it, which is how
 *       "The lock bit ... can only be cleared by M-mode through an indirect access using miselect" (Smpmpdeleg);</li>
 *   <li>{@code csr_rdata} is the register's value in the cycle of {@code csr_valid} (0 when not valid); a write
 *       ({@code csr_write}, {@code csr_wdata}) takes effect at the clock edge, WARL-legalised.</li>
 * </ul>
 */
public final class SpmpCsrPort extends Bundle {
    /** Width of {@code csr_sel}. */
    public static final int SEL_WIDTH = 2;
    /** {@code sireg}: {@code spmpaddr[i]}. */
    public static final int SEL_SIREG = 0;
    /** {@code sireg2}: {@code spmpcfg[i]}. */
    public static final int SEL_SIREG2 = 1;
    /** {@code spmpen} (Sspmpen; reads 0 without it). */
    public static final int SEL_SPMPEN = 2;
    /** {@code spmpenh}, the upper half of {@code spmpen} on RV32 (reads 0 on RV64 or without Sspmpen). */
    public static final int SEL_SPMPENH = 3;

    public final Bool valid;
    public final Bool write;
    public final Bool mmode;
    public final UInt sel;
    public final UInt siselect;
    public final UInt wdata;
    public final UInt rdata;

    public SpmpCsrPort(Scope s, SpmpParams p) {
        super(s);
        valid = s.bool("valid");
        write = s.bool("write");
        mmode = s.bool("mmode");
        sel = s.uint("sel", SEL_WIDTH);
        siselect = s.uint("siselect", p.xlen());
        wdata = s.uint("wdata", p.xlen());
        rdata = s.in().uint("rdata", p.xlen());
    }
}
