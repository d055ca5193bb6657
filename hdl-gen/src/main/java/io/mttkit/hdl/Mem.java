package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;

/**
 * A memory array, emitted as {@code reg [width-1:0] name [0:depth-1]}.
 *
 * <p>Read-under-write policy: a synchronous read in the same cycle as a write to the same address returns
 * the <em>old</em> data (read-first); an asynchronous read sees the old data until the clock edge. Reads
 * past {@code depth} (possible when depth is not a power of two) return zero in the interpreter and are
 * undefined in hardware. Memories have no reset.
 */
public final class Mem {
    final ModuleState owner;
    final int globalId;
    final SourceLoc loc;
    private final String name;
    private final int width;
    private final int depth;
    private int syncReads;

    Mem(ModuleState owner, String name, int width, int depth, SourceLoc loc) {
        this.owner = owner;
        this.name = name;
        this.width = width;
        this.depth = depth;
        this.loc = loc;
        this.globalId = owner.elab.registerMem(this);
        owner.mems.add(this);
    }

    /** Name in the Verilog. */
    public String name() {
        return name;
    }

    /** Word width. */
    public int width() {
        return width;
    }

    /** Number of words. */
    public int depth() {
        return depth;
    }

    /** Address width: {@code max(1, ceil(log2 depth))}. */
    public int addrWidth() {
        return Hw.indexWidth(depth);
    }

    /** Asynchronous read: the word at {@code addr}, combinationally. */
    public UInt read(UInt addr) {
        ModuleState m = context(addr.ctx());
        checkAddr(m, addr);
        return UInt.of(new Expr.MemRead(globalId, addr.expr, width), m);
    }

    /**
     * Synchronous read: returns a register (named {@code <mem>_rdata}) loaded with the word at {@code addr}
     * at the clock edge when {@code enable} is true (read-first under a simultaneous write).
     */
    public UInt readSync(UInt addr, Bool enable) {
        ModuleState m = context(addr.ctx(enable));
        checkAddr(m, addr);
        SourceLoc at = Locations.capture();
        String regName = name + "_rdata" + (syncReads == 0 ? "" : "_" + syncReads);
        syncReads++;
        SignalNode r = m.elab.register(m, regName, Signal.Kind.REG, width, at);
        m.signals.add(r);
        BodyNode.When w = new BodyNode.When(enable.expr, at);
        w.then().add(new BodyNode.Assign(r, width - 1, 0, new Expr.MemRead(globalId, addr.expr, width), at));
        m.add(w);
        return UInt.of(r.ref(), m);
    }

    /** Writes {@code data} at {@code addr} at the clock edge (when the enclosing conditions hold). */
    public void write(UInt addr, UInt data) {
        write(addr, data, null);
    }

    /**
     * Masked write: {@code mask} has one bit per lane; lane {@code i} is bits
     * {@code [(i+1)*L-1 : i*L]} with {@code L = width / mask.width()}, written only when {@code mask[i]}.
     */
    public void write(UInt addr, UInt data, UInt mask) {
        ModuleState m = context(mask == null ? addr.ctx(data) : addr.ctx(data, mask));
        checkAddr(m, addr);
        SourceLoc at = Locations.capture();
        if (data.width() != width) {
            m.elab.error("width", "writing " + data.width() + "-bit data to memory '" + name + "' of " + width
                    + "-bit words", at, "resize the data to " + width + " bits");
        }
        if (mask != null && (width % mask.width() != 0)) {
            m.elab.error("width", "mask of " + mask.width() + " bits for " + width + "-bit words of '" + name + "'",
                    at, "the mask needs one bit per lane and the word width must be a multiple of it");
        }
        m.add(new BodyNode.MemWrite(this, addr.expr, data.expr, mask == null ? null : mask.expr, at));
    }

    /**
     * The module being described: {@code fromOperands}, or, when every operand is a constant (a fixed address
     * such as {@code Hw.lit(3, 2)}, which belongs to no module), the module being built now.
     */
    private ModuleState context(ModuleState fromOperands) {
        return fromOperands != null ? fromOperands : owner.elab.current();
    }

    private void checkAddr(ModuleState m, UInt addr) {
        if (m != owner) {
            UInt.report(m, "ownership", "memory '" + name + "' (" + loc + ") belongs to module "
                    + owner.displayName() + " but is used in module " + m.displayName(),
                    "access a child's memory through its ports");
        } else if (addr.width() != addrWidth()) {
            UInt.report(m, "width", "address of " + addr.width() + " bits for memory '" + name + "' of depth "
                    + depth, "the address must be exactly " + addrWidth() + " bits wide");
        }
    }
}
