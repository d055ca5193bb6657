package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.Stmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The expressions of a module, for passes that rewrite all of them: signal defaults, reset values and enables,
 * and every expression of the body. Case labels are constants and stay as they are.
 */
final class ModuleExprs {
    private ModuleExprs() {}

    /** {@code m} with {@code f} applied to every expression ({@code f} receives no {@code null}s). */
    static ModuleDef map(ModuleDef m, UnaryOperator<Expr> f) {
        UnaryOperator<Expr> g = e -> e == null ? null : f.apply(e);
        List<Signal> signals = new ArrayList<>();
        for (Signal s : m.signals()) {
            signals.add(new Signal(s.id(), s.name(), s.kind(), s.width(), g.apply(s.init()), g.apply(s.enable()),
                    s.dontCare(), s.loc()));
        }
        return new ModuleDef(m.name(), signals, m.memories(), m.instances(), m.localParams(), stmts(m.body(), g),
                m.clocked(), m.reset(), m.doc(), m.loc());
    }

    /** {@code body} with {@code f} applied to every expression. */
    static List<Stmt> stmts(List<Stmt> body, UnaryOperator<Expr> f) {
        List<Stmt> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            out.add(stmt(s, f));
        }
        return out;
    }

    private static Stmt stmt(Stmt s, UnaryOperator<Expr> f) {
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(a.target(), a.hi(), a.lo(), f.apply(a.value()), a.loc());
        } else if (s instanceof Stmt.When w) {
            return new Stmt.When(f.apply(w.cond()), stmts(w.then(), f), stmts(w.otherwise(), f), w.loc());
        } else if (s instanceof Stmt.Switch sw) {
            List<Stmt.Case> cases = new ArrayList<>();
            for (Stmt.Case c : sw.cases()) {
                cases.add(new Stmt.Case(c.labels(), stmts(c.body(), f), c.loc()));
            }
            return new Stmt.Switch(f.apply(sw.selector()), cases,
                    sw.otherwise() == null ? null : stmts(sw.otherwise(), f), sw.loc());
        }
        Stmt.MemWrite w = (Stmt.MemWrite) s;
        return new Stmt.MemWrite(w.mem(), f.apply(w.addr()), f.apply(w.data()),
                w.mask() == null ? null : f.apply(w.mask()), w.loc());
    }

    /**
     * The combinational signals with exactly one driver, an unconditional assignment of the whole signal at the
     * top level of the body (those the emitter prints as {@code assign}): signal id -> that assignment.
     */
    static Map<Integer, Stmt.Assign> singleDrivers(ModuleDef m) {
        Map<Integer, List<Stmt.Assign>> all = new java.util.HashMap<>();
        collect(m.body(), all);
        java.util.Set<Stmt> topLevel = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        topLevel.addAll(m.body());
        Map<Integer, Stmt.Assign> out = new java.util.LinkedHashMap<>();
        for (Signal s : m.signals()) {
            List<Stmt.Assign> as = all.get(s.id());
            if (s.kind().isCombinationalTarget() && as != null && as.size() == 1) {
                Stmt.Assign a = as.get(0);
                if (topLevel.contains(a) && a.lo() == 0 && a.hi() == s.width() - 1) {
                    out.put(s.id(), a);
                }
            }
        }
        return out;
    }

    /**
     * The signals some expression of the module reads (in the body, a default, a reset value or an enable);
     * case labels are constants and read none.
     */
    static java.util.Set<Integer> readSignals(ModuleDef m) {
        java.util.Set<Integer> read = new java.util.HashSet<>();
        java.util.Set<Expr> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        // map only to visit; a shared subtree is walked once
        UnaryOperator<Expr> visit = new UnaryOperator<>() {
            @Override
            public Expr apply(Expr e) {
                if (seen.add(e)) {
                    if (e instanceof Expr.Ref r) {
                        read.add(r.id());
                    }
                    for (Expr c : e.children()) {
                        apply(c);
                    }
                }
                return e;
            }
        };
        map(m, visit);
        return read;
    }

    /** The signals some statement of the body assigns (any bits, on any path). */
    static java.util.Set<Integer> assignedTargets(ModuleDef m) {
        Map<Integer, List<Stmt.Assign>> all = new java.util.HashMap<>();
        collect(m.body(), all);
        return all.keySet();
    }

    private static void collect(List<Stmt> body, Map<Integer, List<Stmt.Assign>> all) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                all.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a);
            } else if (s instanceof Stmt.When w) {
                collect(w.then(), all);
                collect(w.otherwise(), all);
            } else if (s instanceof Stmt.Switch sw) {
                sw.cases().forEach(c -> collect(c.body(), all));
                if (sw.otherwise() != null) {
                    collect(sw.otherwise(), all);
                }
            }
        }
    }
}
