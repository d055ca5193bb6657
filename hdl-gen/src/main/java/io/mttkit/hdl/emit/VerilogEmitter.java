package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Instance;
import io.mttkit.hdl.ir.Memory;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Prints an elaborated {@link Design} as Verilog-2005, one file per definition. Statements are first
 * grouped, then printed (after SpinalHDL's emitter): a combinational signal with one unconditional driver
 * gets an {@code assign}; the others are grouped into {@code always @(*)} blocks by the top-level
 * statements that drive them, each block assigning defaults first; all registers and memory writes share
 * one {@code always @(posedge clk)} with the reset branch first. The output depends only on the design, so
 * it is byte-for-byte reproducible.
 */
public final class VerilogEmitter {
    private static final String IND = "  ";
    private final EmitOptions options;

    /** An emitter with the given options. */
    public VerilogEmitter(EmitOptions options) {
        this.options = options;
    }

    /**
     * File name ({@code <module>.v}) to text, children before parents; module names as
     * {@link EmitOptions#emittedName} says.
     *
     * @throws IllegalArgumentException if the options' top name is another definition's emitted name
     */
    public Map<String, String> emit(Design design) {
        options.checkDistinct(design);
        Map<String, String> files = new LinkedHashMap<>();
        for (ModuleDef m : design.modules()) {
            String name = options.nameOf(m.name(), design.top());
            files.put(name + ".v", print(m, name, d -> options.nameOf(d, design.top())));
        }
        return files;
    }

    /**
     * The text of one module outside a design: it and the definitions it instantiates get the options' module
     * prefix (the top name applies only to {@link #emit}).
     */
    public String emitModule(ModuleDef original) {
        return print(original, options.modulePrefix() + original.name(), d -> options.modulePrefix() + d);
    }

    private String print(ModuleDef original, String name, UnaryOperator<String> definitionName) {
        return new ModulePrinter(new Lowering(original).lower(), original.signals().size(), name, definitionName)
                .print();
    }

    /** How a combinational target is driven. */
    private enum Drive { CONTINUOUS, PROCEDURAL, CHILD, NONE }

    private final class ModulePrinter {
        private final ModuleDef m;
        private final ExprPrinter ex;
        private final StringBuilder out = new StringBuilder();
        /** All assignments per target (anywhere in the body). */
        private final Map<Integer, List<Stmt.Assign>> assigns = new HashMap<>();
        private final Map<Integer, Drive> drive = new HashMap<>();
        /** Child inputs whose single driver is printed directly in the instance's port map. */
        private final Map<Integer, Expr> inlinedChildInputs = new HashMap<>();

        /** Signals with an id at or past this one were introduced by {@link Lowering}. */
        private final int firstGenerated;

        private final StatementPrinter sp;
        /** The emitted name of this module, and of each definition it instantiates. */
        private final String name;
        private final UnaryOperator<String> definitionName;

        ModulePrinter(ModuleDef m, int firstGenerated, String name, UnaryOperator<String> definitionName) {
            this.m = m;
            this.ex = new ExprPrinter(m);
            this.firstGenerated = firstGenerated;
            this.sp = new StatementPrinter(m, ex, out, options.sourceComments());
            this.name = name;
            this.definitionName = definitionName;
        }

        String print() {
            collect(m.body());
            classify();
            header();
            localParams();
            declarations();
            instances();
            continuousAssigns();
            combinationalBlocks();
            clockedBlock();
            out.append("endmodule\n");
            return out.toString();
        }

        private void collect(List<Stmt> body) {
            for (Stmt s : body) {
                if (s instanceof Stmt.Assign a) {
                    assigns.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a);
                } else if (s instanceof Stmt.When w) {
                    collect(w.then());
                    collect(w.otherwise());
                } else if (s instanceof Stmt.Switch sw) {
                    sw.cases().forEach(c -> collect(c.body()));
                    if (sw.otherwise() != null) {
                        collect(sw.otherwise());
                    }
                }
            }
        }

        private void classify() {
            Map<Integer, Stmt.Assign> single = ModuleExprs.singleDrivers(m);
            Set<Integer> read = ModuleExprs.readSignals(m);
            for (Signal s : m.signals()) {
                if (s.kind() == Signal.Kind.CHILD_OUTPUT) {
                    drive.put(s.id(), Drive.CHILD);
                }
                if (!s.kind().isCombinationalTarget()) {
                    continue;
                }
                List<Stmt.Assign> as = assigns.getOrDefault(s.id(), List.of());
                if (as.isEmpty()) {
                    drive.put(s.id(), Drive.NONE);
                } else if (single.containsKey(s.id())) {
                    drive.put(s.id(), Drive.CONTINUOUS);
                    Expr v = as.get(0).value();
                    // NamedValues has the parent read such an input's driver; one the parent still reads (its
                    // value became a signal's slice only in Lowering) keeps its net and an assign
                    if (s.kind() == Signal.Kind.CHILD_INPUT && NamedValues.inPortMap(v) && !read.contains(s.id())) {
                        inlinedChildInputs.put(s.id(), v);
                    }
                } else {
                    drive.put(s.id(), Drive.PROCEDURAL);
                }
            }
        }

        // -------------------------------------------------------------- header and declarations

        private void header() {
            for (String line : options.header()) {
                LineWrapper.comment("", line).forEach(l -> out.append(l).append("\n"));
            }
            if (!m.doc().isEmpty()) {
                LineWrapper.comment("", m.doc()).forEach(l -> out.append(l).append("\n"));
            }
            out.append("module ").append(name).append(" (\n");
            List<String[]> ports = new ArrayList<>();
            if (m.clocked()) {
                ports.add(new String[] {"input  wire", "", "clk", null});
            }
            if (m.reset()) {
                ports.add(new String[] {"input  wire", "", "rst", null});
            }
            for (Signal p : m.ports()) {
                String dir = p.kind() == Signal.Kind.INPUT ? "input  wire"
                        : drive.get(p.id()) == Drive.PROCEDURAL ? "output reg " : "output wire";
                ports.add(new String[] {dir, range(p.width()), p.name(), comment(p.loc())});
            }
            int rw = ports.stream().mapToInt(p -> p[1].length()).max().orElse(0);
            for (int i = 0; i < ports.size(); i++) {
                String[] p = ports.get(i);
                String line = IND + p[0] + " " + pad(p[1], rw) + (rw > 0 ? " " : "") + p[2]
                        + (i + 1 < ports.size() ? "," : "");
                out.append(withComment(line, p[3])).append("\n");
            }
            out.append(");\n");
        }

        private void localParams() {
            if (m.localParams().isEmpty()) {
                return;
            }
            out.append("\n");
            int nw = m.localParams().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            for (ModuleDef.LocalParam p : m.localParams()) {
                out.append(IND).append("localparam ").append(range(p.width())).append(p.width() > 1 ? " " : "")
                        .append(pad(p.name(), nw)).append(" = ").append(ExprPrinter.lit(p.value(), p.width()))
                        .append(";\n");
            }
        }

        private void declarations() {
            List<String[]> decls = new ArrayList<>();
            for (Signal s : m.signals()) {
                if (s.kind().isPort() || inlinedChildInputs.containsKey(s.id())) {
                    continue;
                }
                boolean isReg = s.kind() == Signal.Kind.REG || drive.get(s.id()) == Drive.PROCEDURAL;
                decls.add(new String[] {isReg ? "reg " : "wire", range(s.width()), s.name(), "", comment(s.loc())});
            }
            for (Memory mem : m.memories()) {
                decls.add(new String[] {"reg ", range(mem.width()), mem.name(), " [0:" + (mem.depth() - 1) + "]",
                        comment(mem.loc())});
            }
            if (decls.isEmpty()) {
                return;
            }
            Map<String, String> partlyUsed = BitUsage.partlyUsed(m, firstGenerated);
            out.append("\n");
            int rw = decls.stream().mapToInt(d -> d[1].length()).max().orElse(0);
            for (String[] d : decls) {
                String line = IND + d[0] + " " + pad(d[1], rw) + (rw > 0 ? " " : "") + d[2] + d[3] + ";";
                String unused = partlyUsed.get(d[2]);
                if (unused != null) {
                    // A temporary the emitter introduced so that only part of a value is selected; the other
                    // bits are genuinely not needed, so say so to the linter instead of warning.
                    out.append(IND).append("/* verilator lint_off UNUSEDSIGNAL */\n");
                    out.append(line).append("  // ").append(unused).append(" not needed\n");
                    out.append(IND).append("/* verilator lint_on UNUSEDSIGNAL */\n");
                } else {
                    out.append(withComment(line, d[4])).append("\n");
                }
            }
        }

        private void instances() {
            for (Instance inst : m.instances()) {
                out.append("\n").append(withComment(IND + definitionName.apply(inst.module()) + " " + inst.name() + " (",
                        comment(inst.loc())))
                        .append("\n");
                List<String> conns = new ArrayList<>();
                if (inst.clocked()) {
                    conns.add(".clk(clk)");
                }
                if (inst.reset()) {
                    conns.add(".rst(rst)");
                }
                for (Instance.PortBinding b : inst.ports()) {
                    Expr inl = inlinedChildInputs.get(b.signal());
                    conns.add("." + b.port() + "(" + (inl != null ? ex.print(inl) : m.signal(b.signal()).name()) + ")");
                }
                for (int i = 0; i < conns.size(); i++) {
                    out.append(IND).append(IND).append(conns.get(i)).append(i + 1 < conns.size() ? "," : "").append("\n");
                }
                out.append(IND).append(");\n");
            }
        }

        private void continuousAssigns() {
            List<String> lines = new ArrayList<>();
            for (Signal s : m.signals()) {
                Drive d = drive.get(s.id());
                if (d == null || inlinedChildInputs.containsKey(s.id())) {
                    continue;
                }
                String lhs = IND + "assign " + s.name() + " = ";
                if (d == Drive.CONTINUOUS) {
                    Stmt.Assign a = assigns.get(s.id()).get(0);
                    lines.add(ex.lineBroken(lhs, a.value(), ";" + commentSuffix(a.loc())));
                } else if (d == Drive.NONE && (s.init() != null || s.dontCare())) {
                    Expr v = s.init() != null ? s.init() : new Expr.Lit(BigInteger.ZERO, s.width());
                    lines.add(ex.line(lhs, v, ";" + commentSuffix(s.loc())));
                }
            }
            if (!lines.isEmpty()) {
                out.append("\n");
                lines.forEach(l -> out.append(l).append("\n"));
            }
        }

        // -------------------------------------------------------------- combinational always blocks

        private void combinationalBlocks() {
            List<Stmt> body = m.body();
            // union-find over top-level statements that drive the same procedural target
            int[] parent = new int[body.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            Map<Integer, Integer> firstStmtOf = new HashMap<>();
            for (int i = 0; i < body.size(); i++) {
                for (int t : targets(body.get(i))) {
                    if (drive.get(t) != Drive.PROCEDURAL) {
                        continue;
                    }
                    Integer f = firstStmtOf.putIfAbsent(t, i);
                    if (f != null) {
                        parent[find(parent, i)] = find(parent, f);
                    }
                }
            }
            Map<Integer, List<Integer>> groups = new TreeMap<>();
            for (Map.Entry<Integer, Integer> e : firstStmtOf.entrySet()) {
                groups.computeIfAbsent(find(parent, e.getValue()), k -> new ArrayList<>()).add(e.getKey());
            }
            for (List<Integer> targets : groups.values()) {
                targets.sort(Integer::compare);
                Set<Integer> set = new HashSet<>(targets);
                out.append("\n").append(IND).append("always @(*) begin\n");
                for (int t : targets) {
                    Signal s = m.signal(t);
                    if (s.init() != null || s.dontCare()) {
                        Expr v = s.init() != null ? s.init() : new Expr.Lit(BigInteger.ZERO, s.width());
                        out.append(ex.line(IND + IND + s.name() + " = ", v, ";")).append("\n");
                    }
                }
                List<Stmt> filtered = sp.filter(body, st -> st instanceof Stmt.Assign a && set.contains(a.target()));
                sp.printStmts(filtered, 2, "=");
                out.append(IND).append("end\n");
            }
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private Set<Integer> targets(Stmt s) {
            Set<Integer> ts = new java.util.TreeSet<>();
            collectTargets(List.of(s), ts);
            return ts;
        }

        private void collectTargets(List<Stmt> body, Set<Integer> ts) {
            for (Stmt s : body) {
                if (s instanceof Stmt.Assign a) {
                    ts.add(a.target());
                } else if (s instanceof Stmt.When w) {
                    collectTargets(w.then(), ts);
                    collectTargets(w.otherwise(), ts);
                } else if (s instanceof Stmt.Switch sw) {
                    sw.cases().forEach(c -> collectTargets(c.body(), ts));
                    if (sw.otherwise() != null) {
                        collectTargets(sw.otherwise(), ts);
                    }
                }
            }
        }

        // -------------------------------------------------------------- the clocked block

        private void clockedBlock() {
            List<Signal> regs = m.signals().stream().filter(s -> s.kind() == Signal.Kind.REG).toList();
            boolean memWrites = hasMemWrite(m.body());
            if (regs.isEmpty() && !memWrites) {
                return;
            }
            List<Signal> withReset = regs.stream().filter(r -> r.init() != null).toList();
            List<Signal> noReset = regs.stream().filter(r -> r.init() == null).toList();
            out.append("\n").append(IND).append("always @(posedge clk) begin\n");
            if (!withReset.isEmpty()) {
                out.append(IND).append(IND).append("if (rst) begin\n");
                for (Signal r : withReset) {
                    out.append(ex.line(IND.repeat(3) + r.name() + " <= ", r.init(), ";")).append("\n");
                }
                out.append(IND).append(IND).append("end else begin\n");
                registerUpdates(withReset, false, 3);
                out.append(IND).append(IND).append("end\n");
            }
            registerUpdates(noReset, memWrites, 2);
            out.append(IND).append("end\n");
        }

        /** Next-state logic of {@code regs} (and the memory writes), grouped by load enable. */
        private void registerUpdates(List<Signal> regs, boolean memWrites, int depth) {
            // grouped by enable object: Lowering made equal enables one object (and a record's deep hashCode
            // would be slow on shared trees)
            Map<Expr, List<Integer>> byEnable = new IdentityHashMap<>();
            List<Expr> enables = new ArrayList<>();
            List<Integer> always = new ArrayList<>();
            for (Signal r : regs) {
                if (r.enable() == null) {
                    always.add(r.id());
                } else {
                    byEnable.computeIfAbsent(r.enable(), k -> {
                        enables.add(k);
                        return new ArrayList<>();
                    }).add(r.id());
                }
            }
            Set<Integer> alwaysSet = new HashSet<>(always);
            sp.printStmts(sp.filter(m.body(), st -> (st instanceof Stmt.Assign a && alwaysSet.contains(a.target()))
                    || (memWrites && st instanceof Stmt.MemWrite)), depth, "<=");
            for (Expr enable : enables) {
                Set<Integer> set = new HashSet<>(byEnable.get(enable));
                List<Stmt> f = sp.filter(m.body(), st -> st instanceof Stmt.Assign a && set.contains(a.target()));
                if (f.isEmpty()) {
                    continue;
                }
                out.append(ex.condition(IND.repeat(depth) + "if (", enable, ") begin")).append("\n");
                sp.printStmts(f, depth + 1, "<=");
                out.append(IND.repeat(depth)).append("end\n");
            }
        }

        private boolean hasMemWrite(List<Stmt> body) {
            for (Stmt s : body) {
                if (s instanceof Stmt.MemWrite) {
                    return true;
                }
                if (s instanceof Stmt.When w && (hasMemWrite(w.then()) || hasMemWrite(w.otherwise()))) {
                    return true;
                }
                if (s instanceof Stmt.Switch sw) {
                    for (Stmt.Case c : sw.cases()) {
                        if (hasMemWrite(c.body())) {
                            return true;
                        }
                    }
                    if (sw.otherwise() != null && hasMemWrite(sw.otherwise())) {
                        return true;
                    }
                }
            }
            return false;
        }

        // -------------------------------------------------------------- formatting helpers

        private String comment(SourceLoc loc) {
            return options.sourceComments() && loc != null && loc.line() > 0 ? loc.toString() : null;
        }

        /** {@code "  // File.java:42"} with source comments on, else {@code ""}. */
        private String commentSuffix(SourceLoc loc) {
            String c = comment(loc);
            return c == null ? "" : "  // " + c;
        }

        private String withComment(String line, String comment) {
            return comment == null ? line : line + "  // " + comment;
        }
    }

    private static String range(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0]";
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }
}
