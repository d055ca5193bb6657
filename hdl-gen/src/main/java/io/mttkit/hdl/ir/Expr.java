package io.mttkit.hdl.ir;

/**
 * A combinational expression tree node. Every node knows its exact width in bits; the widths follow the
 * table in {@code io.mttkit.hdl.UInt}. Nodes are immutable and may be shared (a value used twice is the same
 * object twice), so passes that care about sharing use identity maps, never {@code equals} (records compare
 * deeply, source locations included, and a shared tree hashed that way costs time exponential in its depth).
 */
public sealed interface Expr
        permits Expr.Ref, Expr.Lit, Expr.Const, Expr.Unary, Expr.Binary, Expr.Mux, Expr.Slice, Expr.Index,
                Expr.Concat, Expr.Repeat, Expr.MemRead, Expr.Select {

    /** Width in bits, always at least 1. */
    int width();

    /**
     * This node with every direct child replaced by {@code f(child)}; leaves ({@link Ref}, {@link Lit},
     * {@link Const}) are returned as they are. The one place that knows each node's children, for the passes
     * that rebuild trees.
     */
    default Expr mapChildren(java.util.function.UnaryOperator<Expr> f) {
        if (this instanceof Unary u) {
            return new Unary(u.op(), f.apply(u.a()), u.width());
        } else if (this instanceof Binary b) {
            return new Binary(b.op(), f.apply(b.a()), f.apply(b.b()), b.width(), b.loc());
        } else if (this instanceof Mux m) {
            return new Mux(f.apply(m.cond()), f.apply(m.whenTrue()), f.apply(m.whenFalse()), m.width(), m.loc());
        } else if (this instanceof Slice s) {
            return new Slice(f.apply(s.a()), s.hi(), s.lo());
        } else if (this instanceof Index i) {
            return new Index(f.apply(i.a()), f.apply(i.index()));
        } else if (this instanceof Concat c) {
            return new Concat(c.parts().stream().map(f).toList(), c.width());
        } else if (this instanceof Repeat r) {
            return new Repeat(f.apply(r.a()), r.count());
        } else if (this instanceof MemRead m) {
            return new MemRead(m.mem(), f.apply(m.addr()), m.width());
        } else if (this instanceof Select s) {
            return new Select(f.apply(s.index()), s.options().stream().map(f).toList(), s.width(), s.loc());
        }
        return this;
    }

    /** The direct children of this node, in the order {@link #mapChildren} visits them; empty for leaves. */
    default java.util.List<Expr> children() {
        if (this instanceof Unary u) {
            return java.util.List.of(u.a());
        } else if (this instanceof Binary b) {
            return java.util.List.of(b.a(), b.b());
        } else if (this instanceof Mux m) {
            return java.util.List.of(m.cond(), m.whenTrue(), m.whenFalse());
        } else if (this instanceof Slice s) {
            return java.util.List.of(s.a());
        } else if (this instanceof Index i) {
            return java.util.List.of(i.a(), i.index());
        } else if (this instanceof Concat c) {
            return c.parts();
        } else if (this instanceof Repeat r) {
            return java.util.List.of(r.a());
        } else if (this instanceof MemRead m) {
            return java.util.List.of(m.addr());
        } else if (this instanceof Select s) {
            java.util.List<Expr> all = new java.util.ArrayList<>(s.options().size() + 1);
            all.add(s.index());
            all.addAll(s.options());
            return java.util.List.copyOf(all);
        }
        return java.util.List.of();
    }

    /** A named signal of the enclosing module, by its id in {@link ModuleDef#signals()}. */
    record Ref(int id, int width) implements Expr {}

    /** A sized literal; {@code value} lies in {@code [0, 2^width)}. */
    record Lit(java.math.BigInteger value, int width) implements Expr {}

    /** A named constant ({@code localparam}) of the enclosing module, e.g. an FSM state. */
    record Const(String name, java.math.BigInteger value, int width) implements Expr {}

    /** {@code op a}; reductions have width 1, {@code NOT} keeps the width. */
    record Unary(UnOp op, Expr a, int width) implements Expr {}

    /** {@code a op b}; {@code loc} is where the operator was written, for width errors. */
    record Binary(BinOp op, Expr a, Expr b, int width, SourceLoc loc) implements Expr {}

    /** {@code cond ? whenTrue : whenFalse}. */
    record Mux(Expr cond, Expr whenTrue, Expr whenFalse, int width, SourceLoc loc) implements Expr {}

    /** Static part select {@code a[hi:lo]}. */
    record Slice(Expr a, int hi, int lo) implements Expr {
        @Override
        public int width() {
            return hi - lo + 1;
        }
    }

    /** Dynamic bit select {@code a[index]}; an index past the top bit reads 0. */
    record Index(Expr a, Expr index) implements Expr {
        @Override
        public int width() {
            return 1;
        }
    }

    /** Concatenation, most significant part first. */
    record Concat(java.util.List<Expr> parts, int width) implements Expr {
        public Concat {
            parts = java.util.List.copyOf(parts);
        }
    }

    /** {@code {count{a}}}. */
    record Repeat(Expr a, int count) implements Expr {
        @Override
        public int width() {
            return a.width() * count;
        }
    }

    /** Asynchronous (combinational) read of memory {@code mem}; an address past the depth reads 0. */
    record MemRead(int mem, Expr addr, int width) implements Expr {}

    /**
     * Element {@code index} of {@code options} (all {@code width} bits wide, at least two of them): an index at
     * or past the last element reads the last element. What {@code Hw.select} builds, kept whole (rather than
     * as a chain of compares and multiplexers) so that the emitter can print it as an indexed part-select, a
     * memory read or a {@code case}. {@code loc} is where it was written, for width errors.
     */
    record Select(Expr index, java.util.List<Expr> options, int width, SourceLoc loc) implements Expr {
        public Select {
            options = java.util.List.copyOf(options);
        }
    }

    /** Unary operators. */
    enum UnOp { NOT, AND_REDUCE, OR_REDUCE, XOR_REDUCE }

    /** Binary operators; the {@code S*} compares and {@code SRA} treat operands as two's complement. */
    enum BinOp { ADD, SUB, AND, OR, XOR, EQ, NE, LT, LE, GT, GE, SLT, SLE, SGT, SGE, SHL, SHR, SRA }
}
