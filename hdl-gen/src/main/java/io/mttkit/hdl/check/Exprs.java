package io.mttkit.hdl.check;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.util.List;
import java.util.function.IntConsumer;

/** Small traversals shared by the checks. */
final class Exprs {
    private Exprs() {}

    /** Calls {@code sink} with the id of every signal {@code e} reads. */
    static void refs(Expr e, IntConsumer sink) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Ref r) {
            sink.accept(r.id());
        } else {
            e.children().forEach(c -> refs(c, sink));
        }
    }

    /** Visitor over statements with the enclosing conditions. */
    interface StmtVisitor {
        /** Called for each statement; {@code conds} are the enclosing conditions and selectors. */
        void visit(Stmt s, List<Expr> conds);
    }

    /** Visits every statement of {@code body}, depth first, in order. */
    static void walk(List<Stmt> body, List<Expr> conds, StmtVisitor v) {
        for (Stmt s : body) {
            v.visit(s, conds);
            if (s instanceof Stmt.When w) {
                List<Expr> inner = append(conds, w.cond());
                walk(w.then(), inner, v);
                walk(w.otherwise(), inner, v);
            } else if (s instanceof Stmt.Switch sw) {
                List<Expr> inner = append(conds, sw.selector());
                for (Stmt.Case c : sw.cases()) {
                    walk(c.body(), inner, v);
                }
                if (sw.otherwise() != null) {
                    walk(sw.otherwise(), inner, v);
                }
            }
        }
    }

    private static List<Expr> append(List<Expr> l, Expr e) {
        java.util.ArrayList<Expr> out = new java.util.ArrayList<>(l);
        out.add(e);
        return out;
    }

    /** A short description of a location for messages. */
    static String at(SourceLoc loc) {
        return "(" + loc + ")";
    }
}
