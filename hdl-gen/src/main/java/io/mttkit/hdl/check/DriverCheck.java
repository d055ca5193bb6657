package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Single driver per bit. A bit is driven either from outside (inputs, child outputs) or by this module's
 * body, never both; and within the body two unconditional assignments to the same bit are an error (the
 * first would be dead: conditional overrides belong in {@code when}/{@code otherwise} or after a default).
 */
final class DriverCheck implements Check {
    @Override
    public List<HdlError> run(Design design, ModuleDef m) {
        List<HdlError> errors = new ArrayList<>();
        Map<Integer, SourceLoc[]> unconditional = new HashMap<>();
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Assign a) {
                Signal t = m.signal(a.target());
                SourceLoc[] owners = unconditional.computeIfAbsent(a.target(), k -> new SourceLoc[t.width()]);
                for (int b = a.lo(); b <= a.hi() && b < t.width(); b++) {
                    if (owners[b] != null) {
                        errors.add(new HdlError("driver", "bit " + b + " of '" + t.name() + "' is assigned "
                                + "unconditionally twice: first at " + owners[b] + ", again here", a.loc(),
                                "drive each bit once; put alternatives in when()/otherwise(), or use wireInit for a default"));
                        break;
                    }
                }
                for (int b = a.lo(); b <= a.hi() && b < t.width(); b++) {
                    owners[b] = a.loc();
                }
            }
        }
        Exprs.walk(m.body(), List.of(), (s, conds) -> {
            if (s instanceof Stmt.Assign a) {
                Signal t = m.signal(a.target());
                if (t.kind() == Signal.Kind.INPUT || t.kind() == Signal.Kind.CHILD_OUTPUT) {
                    errors.add(new HdlError("driver", "'" + t.name() + "' is driven from outside this module and "
                            + "also assigned here", a.loc(), "assign outputs, wires and registers only"));
                }
                if (a.lo() < 0 || a.hi() >= t.width() || a.hi() < a.lo()) {
                    errors.add(new HdlError("driver", "assignment to bits [" + a.hi() + ":" + a.lo() + "] of '"
                            + t.name() + "' (" + t.width() + " bits)", a.loc(), "stay within the signal's width"));
                }
            }
        });
        return errors;
    }
}
