package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Enforces the width table of {@code io.mttkit.hdl.UInt}: no silent truncation or extension anywhere. */
final class WidthCheck implements Check {
    private static final String FIX = "make the widths equal explicitly with .zext(n), .sext(n), .resize(n) or .bits(hi, lo)";

    @Override
    public List<HdlError> run(Design design, ModuleDef m) {
        List<HdlError> errors = new ArrayList<>();
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Signal s : m.signals()) {
            if (s.init() != null && s.init().width() != s.width()) {
                errors.add(new HdlError("width", (s.kind() == Signal.Kind.REG ? "reset value" : "default") + " of '"
                        + s.name() + "' is " + s.init().width() + " bits, the signal " + s.width(), s.loc(), FIX));
            }
            if (s.enable() != null && s.enable().width() != 1) {
                errors.add(new HdlError("width", "enable of '" + s.name() + "' is " + s.enable().width() + " bits",
                        s.loc(), "an enable is a Bool"));
            }
            expr(s.init(), s.loc(), errors, seen);
            expr(s.enable(), s.loc(), errors, seen);
        }
        Exprs.walk(m.body(), List.of(), (st, conds) -> {
            if (st instanceof Stmt.Assign a) {
                Signal t = m.signal(a.target());
                int tw = a.hi() - a.lo() + 1;
                if (a.value().width() != tw) {
                    String target = tw == t.width() ? "'" + t.name() + "'" : "'" + t.name() + "[" + a.hi() + ":" + a.lo() + "]'";
                    errors.add(new HdlError("width", "assigning a " + a.value().width() + "-bit value to " + target
                            + " of " + tw + " bits", a.loc(), FIX));
                }
                expr(a.value(), a.loc(), errors, seen);
            } else if (st instanceof Stmt.When w) {
                if (w.cond().width() != 1) {
                    errors.add(new HdlError("width", "when() condition is " + w.cond().width() + " bits", w.loc(),
                            "conditions are 1 bit: compare, or use .orR()"));
                }
                expr(w.cond(), w.loc(), errors, seen);
            } else if (st instanceof Stmt.Switch sw) {
                expr(sw.selector(), sw.loc(), errors, seen);
                for (Stmt.Case c : sw.cases()) {
                    for (Expr l : c.labels()) {
                        if (l.width() != sw.selector().width()) {
                            errors.add(new HdlError("width", "case label of " + l.width() + " bits for a "
                                    + sw.selector().width() + "-bit selector", c.loc(), FIX));
                        }
                    }
                }
            } else if (st instanceof Stmt.MemWrite w) {
                expr(w.addr(), w.loc(), errors, seen);
                expr(w.data(), w.loc(), errors, seen);
                expr(w.mask(), w.loc(), errors, seen);
            }
        });
        return errors;
    }

    private static void expr(Expr e, SourceLoc stmtLoc, List<HdlError> errors, Set<Expr> seen) {
        if (e == null || !seen.add(e)) {
            return;
        }
        if (e instanceof Expr.Binary b) {
            SourceLoc at = b.loc().line() > 0 ? b.loc() : stmtLoc;
            boolean shift = b.op() == Expr.BinOp.SHL || b.op() == Expr.BinOp.SHR || b.op() == Expr.BinOp.SRA;
            if (!shift && b.a().width() != b.b().width()) {
                errors.add(new HdlError("width", "operands of " + b.op().name().toLowerCase() + " have "
                        + b.a().width() + " and " + b.b().width() + " bits", at,
                        FIX + " (or addW/subW for a widening sum)"));
            }
            expr(b.a(), stmtLoc, errors, seen);
            expr(b.b(), stmtLoc, errors, seen);
        } else if (e instanceof Expr.Mux mx) {
            SourceLoc at = mx.loc().line() > 0 ? mx.loc() : stmtLoc;
            if (mx.cond().width() != 1) {
                errors.add(new HdlError("width", "mux condition is " + mx.cond().width() + " bits", at,
                        "conditions are 1 bit"));
            }
            if (mx.whenTrue().width() != mx.whenFalse().width()) {
                errors.add(new HdlError("width", "mux branches have " + mx.whenTrue().width() + " and "
                        + mx.whenFalse().width() + " bits", at, FIX));
            }
            expr(mx.cond(), stmtLoc, errors, seen);
            expr(mx.whenTrue(), stmtLoc, errors, seen);
            expr(mx.whenFalse(), stmtLoc, errors, seen);
        } else if (e instanceof Expr.Select sel) {
            SourceLoc at = sel.loc().line() > 0 ? sel.loc() : stmtLoc;
            for (int i = 1; i < sel.options().size(); i++) {
                if (sel.options().get(i).width() != sel.width()) {
                    errors.add(new HdlError("width", "select options have " + sel.width() + " bits (option 0) and "
                            + sel.options().get(i).width() + " bits (option " + i + ")", at, FIX));
                }
            }
            e.children().forEach(c -> expr(c, stmtLoc, errors, seen));
        } else {
            e.children().forEach(c -> expr(c, stmtLoc, errors, seen));
        }
    }
}
