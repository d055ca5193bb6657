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
import java.util.regex.Pattern;

/**
 * Names reach the Verilog unchanged, so they must be legal identifiers, not keywords of Verilog or
 * SystemVerilog (the output may be read by SV tools), not the framework's {@code clk}/{@code rst}, and
 * unique within their module across signals, memories, instances and named constants.
 */
final class NameCheck implements Check {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Framework-owned port names. */
    static final Set<String> FRAMEWORK = Set.of("clk", "rst");
    private static final Set<String> KEYWORDS = Set.of(
            "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
            "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
            "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
            "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
            "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
            "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module",
            "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output",
            "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
            "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release", "repeat",
            "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small",
            "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran",
            "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire",
            "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
            // SystemVerilog
            "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "before", "bind", "bins",
            "binsof", "bit", "break", "byte", "chandle", "class", "clocking", "const", "constraint", "context",
            "continue", "cover", "covergroup", "coverpoint", "cross", "dist", "do", "endclass", "endclocking",
            "endgroup", "endinterface", "endpackage", "endprogram", "endproperty", "endsequence", "enum",
            "expect", "export", "extends", "extern", "final", "first_match", "foreach", "forkjoin", "iff",
            "ignore_bins", "illegal_bins", "import", "inside", "int", "interface", "intersect", "join_any",
            "join_none", "local", "logic", "longint", "matches", "modport", "new", "null", "package", "packed",
            "priority", "program", "property", "protected", "pure", "rand", "randc", "randcase", "randsequence",
            "ref", "return", "sequence", "shortint", "shortreal", "solve", "static", "string", "struct", "super",
            "tagged", "this", "throughout", "timeprecision", "timeunit", "type", "typedef", "union", "unique",
            "var", "virtual", "void", "wait_order", "wildcard", "with", "within");

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
        if (!IDENT.matcher(name).matches()) {
            errors.add(new HdlError("name", what + " name '" + name + "' is not a legal Verilog identifier", loc,
                    "use letters, digits and '_', not starting with a digit"));
            return false;
        }
        if (KEYWORDS.contains(name)) {
            errors.add(new HdlError("name", what + " name '" + name + "' is a reserved Verilog/SystemVerilog keyword",
                    loc, "choose another name, e.g. '" + name + "_q'"));
            return false;
        }
        return true;
    }
}
