package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.Instance;
import io.mttkit.hdl.ir.Memory;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names reach the Verilog unchanged, so they must be legal identifiers, not keywords of Verilog or
 * SystemVerilog (the output may be read by SV tools), not the framework's {@code clk}/{@code rst}, and
 * unique within their module across signals, memories, instances and named constants.
 */
final class NameCheck implements Check {
    /** Framework-owned port names. */
    static final Set<String> FRAMEWORK = Set.of("clk", "rst");

    @Override
    public List<HdlError> run(Design design, ModuleDef m) {
        List<HdlError> errors = new ArrayList<>();
        Map<String, SourceLoc> taken = new HashMap<>();
        // reserved in every module, so adding the first register never renames anything
        FRAMEWORK.forEach(n -> taken.put(n, SourceLoc.UNKNOWN));
        checkIdent("module", m.name(), m.loc(), errors);
        for (Signal s : m.signals()) {
            claim(s.kind() == Signal.Kind.CHILD_INPUT || s.kind() == Signal.Kind.CHILD_OUTPUT
                    ? "instance port signal" : "signal", s.name(), s.loc(), taken, errors);
        }
        for (Memory mem : m.memories()) {
            claim("memory", mem.name(), mem.loc(), taken, errors);
        }
        for (Instance i : m.instances()) {
            claim("instance", i.name(), i.loc(), taken, errors);
            if (declaredIn(design.module(i.module()), i.name())) {
                // Verilator (-Wall, VARHIDDEN) objects to an instance named like something inside it.
                errors.add(new HdlError("name", "instance name '" + i.name() + "' is also a name inside "
                        + i.module(), i.loc(), "rename the instance, e.g. 'u_" + i.name() + "'"));
            }
        }
        for (ModuleDef.LocalParam p : m.localParams()) {
            claim("constant", p.name(), m.loc(), taken, errors);
        }
        return errors;
    }

    private static boolean declaredIn(ModuleDef child, String name) {
        return child.signals().stream().anyMatch(s -> s.name().equals(name))
                || child.memories().stream().anyMatch(x -> x.name().equals(name))
                || child.instances().stream().anyMatch(x -> x.name().equals(name))
                || child.localParams().stream().anyMatch(x -> x.name().equals(name));
    }

    private static void claim(String what, String name, SourceLoc loc, Map<String, SourceLoc> taken,
                              List<HdlError> errors) {
        if (!checkIdent(what, name, loc, errors)) {
            return;
        }
        SourceLoc prev = taken.putIfAbsent(name, loc);
        if (prev != null) {
            String first = prev == SourceLoc.UNKNOWN ? "the framework's clock/reset port" : "the name declared at " + prev;
            errors.add(new HdlError("name", what + " name '" + name + "' collides with " + first, loc,
                    "rename one of them, or wrap one in area(\"prefix\", ...) to give it a prefix"));
        }
    }

    private static boolean checkIdent(String what, String name, SourceLoc loc, List<HdlError> errors) {
        if (!VerilogNames.isIdentifier(name)) {
            errors.add(new HdlError("name", what + " name '" + name + "' is not a legal Verilog identifier", loc,
                    "use letters, digits and '_', not starting with a digit"));
            return false;
        }
        if (VerilogNames.isKeyword(name)) {
            errors.add(new HdlError("name", what + " name '" + name + "' is a reserved Verilog/SystemVerilog keyword",
                    loc, "choose another name, e.g. '" + name + "_q'"));
            return false;
        }
        return true;
    }
}
