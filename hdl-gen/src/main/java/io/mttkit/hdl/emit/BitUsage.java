package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which bits of the emitter's own temporaries are read, so partly used ones can be declared as such. */
final class BitUsage {
    private BitUsage() {}

    /** Generated temporaries of which only some bits are read: name -> the unread bits as text. */
    static Map<String, String> partlyUsed(ModuleDef m, int firstGenerated) {
        Map<Integer, java.util.BitSet> used = new HashMap<>();
        java.util.function.Consumer<Expr> scan = new java.util.function.Consumer<>() {
            private final Set<Expr> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

            @Override
            public void accept(Expr e) {
                if (e == null || !seen.add(e)) {
                    return;
                }
                if (e instanceof Expr.Slice s && s.a() instanceof Expr.Ref r) {
                    used.computeIfAbsent(r.id(), k -> new java.util.BitSet()).set(s.lo(), s.hi() + 1);
                } else if (e instanceof Expr.Ref r) {
                    used.computeIfAbsent(r.id(), k -> new java.util.BitSet()).set(0, r.width());
                } else {
                    e.children().forEach(this);
                }
            }
        };
        for (Signal s : m.signals()) {
            scan.accept(s.init());
            scan.accept(s.enable());
        }
        forEachExpr(m.body(), scan);
        Map<String, String> result = new HashMap<>();
        for (Signal s : m.signals()) {
            if (s.id() < firstGenerated) {
                continue;
            }
            java.util.BitSet u = used.getOrDefault(s.id(), new java.util.BitSet());
            if (u.cardinality() < s.width()) {
                java.util.BitSet unused = new java.util.BitSet();
                unused.set(0, s.width());
                unused.andNot(u);
                result.put(s.name(), (unused.cardinality() == 1 ? "bit " : "bits ") + unused.stream().mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        return result;
    }

    private static void forEachExpr(List<Stmt> body, java.util.function.Consumer<Expr> f) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                f.accept(a.value());
            } else if (s instanceof Stmt.When w) {
                f.accept(w.cond());
                forEachExpr(w.then(), f);
                forEachExpr(w.otherwise(), f);
            } else if (s instanceof Stmt.Switch sw) {
                f.accept(sw.selector());
                sw.cases().forEach(c -> forEachExpr(c.body(), f));
                if (sw.otherwise() != null) {
                    forEachExpr(sw.otherwise(), f);
                }
            } else if (s instanceof Stmt.MemWrite w) {
                f.accept(w.addr());
                f.accept(w.data());
                f.accept(w.mask());
            }
        }
    }

}
