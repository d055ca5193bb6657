package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import java.math.BigInteger;
import java.util.StringJoiner;

/**
 * Prints expressions as Verilog-2005 whose self-determined widths equal the IR widths (so Verilator's
 * width lint stays quiet): literals are sized, compares take equal-width operands, signed operations use
 * {@code $signed}. Sub-expressions that are operators get parentheses; multiplexer chains print as a flat
 * {@code c0 ? a : c1 ? b : d}.
 */
final class ExprPrinter {
    private final ModuleDef m;

    ExprPrinter(ModuleDef m) {
        this.m = m;
    }

    /** A sized literal: {@code 1'b1}, {@code 8'd42}; values of 1024 and more in hex ({@code 16'hbeef}). */
    static String lit(BigInteger v, int width) {
        if (width == 1) {
            return "1'b" + v;
        }
        if (v.bitLength() <= 10) {
            return width + "'d" + v;
        }
        return width + "'h" + v.toString(16);
    }

    String print(Expr e) {
        return top(e);
    }

    /** A top-level expression; a multiplexer chain of three or more arms is broken over lines. */
    String printBroken(Expr e, int column) {
        if (e instanceof Expr.Mux mux && mux.whenFalse() instanceof Expr.Mux) {
            StringBuilder sb = new StringBuilder();
            String pad = " ".repeat(column);
            Expr cur = e;
            boolean first = true;
            while (cur instanceof Expr.Mux mx) {
                if (!first) {
                    sb.append("\n").append(pad);
                }
                sb.append(operand(mx.cond())).append(" ? ").append(mxArm(mx.whenTrue())).append(" :");
                first = false;
                cur = mx.whenFalse();
            }
            sb.append("\n").append(pad).append(operand(cur));
            return sb.toString();
        }
        return top(e);
    }

    private String top(Expr e) {
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Mux mx) {
            return operand(mx.cond()) + " ? " + mxArm(mx.whenTrue()) + " : " + mxFalse(mx.whenFalse());
        }
        return atom(e);
    }

    private String mxArm(Expr e) {
        return e instanceof Expr.Mux ? "(" + top(e) + ")" : operand(e);
    }

    private String mxFalse(Expr e) {
        return e instanceof Expr.Mux ? top(e) : operand(e);
    }

    /** An operand of an operator: parenthesised unless it is an atom. */
    String operand(Expr e) {
        boolean reduction = e instanceof Expr.Unary u && u.op() != Expr.UnOp.NOT;
        if (e instanceof Expr.Binary || e instanceof Expr.Mux || reduction) {
            return "(" + top(e) + ")";
        }
        return atom(e);
    }

    private String binary(Expr.Binary b) {
        // a chain of one associative operator reads without parentheses: a | b | c
        boolean chain = b.a() instanceof Expr.Binary left && left.op() == b.op() && associative(b.op());
        String a = chain ? binary((Expr.Binary) b.a()) : operand(b.a());
        String c = operand(b.b());
        boolean literalShift = b.b() instanceof Expr.Lit;
        String amount = literalShift ? ((Expr.Lit) b.b()).value().toString() : c;
        return switch (b.op()) {
            case ADD -> a + " + " + c;
            case SUB -> a + " - " + c;
            case AND -> a + " & " + c;
            case OR -> a + " | " + c;
            case XOR -> a + " ^ " + c;
            case EQ -> a + " == " + c;
            case NE -> a + " != " + c;
            case LT -> a + " < " + c;
            case LE -> a + " <= " + c;
            case GT -> a + " > " + c;
            case GE -> a + " >= " + c;
            case SLT -> signed(b.a()) + " < " + signed(b.b());
            case SLE -> signed(b.a()) + " <= " + signed(b.b());
            case SGT -> signed(b.a()) + " > " + signed(b.b());
            case SGE -> signed(b.a()) + " >= " + signed(b.b());
            case SHL -> a + " << " + amount;
            case SHR -> a + " >> " + amount;
            case SRA -> "$unsigned(" + signed(b.a()) + " >>> " + amount + ")";
        };
    }

    private static boolean associative(Expr.BinOp op) {
        return op == Expr.BinOp.AND || op == Expr.BinOp.OR || op == Expr.BinOp.XOR || op == Expr.BinOp.ADD;
    }

    private String signed(Expr e) {
        return "$signed(" + top(e) + ")";
    }

    private String atom(Expr e) {
        if (e instanceof Expr.Ref r) {
            return m.signal(r.id()).name();
        }
        if (e instanceof Expr.Lit l) {
            return lit(l.value(), l.width());
        }
        if (e instanceof Expr.Const c) {
            return c.name();
        }
        if (e instanceof Expr.Unary u) {
            String op = switch (u.op()) {
                case NOT -> "~";
                case AND_REDUCE -> "&";
                case OR_REDUCE -> "|";
                case XOR_REDUCE -> "^";
            };
            return op + (u.a() instanceof Expr.Unary inner && inner.op() == Expr.UnOp.NOT
                    ? "(" + atom(u.a()) + ")" : operand(u.a()));
        }
        if (e instanceof Expr.Slice s) {
            return atom(s.a()) + (s.hi() == s.lo() ? "[" + s.lo() + "]" : "[" + s.hi() + ":" + s.lo() + "]");
        }
        if (e instanceof Expr.Index i) {
            return atom(i.a()) + "[" + top(i.index()) + "]";
        }
        if (e instanceof Expr.Concat c) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            c.parts().forEach(p -> j.add(top(p)));
            return j.toString();
        }
        if (e instanceof Expr.Repeat r) {
            return "{" + r.count() + "{" + top(r.a()) + "}}";
        }
        if (e instanceof Expr.MemRead r) {
            return m.memories().get(r.mem()).name() + "[" + top(r.addr()) + "]";
        }
        return "(" + top(e) + ")";
    }
}
