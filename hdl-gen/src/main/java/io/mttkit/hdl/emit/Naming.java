package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import java.util.List;
import java.util.Locale;

/**
 * Readable names for the wires the emitter introduces, derived from what they compute: {@code count_plus_1},
 * {@code req_and_mask}, {@code not_busy}. Long derivations fall back to the operator alone
 * ({@code sum}, {@code mux}), uniquified by the caller.
 */
final class Naming {
    private static final int MAX = 32;

    private Naming() {}

    static String hint(Expr e, List<Signal> signals, ModuleDef m) {
        String h = derive(e, signals, m, 2);
        return h.length() <= MAX ? h : fallback(e);
    }

    private static String derive(Expr e, List<Signal> signals, ModuleDef m, int depth) {
        if (e instanceof Expr.Ref r) {
            return signals.get(r.id()).name();
        }
        if (e instanceof Expr.Lit l) {
            return l.value().toString();
        }
        if (e instanceof Expr.Const c) {
            return c.name().toLowerCase(Locale.ROOT);
        }
        if (depth == 0) {
            return fallback(e);
        }
        if (e instanceof Expr.Binary b) {
            return derive(b.a(), signals, m, depth - 1) + "_" + word(b.op()) + "_" + derive(b.b(), signals, m, depth - 1);
        }
        if (e instanceof Expr.Unary u) {
            String p = switch (u.op()) {
                case NOT -> "not_";
                case AND_REDUCE -> "all_";
                case OR_REDUCE -> "any_";
                case XOR_REDUCE -> "parity_";
            };
            return p + derive(u.a(), signals, m, depth - 1);
        }
        if (e instanceof Expr.Slice s) {
            return derive(s.a(), signals, m, depth - 1) + "_" + s.hi() + (s.hi() == s.lo() ? "" : "_" + s.lo());
        }
        if (e instanceof Expr.MemRead r) {
            return m.memories().get(r.mem()).name() + "_word";
        }
        return fallback(e);
    }

    private static String fallback(Expr e) {
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD -> "sum";
                case SUB -> "diff";
                case AND, OR, XOR -> "bits";
                case SHL, SHR, SRA -> "shifted";
                default -> "cmp";
            };
        }
        if (e instanceof Expr.Mux) {
            return "mux";
        }
        if (e instanceof Expr.Concat) {
            return "cat";
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnOp.NOT ? "not" : "reduced";
        }
        return "value";
    }

    private static String word(Expr.BinOp op) {
        return switch (op) {
            case ADD -> "plus";
            case SUB -> "minus";
            case SHL -> "shl";
            case SHR -> "shr";
            case SRA -> "sra";
            default -> op.name().toLowerCase(Locale.ROOT);
        };
    }
}
