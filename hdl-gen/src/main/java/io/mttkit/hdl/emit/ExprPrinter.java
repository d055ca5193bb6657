package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints expressions as Verilog-2005 whose self-determined widths equal the IR widths (so Verilator's
 * width lint stays quiet): literals are sized, compares take equal-width operands, signed operations use
 * {@code $signed}. Sub-expressions that are operators get parentheses; multiplexer chains print as a flat
 * {@code c0 ? a : c1 ? b : d}. The text is built as a {@link Doc} whose groups (operator chains, multiplexer
 * arms, concatenation items) {@link LineWrapper} breaks when a line would grow past its limit.
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

    /** {@code e} on one line. */
    String print(Expr e) {
        return top(e).flat();
    }

    /** {@code prefix + e + suffix}, wrapped within the line limit. */
    String line(String prefix, Expr e, String suffix) {
        return LineWrapper.layout(prefix, top(e), suffix);
    }

    /**
     * Like {@link #line}, but a multiplexer chain of three or more arms is always broken, one arm per line: the
     * form of a continuous assignment's right-hand side.
     */
    String lineBroken(String prefix, Expr e, String suffix) {
        Doc d = e instanceof Expr.Mux mux && mux.whenFalse() instanceof Expr.Mux ? muxChain(mux, true) : top(e);
        return LineWrapper.layout(prefix, d, suffix);
    }

    /**
     * The condition of an {@code if} that is taken when {@code cond} is false: the opposite compare, the operand
     * of a 1-bit negation ({@code !~x} is {@code x}), or {@code !} in front.
     */
    String negatedCondition(String prefix, Expr cond, String suffix) {
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT && u.width() == 1) {
            return line(prefix, u.a(), suffix);
        }
        if (cond instanceof Expr.Binary b && (b.op() == Expr.BinOp.EQ || b.op() == Expr.BinOp.NE)) {
            Expr.BinOp op = b.op() == Expr.BinOp.EQ ? Expr.BinOp.NE : Expr.BinOp.EQ;
            return line(prefix, new Expr.Binary(op, b.a(), b.b(), 1, b.loc()), suffix);
        }
        return LineWrapper.layout(prefix, Doc.cat(Doc.text("!"), operand(cond)), suffix);
    }

    /** The condition of an {@code if}: a 1-bit negation prints as {@code !x}, the usual spelling in a test. */
    String condition(String prefix, Expr cond, String suffix) {
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT && u.width() == 1) {
            return LineWrapper.layout(prefix, Doc.cat(Doc.text("!"), operand(u.a())), suffix);
        }
        return line(prefix, cond, suffix);
    }

    /** An operand of an operator, on one line: parenthesised unless it is an atom. */
    String printOperand(Expr e) {
        return operand(e).flat();
    }

    private Doc top(Expr e) {
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Mux mx) {
            return muxChain(mx, false);
        }
        if (e instanceof Expr.Select s && form(s).guarded(s)) {
            return guardedSelect(s);
        }
        return atom(e);
    }

    /** {@code c0 ? a :}, {@code c1 ? b :}, {@code d}: one item per arm. */
    private Doc muxChain(Expr.Mux mux, boolean broken) {
        List<Doc> arms = new ArrayList<>();
        Expr cur = mux;
        while (cur instanceof Expr.Mux mx) {
            arms.add(Doc.cat(operand(mx.cond()), Doc.text(" ? "), mxArm(mx.whenTrue()), Doc.text(" :")));
            cur = mx.whenFalse();
        }
        arms.add(operand(cur));
        return new Doc.Group(arms, broken);
    }

    private Doc mxArm(Expr e) {
        return e instanceof Expr.Mux ? Doc.cat("(", top(e), ")") : operand(e);
    }

    /** An operand of an operator: parenthesised unless it is an atom. */
    private Doc operand(Expr e) {
        boolean reduction = e instanceof Expr.Unary u && u.op() != Expr.UnOp.NOT;
        boolean conditional = e instanceof Expr.Select s && form(s).guarded(s);
        if (e instanceof Expr.Binary || e instanceof Expr.Mux || reduction || conditional) {
            return Doc.cat("(", top(e), ")");
        }
        return atom(e);
    }

    private Doc binary(Expr.Binary b) {
        // a chain of one associative operator reads without parentheses: a | b | c
        List<Doc> items = new ArrayList<>();
        chain(b, items);
        return new Doc.Group(items, false);
    }

    /** The items of {@code b}'s operator group: the first operand, then each operator with its operand. */
    private void chain(Expr.Binary b, List<Doc> items) {
        boolean flatten = b.a() instanceof Expr.Binary left && left.op() == b.op() && associative(b.op());
        String op = switch (b.op()) {
            case ADD -> "+";
            case SUB -> "-";
            case AND -> "&";
            case OR -> "|";
            case XOR -> "^";
            case EQ -> "==";
            case NE -> "!=";
            case LT, SLT -> "<";
            case LE, SLE -> "<=";
            case GT, SGT -> ">";
            case GE, SGE -> ">=";
            case SHL -> "<<";
            case SHR -> ">>";
            case SRA -> ">>>";
        };
        boolean signed = switch (b.op()) {
            case SLT, SLE, SGT, SGE -> true;
            default -> false;
        };
        if (b.op() == Expr.BinOp.SRA) {
            items.add(Doc.cat("$unsigned(", new Doc.Group(List.of(signed(b.a()), Doc.text(op + " " + amount(b))),
                    false), ")"));
            return;
        }
        if (flatten) {
            chain((Expr.Binary) b.a(), items);
        } else {
            items.add(signed ? signed(b.a()) : operand(b.a()));
        }
        boolean shift = b.op() == Expr.BinOp.SHL || b.op() == Expr.BinOp.SHR;
        Doc right = signed ? signed(b.b()) : shift && b.b() instanceof Expr.Lit ? Doc.text(amount(b)) : operand(b.b());
        items.add(Doc.cat(Doc.text(op + " "), right));
    }

    private String amount(Expr.Binary b) {
        return b.b() instanceof Expr.Lit l ? l.value().toString() : operand(b.b()).flat();
    }

    private static boolean associative(Expr.BinOp op) {
        return op == Expr.BinOp.AND || op == Expr.BinOp.OR || op == Expr.BinOp.XOR || op == Expr.BinOp.ADD;
    }

    private Doc signed(Expr e) {
        return Doc.cat("$signed(", top(e), ")");
    }

    private Doc atom(Expr e) {
        if (e instanceof Expr.Ref r) {
            return Doc.text(m.signal(r.id()).name());
        }
        if (e instanceof Expr.Lit l) {
            return Doc.text(lit(l.value(), l.width()));
        }
        if (e instanceof Expr.Const c) {
            return Doc.text(c.name());
        }
        if (e instanceof Expr.Unary u) {
            String op = switch (u.op()) {
                case NOT -> "~";
                case AND_REDUCE -> "&";
                case OR_REDUCE -> "|";
                case XOR_REDUCE -> "^";
            };
            Doc a = u.a() instanceof Expr.Unary inner && inner.op() == Expr.UnOp.NOT
                    ? Doc.cat("(", atom(u.a()), ")") : operand(u.a());
            return Doc.cat(Doc.text(op), a);
        }
        if (e instanceof Expr.Slice s) {
            return Doc.cat(atom(s.a()), Doc.text(s.hi() == s.lo() ? "[" + s.lo() + "]" : "[" + s.hi() + ":" + s.lo() + "]"));
        }
        if (e instanceof Expr.Index i) {
            return Doc.cat(atom(i.a()), Doc.cat("[", top(i.index()), "]"));
        }
        if (e instanceof Expr.Concat c) {
            List<Doc> items = new ArrayList<>();
            for (int k = 0; k < c.parts().size(); k++) {
                Doc p = top(c.parts().get(k));
                items.add(k + 1 < c.parts().size() ? Doc.cat(p, Doc.text(",")) : p);
            }
            return Doc.cat("{", new Doc.Group(items, false), "}");
        }
        if (e instanceof Expr.Repeat r) {
            return Doc.cat("{" + r.count() + "{", top(r.a()), "}}");
        }
        if (e instanceof Expr.MemRead r) {
            return Doc.cat(Doc.text(m.memories().get(r.mem()).name()), Doc.cat("[", top(r.addr()), "]"));
        }
        if (e instanceof Expr.Select s) {
            return indexed(s);
        }
        return Doc.cat("(", top(e), ")");
    }

    // ---------------------------------------------------------------- selects (see SelectForm)

    private SelectForm form(Expr.Select s) {
        return SelectForm.of(s, m);
    }

    /** {@code (index >= last) ? option_last : <indexed read>}: an index past the last option reads the last. */
    private Doc guardedSelect(Expr.Select s) {
        int last = s.options().size() - 1;
        Doc cond = Doc.cat(operand(s.index()), Doc.text(" >= " + lit(BigInteger.valueOf(last), s.index().width())));
        return new Doc.Group(List.of(Doc.cat(Doc.cat("(", cond, ")"), Doc.text(" ? "), atom(s.options().get(last)),
                Doc.text(" :")), indexed(s)), false);
    }

    /** The indexed read itself, valid for indices up to the last option. */
    private Doc indexed(Expr.Select s) {
        SelectForm f = form(s);
        if (f.kind() == SelectForm.Kind.MEMORY) {
            Expr.MemRead r = (Expr.MemRead) f.base();
            String mem = m.memories().get(r.mem()).name();
            Doc at = f.first() == 0 ? top(s.index()) : Doc.cat(Doc.text(f.first() + " + "), operand(s.index()));
            return Doc.cat(Doc.text(mem), Doc.cat("[", at, "]"));
        }
        if (f.kind() != SelectForm.Kind.PART_SELECT) {
            throw new IllegalStateException("a select printed as a case reaches the printer as a signal");
        }
        Doc scaled = f.stride() == 1 ? operand(s.index()) : Doc.cat(operand(s.index()), Doc.text("*" + f.stride()));
        Doc at = f.first() == 0 ? scaled : Doc.cat(Doc.text(f.first() + " + "), scaled);
        String width = s.width() == 1 ? "" : " +: " + s.width();
        return Doc.cat(atom(f.base()), Doc.cat("[", at, width + "]"));
    }
}
