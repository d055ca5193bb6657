package io.mttkit.hdl.ir;

import java.util.List;

/**
 * A statement of a module body. The body is one ordered tree; within it the last assignment to a bit wins
 * (as in a Verilog {@code always} block). Whether a target is combinational or clocked is a property of the
 * target's {@link Signal.Kind}, not of the statement.
 */
public sealed interface Stmt permits Stmt.Assign, Stmt.When, Stmt.Switch, Stmt.MemWrite {

    /** Where the statement was written. */
    SourceLoc loc();

    /** {@code target[hi:lo] = value}; a whole-signal assignment has {@code hi = width-1, lo = 0}. */
    record Assign(int target, int hi, int lo, Expr value, SourceLoc loc) implements Stmt {}

    /** {@code if (cond) then else otherwise}; an absent else branch is an empty list. */
    record When(Expr cond, List<Stmt> then, List<Stmt> otherwise, SourceLoc loc) implements Stmt {
        public When {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code case (selector)}; {@code otherwise} is {@code null} when the switch has no default branch. */
    record Switch(Expr selector, List<Case> cases, List<Stmt> otherwise, SourceLoc loc) implements Stmt {
        public Switch {
            cases = List.copyOf(cases);
            otherwise = otherwise == null ? null : List.copyOf(otherwise);
        }
    }

    /** One arm of a {@link Switch}: taken when the selector equals any of {@code labels} (constants). */
    record Case(List<Expr> labels, List<Stmt> body, SourceLoc loc) {
        public Case {
            labels = List.copyOf(labels);
            body = List.copyOf(body);
        }
    }

    /**
     * Clocked write of {@code data} to memory {@code mem} at {@code addr}. {@code mask} is {@code null} (write
     * all bits) or has one bit per lane, a lane being {@code data.width() / mask.width()} bits.
     */
    record MemWrite(int mem, Expr addr, Expr data, Expr mask, SourceLoc loc) implements Stmt {}
}
