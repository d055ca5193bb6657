package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Outputs, wires and child inputs must have every bit driven (a default, an assignment, or an explicit
 * don't-care); registers must be assigned somewhere (else they are constants in disguise).
 */
final class UndrivenCheck implements Check {
    @Override
    public List<HdlError> run(Design design, ModuleDef m) {
        List<HdlError> errors = new ArrayList<>();
        Coverage cov = new Coverage(m);
        for (Signal s : m.signals()) {
            BitSet any = cov.anyOf(s.id());
            if (s.kind().isCombinationalTarget()) {
                if (s.init() != null || s.dontCare() || any.cardinality() == s.width()) {
                    continue;
                }
                BitSet missing = new BitSet();
                missing.set(0, s.width());
                missing.andNot(any);
                String what = switch (s.kind()) {
                    case OUTPUT -> "output ";
                    case CHILD_INPUT -> "child input ";
                    default -> "wire ";
                };
                errors.add(new HdlError("undriven", what + Coverage.bitsText(s.name(), s.width(), missing)
                        + " is never driven", s.loc(),
                        "assign it, give it a default (wireInit), or mark it .dontCare() if its value never matters"));
            } else if (s.kind() == Signal.Kind.REG && any.isEmpty()) {
                errors.add(new HdlError("undriven", "register '" + s.name() + "' is never assigned", s.loc(),
                        "assign its next value with set(...), or use a constant instead of a register"));
            }
        }
        return errors;
    }
}
