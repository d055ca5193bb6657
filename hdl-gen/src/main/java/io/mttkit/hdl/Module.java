package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A hardware module. Subclasses take their parameters in the constructor (recording those that shape the
 * hardware with {@link #param}) and describe the hardware in {@link #build()}, which the framework calls
 * once the object is fully constructed. Declarations, assignments and control flow are the protected
 * methods of this class; values are {@link UInt}/{@link Bool}.
 *
 * <pre>{@code
 * final class Counter extends Module {
 *     private final int width;
 *     Counter(int width) { this.width = param("width", width); }
 *     protected void build() {
 *         Bool enable = input("enable");
 *         UInt value = regInit("value", width, 0);
 *         when(enable, () -> value.set(value.add(1)));
 *         output("count", width).set(value);
 *     }
 * }
 * }</pre>
 *
 * Every module with state gets the ports {@code clk} and {@code rst} (synchronous, active high) in front of
 * its own ports.
 */
public abstract class Module {
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String stableName;
    private ModuleState state;

    /** Describes the hardware; called once by the framework, never by user code. */
    protected abstract void build();

    final void attach(ModuleState s) {
        if (state != null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " was already elaborated; create a new object for every instance");
        }
        state = s;
    }

    private ModuleState st() {
        if (state == null) {
            throw new IllegalStateException("hardware of " + getClass().getSimpleName()
                    + " can only be described inside build(), which Hdl.elaborate or instance() calls");
        }
        return state;
    }

    /**
     * Records a parameter that shapes the hardware; parameters are part of the definition name
     * ({@code Fifo_width8_depth16}). Returns {@code value} so it can be used in a field initialiser.
     */
    protected final <T> T param(String name, T value) {
        params.put(name, value);
        return value;
    }

    /**
     * Gives this module a fixed Verilog name ({@code mtt_walker}) instead of one derived from its class and
     * parameters: instantiations, timing constraints and wave paths then survive a change of parameters. Two
     * different definitions of one name in a design are told apart with {@code _1}, {@code _2}. Call it in the
     * constructor.
     */
    protected final void moduleName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("module name '" + name + "' is not a Verilog identifier"
                    + " (letters, digits and _, not starting with a digit)");
        }
        stableName = name;
    }

    /**
     * The Verilog module name: the one given to {@link #moduleName}, else the class name followed by
     * {@code _<param><value>} for each parameter.
     */
    public String definitionName() {
        if (stableName != null) {
            return stableName;
        }
        String simple = getClass().getSimpleName();
        if (simple.isEmpty()) { // anonymous class: Outer$3 -> Outer_3
            String full = getClass().getName();
            simple = full.substring(full.lastIndexOf('.') + 1).replace('$', '_');
        }
        StringBuilder sb = new StringBuilder(simple);
        params.forEach((k, v) -> sb.append('_').append(k).append(v));
        return sb.toString();
    }

    /**
     * A description of the module for readers of the Verilog, printed as {@code //} comment lines above the
     * {@code module} line (say what the module does and how its state is encoded; lines split at newlines).
     */
    protected final void doc(String text) {
        st().doc = text.strip();
    }

    // ---------------------------------------------------------------- ports

    /**
     * The port called {@code name} of this (already built) module, for a parent that holds no field for it.
     * Ports of bundles are named by their path joined with {@code _}.
     */
    public final UInt port(String name) {
        for (SignalNode n : st().signals) {
            if (n.kind.isPort() && n.name.equals(name)) {
                return UInt.declared(n);
            }
        }
        throw new IllegalArgumentException("module " + definitionName() + " has no port '" + name + "'; ports: "
                + st().signals.stream().filter(n -> n.kind.isPort()).map(n -> n.name).toList());
    }

    /** A 1-bit input port. */
    protected final Bool input(String name) {
        return (Bool) declare(name, Signal.Kind.INPUT, 1);
    }

    /** An input port. */
    protected final UInt input(String name, int width) {
        return declare(name, Signal.Kind.INPUT, width);
    }

    /** A 1-bit output port; it must be driven (or marked {@code dontCare()}). */
    protected final Bool output(String name) {
        return (Bool) declare(name, Signal.Kind.OUTPUT, 1);
    }

    /** An output port; it must be driven (or marked {@code dontCare()}). */
    protected final UInt output(String name, int width) {
        return declare(name, Signal.Kind.OUTPUT, width);
    }

    /** Ports from a bundle seen from the inside of this module: fields become inputs, flipped ones outputs. */
    protected final <B extends Bundle> B input(String name, Function<Scope, B> type) {
        return Bundle.make(type, new Scope(st(), Signal.Kind.INPUT, name, false));
    }

    /** Ports from a bundle: fields become outputs, flipped fields inputs. */
    protected final <B extends Bundle> B output(String name, Function<Scope, B> type) {
        return Bundle.make(type, new Scope(st(), Signal.Kind.OUTPUT, name, false));
    }

    /**
     * This module's ports as one bundle: its {@code out()} fields become outputs, its {@code in()} fields inputs,
     * named by their path without a prefix ({@code lookup_valid}, {@code mrd_addr}). Keep the result in a public
     * field so that a parent reaches the ports typed, after {@link #instance} built the module:
     * {@code walker.io.lookup.valid.set(...)}, {@code connect(walker.io.mem, io.mem)}.
     */
    protected final <B extends Bundle> B ports(Function<Scope, B> type) {
        return Bundle.make(type, new Scope(st(), Signal.Kind.OUTPUT, "", false));
    }

    // ---------------------------------------------------------------- wires and registers

    /** A 1-bit wire without default: it must be assigned on every path. */
    protected final Bool wire(String name) {
        return (Bool) declare(name, Signal.Kind.WIRE, 1);
    }

    /** A wire without default: it must be assigned on every path (else: latch error). */
    protected final UInt wire(String name, int width) {
        return declare(name, Signal.Kind.WIRE, width);
    }

    /** A 1-bit wire with a default value (assigned first, so conditional assignments cannot make a latch). */
    protected final Bool wireInit(String name, boolean dflt) {
        return (Bool) wireInit(name, 1, dflt ? 1 : 0);
    }

    /** A wire with a constant default value. */
    protected final UInt wireInit(String name, int width, long dflt) {
        UInt w = declare(name, Signal.Kind.WIRE, width);
        w.lv.node().init = Hw.litIn(st(), dflt, width).expr;
        return w;
    }

    /** A wire whose default is another value (of the same width). */
    protected final UInt wireInit(String name, UInt dflt) {
        st().elab.current();
        UInt w = declare(name, Signal.Kind.WIRE, dflt.width());
        dflt.ctx();
        w.lv.node().init = dflt.expr;
        return w;
    }

    /** Wires shaped by a bundle type (directions are ignored). */
    protected final <B extends Bundle> B wire(String name, Function<Scope, B> type) {
        return Bundle.make(type, new Scope(st(), Signal.Kind.WIRE, name, false));
    }

    /** A 1-bit register without reset. */
    protected final Bool reg(String name) {
        return (Bool) declare(name, Signal.Kind.REG, 1);
    }

    /** A register without reset value (it keeps its value through reset). */
    protected final UInt reg(String name, int width) {
        return declare(name, Signal.Kind.REG, width);
    }

    /** A 1-bit register with a synchronous reset value. */
    protected final Bool regInit(String name, boolean resetValue) {
        return (Bool) regInit(name, 1, resetValue ? 1 : 0);
    }

    /** A register with a synchronous reset value. */
    protected final UInt regInit(String name, int width, long resetValue) {
        return regInit(name, width, BigInteger.valueOf(resetValue));
    }

    /** A register of any width with a synchronous reset value. */
    protected final UInt regInit(String name, int width, BigInteger resetValue) {
        UInt r = declare(name, Signal.Kind.REG, width);
        if (resetValue.signum() < 0 || resetValue.bitLength() > width) {
            UInt.report(st(), "width", "reset value " + resetValue + " does not fit register '" + name + "' of "
                    + width + " bit(s)", "use a value in [0, 2^" + width + ")");
            resetValue = BigInteger.ZERO;
        }
        r.lv.node().init = new Expr.Lit(resetValue, width);
        return r;
    }

    /** Registers shaped by a bundle type, all reset to zero. */
    protected final <B extends Bundle> B regInit(String name, Function<Scope, B> type) {
        return Bundle.make(type, new Scope(st(), Signal.Kind.REG, name, false).resetToZero());
    }

    /** Registers shaped by a bundle type, without reset. */
    protected final <B extends Bundle> B reg(String name, Function<Scope, B> type) {
        return Bundle.make(type, new Scope(st(), Signal.Kind.REG, name, false));
    }

    UInt declare(String name, Signal.Kind kind, int width) {
        ModuleState s = st();
        s.elab.current();
        return UInt.declared(s.newSignal(name, kind, width, Locations.capture()));
    }

    /** {@code n} elements made by {@code make} (which usually declares named wires or registers). */
    protected final <T> Vec<T> vec(int n, IntFunction<T> make) {
        return Vec.of(n, make);
    }

    /** A memory array of {@code depth} words of {@code width} bits. */
    protected final Mem mem(String name, int width, int depth) {
        ModuleState s = st();
        if (width < 1 || depth < 1) {
            UInt.report(s, "width", "memory '" + name + "' of " + depth + " x " + width + " bits",
                    "width and depth are at least 1");
            width = Math.max(1, width);
            depth = Math.max(1, depth);
        }
        return new Mem(s, s.prefixed(name), width, depth, Locations.capture());
    }

    // ---------------------------------------------------------------- hierarchy

    /**
     * Instantiates {@code child} under the instance name {@code name}: builds it now (so its ports exist)
     * and returns it; read and drive its ports through its fields.
     */
    protected final <M extends Module> M instance(String name, M child) {
        ModuleState s = st();
        SourceLoc at = Locations.capture();
        ModuleState cs = s.elab.build(child, s, at);
        List<SignalNode> bindings = new java.util.ArrayList<>();
        for (SignalNode p : cs.signals) {
            if (!p.kind.isPort()) {
                continue;
            }
            Signal.Kind side = p.kind == Signal.Kind.INPUT ? Signal.Kind.CHILD_INPUT : Signal.Kind.CHILD_OUTPUT;
            SignalNode n = s.newSignal(name + "_" + p.name, side, p.width, at);
            n.childPort = p;
            s.parentSide.put(p, n);
            bindings.add(n);
        }
        s.instances.add(new ModuleState.ChildInstance(s.prefixed(name), cs, bindings, at));
        return child;
    }

    /** Connects two bundles leaf by leaf; each leaf flows from the side that drives it to the side that can be driven. */
    protected final void connect(Bundle a, Bundle b) {
        Bundle.connect(st(), a, b);
    }

    // ---------------------------------------------------------------- control

    /** Runs {@code body} with statements conditional on {@code cond}; chain {@code elseWhen}/{@code otherwise}. */
    protected final WhenChain when(Bool cond, Runnable body) {
        return WhenChain.start(st(), cond, body);
    }

    /** Starts a {@code case} over {@code selector}; add arms with {@code is(...)}. */
    protected final SwitchBuilder switchOn(UInt selector) {
        return SwitchBuilder.start(st(), selector);
    }

    /**
     * A finite-state machine over the enum {@code states} whose state register is called {@code name}; the
     * states appear in the Verilog as {@code localparam NAME_STATE}. Every state needs an {@code on(...)} arm.
     */
    protected final <S extends Enum<S>> Fsm<S> fsm(String name, Class<S> states, S initial) {
        return new Fsm<>(this, st(), name, states, initial);
    }

    /** Runs {@code body} with {@code prefix_} prepended to every name it declares (a named Area, no hierarchy). */
    protected final void area(String prefix, Runnable body) {
        area(prefix, () -> {
            body.run();
            return null;
        });
    }

    /** Like {@link #area(String, Runnable)}, returning what {@code body} returns. */
    protected final <T> T area(String prefix, Supplier<T> body) {
        ModuleState s = st();
        s.pushPrefix(prefix);
        try {
            return body.get();
        } finally {
            s.popPrefix();
        }
    }
}
