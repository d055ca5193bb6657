package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.Stmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values by the names the designer gave them (IR to IR, on an interned module, see {@link Sharing}).
 * A combinational signal with a single unconditional driver ({@code assign w = <value>}) names its value:
 * <ul>
 *   <li>every other occurrence of that value, anywhere in the module, reads the signal instead (so a value
 *       written twice, or once in full and once inside a larger expression, is computed once, under the
 *       designer's name rather than a temporary's);</li>
 *   <li>a second signal with the same value reads the first, a third the second, and so on, so that no two
 *       {@code assign}s of a module have the same right-hand side;</li>
 *   <li>a child input printed in the instance's port map has no net in the parent, so a read of it reads its
 *       driver ({@link #readPortMapInputsAtTheirDrivers}).</li>
 * </ul>
 * Wires name a value before outputs, outputs before child inputs; within a kind the first declared wins.
 * Values as readable inline as a name ({@code x}, {@code x[3:0]}, {@code ~x}, {@code state == IDLE}: see
 * {@link Lowering#trivial}) are not replaced elsewhere (every read of {@code x} becoming a read of a copy of
 * {@code x} would say less, not more), and a child input driven by a signal, a slice of one or a constant stays
 * in the instance's port map. Nothing changes a value: a signal driven by {@code v} carries {@code v} at all
 * times.
 */
final class NamedValues {
    private final ModuleDef m;
    private final Map<Integer, Stmt.Assign> drivers;
    /** Value -> the signal that names it. */
    private final Map<Expr, Integer> owner = new IdentityHashMap<>();
    private final Map<Expr, Expr> done = new IdentityHashMap<>();

    private NamedValues(ModuleDef m) {
        this.m = m;
        this.drivers = ModuleExprs.singleDrivers(m);
    }

    /** {@code m} (interned) with the values of single-driver signals read by name; the result is interned. */
    static ModuleDef apply(ModuleDef m) {
        return new NamedValues(m).run();
    }

    private ModuleDef run() {
        List<Integer> candidates = new ArrayList<>(drivers.keySet());
        candidates.sort(Comparator.comparingInt((Integer id) -> preference(m.signal(id).kind())).thenComparingInt(id -> id));
        for (int id : candidates) {
            Expr v = drivers.get(id).value();
            if (!Lowering.trivial(v)) {
                owner.putIfAbsent(v, id);
            }
        }
        Map<Stmt, Stmt> defining = new IdentityHashMap<>();
        for (Map.Entry<Expr, Integer> e : owner.entrySet()) {
            Stmt.Assign a = drivers.get(e.getValue());
            // the naming signal's own assignment keeps the value (with its parts read by name)
            defining.put(a, new Stmt.Assign(a.target(), a.hi(), a.lo(), a.value().mapChildren(this::byName), a.loc()));
        }
        List<Stmt> body = new ArrayList<>();
        for (Stmt s : m.body()) {
            Stmt d = defining.get(s);
            body.add(d != null ? d : ModuleExprs.stmts(List.of(s), this::byName).get(0));
        }
        ModuleDef named = ModuleExprs.map(withBody(m, List.of()), this::byName);
        named = readPortMapInputsAtTheirDrivers(withBody(named, body));
        Sharing sharing = new Sharing();
        return chainDuplicates(ModuleExprs.map(named, sharing::intern), sharing);
    }

    private Expr byName(Expr e) {
        Expr r = done.get(e);
        if (r == null) {
            Integer id = owner.get(e);
            r = id != null ? new Expr.Ref(id, e.width()) : e.mapChildren(this::byName);
            done.put(e, r);
        }
        return r;
    }

    /**
     * Signals left with equal values (bare signals, constants, names) read one another in declaration order:
     * those with a single driver, and those never assigned whose default is their value (printed as an
     * {@code assign} of the default, or of zero for a don't-care).
     */
    private ModuleDef chainDuplicates(ModuleDef named, Sharing sharing) {
        Map<Integer, Stmt.Assign> single = ModuleExprs.singleDrivers(named);
        java.util.Set<Integer> assigned = ModuleExprs.assignedTargets(named);
        Map<Expr, Integer> previous = new IdentityHashMap<>();
        Map<Stmt, Stmt> replaced = new IdentityHashMap<>();
        List<Signal> signals = new ArrayList<>(named.signals());
        for (Signal s : named.signals()) {
            Stmt.Assign a = single.get(s.id());
            Expr value;
            if (a != null) {
                value = a.value();
                if (s.kind() == Signal.Kind.CHILD_INPUT && inPortMap(value)) {
                    continue; // printed in the port map, not as an assign
                }
            } else if (s.kind().isCombinationalTarget() && !assigned.contains(s.id())
                    && (s.init() != null || s.dontCare())) {
                value = sharing.intern(s.init() != null ? s.init() : new Expr.Lit(java.math.BigInteger.ZERO, s.width()));
            } else {
                continue;
            }
            Integer prev = previous.put(value, s.id());
            if (prev == null) {
                continue;
            }
            Expr byPrevious = new Expr.Ref(prev, s.width());
            if (a != null) {
                replaced.put(a, new Stmt.Assign(a.target(), a.hi(), a.lo(), byPrevious, a.loc()));
            } else {
                signals.set(s.id(), new Signal(s.id(), s.name(), s.kind(), s.width(), byPrevious, s.enable(), false,
                        s.loc()));
            }
        }
        List<Stmt> body = new ArrayList<>();
        for (Stmt s : named.body()) {
            body.add(replaced.getOrDefault(s, s));
        }
        return new ModuleDef(named.name(), signals, named.memories(), named.instances(), named.localParams(), body,
                named.clocked(), named.reset(), named.doc(), named.loc());
    }

    /**
     * A child input driven by a signal, a slice of one or a constant has no net in the parent: its driver is
     * printed in the instance's port map. So a read of that input in the parent ({@code child.io.x} in an
     * expression, or driving another child's input) reads the driver instead, which is the same value at all
     * times; reading the input itself would name a net the Verilog never declares. A slice of such an input is
     * a slice of the driver ({@code x[7:4]} read at {@code [2:1]} is {@code x[6:5]}).
     */
    private static ModuleDef readPortMapInputsAtTheirDrivers(ModuleDef m) {
        Map<Integer, Expr> driver = new java.util.HashMap<>();
        ModuleExprs.singleDrivers(m).forEach((id, a) -> {
            if (m.signal(id).kind() == Signal.Kind.CHILD_INPUT && inPortMap(a.value())) {
                driver.put(id, a.value());
            }
        });
        if (driver.isEmpty()) {
            return m;
        }
        return ModuleExprs.map(m, new ThroughPortMap(driver)::read);
    }

    /** Rewrites reads of port-map child inputs to reads of their drivers (memoised: trees are shared). */
    private static final class ThroughPortMap {
        private final Map<Integer, Expr> driver;
        private final Map<Expr, Expr> done = new IdentityHashMap<>();
        /** Inputs being resolved: an input driven (through others) by itself is a loop, reported before emitting. */
        private final java.util.Set<Integer> resolving = new java.util.HashSet<>();

        ThroughPortMap(Map<Integer, Expr> driver) {
            this.driver = driver;
        }

        Expr read(Expr e) {
            Expr r = done.get(e);
            if (r == null) {
                r = rewrite(e);
                done.put(e, r);
            }
            return r;
        }

        private Expr rewrite(Expr e) {
            if (e instanceof Expr.Ref ref && driver.containsKey(ref.id())) {
                if (!resolving.add(ref.id())) {
                    throw new IllegalStateException("child input " + ref.id() + " is driven by itself");
                }
                Expr d = read(driver.get(ref.id()));
                resolving.remove(ref.id());
                return d;
            }
            if (e instanceof Expr.Slice s) {
                Expr a = read(s.a());
                if (a instanceof Expr.Slice inner) {
                    return new Expr.Slice(inner.a(), inner.lo() + s.hi(), inner.lo() + s.lo());
                }
                if (a instanceof Expr.Lit l) {
                    java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(s.width())
                            .subtract(java.math.BigInteger.ONE);
                    return new Expr.Lit(l.value().shiftRight(s.lo()).and(mask), s.width());
                }
                return a == s.a() ? s : new Expr.Slice(a, s.hi(), s.lo());
            }
            return e.mapChildren(this::read);
        }
    }

    private static int preference(Signal.Kind k) {
        return switch (k) {
            case WIRE -> 0;
            case OUTPUT -> 1;
            default -> 2;
        };
    }

    /** A child input driven by such a value is printed in the instance's port map, not as an assign. */
    static boolean inPortMap(Expr e) {
        return e instanceof Expr.Ref || e instanceof Expr.Lit || e instanceof Expr.Const
                || (e instanceof Expr.Slice s && s.a() instanceof Expr.Ref);
    }

    private static ModuleDef withBody(ModuleDef m, List<Stmt> body) {
        return new ModuleDef(m.name(), m.signals(), m.memories(), m.instances(), m.localParams(), body, m.clocked(),
                m.reset(), m.doc(), m.loc());
    }
}
