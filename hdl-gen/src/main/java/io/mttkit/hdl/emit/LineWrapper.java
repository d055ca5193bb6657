package io.mttkit.hdl.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a {@link Doc} within {@link #LIMIT} columns: a group that fits on the rest of its line stays on it;
 * one that does not is broken, one item per line, each item in the column of the group's first item (so
 * operators line up: {@code a}, {@code & b}, {@code & c}), and its items are laid out the same way in turn.
 * Where that column is far to the right, the items go to a hanging indent four columns in from the statement
 * instead. Only text that cannot be broken at all (a single name longer than the limit) can overflow.
 *
 * <p>Greedy and one pass, as ExportVerilog in CIRCT and most code formatters do for expressions: what follows
 * a part on its line (a closing parenthesis, {@code ;}) is counted when deciding whether the part fits.
 */
final class LineWrapper {
    /** The longest line the emitter prints (where it can). */
    static final int LIMIT = 160;
    /** Broken groups starting further right than this align on the hanging indent instead. */
    private static final int MAX_ALIGN = 100;

    private final StringBuilder out = new StringBuilder();
    private final int hang;

    private LineWrapper(int hang) {
        this.hang = hang;
    }

    /**
     * {@code prefix + d + suffix}, broken over lines where needed; continuation lines are aligned within the
     * expression, or indented four columns from the prefix's own indentation.
     */
    static String layout(String prefix, Doc d, String suffix) {
        int indent = 0;
        while (indent < prefix.length() && prefix.charAt(indent) == ' ') {
            indent++;
        }
        LineWrapper w = new LineWrapper(indent + 4);
        w.out.append(prefix);
        w.render(d, prefix.length(), suffix.length());
        return w.out.append(suffix).toString();
    }

    /** Renders {@code d} starting at column {@code col}, {@code trail} characters to follow it; the end column. */
    private int render(Doc d, int col, int trail) {
        if (d instanceof Doc.Text t) {
            out.append(t.flat());
            return col + t.flat().length();
        }
        if (d instanceof Doc.Cat c) {
            int after = trail;
            int[] trailing = new int[c.parts().size()];
            for (int i = c.parts().size() - 1; i >= 0; i--) {
                trailing[i] = after;
                after += c.parts().get(i).flat().length();
            }
            for (int i = 0; i < c.parts().size(); i++) {
                col = render(c.parts().get(i), col, trailing[i]);
            }
            return col;
        }
        Doc.Group g = (Doc.Group) d;
        if (!g.broken() && col + g.flat().length() + trail <= LIMIT) {
            out.append(g.flat());
            return col + g.flat().length();
        }
        int align = col <= MAX_ALIGN || hang >= col ? col : hang;
        int last = g.items().size() - 1;
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                out.append('\n').append(" ".repeat(align));
                col = align;
            }
            col = render(g.items().get(i), col, i == last ? trail : 0);
        }
        return col;
    }

    /**
     * A comment as {@code //} lines of at most {@link #LIMIT} columns (with {@code indent} in front), broken
     * between words; a blank line prints as {@code //}.
     */
    static List<String> comment(String indent, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            String rest = line.stripTrailing();
            if (rest.isBlank()) {
                lines.add(indent + "//");
                continue;
            }
            int room = Math.max(20, LIMIT - indent.length() - 3);
            // keep the line's own indentation (an aligned table, a list) on its continuation lines
            String lead = rest.substring(0, rest.length() - rest.stripLeading().length());
            while (rest.length() > room) {
                int cut = rest.lastIndexOf(' ', room);
                if (cut <= lead.length()) {
                    cut = rest.indexOf(' ', room);
                    if (cut < 0) {
                        break;
                    }
                }
                lines.add(indent + "// " + rest.substring(0, cut).stripTrailing());
                rest = lead + rest.substring(cut + 1).stripLeading();
            }
            lines.add(indent + "// " + rest);
        }
        return lines;
    }
}
