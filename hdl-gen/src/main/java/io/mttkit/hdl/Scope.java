package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Signal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Where a {@link Bundle}'s fields are created: the module, what kind of signal they become (ports, wires,
 * registers), the name prefix (the bundle's path) and whether the direction is flipped. A bundle type is
 * simply a constructor taking a {@code Scope}, so one type serves for ports, wires, registers and — through
 * {@link Hw#mux(Bool, Bundle, Bundle)} — plain values.
 *
 * <p>Directions are relative, as in Chisel: a field made through {@link #out()} (or directly) points the way the
 * bundle is declared, one made through {@link #in()} the other way. Declared with {@code Module.ports(...)} or
 * {@code output(...)} the bundle's {@code out()} fields are outputs and its {@code in()} fields inputs; declared
 * with {@code input(...)} (the other end of the same interface) every direction is reversed. Wires and registers
 * ignore directions.
 */
public final class Scope {
    private final ModuleState module;
    private final Signal.Kind kind;
    private final String prefix;
    private final boolean flipped;
    private final boolean resetZero;
    /** Values mode: fields take these values in declaration order instead of declaring signals. */
    private final Iterator<UInt> values;
    /** Leaves of the bundle being built, shared with {@link #flip()} views of this scope. */
    final List<Bundle.Leaf> leaves;

    Scope(ModuleState module, Signal.Kind kind, String prefix, boolean flipped) {
        this(module, kind, prefix, flipped, false, null, new ArrayList<>());
    }

    private Scope(ModuleState module, Signal.Kind kind, String prefix, boolean flipped, boolean resetZero,
                  Iterator<UInt> values, List<Bundle.Leaf> leaves) {
        this.module = module;
        this.kind = kind;
        this.prefix = prefix;
        this.flipped = flipped;
        this.resetZero = resetZero;
        this.values = values;
        this.leaves = leaves;
    }

    /** A scope whose fields are {@code values}, in declaration order (a bundle-shaped value, not hardware). */
    static Scope ofValues(List<UInt> values) {
        return new Scope(null, null, "", false, false, values.iterator(), new ArrayList<>());
    }

    Scope resetToZero() {
        return new Scope(module, kind, prefix, flipped, true, values, leaves);
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
        UInt v;
        if (values != null) {
            if (!values.hasNext()) {
                throw new IllegalStateException("bundle value: the type declares more fields than the value has"
                        + " (field '" + name + "'); a bundle type must declare the same fields every time");
            }
            v = values.next();
        } else {
            module.elab.current();
            SignalNode n = module.newSignal(path(name), effectiveKind(), width, Locations.capture());
            if (resetZero && n.kind == Signal.Kind.REG) {
                n.init = new Expr.Lit(BigInteger.ZERO, n.width);
            }
            v = UInt.declared(n);
        }
        leaves.add(new Bundle.Leaf(name, v, flipped));
        return v;
    }

    /** A field named after the scope itself (used for vector elements). */
    public UInt uint(int width) {
        return uint("", width);
    }

    /** A 1-bit field. */
    public Bool bool(String name) {
        return uint(name, 1).asBool();
    }

    /** A nested bundle whose fields are prefixed with {@code name}. */
    public <B extends Bundle> B bundle(String name, Function<Scope, B> type) {
        Scope inner = new Scope(module, kind, path(name), flipped, resetZero, values, new ArrayList<>());
        B b = Bundle.make(type, inner);
        adopt(name, inner);
        return b;
    }

    /** This scope with the direction reversed (for the {@code ready} of a valid/ready pair, say). */
    public Scope flip() {
        return new Scope(module, kind, prefix, !flipped, resetZero, values, leaves);
    }

    /** Fields pointing into the module that declares the bundle with {@code ports}/{@code output} (a flip). */
    public Scope in() {
        return flip();
    }

    /** Fields pointing out of the module that declares the bundle with {@code ports}/{@code output} (as is). */
    public Scope out() {
        return this;
    }

    /** {@code n} elements named {@code name_0 ... name_<n-1>}. */
    public <T> Vec<T> vec(String name, int n, Function<Scope, T> element) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Scope inner = new Scope(module, kind, path(name + "_" + i), flipped, resetZero, values,
                    new ArrayList<>());
            items.add(Bundle.remember(element, element.apply(inner)));
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
