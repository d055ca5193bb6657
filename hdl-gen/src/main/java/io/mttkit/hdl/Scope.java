package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Signal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where a {@link Bundle}'s fields are created: the module, what kind of signal they become (ports, wires,
 * registers), the name prefix (the bundle's path) and whether the direction is flipped. A bundle type is
 * simply a constructor taking a {@code Scope}, so one type serves for ports, wires and registers.
 */
public final class Scope {
    private final ModuleState module;
    private final Signal.Kind kind;
    private final String prefix;
    private final boolean flipped;
    private final boolean resetZero;
    /** Leaves of the bundle being built, shared with {@link #flip()} views of this scope. */
    final List<Bundle.Leaf> leaves;

    Scope(ModuleState module, Signal.Kind kind, String prefix, boolean flipped) {
        this(module, kind, prefix, flipped, false, new ArrayList<>());
    }

    private Scope(ModuleState module, Signal.Kind kind, String prefix, boolean flipped, boolean resetZero,
                  List<Bundle.Leaf> leaves) {
        this.module = module;
        this.kind = kind;
        this.prefix = prefix;
        this.flipped = flipped;
        this.resetZero = resetZero;
        this.leaves = leaves;
    }

    Scope resetToZero() {
        return new Scope(module, kind, prefix, flipped, true, leaves);
    }

    private Signal.Kind effectiveKind() {
        if (!flipped) {
            return kind;
        }
        return switch (kind) {
            case INPUT -> Signal.Kind.OUTPUT;
            case OUTPUT -> Signal.Kind.INPUT;
            default -> kind;
        };
    }

    private String path(String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? prefix : prefix + "_" + name;
    }

    /** A field of {@code width} bits named {@code name} (the Verilog name is the path joined by {@code _}). */
    public UInt uint(String name, int width) {
        module.elab.current();
        SignalNode n = module.newSignal(path(name), effectiveKind(), width, Locations.capture());
        if (resetZero && n.kind == Signal.Kind.REG) {
            n.init = new Expr.Lit(BigInteger.ZERO, n.width);
        }
        UInt v = UInt.declared(n);
        leaves.add(new Bundle.Leaf(name, v, flipped));
        return v;
    }

    /** A field named after the scope itself (used for vector elements). */
    public UInt uint(int width) {
        return uint("", width);
    }

    /** A 1-bit field. */
    public Bool bool(String name) {
        return (Bool) uint(name, 1);
    }

    /** A nested bundle whose fields are prefixed with {@code name}. */
    public <B extends Bundle> B bundle(String name, Function<Scope, B> type) {
        Scope inner = new Scope(module, kind, path(name), flipped, resetZero, new ArrayList<>());
        B b = type.apply(inner);
        adopt(name, inner);
        return b;
    }

    /** This scope with the direction reversed (for the {@code ready} of a valid/ready pair, say). */
    public Scope flip() {
        return new Scope(module, kind, prefix, !flipped, resetZero, leaves);
    }

    /** {@code n} elements named {@code name_0 ... name_<n-1>}. */
    public <T> Vec<T> vec(String name, int n, Function<Scope, T> element) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Scope inner = new Scope(module, kind, path(name + "_" + i), flipped, resetZero, new ArrayList<>());
            items.add(element.apply(inner));
            adopt(name + "_" + i, inner);
        }
        return Vec.copyOf(items);
    }

    private void adopt(String name, Scope inner) {
        for (Bundle.Leaf l : inner.leaves) {
            String p = name.isEmpty() ? l.path() : l.path().isEmpty() ? name : name + "_" + l.path();
            leaves.add(new Bundle.Leaf(p, l.signal(), l.flipped()));
        }
    }
}
