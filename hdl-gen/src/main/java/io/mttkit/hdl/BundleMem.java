package io.mttkit.hdl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An array of bundles stored as one memory per field ({@code reg [w-1:0] <name>_<field> [0:depth-1]}): the
 * entries of a cache, the slots of a queue. Reads give a bundle value of the type, writes take one; a read or write
 * of the whole entry is one line per field in the Verilog, an array element that a reviewer sees as such instead
 * of {@code depth} registers per field. Like {@link Mem}: asynchronous reads, clocked writes, no reset (keep
 * anything that needs a reset, such as valid bits, in registers).
 *
 * @param <B> the entry type
 */
public final class BundleMem<B extends Bundle> {
    private final Function<Scope, B> type;
    /** An instance of the type with constant fields: maps a field accessor to the field's memory. */
    private final B shapeInstance;
    private final List<Bundle.Leaf> shape;
    private final List<Mem> mems;
    private final int depth;

    BundleMem(Module owner, String name, int depth, Function<Scope, B> type) {
        this.type = type;
        this.depth = depth;
        this.shapeInstance = Bundle.make(type, Scope.ofShape());
        this.shape = shapeInstance.leaves();
        this.mems = new ArrayList<>();
        for (Bundle.Leaf l : shape) {
            mems.add(owner.memory(l.path().isEmpty() ? name : name + "_" + l.path(), l.signal().width(), depth));
        }
    }

    /** Number of entries. */
    public int depth() {
        return depth;
    }

    /** Address width: {@code max(1, ceil(log2 depth))}. */
    public int addrWidth() {
        return Hw.indexWidth(depth);
    }

    /** The entry at {@code addr}, combinationally: every field read at that address. */
    public B read(UInt addr) {
        List<UInt> values = new ArrayList<>();
        for (Mem m : mems) {
            values.add(m.read(addr));
        }
        return Bundle.make(type, Scope.ofValues(values));
    }

    /** The entry {@code index} (a constant address). */
    public B read(int index) {
        if (index < 0 || index >= depth) {
            throw new IllegalArgumentException("entry " + index + " of an array of " + depth);
        }
        return read(Hw.lit(index, addrWidth()));
    }

    /**
     * Writes a whole entry at {@code addr} at the clock edge (in the current {@code when}): every field of the entry
     * type from the field of the same path in {@code data}, which may have more fields (a port bundle, say).
     */
    public void write(UInt addr, Bundle data) {
        java.util.Map<String, UInt> byPath = new java.util.HashMap<>();
        data.leaves().forEach(l -> byPath.put(l.path(), l.signal()));
        for (int i = 0; i < mems.size(); i++) {
            UInt v = byPath.get(shape.get(i).path());
            if (v == null) {
                throw new IllegalArgumentException("writing an entry of " + shapeInstance.getClass().getSimpleName()
                        + " from a " + data.getClass().getSimpleName() + " without field '" + shape.get(i).path() + "'");
            }
            mems.get(i).write(addr, v);
        }
    }

    /** Writes {@code value} into the field {@code field} (e.g. {@code e -> e.tag}) of the entry at {@code addr}. */
    public void write(UInt addr, Function<B, ? extends UInt> field, UInt value) {
        mems.get(indexOf(field.apply(shapeInstance))).write(addr, value);
    }

    /** Writes the nested bundle {@code field} (e.g. {@code e -> e.ctx}) of the entry at {@code addr}, fields by name. */
    public void write(UInt addr, Function<B, ? extends Bundle> field, Bundle value) {
        java.util.Map<String, UInt> byPath = new java.util.HashMap<>();
        value.leaves().forEach(l -> byPath.put(l.path(), l.signal()));
        for (Bundle.Leaf l : field.apply(shapeInstance).leaves()) {
            UInt v = byPath.get(l.path());
            if (v == null) {
                throw new IllegalArgumentException("writing field '" + l.path() + "' from a "
                        + value.getClass().getSimpleName() + " without it");
            }
            mems.get(indexOf(l.signal())).write(addr, v);
        }
    }

    private int indexOf(UInt fieldOfShape) {
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i).signal() == fieldOfShape) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a field of " + shapeInstance.getClass().getSimpleName()
                + " (give an accessor of the entry's own fields, e.g. e -> e.tag)");
    }
}
