package io.mttkit.hdl.emit;

import java.util.List;

/**
 * Printed text with the places where it may be broken over lines: what {@link ExprPrinter} builds and
 * {@link LineWrapper} lays out. Three shapes are enough for Verilog expressions (after the "group" of Oppen's
 * and Wadler's pretty printers):
 * <ul>
 *   <li>{@link Text}: never broken;</li>
 *   <li>{@link Cat}: parts side by side ({@code "(" + x + ")"});</li>
 *   <li>{@link Group}: items separated by one space on one line, or, when that line would be too long, one
 *       item per line, all starting in the column of the first ({@code a}, {@code | b}, {@code | c}).</li>
 * </ul>
 */
sealed interface Doc {
    /** The text on one line. */
    String flat();

    /** Unbreakable text. */
    record Text(String flat) implements Doc {}

    /** Parts side by side. */
    record Cat(List<Doc> parts, String flat) implements Doc {
        Cat(List<Doc> parts) {
            this(List.copyOf(parts), String.join("", parts.stream().map(Doc::flat).toList()));
        }
    }

    /**
     * Items on one line separated by a space, or one per line aligned with the first; {@code broken} forces
     * the second layout (a multiplexer chain of three or more arms always reads best as a column).
     */
    record Group(List<Doc> items, boolean broken, String flat) implements Doc {
        Group(List<Doc> items, boolean broken) {
            this(List.copyOf(items), broken, String.join(" ", items.stream().map(Doc::flat).toList()));
        }
    }

    static Doc text(String s) {
        return new Text(s);
    }

    static Doc cat(Doc... parts) {
        return new Cat(List.of(parts));
    }

    static Doc cat(String before, Doc d, String after) {
        return new Cat(List.of(new Text(before), d, new Text(after)));
    }
}
