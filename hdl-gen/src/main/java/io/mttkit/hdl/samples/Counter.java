package io.mttkit.hdl.samples;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;

/**
 * A wrapping up-counter with synchronous clear: {@code count} increments in cycles where {@code enable}
 * is high, {@code clear} wins over {@code enable}, and {@code wrap} is high in the cycle whose increment
 * takes the counter from all-ones back to zero.
 */
public final class Counter extends Module {
    private final int width;

    /** @param width counter width in bits (1..64) */
    public Counter(int width) {
        this.width = param("width", width);
    }

    @Override
    protected void build() {
        doc(width + "-bit wrapping up-counter: counts when enable, clear wins; wrap marks the increment from all-ones.");
        Bool enable = input("enable");
        Bool clear = input("clear");
        UInt count = output("count", width);
        Bool wrap = output("wrap");

        UInt value = regInit("value", width, 0);
        when(clear, () -> value.set(0))
                .elseWhen(enable, () -> value.set(value.add(1)));
        count.set(value);
        wrap.set(enable.and(clear.not()).and(value.andR()));
    }
}
