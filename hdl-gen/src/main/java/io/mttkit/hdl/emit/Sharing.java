package io.mttkit.hdl.emit;

import io.mttkit.hdl.ir.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash-consing of expression trees: {@link #intern} maps every expression to one canonical object per
 * structure, so that two equal trees built separately (the same {@code ~way[0]} written once per set, say)
 * become the same object, and the identity-based use counts of {@link Lowering} see one value used twice.
 *
 * <p>Two trees are equal when they have the same operator, the same widths and the same leaves, source
 * locations aside. The key of a node holds the canonical ids of its children, never the children themselves,
 * so building a key is constant work per node and a tree with much sharing is never hashed as a tree (a
 * record's own {@code hashCode} would be exponential in the depth of such a tree).
 */
final class Sharing {
    /** Any expression seen -> its canonical object. */
    private final Map<Expr, Expr> canonical = new IdentityHashMap<>();
    /** Canonical object -> its id. */
    private final Map<Expr, Integer> ids = new IdentityHashMap<>();
    private final Map<StructuralKey, Expr> byKey = new HashMap<>();

    /** The canonical object structurally equal to {@code e} (the first one interned); {@code null} stays null. */
    Expr intern(Expr e) {
        if (e == null) {
            return null;
        }
        Expr c = canonical.get(e);
        if (c != null) {
            return c;
        }
        Expr rebuilt = e.children().isEmpty() ? e : e.mapChildren(this::intern);
        StructuralKey key = StructuralKey.of(rebuilt, ids);
        c = byKey.get(key);
        if (c == null) {
            c = rebuilt;
            byKey.put(key, c);
            ids.put(c, ids.size());
        }
        canonical.put(e, c);
        canonical.put(c, c);
        return c;
    }

    /**
     * The structure of one node: its kind and attributes (operator, width, constant, bounds) and the canonical
     * ids of its children.
     */
    record StructuralKey(String kind, List<Object> attributes, int[] children) {
        static StructuralKey of(Expr e, Map<Expr, Integer> ids) {
            List<Expr> kids = e.children();
            int[] childIds = new int[kids.size()];
            for (int i = 0; i < childIds.length; i++) {
                childIds[i] = ids.get(kids.get(i));
            }
            List<Object> attributes = new ArrayList<>();
            attributes.add(e.width());
            if (e instanceof Expr.Ref r) {
                attributes.add(r.id());
            } else if (e instanceof Expr.Lit l) {
                attributes.add(l.value());
            } else if (e instanceof Expr.Const c) {
                attributes.add(c.name());
                attributes.add(c.value());
            } else if (e instanceof Expr.Unary u) {
                attributes.add(u.op());
            } else if (e instanceof Expr.Binary b) {
                attributes.add(b.op());
            } else if (e instanceof Expr.Slice s) {
                attributes.add(s.hi());
                attributes.add(s.lo());
            } else if (e instanceof Expr.Repeat r) {
                attributes.add(r.count());
            } else if (e instanceof Expr.MemRead m) {
                attributes.add(m.mem());
            }
            return new StructuralKey(e.getClass().getSimpleName(), attributes, childIds);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StructuralKey k && kind.equals(k.kind) && attributes.equals(k.attributes)
                    && java.util.Arrays.equals(children, k.children);
        }

        @Override
        public int hashCode() {
            return (kind.hashCode() * 31 + attributes.hashCode()) * 31 + java.util.Arrays.hashCode(children);
        }
    }
}
