package io.mttkit.hdl;

import io.mttkit.hdl.ir.Signal;
import java.util.List;

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
 *         ready = s.flip().bool("ready");
 *     }
 * }
 * // in build():  Stream enq = input("enq", s -> new Stream(s, 8));   // enq_valid, enq_bits in; enq_ready out
 * }</pre>
 */
public abstract class Bundle {
    private final List<Leaf> leaves;

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

    static void connect(ModuleState m, Bundle a, Bundle b) {
        List<Leaf> la = a.leaves();
        List<Leaf> lb = b.leaves();
        if (la.size() != lb.size()) {
            UInt.report(m, "structure", "connect() of bundles with " + la.size() + " and " + lb.size() + " fields",
                    "connect bundles of the same type");
            return;
        }
        for (int i = 0; i < la.size(); i++) {
            UInt x = la.get(i).signal();
            UInt y = lb.get(i).signal();
            boolean xSink = drivableIn(m, x);
            boolean ySink = drivableIn(m, y);
            if (xSink && (!ySink || !la.get(i).flipped())) {
                x.set(y);
            } else if (ySink) {
                y.set(x);
            } else {
                UInt.report(m, "driver", "connect(): neither '" + la.get(i).path() + "' nor its partner can be driven "
                        + "here", "connect a source to a sink (an output, wire, register or child input)");
            }
        }
    }

    private static boolean drivableIn(ModuleState m, UInt v) {
        if (v.lv == null) {
            return false;
        }
        SignalNode n = v.lv.node();
        return n.owner == m ? n.kind != Signal.Kind.INPUT : n.owner.parent == m && n.kind == Signal.Kind.INPUT;
    }
}
