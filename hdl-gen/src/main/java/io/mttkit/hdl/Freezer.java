package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Instance;
import io.mttkit.hdl.ir.Memory;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.Stmt;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a built {@link ModuleState} into an immutable {@link ModuleDef}: names unnamed values held in
 * fields (the one reflection pass), numbers the signals locally (ports first, in declaration order), and
 * rewrites every expression from global signal ids to local ones, replacing reads of a child's ports by the
 * parent-side signals bound to them.
 */
final class Freezer {
    private final ModuleState state;
    private final Map<SignalNode, Integer> localId = new IdentityHashMap<>();
    private final Map<Expr, Expr> rewritten = new IdentityHashMap<>();
    /** Unnamed expressions stored in fields: expression -> the wire created for it. */
    private final Map<Expr, SignalNode> fieldNamed = new IdentityHashMap<>();

    Freezer(ModuleState state) {
        this.state = state;
    }

    ModuleDef freeze() {
        nameFields();
        List<SignalNode> order = new ArrayList<>();
        state.signals.stream().filter(n -> n.kind.isPort()).forEach(order::add);
        state.signals.stream().filter(n -> !n.kind.isPort()).forEach(order::add);
        for (SignalNode n : order) {
            localId.put(n, localId.size());
        }
        List<Signal> signals = new ArrayList<>();
        for (SignalNode n : order) {
            signals.add(new Signal(localId.get(n), n.name, n.kind, n.width, expr(n.init), expr(n.enable),
                    n.dontCare, n.loc));
        }
        List<Memory> memories = new ArrayList<>();
        for (int i = 0; i < state.mems.size(); i++) {
            Mem m = state.mems.get(i);
            memories.add(new Memory(i, m.name(), m.width(), m.depth(), m.loc));
        }
        List<Instance> instances = new ArrayList<>();
        boolean clocked = !memories.isEmpty() || order.stream().anyMatch(n -> n.kind == Signal.Kind.REG);
        boolean reset = order.stream().anyMatch(n -> n.kind == Signal.Kind.REG && n.init != null);
        for (ModuleState.ChildInstance ci : state.instances) {
            List<Instance.PortBinding> ports = new ArrayList<>();
            for (SignalNode b : ci.bindings()) {
                ports.add(new Instance.PortBinding(b.childPort.name, localId.get(b)));
            }
            instances.add(new Instance(ci.name(), ci.child().finalName, ports, ci.child().clocked, ci.child().reset,
                    ci.loc()));
            clocked |= ci.child().clocked;
            reset |= ci.child().reset;
        }
        state.clocked = clocked;
        state.reset = reset;
        List<Stmt> body = stmts(state.body);
        return new ModuleDef(state.displayName(), signals, memories, instances,
                List.copyOf(state.localParams.values()), body, clocked, reset, state.doc, state.loc);
    }

    /**
     * The fallback naming pass: a field of the module holding an unnamed expression gets a wire named after
     * the field, and every use of that expression reads the wire.
     */
    private void nameFields() {
        List<Map.Entry<Expr, SignalNode>> namedInOrder = new ArrayList<>();
        for (Class<?> c = state.module.getClass(); c != Module.class && c != null; c = c.getSuperclass()) {
            Field[] fields = c.getDeclaredFields();
            // the JVM does not promise declaration order: sort, so the output never depends on it
            java.util.Arrays.sort(fields, java.util.Comparator.comparing(Field::getName));
            for (Field f : fields) {
                if (Modifier.isStatic(f.getModifiers()) || !UInt.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                UInt v;
                try {
                    f.setAccessible(true);
                    v = (UInt) f.get(state.module);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue; // not accessible (module system): the value simply stays unnamed
                }
                if (v == null || v.owner != state || v.expr instanceof Expr.Ref || v.expr instanceof Expr.Lit
                        || v.expr instanceof Expr.Const || fieldNamed.containsKey(v.expr)) {
                    continue;
                }
                SignalNode wire = state.newSignal(f.getName(), Signal.Kind.WIRE, v.width(), state.loc);
                fieldNamed.put(v.expr, wire);
                namedInOrder.add(Map.entry(v.expr, wire));
            }
        }
        for (Map.Entry<Expr, SignalNode> e : namedInOrder) {
            SignalNode w = e.getValue();
            state.body.add(new BodyNode.Assign(w, w.width - 1, 0, e.getKey(), w.loc));
        }
    }

    private List<Stmt> stmts(List<BodyNode> nodes) {
        List<Stmt> out = new ArrayList<>(nodes.size());
        for (BodyNode n : nodes) {
            out.add(stmt(n));
        }
        return out;
    }

    private Stmt stmt(BodyNode n) {
        if (n instanceof BodyNode.Assign a) {
            SignalNode target = a.target().owner == state ? a.target() : state.parentSide.get(a.target());
            // A value named through a field is defined by its own wire: don't replace it by that wire.
            Expr value = fieldNamed.get(a.value()) == a.target() ? rewriteChildren(a.value()) : expr(a.value());
            return new Stmt.Assign(localId.get(target), a.hi(), a.lo(), value, a.loc());
        }
        if (n instanceof BodyNode.When w) {
            return new Stmt.When(expr(w.cond()), stmts(w.then()), stmts(w.otherwise()), w.loc());
        }
        if (n instanceof BodyNode.Switch s) {
            List<Stmt.Case> cases = new ArrayList<>();
            for (BodyNode.Case c : s.cases) {
                cases.add(new Stmt.Case(c.labels().stream().map(this::expr).toList(), stmts(c.body()), c.loc()));
            }
            return new Stmt.Switch(expr(s.selector), cases, s.otherwise == null ? null : stmts(s.otherwise),
                    s.loc);
        }
        BodyNode.MemWrite w = (BodyNode.MemWrite) n;
        return new Stmt.MemWrite(state.mems.indexOf(w.mem()), expr(w.addr()), expr(w.data()), expr(w.mask()),
                w.loc());
    }

    private Expr expr(Expr e) {
        if (e == null) {
            return null;
        }
        Expr done = rewritten.get(e);
        if (done != null) {
            return done;
        }
        SignalNode named = fieldNamed.get(e);
        Expr result = named != null ? new Expr.Ref(localId.get(named), named.width) : rewriteChildren(e);
        rewritten.put(e, result);
        return result;
    }

    private Expr rewriteChildren(Expr e) {
        if (e instanceof Expr.Ref r) {
            SignalNode n = state.elab.signal(r.id());
            Integer id = localId.get(n);
            if (id == null) {
                SignalNode side = state.parentSide.get(n);
                id = side == null ? null : localId.get(side);
            }
            if (id == null) {
                // A foreign signal: the ownership error was logged where it was used; keep the IR well-formed.
                return new Expr.Lit(java.math.BigInteger.ZERO, r.width());
            }
            return new Expr.Ref(id, r.width());
        } else if (e instanceof Expr.MemRead m) {
            // memories are renumbered per module
            Mem mem = state.elab.mem(m.mem());
            return new Expr.MemRead(state.mems.indexOf(mem), expr(m.addr()), m.width());
        }
        return e.mapChildren(this::expr);
    }
}
