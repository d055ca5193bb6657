package io.mttkit.hdl.ir;

/**
 * A memory array {@code reg [width-1:0] name [0:depth-1]}. Writes are clocked; reads are either asynchronous
 * ({@link Expr.MemRead} in combinational logic) or synchronous (a {@code MemRead} assigned to a register,
 * which yields the data stored <em>before</em> a write in the same cycle: read-first). No reset.
 */
public record Memory(int id, String name, int width, int depth, SourceLoc loc) {
    /** Address width in bits: {@code max(1, ceil(log2(depth)))}. */
    public int addrWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
    }
}
