package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code reg_*}: the register port of the I/O MPT checker, a simple single-beat bus seen from the bus master
 * (declared by the checker with {@code s.in()}). Protocol ({@code docs/port-contract.md}, "I/O checker"):
 * <ul>
 *   <li>a request is taken on a rising edge with {@code reg_valid} and {@code reg_ready} high ({@code reg_ready}
 *       is 1 today: every access completes in one cycle, BUSY or not);</li>
 *   <li>{@code reg_addr} is the byte offset in the 32-byte register window, {@code reg_size} the access size in
 *       bytes (4 or 8); data is right-justified: a 4-byte access carries its value in {@code [31:0]};</li>
 *   <li>one cycle after the request {@code reg_rvalid} pulses (for reads and writes alike; the response cannot be
 *       refused) with {@code reg_rdata} = the value read (0 for a write or an UNSPECIFIED access).</li>
 * </ul>
 */
public final class RegPort extends Bundle {
    /** Width of {@code reg_addr}: the 32-byte register window. */
    public static final int ADDR_WIDTH = 5;
    /** Width of {@code reg_size} (a byte count, as {@code mrd_size}). */
    public static final int SIZE_WIDTH = 4;
    /** Width of the data. */
    public static final int DATA_WIDTH = 64;

    public final Bool valid;
    public final Bool ready;
    public final Bool write;
    public final UInt addr;
    public final UInt size;
    public final UInt wdata;
    public final Bool rvalid;
    public final UInt rdata;

    public RegPort(Scope s) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        write = s.bool("write");
        addr = s.uint("addr", ADDR_WIDTH);
        size = s.uint("size", SIZE_WIDTH);
        wdata = s.uint("wdata", DATA_WIDTH);
        rvalid = s.in().bool("rvalid");
        rdata = s.in().uint("rdata", DATA_WIDTH);
    }
}
