package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Expr.BinOp;
import io.mttkit.hdl.ir.Expr.UnOp;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A hardware value: an unsigned bit vector of a known width (any width, including more than 64 bits).
 * Values are immutable handles; operators build new values. A value returned by a declaration
 * ({@code wire}, {@code reg}, {@code output}, ...) can also be assigned with {@link #set(UInt)}.
 *
 * <p>Signedness is a property of the operation, not of the value (as in Hardcaml): {@link #slt},
 * {@link #sra} and {@link #sext} read the bits as two's complement.
 *
 * <h2>Width table</h2>
 * The one place widths are defined; the emitter and the interpreter follow it and the width check enforces
 * it. {@code w} is the width of {@code this}, {@code wb} of the other operand. Nothing truncates or extends
 * silently: operands that must be equal and are not are an elaboration error naming the source line.
 * <table>
 * <caption>operator widths</caption>
 * <tr><th>operation</th><th>operand rule</th><th>result width</th></tr>
 * <tr><td>{@code add, sub} (wrapping)</td><td>{@code wb == w}</td><td>{@code w}</td></tr>
 * <tr><td>{@code addW, subW} (widening)</td><td>any</td><td>{@code max(w, wb) + 1}</td></tr>
 * <tr><td>{@code and, or, xor}</td><td>{@code wb == w}</td><td>{@code w}</td></tr>
 * <tr><td>{@code not}</td><td></td><td>{@code w}</td></tr>
 * <tr><td>{@code shl, shr, sra} by a constant or a value</td><td>any amount width</td><td>{@code w}
 *     (bits shifted out are lost)</td></tr>
 * <tr><td>{@code eq, ne, lt, le, gt, ge, slt, sle, sgt, sge}</td><td>{@code wb == w}</td><td>1</td></tr>
 * <tr><td>{@code bits(hi, lo)}</td><td>{@code 0 <= lo <= hi < w}</td><td>{@code hi - lo + 1}</td></tr>
 * <tr><td>{@code bit(i)}; {@code bit(idx)}</td><td>{@code idx} width {@code = ceil(log2 w)}</td>
 *     <td>1</td></tr>
 * <tr><td>{@code cat(b, ...)}</td><td>any</td><td>sum of widths ({@code this} most significant)</td></tr>
 * <tr><td>{@code repeat(n)}</td><td>{@code n >= 1}</td><td>{@code w * n}</td></tr>
 * <tr><td>{@code zext(n), sext(n)}</td><td>{@code n >= w}</td><td>{@code n}</td></tr>
 * <tr><td>{@code resize(n)}</td><td>any (explicitly truncates or zero-extends)</td><td>{@code n}</td></tr>
 * <tr><td>{@code andR, orR, xorR}</td><td></td><td>1</td></tr>
 * <tr><td>{@code Hw.mux(c, a, b)}</td><td>{@code c} 1 bit, {@code wa == wb}</td><td>{@code wa}</td></tr>
 * <tr><td>{@code Hw.select(idx, list)}</td><td>all elements equal width</td><td>element width</td></tr>
 * <tr><td>{@code Hw.priorityEncode(v)}</td><td></td><td>{@code ceil(log2 w)} (at least 1)</td></tr>
 * <tr><td>{@code Hw.lowestOneHot(v)}</td><td></td><td>{@code w}</td></tr>
 * <tr><td>{@code Hw.decode(idx, n)}</td><td>{@code 2^widx >= n}</td><td>{@code n}</td></tr>
 * <tr><td>{@code Hw.oneHotToIndex(v)}</td><td></td><td>{@code ceil(log2 w)} (at least 1)</td></tr>
 * <tr><td>{@code set(v)} on a target of width {@code t}</td><td>{@code wv == t}</td><td></td></tr>
 * <tr><td>integer operands ({@code add(1)}, {@code eq(3)}, {@code set(0)})</td><td>must fit in
 *     {@code w} bits</td><td>as if a literal of width {@code w}</td></tr>
 * </table>
 */
public class UInt {
    final Expr expr;
    /** The module this value was created in; {@code null} for constants, which are usable anywhere. */
    final ModuleState owner;
    /** The assignable bits this value stands for, or {@code null} if it is not assignable. */
    final LValue lv;

    record LValue(SignalNode node, int hi, int lo) {}

    UInt(Expr expr, ModuleState owner, LValue lv) {
        this.expr = expr;
        this.owner = owner;
        this.lv = lv;
    }

    static UInt of(Expr e, ModuleState owner) {
        return e.width() == 1 ? new Bool(e, owner, null) : new UInt(e, owner, null);
    }

    static UInt declared(SignalNode n) {
        LValue lv = new LValue(n, n.width - 1, 0);
        return n.width == 1 ? new Bool(n.ref(), n.owner, lv) : new UInt(n.ref(), n.owner, lv);
    }

    /** Width in bits. */
    public int width() {
        return expr.width();
    }

    // ---------------------------------------------------------------- arithmetic

    /** Wrapping sum, width {@code w}; the operands must have equal widths. */
    public UInt add(UInt b) {
        return binary(BinOp.ADD, b, width());
    }

    /** Wrapping sum with a constant that fits in {@code w} bits. */
    public UInt add(long b) {
        return add(litOfMyWidth(b));
    }

    /** Wrapping difference, width {@code w}. */
    public UInt sub(UInt b) {
        return binary(BinOp.SUB, b, width());
    }

    /** Wrapping difference with a constant. */
    public UInt sub(long b) {
        return sub(litOfMyWidth(b));
    }

    /** Widening sum: {@code max(w, wb) + 1} bits, never overflows. */
    public UInt addW(UInt b) {
        int n = Math.max(width(), b.width()) + 1;
        return zext(n).add(b.zext(n));
    }

    /** Widening difference: {@code max(w, wb) + 1} bits, two's complement (the top bit is the borrow). */
    public UInt subW(UInt b) {
        int n = Math.max(width(), b.width()) + 1;
        return zext(n).sub(b.zext(n));
    }

    // ---------------------------------------------------------------- bitwise

    /** Bitwise and; equal widths. */
    public UInt and(UInt b) {
        return binary(BinOp.AND, b, width());
    }

    /** Bitwise and with a constant mask. */
    public UInt and(long b) {
        return and(litOfMyWidth(b));
    }

    /** Bitwise or; equal widths. */
    public UInt or(UInt b) {
        return binary(BinOp.OR, b, width());
    }

    /** Bitwise or with a constant. */
    public UInt or(long b) {
        return or(litOfMyWidth(b));
    }

    /** Bitwise exclusive or; equal widths. */
    public UInt xor(UInt b) {
        return binary(BinOp.XOR, b, width());
    }

    /** Bitwise complement. */
    public UInt not() {
        return of(new Expr.Unary(UnOp.NOT, expr, width()), ctx());
    }

    // ---------------------------------------------------------------- shifts (width kept)

    /** Logical shift left by a constant; width {@code w}, bits shifted out are lost. */
    public UInt shl(int n) {
        return binary(BinOp.SHL, shiftAmount(n), width());
    }

    /** Logical shift right by a constant; width {@code w}. */
    public UInt shr(int n) {
        return binary(BinOp.SHR, shiftAmount(n), width());
    }

    /** Arithmetic shift right by a constant (the top bit is copied in); width {@code w}. */
    public UInt sra(int n) {
        return binary(BinOp.SRA, shiftAmount(n), width());
    }

    /** Logical shift left by a value; width {@code w}. */
    public UInt shl(UInt amount) {
        return binary(BinOp.SHL, amount, width());
    }

    /** Logical shift right by a value; width {@code w}. */
    public UInt shr(UInt amount) {
        return binary(BinOp.SHR, amount, width());
    }

    /** Arithmetic shift right by a value; width {@code w}. */
    public UInt sra(UInt amount) {
        return binary(BinOp.SRA, amount, width());
    }

    // ---------------------------------------------------------------- compares

    /** Equality; equal widths. */
    public Bool eq(UInt b) {
        return (Bool) binary(BinOp.EQ, b, 1);
    }

    /** Equality with a constant. */
    public Bool eq(long b) {
        return eq(litOfMyWidth(b));
    }

    /** Inequality. */
    public Bool ne(UInt b) {
        return (Bool) binary(BinOp.NE, b, 1);
    }

    /** Inequality with a constant. */
    public Bool ne(long b) {
        return ne(litOfMyWidth(b));
    }

    /** Unsigned {@code <}. */
    public Bool lt(UInt b) {
        return (Bool) binary(BinOp.LT, b, 1);
    }

    /** Unsigned {@code <} a constant. */
    public Bool lt(long b) {
        return lt(litOfMyWidth(b));
    }

    /** Unsigned {@code <=}. */
    public Bool le(UInt b) {
        return (Bool) binary(BinOp.LE, b, 1);
    }

    /** Unsigned {@code >}. */
    public Bool gt(UInt b) {
        return (Bool) binary(BinOp.GT, b, 1);
    }

    /** Unsigned {@code >=}. */
    public Bool ge(UInt b) {
        return (Bool) binary(BinOp.GE, b, 1);
    }

    /** Unsigned {@code >=} a constant. */
    public Bool ge(long b) {
        return ge(litOfMyWidth(b));
    }

    /** Signed (two's complement) {@code <}. */
    public Bool slt(UInt b) {
        return (Bool) binary(BinOp.SLT, b, 1);
    }

    /** Signed {@code <=}. */
    public Bool sle(UInt b) {
        return (Bool) binary(BinOp.SLE, b, 1);
    }

    /** Signed {@code >}. */
    public Bool sgt(UInt b) {
        return (Bool) binary(BinOp.SGT, b, 1);
    }

    /** Signed {@code >=}. */
    public Bool sge(UInt b) {
        return (Bool) binary(BinOp.SGE, b, 1);
    }

    // ---------------------------------------------------------------- selection and composition

    /** Bits {@code hi} down to {@code lo}; assignable if this value is. */
    public UInt bits(int hi, int lo) {
        ModuleState m = ctx();
        if (lo < 0 || hi < lo || hi >= width()) {
            report(m, "width", "bits(" + hi + ", " + lo + ") out of range for a " + width() + "-bit value",
                    "valid bit indices are " + (width() - 1) + " down to 0, with hi >= lo");
            return of(new Expr.Lit(BigInteger.ZERO, Math.max(1, hi - lo + 1)), m);
        }
        if (hi == width() - 1 && lo == 0) {
            return this;
        }
        Expr e = sliceOf(expr, hi, lo);
        LValue sub = lv == null ? null : new LValue(lv.node(), lv.lo() + hi, lv.lo() + lo);
        return e.width() == 1 ? new Bool(e, owner == null ? null : m, sub) : new UInt(e, owner == null ? null : m, sub);
    }

    private static Expr sliceOf(Expr e, int hi, int lo) {
        if (e instanceof Expr.Lit l) {
            BigInteger v = l.value().shiftRight(lo).and(BigInteger.ONE.shiftLeft(hi - lo + 1).subtract(BigInteger.ONE));
            return new Expr.Lit(v, hi - lo + 1);
        }
        if (e instanceof Expr.Slice s) {
            return new Expr.Slice(s.a(), s.lo() + hi, s.lo() + lo);
        }
        return new Expr.Slice(e, hi, lo);
    }

    /** Bit {@code i}; assignable if this value is. */
    public Bool bit(int i) {
        return (Bool) bits(i, i);
    }

    /** The most significant bit. */
    public Bool msb() {
        return bit(width() - 1);
    }

    /** Dynamic bit select; {@code index} must be {@code ceil(log2 w)} bits wide. */
    public Bool bit(UInt index) {
        ModuleState m = ctx(index);
        int need = Hw.log2Ceil(width());
        if (width() < 2 || index.width() != need) {
            report(m, "width", "dynamic bit select of a " + width() + "-bit value with a " + index.width()
                    + "-bit index", width() < 2 ? "select from a value of at least 2 bits"
                    : "the index must be exactly " + need + " bits wide; use .resize(" + need + ")");
        }
        return (Bool) of(new Expr.Index(expr, index.expr), m);
    }

    /** Concatenation: {@code this} in the most significant position, then {@code rest} in order. */
    public UInt cat(UInt... rest) {
        List<UInt> all = new ArrayList<>();
        all.add(this);
        all.addAll(List.of(rest));
        return Hw.cat(all);
    }

    /** {@code n} copies side by side. */
    public UInt repeat(int n) {
        ModuleState m = ctx();
        if (n < 1) {
            report(m, "width", "repeat(" + n + ")", "repeat at least once");
            return this;
        }
        return n == 1 ? this : of(new Expr.Repeat(expr, n), m);
    }

    /** Zero-extends to {@code n >= w} bits. */
    public UInt zext(int n) {
        ModuleState m = ctx();
        if (n < width()) {
            report(m, "width", "zext(" + n + ") of a " + width() + "-bit value would truncate",
                    "use .resize(" + n + ") to truncate deliberately, or .bits(" + (n - 1) + ", 0)");
            return this;
        }
        if (n == width()) {
            return this;
        }
        return of(new Expr.Concat(List.of(new Expr.Lit(BigInteger.ZERO, n - width()), expr), n), m);
    }

    /** Sign-extends to {@code n >= w} bits (copies the top bit). */
    public UInt sext(int n) {
        ModuleState m = ctx();
        if (n < width()) {
            report(m, "width", "sext(" + n + ") of a " + width() + "-bit value would truncate",
                    "use .resize(" + n + ") to truncate deliberately");
            return this;
        }
        if (n == width()) {
            return this;
        }
        UInt top = msb();
        Expr fill = n - width() == 1 ? top.expr : new Expr.Repeat(top.expr, n - width());
        return of(new Expr.Concat(List.of(fill, expr), n), m);
    }

    /** Explicitly truncates (keeps the low {@code n} bits) or zero-extends to {@code n} bits. */
    public UInt resize(int n) {
        return n <= width() ? bits(n - 1, 0) : zext(n);
    }

    /** And of all bits. */
    public Bool andR() {
        return width() == 1 ? asBool() : (Bool) of(new Expr.Unary(UnOp.AND_REDUCE, expr, 1), ctx());
    }

    /** Or of all bits (is any bit set). */
    public Bool orR() {
        return width() == 1 ? asBool() : (Bool) of(new Expr.Unary(UnOp.OR_REDUCE, expr, 1), ctx());
    }

    /** Exclusive or of all bits (parity). */
    public Bool xorR() {
        return width() == 1 ? asBool() : (Bool) of(new Expr.Unary(UnOp.XOR_REDUCE, expr, 1), ctx());
    }

    /** True when all bits are zero. */
    public Bool isZero() {
        return orR().not();
    }

    /** This 1-bit value as a {@link Bool}; an error for wider values. */
    public Bool asBool() {
        if (this instanceof Bool b) {
            return b;
        }
        ModuleState m = ctx();
        report(m, "width", "asBool() of a " + width() + "-bit value", "use .orR() or .bit(i)");
        return (Bool) of(new Expr.Slice(expr, 0, 0), m);
    }

    // ---------------------------------------------------------------- naming and assignment

    /**
     * Whether this value is a constant: built from literals only, so it belongs to no module yet and cannot be
     * {@link #named named} (the emitter writes it in place).
     */
    public boolean isConstant() {
        return owner == null;
    }

    /**
     * Gives this value a name: returns a wire called {@code name} (with the Area prefix in force) that
     * carries this value. Use the returned value; readers of it see the name in the Verilog.
     */
    public UInt named(String name) {
        ModuleState m = ctx();
        if (m == null) {
            throw new IllegalArgumentException("named(\"" + name + "\"): constants have no module to live in");
        }
        SourceLoc at = Locations.capture();
        SignalNode n = m.newSignal(name, Signal.Kind.WIRE, width(), at);
        m.body.add(new BodyNode.Assign(n, width() - 1, 0, expr, at));
        return of(n.ref(), m);
    }

    /**
     * Assigns {@code value} to this target (last assignment wins, subject to the enclosing
     * {@code when}/{@code switch}). The widths must be equal.
     */
    public void set(UInt value) {
        ModuleState m = ctx(value);
        SourceLoc at = Locations.capture();
        if (lv == null) {
            m.elab.error("driver", "assignment to a value that is not a declared signal: " + describe(), at,
                    "assign to a wire, register or output (or a bits() slice of one)");
            return;
        }
        SignalNode t = lv.node();
        boolean ownTarget = t.owner == m && t.kind != Signal.Kind.INPUT;
        boolean childInput = t.owner.parent == m && t.kind == Signal.Kind.INPUT;
        if (!ownTarget && !childInput) {
            String why = t.owner == m ? "'" + t.name + "' is an input of this module; it is driven from outside"
                    : t.owner.parent == m ? "'" + t.name + "' is an output of child " + t.owner.displayName()
                    + "; the child drives it"
                    : "'" + t.name + "' belongs to module " + t.owner.displayName() + " (" + t.loc + ")";
            m.elab.error("driver", "cannot assign " + why, at,
                    "drive outputs, wires, registers and the inputs of this module's children only");
            return;
        }
        m.add(new BodyNode.Assign(t, lv.hi(), lv.lo(), value.expr, at));
    }

    /** Assigns a constant that fits in this target's width. */
    public void set(long value) {
        set(litOfMyWidth(value));
    }

    /** Marks a combinational signal's unassigned bits as don't-care (emitted as a sized zero default). */
    public UInt dontCare() {
        SignalNode n = declaredNode("dontCare()");
        if (n != null && n.kind.isCombinationalTarget()) {
            n.dontCare = true;
        } else if (n != null) {
            owner.elab.error("driver", "dontCare() on '" + n.name + "' which is not combinational",
                    Locations.capture(), "only outputs and wires can be don't-care");
        }
        return this;
    }

    /**
     * Gives a combinational signal (an output, a wire, a child's input) a default value, assigned first in
     * its block so conditional assignments cannot make a latch. Returns this value.
     */
    public UInt withDefault(UInt value) {
        SignalNode n = declaredNode("withDefault()");
        ModuleState m = ctx(value);
        if (n != null && n.kind.isCombinationalTarget() && n.init == null) {
            n.init = value.expr;
        } else if (n != null) {
            report(m, "driver", "withDefault() on '" + n.name + "': " + (n.init != null ? "it already has a default"
                    : "it is not combinational (registers take a reset value instead)"),
                    "give each output or wire one default");
        }
        return this;
    }

    /** A constant default (see {@link #withDefault(UInt)}). */
    public UInt withDefault(long value) {
        return withDefault(litOfMyWidth(value));
    }

    /** Gives a register a load enable: it keeps its value in cycles where {@code enable} is false. */
    public UInt enabledBy(Bool enable) {
        SignalNode n = declaredNode("enabledBy()");
        ModuleState m = ctx(enable);
        if (n != null && n.kind == Signal.Kind.REG && n.enable == null) {
            n.enable = enable.expr;
        } else if (n != null) {
            report(m, "driver", "enabledBy() on '" + n.name + "': " + (n.kind == Signal.Kind.REG
                    ? "it already has an enable" : "it is not a register"), "give each register one enable");
        }
        return this;
    }

    private SignalNode declaredNode(String what) {
        if (lv == null || lv.node().width != width()) {
            ModuleState m = ctx();
            report(m, "driver", what + " on a value that is not a whole declared signal",
                    "call it on the value returned by wire(...)/reg(...)/output(...)");
            return null;
        }
        return lv.node();
    }

    // ---------------------------------------------------------------- helpers

    @Override
    public String toString() {
        return describe();
    }

    String describe() {
        if (lv != null) {
            SignalNode n = lv.node();
            return lv.hi() == n.width - 1 && lv.lo() == 0 ? n.name : n.name + "[" + lv.hi() + ":" + lv.lo() + "]";
        }
        return "<" + width() + "-bit " + expr.getClass().getSimpleName().toLowerCase() + ">";
    }

    UInt litOfMyWidth(long v) {
        return Hw.litIn(ctx(), v, width());
    }

    private UInt shiftAmount(int n) {
        if (n < 0) {
            report(ctx(), "width", "shift by " + n, "shift amounts are non-negative");
            n = 0;
        }
        return new UInt(new Expr.Lit(BigInteger.valueOf(n), Math.max(1, Hw.log2Ceil(n + 1))), null, null);
    }

    UInt binary(BinOp op, UInt b, int resultWidth) {
        ModuleState m = ctx(b);
        return of(new Expr.Binary(op, expr, b.expr, resultWidth, m == null ? SourceLoc.UNKNOWN : Locations.capture()), m);
    }

    /**
     * The module being described, after checking that this value and {@code others} may be used in it;
     * {@code null} when all operands are constants.
     */
    ModuleState ctx(UInt... others) {
        ModuleState any = owner;
        for (UInt o : others) {
            if (any == null) {
                any = o.owner;
            }
        }
        if (any == null) {
            return null;
        }
        ModuleState m = any.elab.current();
        checkUse(m, this);
        for (UInt o : others) {
            checkUse(m, o);
        }
        return m;
    }

    private static void checkUse(ModuleState m, UInt v) {
        if (!m.canUse(v)) {
            String where = v.lv != null ? "'" + v.lv.node().name + "' (declared at " + v.lv.node().loc + ")"
                    : "a value";
            m.elab.error("ownership", where + " belongs to module " + v.owner.displayName()
                    + " but is used in module " + m.displayName(), Locations.capture(),
                    "a module can use its own signals and its children's ports; pass the value through ports");
        }
    }

    static void report(ModuleState m, String check, String message, String hint) {
        if (m == null) {
            throw new IllegalArgumentException(message + " (" + hint + ")");
        }
        m.elab.error(check, message, Locations.capture(), hint);
    }
}
