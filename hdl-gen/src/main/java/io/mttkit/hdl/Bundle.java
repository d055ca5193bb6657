package io.mttkit.hdl;

import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A group of named fields, possibly nested and with flipped directions. A bundle type is a subclass whose
 * constructor takes a {@link Scope} and creates its fields through it:
 *
 * <pre>{@code
 * final class Stream extends Bundle {
 *     final Bool valid; final UInt bits; final Bool ready;
 *     Stream(Scope s, int width) {
 *         super(s);
 *         valid = s.bool("valid");
 *         bits = s.uint("bits", width);
 *         ready = s.in().bool("ready");
 *     }
 * }
 * // in build():  Stream enq = input("enq", s -> new Stream(s, 8));   // enq_valid, enq_bits in; enq_ready out
 * }</pre>
 *
 * Whole bundles are connected ({@link Module#connect}, by field name), assigned ({@link #set}, also inside
 * {@code when}) and multiplexed ({@link Hw#mux(Bool, Bundle, Bundle)}). A bundle type must declare the same fields
 * every time its constructor runs with the same arguments (the multiplexer builds the result through it).
 */
public abstract class Bundle {
    private final List<Leaf> leaves;
    /** How this bundle was made, to make a value of the same type ({@link Hw#mux}); set by {@link #make}. */
    private Function<Scope, ? extends Bundle> type;

    /** @param scope the scope passed to the subclass constructor */
    protected Bundle(Scope scope) {
        this.leaves = scope.leaves;
    }

    /** A field: its path inside the bundle, the hardware value, and whether its direction is flipped. */
    public record Leaf(String path, UInt signal, boolean flipped) {}

    /** All fields in declaration order (nested bundles flattened). */
    public List<Leaf> leaves() {
        return List.copyOf(leaves);
    }

    /** Runs a bundle type on a scope and remembers the type. */
    static <B extends Bundle> B make(Function<Scope, B> type, Scope scope) {
        B b = type.apply(scope);
        ((Bundle) b).type = type;
        return b;
    }

    /** Remembers {@code type} as the type of {@code made} when it is a bundle (vector elements). */
    @SuppressWarnings("unchecked")
    static <T> T remember(Function<Scope, T> type, T made) {
        if (made instanceof Bundle b) {
            b.type = (Function<Scope, ? extends Bundle>) type;
        }
        return made;
    }

    /**
     * Assigns every field of this bundle from the field of the same name in {@code source} (in the current
     * {@code when}/{@code switch}, like {@link UInt#set}): for registers and wires shaped by a bundle type, e.g. the
     * decision of a walk step into its result registers. Fields missing on either side, or of other widths, are
     * elaboration errors naming both.
     */
    public void set(Bundle source) {
        ModuleState m = current(this, source);
        SourceLoc at = Locations.capture();
        for (Pair p : pairs(m, this, source, "set()", at)) {
            p.a().signal().set(p.b().signal());
        }
    }

    /** This bundle's value if {@code cond}, else {@code other}'s (same type). */
    @SuppressWarnings("unchecked")
    <B extends Bundle> B muxWith(Bool cond, B other, boolean thisWhenTrue) {
        ModuleState m = current(this, other);
        SourceLoc at = Locations.capture();
        Map<Leaf, UInt> muxed = new java.util.IdentityHashMap<>();
        for (Pair p : pairs(m, this, other, "Hw.mux()", at)) {
            UInt a = p.a().signal();
            UInt b = p.b().signal();
            muxed.put(p.a(), thisWhenTrue ? Hw.mux(cond, a, b) : Hw.mux(cond, b, a));
        }
        // a field without a partner was reported; it keeps its own value so that the result still has this type
        List<UInt> values = new ArrayList<>();
        for (Leaf l : leaves) {
            values.add(muxed.getOrDefault(l, l.signal()));
        }
        if (type == null) {
            throw new IllegalStateException("Hw.mux(): a bundle made outside a Scope has no type to rebuild");
        }
        return (B) make(type, Scope.ofValues(values));
    }

    private record Pair(Leaf a, Leaf b) {}

    /** The leaves of {@code a} and {@code b} paired by path; a missing partner or a width difference is reported. */
    private static List<Pair> pairs(ModuleState m, Bundle a, Bundle b, String what, SourceLoc at) {
        Map<String, Leaf> byPath = new LinkedHashMap<>();
        for (Leaf l : b.leaves) {
            byPath.put(l.path(), l);
        }
        List<Pair> out = new ArrayList<>();
        for (Leaf l : a.leaves) {
            Leaf partner = byPath.remove(l.path());
            if (partner == null) {
                m.elab.error("structure", what + ": field '" + l.path() + "' (" + name(l) + ") of "
                        + a.getClass().getSimpleName() + " has no field of that name in " + b.getClass().getSimpleName()
                        + " " + fieldNames(b), at, "pair bundles whose fields have the same names");
                continue;
            }
            if (l.signal().width() != partner.signal().width()) {
                m.elab.error("width", what + ": field '" + l.path() + "' is " + l.signal().width() + " bit(s) ("
                        + name(l) + ") but " + partner.signal().width() + " bit(s) (" + name(partner) + ")", at,
                        "give both fields the same width (the parameters of the two bundles differ?)");
                continue;
            }
            out.add(new Pair(l, partner));
        }
        for (Leaf l : byPath.values()) {
            m.elab.error("structure", what + ": field '" + l.path() + "' (" + name(l) + ") of "
                    + b.getClass().getSimpleName() + " has no field of that name in " + a.getClass().getSimpleName()
                    + " " + fieldNames(a), at, "pair bundles whose fields have the same names");
        }
        return out;
    }

    /**
     * Connects two bundles field by field, by name: each field flows from the side that cannot be driven here (an
     * input of this module, an output of a child) to the side that can (an output of this module, a child's
     * input, a wire or a register). A field without a partner of the same name, a width difference, and a pair
     * whose directions do not make one source and one sink (both inputs, both outputs) are elaboration errors with
     * the {@code connect} call's source line.
     */
    static void connect(ModuleState m, Bundle a, Bundle b) {
        SourceLoc at = Locations.capture();
        for (Pair p : pairs(m, a, b, "connect()", at)) {
            UInt x = p.a().signal();
            UInt y = p.b().signal();
            Role rx = role(m, x);
            Role ry = role(m, y);
            if (rx.sink() && !ry.sink()) {
                x.set(y);
            } else if (ry.sink() && !rx.sink()) {
                y.set(x);
            } else if (rx == Role.PORT_SINK && ry == Role.LOCAL) {
                x.set(y);
            } else if (ry == Role.PORT_SINK && rx == Role.LOCAL) {
                y.set(x);
            } else {
                m.elab.error("direction", "connect(): field '" + p.a().path() + "' pairs " + describe(rx, x)
                        + " with " + describe(ry, y) + ": " + (rx.sink() ? "both can be driven here"
                        : "neither can be driven here"), at,
                        "connect an output of one side to an input of the other (is one bundle declared the wrong"
                        + " way round? use input(...) for the receiving end), or assign wires with set()");
            }
        }
    }

    /** What a value is in module {@code m}, for connecting. */
    private enum Role {
        /** an input of this module or an output of a child: can only be read. */
        SOURCE(false),
        /** an output of this module or an input of a child: must be driven here. */
        PORT_SINK(true),
        /** a wire or register of this module: can be driven or read. */
        LOCAL(true);

        private final boolean sink;

        Role(boolean sink) {
            this.sink = sink;
        }

        boolean sink() {
            return sink;
        }
    }

    private static Role role(ModuleState m, UInt v) {
        if (v.lv == null) {
            return Role.SOURCE; // an expression
        }
        SignalNode n = v.lv.node();
        if (n.owner == m) {
            return switch (n.kind) {
                case INPUT -> Role.SOURCE;
                case OUTPUT -> Role.PORT_SINK;
                default -> Role.LOCAL;
            };
        }
        return n.owner.parent == m && n.kind == Signal.Kind.INPUT ? Role.PORT_SINK : Role.SOURCE;
    }

    private static String describe(Role r, UInt v) {
        String n = v.lv == null ? "a value" : "'" + v.lv.node().name + "'";
        SignalNode node = v.lv == null ? null : v.lv.node();
        String kind = node == null ? "" : switch (node.kind) {
            case INPUT -> node.owner.parent != null && r == Role.PORT_SINK ? " (a child's input)" : " (an input)";
            case OUTPUT -> r == Role.SOURCE ? " (a child's output)" : " (an output)";
            case REG -> " (a register)";
            default -> " (a wire)";
        };
        return n + kind;
    }

    private static String name(Leaf l) {
        return l.signal().lv == null ? "a value" : l.signal().lv.node().name;
    }

    private static String fieldNames(Bundle b) {
        List<String> names = new ArrayList<>();
        b.leaves.forEach(l -> names.add(l.path()));
        return names.toString();
    }

    private static ModuleState current(Bundle a, Bundle b) {
        for (Bundle x : List.of(a, b)) {
            for (Leaf l : x.leaves) {
                if (l.signal().owner != null) {
                    return l.signal().owner.elab.current();
                }
            }
        }
        throw new IllegalStateException("bundles of constants only: nothing to connect");
    }
}
