package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Expr.BinOp;
import io.mttkit.hdl.ir.Expr.UnOp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes noise a reader would have to translate away, with rewrites that are exactly equivalent at the
 * node's width (IR to IR, before sharing, so that two spellings of one value become one):
 * <ul>
 *   <li>{@code ~~x} is {@code x} (any width: {@code NOT} keeps the width);</li>
 *   <li>the negation of a 1-bit compare is the opposite compare: {@code ~(a < b)} is {@code a >= b};</li>
 *   <li>a 1-bit value compared with a constant is the value or its negation: {@code x == 1'b1} is {@code x},
 *       {@code x == 1'b0} is {@code ~x} (only for 1-bit {@code x}: on a wider value the compare is a test of all
 *       bits, not a bitwise operation);</li>
 *   <li>a concatenation inside a concatenation is spliced: {@code {a, {b, c}}} is {@code {a, b, c}};</li>
 *   <li>a compare of two constants is a constant.</li>
 * </ul>
 * Nothing here changes a value's width or any bit of it.
 */
final class Simplify {
    private final Map<Expr, Expr> done = new IdentityHashMap<>();

    /** {@code e} with the rewrites applied everywhere in its tree; shared subtrees stay shared. */
    Expr expr(Expr e) {
        if (e == null) {
            return null;
        }
        Expr r = done.get(e);
        if (r == null) {
            r = rewrite(e.mapChildren(this::expr));
            done.put(e, r);
        }
        return r;
    }

    /** One node whose children are already simplified. */
    private static Expr rewrite(Expr e) {
        if (e instanceof Expr.Unary u && u.op() == UnOp.NOT) {
            return not(u);
        }
        if (e instanceof Expr.Binary b && (b.op() == BinOp.EQ || b.op() == BinOp.NE)) {
            return compareWithBit(b);
        }
        if (e instanceof Expr.Concat c && c.parts().stream().anyMatch(p -> p instanceof Expr.Concat)) {
            List<Expr> flat = new ArrayList<>();
            for (Expr p : c.parts()) {
                if (p instanceof Expr.Concat inner) {
                    flat.addAll(inner.parts());
                } else {
                    flat.add(p);
                }
            }
            return new Expr.Concat(flat, c.width());
        }
        return e;
    }

    private static Expr not(Expr.Unary u) {
        Expr a = u.a();
        if (a instanceof Expr.Unary inner && inner.op() == UnOp.NOT) {
            return inner.a();
        }
        if (a instanceof Expr.Binary b && b.width() == 1) {
            BinOp opposite = opposite(b.op());
            if (opposite != null) {
                return new Expr.Binary(opposite, b.a(), b.b(), 1, b.loc());
            }
        }
        return u;
    }

    /** The compare that is true exactly when {@code op} is false, or {@code null} for non-compares. */
    private static BinOp opposite(BinOp op) {
        return switch (op) {
            case EQ -> BinOp.NE;
            case NE -> BinOp.EQ;
            case LT -> BinOp.GE;
            case GE -> BinOp.LT;
            case LE -> BinOp.GT;
            case GT -> BinOp.LE;
            case SLT -> BinOp.SGE;
            case SGE -> BinOp.SLT;
            case SLE -> BinOp.SGT;
            case SGT -> BinOp.SLE;
            default -> null;
        };
    }

    /**
     * {@code x == 1'b1} → {@code x}, {@code x == 1'b0} → {@code ~x}, and the {@code !=} forms, for 1-bit x; a
     * compare of two constants is its value.
     */
    private static Expr compareWithBit(Expr.Binary b) {
        if (b.a() instanceof Expr.Lit x && b.b() instanceof Expr.Lit y) {
            boolean equal = x.value().equals(y.value());
            return new Expr.Lit(equal == (b.op() == BinOp.EQ) ? BigInteger.ONE : BigInteger.ZERO, 1);
        }
        if (b.a().width() != 1) {
            return b;
        }
        Expr value;
        BigInteger constant;
        if (b.b() instanceof Expr.Lit l && !(b.a() instanceof Expr.Lit)) {
            value = b.a();
            constant = l.value();
        } else if (b.a() instanceof Expr.Lit l && !(b.b() instanceof Expr.Lit)) {
            value = b.b();
            constant = l.value();
        } else {
            return b;
        }
        boolean same = (b.op() == BinOp.EQ) == (constant.signum() != 0);
        return same ? value : not(new Expr.Unary(UnOp.NOT, value, 1));
    }
}
