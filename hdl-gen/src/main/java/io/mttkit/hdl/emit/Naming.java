package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import java.util.List;
import java.util.Locale;

/**
 * Readable names for the wires the emitter introduces, derived from what they compute: {@code count_plus_1},
 * {@code req_and_mask}, {@code not_busy}. Long derivations fall back to the operator alone
 * ({@code sum}, {@code mux}), uniquified by the caller.
 */
final class Naming {
    private static final int MAX = 40;
    private static final int MAX_SELECT = 48;

    private Naming() {}

    static String hint(Expr e, List<Signal> signals, ModuleDef m) {
        String h = derive(e, signals, m, 2);
        if (e instanceof Expr.Select && h.length() <= MAX_SELECT && Character.isLetter(h.charAt(0))) {
            // a select says what and by which index (leaf_tuples_at_lookup_set_at_leaf_hit_way): worth a longer name
            return h;
        }
        if (e instanceof Expr.Select s && h.length() > MAX) {
            // without the index: leaf_tuples_at_lookup_set rather than "selected"
            h = stem(s.options().stream().map(o -> derive(o, signals, m, 1)).toList());
        }
        // a name must not start with a digit (1_shl_n): say what kind of value it is instead
        return h.length() <= MAX && !h.isEmpty() && !Character.isDigit(h.charAt(0)) ? h : fallback(e);
    }

    private static String derive(Expr e, List<Signal> signals, ModuleDef m, int depth) {
        if (e instanceof Expr.Ref r) {
            return signals.get(r.id()).name();
        }
        if (e instanceof Expr.Lit l) {
            if (l.width() > 1 && l.value().bitCount() == l.width()) {
                return "ones";
            }
            return l.value().bitLength() <= 10 ? l.value().toString() : "const";
        }
        if (e instanceof Expr.Const c) {
            return c.name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof Expr.Slice s && s.a() instanceof Expr.Ref) {
            return derive(s.a(), signals, m, depth) + "_" + s.hi() + (s.hi() == s.lo() ? "" : "_" + s.lo());
        }
        if (depth == 0) {
            return fallback(e);
        }
        if (e instanceof Expr.Binary b) {
            String chain = chain(b, signals);
            if (chain != null) {
                return chain;
            }
            if (b.op() == Expr.BinOp.AND && (b.a() instanceof Expr.Lit || b.b() instanceof Expr.Lit)) {
                // a value and a constant: lookup_pa_masked
                return derive(b.a() instanceof Expr.Lit ? b.b() : b.a(), signals, m, depth - 1) + "_masked";
            }
            return derive(b.a(), signals, m, depth - 1) + "_" + word(b.op()) + "_" + derive(b.b(), signals, m, depth - 1);
        }
        if (e instanceof Expr.Unary u) {
            String p = switch (u.op()) {
                case NOT -> "not_";
                case AND_REDUCE -> "all_";
                case OR_REDUCE -> "any_";
                case XOR_REDUCE -> "parity_";
            };
            return p + derive(u.a(), signals, m, depth - 1);
        }
        if (e instanceof Expr.Slice s) {
            return derive(s.a(), signals, m, depth - 1) + "_" + s.hi() + (s.hi() == s.lo() ? "" : "_" + s.lo());
        }
        if (e instanceof Expr.MemRead r) {
            return m.memories().get(r.mem()).name() + "_word";
        }
        if (e instanceof Expr.Select s) {
            // leaf_valid_s0_w1 .. leaf_valid_s15_w1 at lookup_set: leaf_valid_w1_at_lookup_set
            String stem = stem(s.options().stream().map(o -> derive(o, signals, m, depth - 1)).toList());
            return (stem.isEmpty() ? "selected" : stem) + "_at_" + derive(s.index(), signals, m, depth - 1);
        }
        return fallback(e);
    }

    /**
     * A chain of one operator over signals named alike, said once: {@code eq_0 & eq_1} is {@code eq_0_and_1},
     * {@code eq_0 & eq_1 & eq_2 & eq_3} is {@code all_eq_0_to_3} ({@code any_} for or); {@code null} otherwise.
     */
    private static String chain(Expr.Binary b, List<Signal> signals) {
        List<Expr> operands = new java.util.ArrayList<>();
        flatten(b, b.op(), operands);
        if (operands.stream().anyMatch(o -> !(o instanceof Expr.Ref))) {
            return null;
        }
        List<String> names = operands.stream().map(o -> signals.get(((Expr.Ref) o).id()).name()).toList();
        String first = names.get(0);
        int pre = first.length();
        for (String n : names) {
            pre = Math.min(pre, commonPrefix(first, n));
        }
        int cut = first.lastIndexOf('_', pre - 1) + 1;
        if (cut == 0 || names.stream().anyMatch(n -> n.length() == cut)) {
            return null;
        }
        pre = cut;
        String prefix = first.substring(0, pre);
        String last = names.get(names.size() - 1).substring(pre);
        if (names.size() == 2) {
            return prefix + first.substring(pre) + "_" + word(b.op()) + "_" + last;
        }
        String all = b.op() == Expr.BinOp.AND ? "all_" : b.op() == Expr.BinOp.OR ? "any_" : null;
        return all == null ? null : all + prefix + first.substring(pre) + "_to_" + last;
    }

    private static void flatten(Expr e, Expr.BinOp op, List<Expr> out) {
        boolean associative = op == Expr.BinOp.AND || op == Expr.BinOp.OR || op == Expr.BinOp.XOR
                || op == Expr.BinOp.ADD;
        if (e instanceof Expr.Binary b && b.op() == op && associative) {
            flatten(b.a(), op, out);
            flatten(b.b(), op, out);
        } else {
            out.add(e);
        }
    }

    /**
     * What the names have in common: the longest common prefix and suffix, each cut back to whole
     * {@code _}-separated words ({@code sp_level_0}, {@code sp_level_1} -> {@code sp_level}).
     */
    static String stem(List<String> names) {
        String first = names.get(0);
        int pre = first.length();
        int suf = first.length();
        for (String n : names) {
            pre = Math.min(pre, commonPrefix(first, n));
            suf = Math.min(suf, commonSuffix(first, n));
        }
        if (pre + suf >= first.length()) {
            return ""; // all names equal: nothing varies, nothing to say
        }
        String prefix = first.substring(0, pre);
        String suffix = first.substring(first.length() - suf);
        prefix = pre == 0 ? "" : prefix.substring(0, prefix.lastIndexOf('_') + 1);
        int cut = suffix.indexOf('_');
        suffix = cut < 0 ? "" : suffix.substring(cut);
        String stem = (prefix + suffix).replaceAll("__+", "_");
        return stem.replaceAll("^_+|_+$", "");
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }

    private static String fallback(Expr e) {
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD -> "sum";
                case SUB -> "diff";
                case AND, OR, XOR -> "bits";
                case SHL, SHR, SRA -> "shifted";
                default -> "cmp";
            };
        }
        if (e instanceof Expr.Mux) {
            return "mux";
        }
        if (e instanceof Expr.Select) {
            return "selected";
        }
        if (e instanceof Expr.Concat) {
            return "cat";
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnOp.NOT ? "not" : "reduced";
        }
        return "value";
    }

    private static String word(Expr.BinOp op) {
        return switch (op) {
            case ADD -> "plus";
            case SUB -> "minus";
            case SHL -> "shl";
            case SHR -> "shr";
            case SRA -> "sra";
            default -> op.name().toLowerCase(Locale.ROOT);
        };
    }
}
