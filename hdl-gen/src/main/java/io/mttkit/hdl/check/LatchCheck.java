package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Latch freedom: a combinational bit assigned on some paths must be assigned on all of them, unless the
 * signal has a default (which the emitter assigns first) or is an explicit don't-care.
 */
final class LatchCheck implements Check {
    @Override
    public List<HdlError> run(Design design, ModuleDef m) {
        List<HdlError> errors = new ArrayList<>();
        Coverage cov = new Coverage(m);
        for (Signal s : m.signals()) {
            if (!s.kind().isCombinationalTarget() || s.init() != null || s.dontCare()) {
                continue;
            }
            BitSet partial = (BitSet) cov.anyOf(s.id()).clone();
            partial.andNot(cov.definiteOf(s.id()));
            if (!partial.isEmpty()) {
                errors.add(new HdlError("latch", Coverage.bitsText(s.name(), s.width(), partial)
                        + " is assigned on some paths but not all (it would be a latch)", cov.firstAssign.get(s.id()),
                        "declare it with a default (wireInit(\"" + s.name() + "\", ...)), add an otherwise() branch,"
                                + " or mark it .dontCare()"));
            }
        }
        return errors;
    }
}
