package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.SourceLoc;
import java.util.ArrayList;
import java.util.List;

/** Mutable statement tree recorded while {@code build()} runs; frozen into {@link io.mttkit.hdl.ir.Stmt}. */
sealed interface BodyNode {

    /** {@code target[hi:lo] = value}. */
    record Assign(SignalNode target, int hi, int lo, Expr value, SourceLoc loc) implements BodyNode {}

    /** Memory write. */
    record MemWrite(Mem mem, Expr addr, Expr data, Expr mask, SourceLoc loc) implements BodyNode {}

    /** {@code if}/{@code else}; the lists are filled while the user's lambdas run. */
    record When(Expr cond, List<BodyNode> then, List<BodyNode> otherwise, SourceLoc loc) implements BodyNode {
        When(Expr cond, SourceLoc loc) {
            this(cond, new ArrayList<>(), new ArrayList<>(), loc);
        }
    }

    /** {@code case}; {@code otherwise} stays {@code null} until a default branch is given. */
    final class Switch implements BodyNode {
        final Expr selector;
        final SourceLoc loc;
        final List<Case> cases = new ArrayList<>();
        List<BodyNode> otherwise;

        Switch(Expr selector, SourceLoc loc) {
            this.selector = selector;
            this.loc = loc;
        }
    }

    /** One arm of a switch. */
    record Case(List<Expr> labels, List<BodyNode> body, SourceLoc loc) {}
}
