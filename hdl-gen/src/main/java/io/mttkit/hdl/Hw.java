package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.SourceLoc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Constants and multi-operand helpers: literals, concatenation, multiplexers, priority encoders and
 * one-hot conversions. Widths follow the table in {@link UInt}.
 */
public final class Hw {
    private Hw() {}

    /** {@code ceil(log2(n))} for {@code n >= 1} (0 for 1). */
    public static int log2Ceil(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("log2Ceil(" + n + "): argument must be at least 1");
        }
        return 64 - Long.numberOfLeadingZeros(n - 1);
    }

    /** Bits needed to index {@code n} things: {@code max(1, ceil(log2 n))}. */
    public static int indexWidth(int n) {
        return Math.max(1, log2Ceil(n));
    }

    /** A sized literal; throws if {@code value} is negative or does not fit. */
    public static UInt lit(long value, int width) {
        return lit(BigInteger.valueOf(value), width);
    }

    /** A sized literal of any width; throws if {@code value} is negative or does not fit. */
    public static UInt lit(BigInteger value, int width) {
        if (width < 1 || value.signum() < 0 || value.bitLength() > width) {
            throw new IllegalArgumentException("literal " + value + " does not fit in " + width
                    + " bit(s); use a wider literal or an unsigned value below 2^" + width);
        }
        return UInt.of(new Expr.Lit(value, width), null);
    }

    /** The constant true. */
    public static Bool high() {
        return (Bool) lit(1, 1);
    }

    /** The constant false. */
    public static Bool low() {
        return (Bool) lit(0, 1);
    }

    /** All-ones of the given width. */
    public static UInt ones(int width) {
        return lit(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE), width);
    }

    /** A literal in module {@code m}'s context: a bad value is an elaboration error with the user's line. */
    static UInt litIn(ModuleState m, long value, int width) {
        if (value < 0 || (width < 64 && value >= (1L << width))) {
            UInt.report(m, "width", "constant " + value + " does not fit in " + width + " bit(s)",
                    "use a value in [0, 2^" + width + ") or widen the other operand");
            return UInt.of(new Expr.Lit(BigInteger.ZERO, width), null);
        }
        return UInt.of(new Expr.Lit(BigInteger.valueOf(value), width), null);
    }

    /** Concatenation, first element most significant. */
    public static UInt cat(List<? extends UInt> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cat() of nothing");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        UInt first = parts.get(0);
        ModuleState m = first.ctx(parts.subList(1, parts.size()).toArray(new UInt[0]));
        List<Expr> exprs = new ArrayList<>();
        int w = 0;
        for (UInt p : parts) {
            exprs.add(p.expr);
            w += p.width();
        }
        return UInt.of(new Expr.Concat(exprs, w), m);
    }

    /** Concatenation, first argument most significant. */
    public static UInt cat(UInt first, UInt... rest) {
        return first.cat(rest);
    }

    /** Concatenation of bits, {@code bits.get(0)} becoming bit 0 (the usual order for request vectors). */
    public static UInt catLsbFirst(List<? extends UInt> bits) {
        List<UInt> reversed = new ArrayList<>(bits);
        java.util.Collections.reverse(reversed);
        return cat(reversed);
    }

    /** {@code cond ? whenTrue : whenFalse}; the branches must have equal widths. */
    @SuppressWarnings("unchecked")
    public static <T extends UInt> T mux(Bool cond, T whenTrue, T whenFalse) {
        ModuleState m = cond.ctx(whenTrue, whenFalse);
        SourceLoc at = m == null ? SourceLoc.UNKNOWN : Locations.capture();
        return (T) UInt.of(new Expr.Mux(cond.expr, whenTrue.expr, whenFalse.expr, whenTrue.width(), at), m);
    }

    /**
     * {@code cond ? whenTrue : whenFalse} for whole bundles of one type: a bundle value of that type whose every
     * field is the multiplexer of the two fields of that name (for example the decision of whichever table format
     * the lookup uses). Fields are paired by name; a missing one or a width difference is an elaboration error.
     */
    public static <B extends Bundle> B mux(Bool cond, B whenTrue, B whenFalse) {
        return whenTrue.muxWith(cond, whenFalse, true);
    }

    /**
     * Element {@code index} of {@code options} (all the same width), as a chain of compares and
     * multiplexers. An index at or past the last element reads the last element.
     */
    public static UInt select(UInt index, List<? extends UInt> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("select() from no options");
        }
        if (options.size() == 2 && index.width() == 1) {
            return mux(index.asBool(), options.get(1), options.get(0));
        }
        UInt result = options.get(options.size() - 1);
        for (int i = options.size() - 2; i >= 0; i--) {
            result = mux(index.eq(i), options.get(i), result);
        }
        return result;
    }

    /**
     * And-or multiplexer: the or of every option whose bit in {@code oneHot} is set (all options the same
     * width, one bit per option). With a one-hot select this is that option; with none set it is zero. The
     * usual read path of a CAM: {@code Hw.selectOneHot(hits, entries.map(e -> e.data))}.
     */
    public static UInt selectOneHot(UInt oneHot, List<? extends UInt> options) {
        if (options.isEmpty() || oneHot.width() != options.size()) {
            ModuleState m = oneHot.ctx();
            UInt.report(m, "width", "selectOneHot() with a " + oneHot.width() + "-bit select over " + options.size()
                    + " options", "give the select one bit per option");
            if (options.isEmpty()) {
                return lit(0, 1);
            }
        }
        UInt acc = null;
        for (int i = 0; i < options.size(); i++) {
            UInt o = options.get(i);
            UInt term = o.width() == 1 ? oneHot.bit(i).and(o.asBool()) : oneHot.bit(i).repeat(o.width()).and(o);
            acc = acc == null ? term : acc.or(term);
        }
        return acc;
    }

    /** Or of a list of conditions ({@code false} for an empty list). */
    public static Bool orAll(List<? extends UInt> conds) {
        if (conds.isEmpty()) {
            return low();
        }
        if (conds.size() > 8) {
            return catLsbFirst(conds).orR();
        }
        UInt acc = conds.get(0).asBool();
        for (int i = 1; i < conds.size(); i++) {
            acc = acc.or(conds.get(i).asBool());
        }
        return acc.asBool();
    }

    /** And of a list of conditions ({@code true} for an empty list). */
    public static Bool andAll(List<? extends UInt> conds) {
        if (conds.isEmpty()) {
            return high();
        }
        if (conds.size() > 8) {
            return catLsbFirst(conds).andR();
        }
        UInt acc = conds.get(0).asBool();
        for (int i = 1; i < conds.size(); i++) {
            acc = acc.and(conds.get(i).asBool());
        }
        return acc.asBool();
    }

    /**
     * Index of the lowest set bit of {@code v} ({@code ceil(log2 w)} bits, at least 1); 0 when no bit is
     * set, so pair it with {@code v.orR()}. Emitted as a readable chain {@code v[0] ? 0 : v[1] ? 1 : ...}.
     */
    public static UInt priorityEncode(UInt v) {
        int w = indexWidth(v.width());
        UInt result = lit(v.width() - 1, w);
        for (int i = v.width() - 2; i >= 0; i--) {
            result = mux(v.bit(i), lit(i, w), result);
        }
        return result;
    }

    /** The lowest set bit of {@code v} alone ({@code w} bits; zero when {@code v} is zero): {@code v & -v}. */
    public static UInt lowestOneHot(UInt v) {
        return v.and(v.not().add(1));
    }

    /** One-hot decoder: an {@code n}-bit value with only bit {@code index} set. */
    public static UInt decode(UInt index, int n) {
        List<UInt> bits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bits.add(index.eq(i));
        }
        return catLsbFirst(bits);
    }

    /** Index of the set bit of a one-hot value: the or of the indices of all set bits. */
    public static UInt oneHotToIndex(UInt oneHot) {
        int w = indexWidth(oneHot.width());
        List<UInt> idxBits = new ArrayList<>();
        for (int b = 0; b < w; b++) {
            List<UInt> contributors = new ArrayList<>();
            for (int i = 0; i < oneHot.width(); i++) {
                if ((i >> b & 1) == 1) {
                    contributors.add(oneHot.bit(i));
                }
            }
            idxBits.add(orAll(contributors));
        }
        return catLsbFirst(idxBits);
    }
}
