package io.mttkit.hdl.check;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which bits of which signals a module body assigns: on some path ({@link #any}) and on every path
 * ({@link #definite}). The basis of the undriven and latch checks.
 */
final class Coverage {
    final Map<Integer, BitSet> any = new HashMap<>();
    final Map<Integer, BitSet> definite;
    /** First assignment to each signal, for messages. */
    final Map<Integer, SourceLoc> firstAssign = new HashMap<>();

    Coverage(ModuleDef m) {
        Exprs.walk(m.body(), List.of(), (s, conds) -> {
            if (s instanceof Stmt.Assign a) {
                any.computeIfAbsent(a.target(), k -> new BitSet()).set(a.lo(), a.hi() + 1);
                firstAssign.putIfAbsent(a.target(), a.loc());
            }
        });
        definite = definite(m.body());
    }

    private static Map<Integer, BitSet> definite(List<Stmt> body) {
        Map<Integer, BitSet> out = new HashMap<>();
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                out.computeIfAbsent(a.target(), k -> new BitSet()).set(a.lo(), a.hi() + 1);
            } else if (s instanceof Stmt.When w) {
                union(out, intersect(definite(w.then()), definite(w.otherwise())));
            } else if (s instanceof Stmt.Switch sw) {
                boolean complete = sw.otherwise() != null || labelsCoverAll(sw);
                if (!complete) {
                    continue;
                }
                Map<Integer, BitSet> acc = sw.otherwise() == null ? null : definite(sw.otherwise());
                for (Stmt.Case c : sw.cases()) {
                    Map<Integer, BitSet> d = definite(c.body());
                    acc = acc == null ? d : intersect(acc, d);
                }
                if (acc != null) {
                    union(out, acc);
                }
            }
        }
        return out;
    }

    static boolean labelsCoverAll(Stmt.Switch sw) {
        int w = sw.selector().width();
        if (w > 16) {
            return false;
        }
        java.util.Set<BigInteger> values = new java.util.HashSet<>();
        for (Stmt.Case c : sw.cases()) {
            for (Expr l : c.labels()) {
                values.add(l instanceof Expr.Lit lit ? lit.value() : ((Expr.Const) l).value());
            }
        }
        return values.size() == (1 << w);
    }

    private static Map<Integer, BitSet> intersect(Map<Integer, BitSet> a, Map<Integer, BitSet> b) {
        Map<Integer, BitSet> out = new HashMap<>();
        for (Map.Entry<Integer, BitSet> e : a.entrySet()) {
            BitSet other = b.get(e.getKey());
            if (other != null) {
                BitSet x = (BitSet) e.getValue().clone();
                x.and(other);
                if (!x.isEmpty()) {
                    out.put(e.getKey(), x);
                }
            }
        }
        return out;
    }

    private static void union(Map<Integer, BitSet> into, Map<Integer, BitSet> from) {
        from.forEach((k, v) -> into.computeIfAbsent(k, x -> new BitSet()).or(v));
    }

    BitSet anyOf(int id) {
        return any.getOrDefault(id, new BitSet());
    }

    BitSet definiteOf(int id) {
        return definite.getOrDefault(id, new BitSet());
    }

    /** "x", "x[3:0]" or "x[5]"-style description of the lowest run of set bits, for messages. */
    static String bitsText(String name, int width, BitSet bits) {
        if (bits.cardinality() == width) {
            return "'" + name + "'";
        }
        int lo = bits.nextSetBit(0);
        int hi = bits.nextClearBit(lo) - 1;
        String more = bits.nextSetBit(hi + 1) >= 0 ? " (and more)" : "";
        return "'" + name + (hi == lo ? "[" + lo + "]" : "[" + hi + ":" + lo + "]") + "'" + more;
    }
}
