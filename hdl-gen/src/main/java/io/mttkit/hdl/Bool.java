package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Expr.BinOp;
import io.mttkit.hdl.ir.Expr.UnOp;

/** A 1-bit {@link UInt} used as a condition; logic operators on two {@code Bool}s stay {@code Bool}. */
public final class Bool extends UInt {
    Bool(Expr expr, ModuleState owner, LValue lv) {
        super(expr, owner, lv);
    }

    /** Logical and. */
    public Bool and(Bool b) {
        return (Bool) binary(BinOp.AND, b, 1);
    }

    /** Logical or. */
    public Bool or(Bool b) {
        return (Bool) binary(BinOp.OR, b, 1);
    }

    /** Logical exclusive or. */
    public Bool xor(Bool b) {
        return (Bool) binary(BinOp.XOR, b, 1);
    }

    /** Logical not. */
    @Override
    public Bool not() {
        // !(a == b) reads better as a != b (and vice versa)
        if (expr instanceof Expr.Binary b && (b.op() == BinOp.EQ || b.op() == BinOp.NE)) {
            BinOp flipped = b.op() == BinOp.EQ ? BinOp.NE : BinOp.EQ;
            return (Bool) of(new Expr.Binary(flipped, b.a(), b.b(), 1, b.loc()), ctx());
        }
        return (Bool) of(new Expr.Unary(UnOp.NOT, expr, 1), ctx());
    }

    /** Assigns a constant. */
    public void set(boolean value) {
        set(value ? 1 : 0);
    }

    @Override
    public Bool enabledBy(Bool enable) {
        super.enabledBy(enable);
        return this;
    }

    /** A constant default for a combinational 1-bit signal (see {@link UInt#withDefault(UInt)}). */
    public Bool withDefault(boolean value) {
        super.withDefault(value ? 1 : 0);
        return this;
    }

    @Override
    public Bool dontCare() {
        super.dontCare();
        return this;
    }

    @Override
    public Bool named(String name) {
        return (Bool) super.named(name);
    }
}
