package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import java.math.BigInteger;
import java.util.List;

/**
 * How a {@link Expr.Select} is printed, decided once from its shape (the same answer before and after
 * {@link Lowering}, which keeps the shape of the indexed forms):
 * <ul>
 *   <li>{@link Kind#PART_SELECT}: the options are equally wide slices of one value at a constant stride
 *       ({@code mpte[10:8], mpte[13:11], ...}): {@code mpte[8 + pi*3 +: 3]};</li>
 *   <li>{@link Kind#MEMORY}: the options are reads of one memory at consecutive constant addresses:
 *       {@code ram[idx]};</li>
 *   <li>{@link Kind#CASE}: anything else, a {@code case (index)} with one arm per option and the last option in
 *       the {@code default} arm.</li>
 * </ul>
 * An index at or past the last option reads the last option. The indexed forms reach only the options when
 * the index cannot go further ({@code options == 2^indexWidth}); otherwise they are guarded:
 * {@code (pi >= 4'd14) ? mpte[52:50] : mpte[8 + pi*3 +: 3]}.
 *
 * @param kind   the form
 * @param base   PART_SELECT: the value sliced (a signal once lowered); MEMORY: the first option
 * @param first  PART_SELECT: low bit of option 0; MEMORY: address of option 0
 * @param stride PART_SELECT: distance between the low bits of neighbouring options
 */
record SelectForm(Kind kind, Expr base, int first, int stride) {

    /** The three forms. */
    enum Kind { PART_SELECT, MEMORY, CASE }

    private static final SelectForm CASE = new SelectForm(Kind.CASE, null, 0, 0);

    /** The form of {@code s} in module {@code m}. */
    static SelectForm of(Expr.Select s, ModuleDef m) {
        SelectForm f = partSelect(s);
        if (f == null) {
            f = memory(s, m);
        }
        return f == null ? CASE : f;
    }

    /** Whether the index can exceed the last option, so that the indexed forms need a guard. */
    boolean guarded(Expr.Select s) {
        int w = s.index().width();
        return w >= 31 || (1L << w) > s.options().size();
    }

    private static SelectForm partSelect(Expr.Select s) {
        List<Expr> options = s.options();
        if (!(options.get(0) instanceof Expr.Slice s0) || !indexable(s0.a())) {
            return null;
        }
        if (!(options.get(1) instanceof Expr.Slice s1)) {
            return null;
        }
        int stride = s1.lo() - s0.lo();
        if (stride < 1) {
            return null;
        }
        for (int i = 0; i < options.size(); i++) {
            if (!(options.get(i) instanceof Expr.Slice si) || !sameBase(si.a(), s0.a())
                    || si.lo() != s0.lo() + i * stride || si.width() != s.width()) {
                return null;
            }
        }
        // Verilog sizes `sig[idx]` by the index alone: an index narrower or wider than the vector needs draws
        // a width warning, while `base + idx*stride` is a 32-bit expression and draws none.
        if (s0.lo() == 0 && stride == 1 && s.index().width() != Math.max(1, log2Ceil(s0.a().width()))) {
            return null;
        }
        return new SelectForm(Kind.PART_SELECT, s0.a(), s0.lo(), stride);
    }

    private static SelectForm memory(Expr.Select s, ModuleDef m) {
        List<Expr> options = s.options();
        if (!(options.get(0) instanceof Expr.MemRead r0) || !(r0.addr() instanceof Expr.Lit a0)) {
            return null;
        }
        BigInteger first = a0.value();
        for (int i = 0; i < options.size(); i++) {
            if (!(options.get(i) instanceof Expr.MemRead ri) || ri.mem() != r0.mem()
                    || !(ri.addr() instanceof Expr.Lit ai) || !ai.value().equals(first.add(BigInteger.valueOf(i)))) {
                return null;
            }
        }
        int addrWidth = m.memories().get(r0.mem()).addrWidth();
        // `ram[idx]` needs an index exactly as wide as the address; `ram[a0 + idx]` is 32 bits and needs none
        boolean exact = first.signum() == 0 ? s.index().width() == addrWidth : s.index().width() <= addrWidth;
        return exact && first.bitLength() < 31 ? new SelectForm(Kind.MEMORY, r0, first.intValueExact(), 1) : null;
    }

    /** A value an indexed part-select can be written on once lowered: a signal, or anything that becomes one. */
    private static boolean indexable(Expr e) {
        return !(e instanceof Expr.Const || e instanceof Expr.MemRead || e instanceof Expr.Lit);
    }

    private static boolean sameBase(Expr a, Expr b) {
        return a == b || (a instanceof Expr.Ref ra && b instanceof Expr.Ref rb && ra.id() == rb.id());
    }

    private static int log2Ceil(int n) {
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }
}
