package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of {@code switchOn(selector)}: add arms with {@link #is}, finish with an optional
 * {@link #otherwise}. Emitted as a Verilog {@code case}. Duplicate labels are an error.
 */
public final class SwitchBuilder {
    private final ModuleState module;
    private final UInt selector;
    private final BodyNode.Switch node;
    private final Set<BigInteger> seen = new HashSet<>();

    private SwitchBuilder(ModuleState module, UInt selector, BodyNode.Switch node) {
        this.module = module;
        this.selector = selector;
        this.node = node;
    }

    static SwitchBuilder start(ModuleState m, UInt selector) {
        selector.ctx();
        BodyNode.Switch s = new BodyNode.Switch(selector.expr, Locations.capture());
        m.add(s);
        return new SwitchBuilder(m, selector, s);
    }

    /** An arm taken when the selector equals any of {@code values} (constants that fit its width). */
    public SwitchBuilder is(long value, Runnable body) {
        return is(new long[] {value}, body);
    }

    /** An arm for several values. */
    public SwitchBuilder is(long[] values, Runnable body) {
        List<Expr> labels = new ArrayList<>();
        for (long v : values) {
            labels.add(Hw.litIn(module, v, selector.width()).expr);
        }
        return arm(labels, body);
    }

    SwitchBuilder arm(List<Expr> labels, Runnable body) {
        for (Expr l : labels) {
            BigInteger v = l instanceof Expr.Const c ? c.value() : ((Expr.Lit) l).value();
            if (!seen.add(v)) {
                UInt.report(module, "structure", "switch label " + v + " appears twice",
                        "each value may select one arm only");
            }
        }
        List<BodyNode> armBody = new ArrayList<>();
        node.cases.add(new BodyNode.Case(labels, armBody, Locations.capture()));
        module.inBlock(armBody, body);
        return this;
    }

    /** Taken when no arm matched (Verilog {@code default}). */
    public void otherwise(Runnable body) {
        if (node.otherwise != null) {
            UInt.report(module, "structure", "second otherwise() on one switch", "give one default arm");
            return;
        }
        node.otherwise = new ArrayList<>();
        module.inBlock(node.otherwise, body);
    }
}
