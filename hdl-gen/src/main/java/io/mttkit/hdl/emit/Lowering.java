package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares a module for printing (IR to IR), in passes:
 * <ol>
 *   <li>{@link Simplify}: exact peepholes ({@code ~~x}, {@code x == 1'b1}, nested concatenations);</li>
 *   <li>{@link Sharing}: structurally equal expressions become one object;</li>
 *   <li>{@link NamedValues}: values of single-driver signals are read by the signal's name;</li>
 *   <li>here: an expression used more than once that is not trivial becomes a named wire, and so does any
 *       expression Verilog-2005 cannot part-select (a slice of a sum, say) and any {@link Expr.Select} printed
 *       as a {@code case} ({@link SelectForm}), which becomes a {@code case} statement driving its wire (or
 *       the signal it is the whole value of).</li>
 * </ol>
 * Names are derived from the expression ({@code count_plus_1}, {@code req_and_mask}), never {@code _T_123}.
 * Single-use expressions stay inline.
 */
final class Lowering {
    private final ModuleDef in;
    private final Map<Expr, Integer> uses = new IdentityHashMap<>();
    private final List<Expr> visitOrder = new ArrayList<>();
    private final Set<Expr> mustName = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Expr, Integer> temps = new IdentityHashMap<>();
    private final Map<Expr, Expr> done = new IdentityHashMap<>();
    private final List<Signal> signals;
    private final Set<String> names = new HashSet<>();
    private final List<Stmt> tempAssigns = new ArrayList<>();
    /** Top-level assignments that are a signal's only driver and whose value is a select printed as a case. */
    private final Set<Stmt> caseDrivers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Lowering(ModuleDef original) {
        Simplify simplify = new Simplify();
        Sharing sharing = new Sharing();
        this.in = NamedValues.apply(ModuleExprs.map(original, e -> sharing.intern(simplify.expr(e))));
        this.signals = new ArrayList<>(in.signals());
        in.signals().forEach(s -> names.add(s.name()));
        in.memories().forEach(m -> names.add(m.name()));
        in.instances().forEach(i -> names.add(i.name()));
        in.localParams().forEach(p -> names.add(p.name()));
        names.add("clk");
        names.add("rst");
    }

    ModuleDef lower() {
        for (Stmt.Assign a : ModuleExprs.singleDrivers(in).values()) {
            if (a.value() instanceof Expr.Select s && form(s).kind() == SelectForm.Kind.CASE) {
                caseDrivers.add(a);
            }
        }
        for (Signal s : in.signals()) {
            count(s.init());
            count(s.enable());
        }
        countStmts(in.body());
        // first-visit order, never identity-hash order: temporaries are numbered and named reproducibly
        List<Expr> order = new ArrayList<>();
        for (Expr e : visitOrder) {
            if (named(e)) {
                order.add(e);
            }
        }
        renameUnreadChildOutputs();
        List<Signal> outSignals = new ArrayList<>();
        for (Signal s : signals) {
            outSignals.add(new Signal(s.id(), s.name(), s.kind(), s.width(), expr(s.init()), expr(s.enable()),
                    s.dontCare(), s.loc()));
        }
        for (Expr e : order) {
            temp(e);
        }
        List<Stmt> body = new ArrayList<>(stmts(in.body()));
        // temps may have been created while rewriting; declare them all
        for (int i = outSignals.size(); i < signals.size(); i++) {
            outSignals.add(signals.get(i));
        }
        body.addAll(0, tempAssigns);
        return new ModuleDef(in.name(), outSignals, in.memories(), in.instances(), in.localParams(), body,
                in.clocked(), in.reset(), in.doc(), in.loc());
    }

    private boolean named(Expr e) {
        return (uses.getOrDefault(e, 0) >= 2 && !trivial(e)) || mustName.contains(e);
    }

    private SelectForm form(Expr.Select s) {
        return SelectForm.of(s, in);
    }

    /**
     * A child output the parent never reads keeps its wire (an empty port connection would be a lint
     * warning) but is named {@code <instance>_<port>_unused}: it says so to the reader, and Verilator's
     * default {@code --unused-regexp} accepts it.
     */
    private void renameUnreadChildOutputs() {
        Set<Integer> read = new HashSet<>();
        uses.keySet().forEach(e -> {
            if (e instanceof Expr.Ref r) {
                read.add(r.id());
            }
        });
        for (Signal s : in.signals()) {
            if (s.kind() == Signal.Kind.CHILD_OUTPUT && !read.contains(s.id())) {
                names.remove(s.name());
                signals.set(s.id(), s.withName(unique(s.name() + "_unused")));
            }
        }
    }

    // ------------------------------------------------------------------ counting

    private void countStmts(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                if (caseDrivers.contains(a)) {
                    // the select becomes the case statement driving this signal: only its parts are values
                    Expr.Select sel = (Expr.Select) a.value();
                    count(sel.index());
                    sel.options().forEach(this::count);
                } else {
                    count(a.value());
                }
            } else if (s instanceof Stmt.When w) {
                count(w.cond());
                countStmts(w.then());
                countStmts(w.otherwise());
            } else if (s instanceof Stmt.Switch sw) {
                count(sw.selector());
                for (Stmt.Case c : sw.cases()) {
                    countStmts(c.body());
                }
                if (sw.otherwise() != null) {
                    countStmts(sw.otherwise());
                }
            } else if (s instanceof Stmt.MemWrite w) {
                count(w.addr());
                count(w.data());
                count(w.mask());
                if (w.mask() != null) {
                    needsRef(w.data());
                    needsRef(w.mask());
                }
            }
        }
    }

    private void needsRef(Expr e) {
        if (!(e instanceof Expr.Ref)) {
            mustName.add(e);
        }
    }

    private void count(Expr e) {
        if (e == null) {
            return;
        }
        int n = uses.merge(e, 1, Integer::sum);
        if (n > 1) {
            return;
        }
        visitOrder.add(e);
        if (e instanceof Expr.Slice s) {
            count(s.a());
            if (!selectable(s.a())) {
                mustName.add(s.a());
            }
        } else if (e instanceof Expr.Index i) {
            count(i.a());
            count(i.index());
            if (!selectable(i.a())) {
                mustName.add(i.a());
            }
        } else if (e instanceof Expr.Select s) {
            countSelect(s);
        } else {
            e.children().forEach(this::count);
        }
    }

    private void countSelect(Expr.Select s) {
        SelectForm f = form(s);
        count(s.index());
        switch (f.kind()) {
            case PART_SELECT -> {
                // printed as base[first + index*stride +: w] (and the last option, when guarded): the options'
                // slices are not values of their own, only the base is
                count(f.base());
                needsRef(f.base());
                if (f.guarded(s) && !trivial(s.index())) {
                    mustName.add(s.index()); // printed twice: in the guard and in the select
                }
            }
            case MEMORY -> {
                if (f.guarded(s) && !trivial(s.index())) {
                    mustName.add(s.index());
                }
            }
            case CASE -> {
                s.options().forEach(this::count);
                mustName.add(s);
            }
        }
    }

    /** Verilog-2005 allows part and bit selects of identifiers, parameters and memory words only. */
    private static boolean selectable(Expr e) {
        return e instanceof Expr.Ref || e instanceof Expr.Const || e instanceof Expr.MemRead;
    }

    /** Cheap to repeat and as readable inline as a name would be. */
    static boolean trivial(Expr e) {
        if (e instanceof Expr.Ref || e instanceof Expr.Lit || e instanceof Expr.Const) {
            return true;
        }
        if (e instanceof Expr.Slice s) {
            return s.a() instanceof Expr.Ref;
        }
        if (e instanceof Expr.Index i) {
            return i.a() instanceof Expr.Ref && (i.index() instanceof Expr.Ref || i.index() instanceof Expr.Lit);
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnOp.NOT && u.a() instanceof Expr.Ref;
        }
        if (e instanceof Expr.Repeat r) {
            // {6{hit[0]}}: the mask of an and-or multiplexer, as short as a name
            return trivial(r.a()) && !(r.a() instanceof Expr.Repeat);
        }
        if (e instanceof Expr.Concat c && c.parts().size() == 2 && c.parts().get(0) instanceof Expr.Lit z
                && z.value().signum() == 0) {
            // a zero-extension {4'd0, x} says what it does better than a name would
            return trivial(c.parts().get(1));
        }
        if (e instanceof Expr.Binary b) {
            // a compare of a signal with a constant (a state test, a count test) reads best inline
            return (b.op() == Expr.BinOp.EQ || b.op() == Expr.BinOp.NE) && b.a() instanceof Expr.Ref
                    && (b.b() instanceof Expr.Lit || b.b() instanceof Expr.Const);
        }
        return false;
    }

    // ------------------------------------------------------------------ rewriting

    private Expr.Ref temp(Expr e) {
        Integer id = temps.get(e);
        if (id != null) {
            return new Expr.Ref(id, e.width());
        }
        String name = unique(Naming.hint(e, signals, in));
        id = signals.size();
        temps.put(e, id);
        signals.add(new Signal(id, name, Signal.Kind.WIRE, e.width(), null, null, false, SourceLoc.UNKNOWN));
        if (e instanceof Expr.Select s && form(s).kind() == SelectForm.Kind.CASE) {
            tempAssigns.add(caseOf(id, s, SourceLoc.UNKNOWN));
        } else {
            tempAssigns.add(new Stmt.Assign(id, e.width() - 1, 0, rewriteChildren(e), SourceLoc.UNKNOWN));
        }
        return new Expr.Ref(id, e.width());
    }

    /** {@code case (index)}: option k when the index is k, the last option for every larger index. */
    private Stmt.Switch caseOf(int target, Expr.Select s, SourceLoc loc) {
        int w = s.width();
        int iw = s.index().width();
        List<Stmt.Case> cases = new ArrayList<>();
        for (int k = 0; k + 1 < s.options().size(); k++) {
            Stmt.Assign arm = new Stmt.Assign(target, w - 1, 0, expr(s.options().get(k)), loc);
            cases.add(new Stmt.Case(List.of(new Expr.Lit(BigInteger.valueOf(k), iw)), List.of(arm), loc));
        }
        Expr last = expr(s.options().get(s.options().size() - 1));
        return new Stmt.Switch(expr(s.index()), cases, List.of(new Stmt.Assign(target, w - 1, 0, last, loc)), loc);
    }

    private String unique(String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private Expr expr(Expr e) {
        if (e == null) {
            return null;
        }
        Expr r = done.get(e);
        if (r != null) {
            return r;
        }
        r = named(e) ? temp(e) : rewriteChildren(e);
        done.put(e, r);
        return r;
    }

    private Expr rewriteChildren(Expr e) {
        if (e instanceof Expr.Select s) {
            SelectForm f = form(s);
            if (f.kind() == SelectForm.Kind.PART_SELECT) {
                // keep the shape SelectForm recognises: slices of the one (lowered) base
                Expr base = expr(f.base());
                List<Expr> options = new ArrayList<>();
                for (Expr o : s.options()) {
                    Expr.Slice sl = (Expr.Slice) o;
                    options.add(new Expr.Slice(base, sl.hi(), sl.lo()));
                }
                return new Expr.Select(expr(s.index()), options, s.width(), s.loc());
            }
            if (f.kind() == SelectForm.Kind.MEMORY) {
                return new Expr.Select(expr(s.index()), s.options(), s.width(), s.loc());
            }
        }
        return e.mapChildren(this::expr);
    }

    private List<Stmt> stmts(List<Stmt> body) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                out.add(caseDrivers.contains(a) ? caseOf(a.target(), (Expr.Select) a.value(), a.loc())
                        : new Stmt.Assign(a.target(), a.hi(), a.lo(), expr(a.value()), a.loc()));
            } else if (s instanceof Stmt.When w) {
                out.add(new Stmt.When(expr(w.cond()), stmts(w.then()), stmts(w.otherwise()), w.loc()));
            } else if (s instanceof Stmt.Switch sw) {
                List<Stmt.Case> cases = new ArrayList<>();
                for (Stmt.Case c : sw.cases()) {
                    cases.add(new Stmt.Case(c.labels(), stmts(c.body()), c.loc()));
                }
                out.add(new Stmt.Switch(expr(sw.selector()), cases,
                        sw.otherwise() == null ? null : stmts(sw.otherwise()), sw.loc()));
            } else {
                Stmt.MemWrite w = (Stmt.MemWrite) s;
                out.add(new Stmt.MemWrite(w.mem(), expr(w.addr()), expr(w.data()), expr(w.mask()), w.loc()));
            }
        }
        return out;
    }
}
