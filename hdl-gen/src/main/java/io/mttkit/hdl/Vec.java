package io.mttkit.hdl;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A fixed-size vector of hardware elements (values, registers, bundles of registers), indexable statically
 * with {@link #get(int)} and dynamically with {@link #read}/{@link #write}.
 *
 * @param <T> element type
 */
public final class Vec<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;

    private Vec(List<T> items) {
        this.items = List.copyOf(items);
    }

    static <T> Vec<T> copyOf(List<T> items) {
        return new Vec<>(items);
    }

    /** {@code n} elements made by {@code make(i)}. */
    public static <T> Vec<T> of(int n, IntFunction<T> make) {
        List<T> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(make.apply(i));
        }
        return new Vec<>(items);
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** The field {@code field} of every element. */
    public <R> List<R> map(Function<? super T, R> field) {
        List<R> out = new ArrayList<>(items.size());
        for (T t : items) {
            out.add(field.apply(t));
        }
        return out;
    }

    /** Dynamic read of {@code field} of element {@code index} (see {@link Hw#select}). */
    public UInt read(UInt index, Function<? super T, ? extends UInt> field) {
        return Hw.select(index, map(field));
    }

    /** Read of {@code field} of the element selected by a one-hot {@code select} (see {@link Hw#selectOneHot}). */
    public UInt readOneHot(UInt select, Function<? super T, ? extends UInt> field) {
        return Hw.selectOneHot(select, map(field));
    }

    /**
     * Dynamic write: assigns {@code value} to {@code field} of element {@code index} (in the current
     * {@code when} context); the other elements are untouched.
     */
    public void write(UInt index, Function<? super T, ? extends UInt> field, UInt value) {
        ModuleState m = index.ctx(value);
        for (int i = 0; i < items.size(); i++) {
            UInt target = field.apply(items.get(i));
            WhenChain.start(m, index.eq(i), () -> target.set(value));
        }
    }
}
