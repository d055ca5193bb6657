package io.mttkit.hdl.samples;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Mem;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;

/**
 * A synchronous FIFO with valid/ready streams on both sides. Storage is a memory read asynchronously at
 * the head, so {@code deq.bits} is valid in the same cycle as {@code deq.valid}; a full FIFO does not accept
 * (no same-cycle pass-through), an empty one does not offer. {@code level} is the number of entries.
 */
public final class Fifo extends Module {
    private final int width;
    private final int depth;

    /**
     * @param width payload width in bits
     * @param depth number of entries (at least 2; any value, not only powers of two)
     */
    public Fifo(int width, int depth) {
        this.width = param("width", width);
        this.depth = param("depth", depth);
    }

    @Override
    protected void build() {
        doc(depth + "-entry FIFO of " + width + "-bit words with valid/ready on both sides; storage is read\n"
                + "asynchronously at head, written at tail; count is the number of entries (level).");
        Stream enq = input("enq", s -> new Stream(s, width));
        Stream deq = output("deq", s -> new Stream(s, width));
        UInt level = output("level", Hw.log2Ceil(depth + 1L));

        Mem storage = mem("storage", width, depth);
        UInt head = regInit("head", storage.addrWidth(), 0);
        UInt tail = regInit("tail", storage.addrWidth(), 0);
        UInt count = regInit("count", level.width(), 0);

        enq.ready.set(count.ne(depth));
        deq.valid.set(count.ne(0));
        deq.bits.set(storage.read(head));
        level.set(count);

        Bool push = enq.fire().named("push");
        Bool pop = deq.fire().named("pop");
        when(push, () -> {
            storage.write(tail, enq.bits);
            tail.set(next(tail));
        });
        when(pop, () -> head.set(next(head)));
        when(push.and(pop.not()), () -> count.set(count.add(1)))
                .elseWhen(pop.and(push.not()), () -> count.set(count.sub(1)));
    }

    /** The pointer after {@code ptr}, wrapping at {@code depth} (which need not be a power of two). */
    private UInt next(UInt ptr) {
        if (Integer.bitCount(depth) == 1) {
            return ptr.add(1); // wraps by itself
        }
        return Hw.mux(ptr.eq(depth - 1), Hw.lit(0, ptr.width()), ptr.add(1));
    }
}
