package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;

/**
 * The mutable, DSL-side record of a declared signal while its module is being built. Frozen into an
 * {@link Signal} when the module's {@code build()} returns.
 */
final class SignalNode {
    final int globalId;
    final ModuleState owner;
    final Signal.Kind kind;
    final int width;
    final SourceLoc loc;
    String name;
    Expr init;
    Expr enable;
    boolean dontCare;
    /** For ports of a child seen from the parent: nothing; for parent-side CHILD_* signals: the child port. */
    SignalNode childPort;

    SignalNode(int globalId, ModuleState owner, String name, Signal.Kind kind, int width, SourceLoc loc) {
        this.globalId = globalId;
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.width = width;
        this.loc = loc;
    }

    Expr.Ref ref() {
        return new Expr.Ref(globalId, width);
    }

    @Override
    public String toString() {
        return name + " (" + loc + ")";
    }
}
