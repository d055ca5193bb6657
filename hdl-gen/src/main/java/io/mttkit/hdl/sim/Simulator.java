package io.mttkit.hdl.sim;

import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Instance;
import io.mttkit.hdl.ir.Memory;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cycle-based interpreter of the IR, independent of the Verilog emitter: running it against Verilator on
 * the same stimulus checks the emitter. Semantics: combinational signals are their default (or 0 for
 * don't-care) overwritten by the body's assignments in order; at {@link #step()} every register takes its
 * next value at once (reset value while {@code rst} is high, for registers that have one; registers without
 * reset and memories update regardless of reset). Memories start at zero; out-of-range reads return zero
 * and out-of-range writes are dropped.
 *
 * <p>Port handles are looked up by name once ({@link #port(String)}), after Hardcaml's cyclesim.
 */
public final class Simulator {
    private final Inst top;
    private long epoch = 1;

    /** A simulator of {@code design}'s top module with all registers at zero; pulse {@code rst} to reset. */
    public Simulator(Design design) {
        this.top = new Inst(design, design.topModule(), null, null);
    }

    /** A handle on a top-level port (including {@code rst} for designs with reset values). */
    public Port port(String name) {
        if (name.equals("rst") && top.def.reset()) {
            return new Port(name, 1, -1);
        }
        for (Signal s : top.def.ports()) {
            if (s.name().equals(name)) {
                return new Port(name, s.width(), s.id());
            }
        }
        throw new IllegalArgumentException("no port '" + name + "' on " + top.def.name() + "; ports are "
                + top.def.ports().stream().map(Signal::name).toList());
    }

    /** A top-level port. */
    public record Port(String name, int width, int id) {}

    /** Drives an input port. */
    public void poke(Port p, BigInteger value) {
        BigInteger v = value.and(mask(p.width()));
        if (p.id() < 0) {
            top.rst = v.signum() != 0;
        } else {
            top.inputs.put(p.id(), v);
        }
        epoch++;
    }

    /** Drives an input port with a small value. */
    public void poke(Port p, long value) {
        poke(p, BigInteger.valueOf(value));
    }

    /** Reads a port (outputs settle combinationally from the current inputs and state). */
    public BigInteger peek(Port p) {
        return top.value(p.id());
    }

    /** One rising clock edge. */
    public void step() {
        List<Runnable> commits = new ArrayList<>();
        top.prepareEdge(commits, top.rst);
        commits.forEach(Runnable::run);
        epoch++;
    }

    static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** One instance of a module definition. */
    private final class Inst {
        final Design design;
        final ModuleDef def;
        final Inst parent;
        final Instance binding;
        final BigInteger[] state;
        final BigInteger[][] mems;
        final Map<Integer, BigInteger> inputs = new HashMap<>();
        final Map<Integer, Inst> childOfPort = new HashMap<>();
        final List<Inst> children = new ArrayList<>();
        final Map<Integer, Integer> childPortId = new HashMap<>();
        final Map<Integer, Integer> parentSignalOfInput = new HashMap<>();
        final BigInteger[] cache;
        final long[] cacheEpoch;
        final boolean[] busy;
        final Map<Stmt, BitSet> targetsIn = new IdentityHashMap<>();
        boolean rst;

        Inst(Design design, ModuleDef def, Inst parent, Instance binding) {
            this.design = design;
            this.def = def;
            this.parent = parent;
            this.binding = binding;
            int n = def.signals().size();
            state = new BigInteger[n];
            cache = new BigInteger[n];
            cacheEpoch = new long[n];
            busy = new boolean[n];
            for (Signal s : def.signals()) {
                state[s.id()] = BigInteger.ZERO;
            }
            mems = new BigInteger[def.memories().size()][];
            for (Memory m : def.memories()) {
                mems[m.id()] = new BigInteger[m.depth()];
                java.util.Arrays.fill(mems[m.id()], BigInteger.ZERO);
            }
            for (Stmt s : def.body()) {
                targets(s);
            }
            for (Instance i : def.instances()) {
                ModuleDef cd = design.module(i.module());
                Inst child = new Inst(design, cd, this, i);
                children.add(child);
                for (Instance.PortBinding b : i.ports()) {
                    int cid = cd.signals().stream().filter(s -> s.name().equals(b.port()) && s.kind().isPort())
                            .findFirst().orElseThrow().id();
                    childOfPort.put(b.signal(), child);
                    childPortId.put(b.signal(), cid);
                    child.parentSignalOfInput.put(cid, b.signal());
                }
            }
        }

        private BitSet targets(Stmt s) {
            BitSet t = targetsIn.get(s);
            if (t != null) {
                return t;
            }
            t = new BitSet();
            if (s instanceof Stmt.Assign a) {
                t.set(a.target());
            } else if (s instanceof Stmt.When w) {
                for (Stmt x : w.then()) {
                    t.or(targets(x));
                }
                for (Stmt x : w.otherwise()) {
                    t.or(targets(x));
                }
            } else if (s instanceof Stmt.Switch sw) {
                for (Stmt.Case c : sw.cases()) {
                    for (Stmt x : c.body()) {
                        t.or(targets(x));
                    }
                }
                if (sw.otherwise() != null) {
                    for (Stmt x : sw.otherwise()) {
                        t.or(targets(x));
                    }
                }
            } else {
                t.set(def.signals().size()); // memory writes: a pseudo-target past the signals
            }
            targetsIn.put(s, t);
            return t;
        }

        BigInteger value(int id) {
            Signal s = def.signal(id);
            switch (s.kind()) {
                case INPUT:
                    if (parent == null) {
                        return inputs.getOrDefault(id, BigInteger.ZERO);
                    }
                    return parent.value(parentSignalOfInput.get(id));
                case REG:
                    return state[id];
                case CHILD_OUTPUT:
                    return childOfPort.get(id).value(childPortId.get(id));
                default:
                    break;
            }
            if (cacheEpoch[id] == epoch) {
                return cache[id];
            }
            if (busy[id]) {
                throw new IllegalStateException("combinational loop through '" + s.name() + "' in " + def.name());
            }
            busy[id] = true;
            try {
                BigInteger v = s.init() != null ? eval(s.init()) : BigInteger.ZERO;
                v = run(def.body(), id, v);
                cache[id] = v;
                cacheEpoch[id] = epoch;
                return v;
            } finally {
                busy[id] = false;
            }
        }

        /** Executes {@code body} for target {@code id} starting from {@code v}; returns the final value. */
        BigInteger run(List<Stmt> body, int id, BigInteger v) {
            for (Stmt s : body) {
                if (!targets(s).get(id)) {
                    continue;
                }
                if (s instanceof Stmt.Assign a) {
                    BigInteger field = mask(a.hi() - a.lo() + 1).shiftLeft(a.lo());
                    v = v.andNot(field).or(eval(a.value()).shiftLeft(a.lo()).and(field));
                } else if (s instanceof Stmt.When w) {
                    v = run(eval(w.cond()).signum() != 0 ? w.then() : w.otherwise(), id, v);
                } else if (s instanceof Stmt.Switch sw) {
                    List<Stmt> arm = arm(sw);
                    if (arm != null) {
                        v = run(arm, id, v);
                    }
                }
            }
            return v;
        }

        private List<Stmt> arm(Stmt.Switch sw) {
            BigInteger sel = eval(sw.selector());
            for (Stmt.Case c : sw.cases()) {
                for (Expr l : c.labels()) {
                    if (eval(l).equals(sel)) {
                        return c.body();
                    }
                }
            }
            return sw.otherwise();
        }

        void prepareEdge(List<Runnable> commits, boolean rstNow) {
            for (Signal s : def.signals()) {
                if (s.kind() != Signal.Kind.REG) {
                    continue;
                }
                BigInteger next;
                if (rstNow && s.init() != null) {
                    next = eval(s.init());
                } else if (s.enable() != null && eval(s.enable()).signum() == 0) {
                    next = state[s.id()];
                } else {
                    next = run(def.body(), s.id(), state[s.id()]);
                }
                int id = s.id();
                BigInteger n = next;
                commits.add(() -> state[id] = n);
            }
            memWrites(def.body(), commits);
            for (Inst child : children) {
                child.prepareEdge(commits, rstNow);
            }
        }

        private void memWrites(List<Stmt> body, List<Runnable> commits) {
            int pseudo = def.signals().size();
            for (Stmt s : body) {
                if (!targets(s).get(pseudo)) {
                    continue;
                }
                if (s instanceof Stmt.MemWrite w) {
                    BigInteger addr = eval(w.addr());
                    Memory m = def.memories().get(w.mem());
                    if (addr.compareTo(BigInteger.valueOf(m.depth())) >= 0) {
                        continue;
                    }
                    int a = addr.intValueExact();
                    BigInteger data = eval(w.data());
                    BigInteger old = mems[w.mem()][a];
                    BigInteger nw;
                    if (w.mask() == null) {
                        nw = data;
                    } else {
                        BigInteger mk = eval(w.mask());
                        int lanes = w.mask().width();
                        int lane = m.width() / lanes;
                        BigInteger bitMask = BigInteger.ZERO;
                        for (int i = 0; i < lanes; i++) {
                            if (mk.testBit(i)) {
                                bitMask = bitMask.or(mask(lane).shiftLeft(i * lane));
                            }
                        }
                        nw = old.andNot(bitMask).or(data.and(bitMask));
                    }
                    BigInteger[] arr = mems[w.mem()];
                    BigInteger value = nw;
                    commits.add(() -> arr[a] = value);
                } else if (s instanceof Stmt.When w) {
                    memWrites(eval(w.cond()).signum() != 0 ? w.then() : w.otherwise(), commits);
                } else if (s instanceof Stmt.Switch sw) {
                    List<Stmt> arm = arm(sw);
                    if (arm != null) {
                        memWrites(arm, commits);
                    }
                }
            }
        }

        BigInteger eval(Expr e) {
            if (e instanceof Expr.Ref r) {
                return value(r.id());
            }
            if (e instanceof Expr.Lit l) {
                return l.value();
            }
            if (e instanceof Expr.Const c) {
                return c.value();
            }
            if (e instanceof Expr.Unary u) {
                BigInteger a = eval(u.a());
                int w = u.a().width();
                return switch (u.op()) {
                    case NOT -> a.xor(mask(w));
                    case AND_REDUCE -> a.equals(mask(w)) ? BigInteger.ONE : BigInteger.ZERO;
                    case OR_REDUCE -> a.signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
                    case XOR_REDUCE -> BigInteger.valueOf(a.bitCount() & 1);
                };
            }
            if (e instanceof Expr.Binary b) {
                return binary(b);
            }
            if (e instanceof Expr.Mux m) {
                return eval(m.cond()).signum() != 0 ? eval(m.whenTrue()) : eval(m.whenFalse());
            }
            if (e instanceof Expr.Slice s) {
                return eval(s.a()).shiftRight(s.lo()).and(mask(s.width()));
            }
            if (e instanceof Expr.Index i) {
                BigInteger idx = eval(i.index());
                if (idx.compareTo(BigInteger.valueOf(i.a().width())) >= 0) {
                    return BigInteger.ZERO;
                }
                return eval(i.a()).testBit(idx.intValueExact()) ? BigInteger.ONE : BigInteger.ZERO;
            }
            if (e instanceof Expr.Concat c) {
                BigInteger v = BigInteger.ZERO;
                for (Expr p : c.parts()) {
                    v = v.shiftLeft(p.width()).or(eval(p));
                }
                return v;
            }
            if (e instanceof Expr.Repeat r) {
                BigInteger a = eval(r.a());
                BigInteger v = BigInteger.ZERO;
                for (int i = 0; i < r.count(); i++) {
                    v = v.shiftLeft(r.a().width()).or(a);
                }
                return v;
            }
            if (e instanceof Expr.Select sel) {
                // an index at or past the last option reads the last option
                BigInteger idx = eval(sel.index());
                int last = sel.options().size() - 1;
                int k = idx.compareTo(BigInteger.valueOf(last)) >= 0 ? last : idx.intValueExact();
                return eval(sel.options().get(k));
            }
            Expr.MemRead m = (Expr.MemRead) e;
            BigInteger addr = eval(m.addr());
            BigInteger[] arr = mems[m.mem()];
            return addr.compareTo(BigInteger.valueOf(arr.length)) >= 0 ? BigInteger.ZERO : arr[addr.intValueExact()];
        }

        private BigInteger binary(Expr.Binary b) {
            BigInteger x = eval(b.a());
            BigInteger y = eval(b.b());
            int w = b.a().width();
            BigInteger mk = mask(b.width());
            return switch (b.op()) {
                case ADD -> x.add(y).and(mk);
                case SUB -> x.subtract(y).and(mk);
                case AND -> x.and(y);
                case OR -> x.or(y);
                case XOR -> x.xor(y);
                case EQ -> bool(x.equals(y));
                case NE -> bool(!x.equals(y));
                case LT -> bool(x.compareTo(y) < 0);
                case LE -> bool(x.compareTo(y) <= 0);
                case GT -> bool(x.compareTo(y) > 0);
                case GE -> bool(x.compareTo(y) >= 0);
                case SLT -> bool(signed(x, w).compareTo(signed(y, w)) < 0);
                case SLE -> bool(signed(x, w).compareTo(signed(y, w)) <= 0);
                case SGT -> bool(signed(x, w).compareTo(signed(y, w)) > 0);
                case SGE -> bool(signed(x, w).compareTo(signed(y, w)) >= 0);
                case SHL -> y.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : x.shiftLeft(y.intValueExact()).and(mk);
                case SHR -> y.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : x.shiftRight(y.intValueExact());
                case SRA -> signed(x, w).shiftRight(y.min(BigInteger.valueOf(w)).intValueExact()).and(mk);
            };
        }

        private BigInteger bool(boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }

        private BigInteger signed(BigInteger v, int w) {
            return v.testBit(w - 1) ? v.subtract(BigInteger.ONE.shiftLeft(w)) : v;
        }
    }
}
