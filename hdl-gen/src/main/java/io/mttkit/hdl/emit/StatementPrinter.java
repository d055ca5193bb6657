package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Memory;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Prints statement trees inside {@code always} blocks: {@code if / else if / else} with {@code begin/end},
 * {@code case} with compact one-assignment arms, lane-wise masked memory writes; and cuts a module body down
 * to the part that concerns one group of targets ({@link #filter}).
 */
final class StatementPrinter {
    private static final String IND = "  ";
    private final ModuleDef m;
    private final ExprPrinter ex;
    private final StringBuilder out;
    private final boolean sourceComments;

    StatementPrinter(ModuleDef m, ExprPrinter ex, StringBuilder out, boolean sourceComments) {
        this.m = m;
        this.ex = ex;
        this.out = out;
        this.sourceComments = sourceComments;
    }


    /** The part of {@code body} that concerns the statements accepted by {@code keep}. */
    List<Stmt> filter(List<Stmt> body, Predicate<Stmt> keep) {
        List<Stmt> outList = new ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign || s instanceof Stmt.MemWrite) {
                if (keep.test(s)) {
                    outList.add(s);
                }
            } else if (s instanceof Stmt.When w) {
                List<Stmt> t = filter(w.then(), keep);
                List<Stmt> o = filter(w.otherwise(), keep);
                if (!t.isEmpty() || !o.isEmpty()) {
                    outList.add(new Stmt.When(w.cond(), t, o, w.loc()));
                }
            } else if (s instanceof Stmt.Switch sw) {
                List<Stmt> dflt = sw.otherwise() == null ? null : filter(sw.otherwise(), keep);
                boolean keepEmptyArms = dflt != null && !dflt.isEmpty();
                List<Stmt.Case> cases = new ArrayList<>();
                for (Stmt.Case c : sw.cases()) {
                    List<Stmt> b = filter(c.body(), keep);
                    if (!b.isEmpty() || keepEmptyArms) {
                        cases.add(new Stmt.Case(c.labels(), b, c.loc()));
                    }
                }
                if (!cases.isEmpty() || keepEmptyArms) {
                    outList.add(new Stmt.Switch(sw.selector(), cases, keepEmptyArms ? dflt : null, sw.loc()));
                }
            }
        }
        return outList;
    }

    void printStmts(List<Stmt> body, int depth, String op) {
        for (Stmt s : body) {
            printStmt(s, depth, op);
        }
    }

    private void printStmt(Stmt s, int depth, String op) {
        String ind = IND.repeat(depth);
        if (s instanceof Stmt.Assign a) {
            out.append(assignText(ind, a, op, a.loc())).append("\n");
        } else if (s instanceof Stmt.MemWrite w) {
            printMemWrite(w, depth);
        } else if (s instanceof Stmt.When w) {
            printWhen(w, depth, op, ind);
        } else if (s instanceof Stmt.Switch sw) {
            printSwitch(sw, depth, op);
        }
    }

    /** {@code prefix lhs op value;} and the source comment, wrapped within the line limit. */
    private String assignText(String prefix, Stmt.Assign a, String op, SourceLoc loc) {
        Signal t = m.signal(a.target());
        String lhs = t.name();
        if (a.hi() != t.width() - 1 || a.lo() != 0) {
            lhs += a.hi() == a.lo() ? "[" + a.lo() + "]" : "[" + a.hi() + ":" + a.lo() + "]";
        }
        return ex.line(prefix + lhs + " " + op + " ", a.value(), ";" + commentSuffix(loc));
    }

    /** An {@code if}; {@code linePrefix} is what precedes it on its line (the indentation, or {@code end else}). */
    private void printWhen(Stmt.When w, int depth, String op, String linePrefix) {
        String ind = IND.repeat(depth);
        List<Stmt> then = w.then();
        List<Stmt> otherwise = w.otherwise();
        if (then.isEmpty()) {
            // only the else branch does something: test the opposite (`if (x)`, never `if (!~x)`)
            out.append(ex.negatedCondition(linePrefix + "if (", w.cond(), ") begin")).append("\n");
            then = otherwise;
            otherwise = List.of();
        } else {
            out.append(ex.condition(linePrefix + "if (", w.cond(), ") begin")).append("\n");
        }
        printStmts(then, depth + 1, op);
        if (otherwise.isEmpty()) {
            out.append(ind).append("end\n");
        } else if (otherwise.size() == 1 && otherwise.get(0) instanceof Stmt.When inner && !inner.then().isEmpty()) {
            printWhen(inner, depth, op, ind + "end else ");
        } else {
            out.append(ind).append("end else begin\n");
            printStmts(otherwise, depth + 1, op);
            out.append(ind).append("end\n");
        }
    }

    private void printSwitch(Stmt.Switch sw, int depth, String op) {
        String ind = IND.repeat(depth);
        out.append(ex.line(ind + "case (", sw.selector(), ")")).append("\n");
        Set<BigInteger> covered = new HashSet<>();
        for (Stmt.Case c : sw.cases()) {
            List<String> labels = new ArrayList<>();
            for (Expr l : c.labels()) {
                labels.add(ex.print(l));
                covered.add(l instanceof Expr.Lit lit ? lit.value() : ((Expr.Const) l).value());
            }
            printArm(String.join(", ", labels), c.body(), depth + 1, op);
        }
        boolean complete = sw.selector().width() < 31
                && covered.size() == (1L << sw.selector().width());
        if (sw.otherwise() != null) {
            printArm("default", sw.otherwise(), depth + 1, op);
        } else if (!complete) {
            // Not every value has an arm: an explicit empty default says "nothing happens" (and keeps
            // lint's CASEINCOMPLETE quiet).
            out.append(ind).append(IND).append("default: ;\n");
        }
        out.append(ind).append("endcase\n");
    }

    private void printArm(String label, List<Stmt> body, int depth, String op) {
        String ind = IND.repeat(depth);
        if (body.isEmpty()) {
            out.append(ind).append(label).append(": ;\n");
        } else if (body.size() == 1 && body.get(0) instanceof Stmt.Assign a) {
            out.append(assignText(ind + label + ": ", a, op, a.loc())).append("\n");
        } else {
            out.append(ind).append(label).append(": begin\n");
            printStmts(body, depth + 1, op);
            out.append(ind).append("end\n");
        }
    }

    private void printMemWrite(Stmt.MemWrite w, int depth) {
        String ind = IND.repeat(depth);
        Memory mem = m.memories().get(w.mem());
        String word = mem.name() + "[" + ex.print(w.addr()) + "]";
        if (w.mask() == null) {
            out.append(ex.line(ind + word + " <= ", w.data(), ";" + commentSuffix(w.loc()))).append("\n");
            return;
        }
        int lanes = w.mask().width();
        int lane = mem.width() / lanes;
        String data = ex.printOperand(w.data());
        String mask = ex.printOperand(w.mask());
        for (int i = 0; i < lanes; i++) {
            String sel = lane == 1 ? "[" + i + "]" : "[" + ((i + 1) * lane - 1) + ":" + (i * lane) + "]";
            out.append(ind).append("if (").append(lanes == 1 ? mask : mask + "[" + i + "]").append(") ")
                    .append(word).append(sel).append(" <= ").append(data).append(sel).append(";\n");
        }
    }


    private String comment(SourceLoc loc) {
        return sourceComments && loc != null && loc.line() > 0 ? loc.toString() : null;
    }

    /** {@code "  // File.java:42"} with source comments on, else {@code ""}. */
    private String commentSuffix(SourceLoc loc) {
        String c = comment(loc);
        return c == null ? "" : "  // " + c;
    }
}
