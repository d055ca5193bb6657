package io.mttkit.gen.checker;

import io.mttkit.gen.contract.CheckResponsePort;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.BundleMem;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * The response side of the non-blocking checker (docs/nonblocking.md "Responses"), module {@code mtt_answers}: a
 * slot is taken when a request is accepted ({@code alloc}), so an answer can always be written; at most one answer
 * is written per cycle (a hit or bypass at its lookup, a walk at its fill).
 *
 * <ul>
 * <li>{@code IN_ORDER}: a reorder buffer; the slot is the request's sequence number ({@code alloc_slot}), an answer
 * is written into its own slot and the head leaves, in request order, once written and {@code rsp_ready}.</li>
 * <li>{@code BY_ID}: an output queue; answers are appended in completion order ({@code wr_slot} unused) and leave
 * in that order; {@code alloc} only counts reservations.</li>
 * </ul>
 */
final class ResponseBuffer extends Module {
    /** The Verilog name. */
    static final String MODULE_NAME = "mtt_answers";

    private final int idWidth;
    private final int slots;
    private final boolean inOrder;

    /** The ports, after it is built. */
    Ports io;

    /** The buffer's ports. */
    static final class Ports extends Bundle {
        /** A request is accepted: it takes a slot. */
        final Bool alloc;
        /** The slot it takes (its sequence number, {@code IN_ORDER}). */
        final UInt allocSlot;
        /** A slot is free: the checker may accept a request. */
        final Bool space;
        final Bool writeValid;
        final UInt writeSlot;
        final Bool writeStale;
        final Answer write;
        final CheckResponsePort rsp;

        Ports(Scope s, int idWidth, int slots) {
            super(s);
            int w = Hw.indexWidth(slots);
            alloc = s.in().bool("alloc");
            allocSlot = s.out().uint("alloc_slot", w);
            space = s.out().bool("space");
            writeValid = s.in().bool("wr_valid");
            writeSlot = s.in().uint("wr_slot", w);
            writeStale = s.in().bool("wr_stale");
            write = s.in().bundle("wr", x -> new Answer(x, idWidth));
            rsp = s.out().bundle("rsp", x -> new CheckResponsePort(x, idWidth));
        }
    }

    ResponseBuffer(int idWidth, Concurrency c) {
        this.idWidth = idWidth;
        this.slots = c.slots();
        this.inOrder = c.responseOrder() == Concurrency.ResponseOrder.IN_ORDER;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        doc((inOrder ? "Reorder buffer" : "Output queue") + " of " + slots + " answers (docs/nonblocking.md):\n"
                + (inOrder ? "slot = sequence number taken at the request handshake (alloc_slot); answers written\n"
                        + "into their slot (wr_*), the head leaves in request order once written."
                        : "answers appended in completion order (wr_*) and leaving in that order; alloc reserves a\n"
                        + "slot at the request handshake so that every answer has room."));
        io = ports(s -> new Ports(s, idWidth, slots));
        int w = Hw.indexWidth(slots);
        BundleMem<Answer> slot = mem("slot", slots, x -> new Answer(x, idWidth));
        UInt stale = regInit("slot_stale", slots, 0);
        UInt head = regInit("head", w, 0);
        UInt tail = regInit("tail", w, 0);
        UInt taken = regInit("taken", Hw.log2Ceil(slots + 1L), 0);
        io.space.set(taken.ne(slots));
        Bool pop = io.rsp.fire().named("pop");
        when(io.alloc.and(pop.not()), () -> taken.set(taken.add(1)))
                .elseWhen(pop.and(io.alloc.not()), () -> taken.set(taken.sub(1)));
        when(pop, () -> head.set(next(head)));

        UInt writeAt;
        Bool headReady;
        UInt written;
        if (inOrder) {
            // alloc_slot is the tail: the sequence number of the next request
            io.allocSlot.set(tail);
            when(io.alloc, () -> tail.set(next(tail)));
            writeAt = io.writeSlot;
            written = regInit("slot_written", slots, 0);
            headReady = written.bit(head).named("head_written");
            written.set(written.or(onehotIf(io.writeValid, writeAt)).and(onehotIf(pop, head).not()));
        } else {
            // appended in completion order: tail is the next free place, head the oldest answer
            io.allocSlot.set(Hw.lit(0, w));
            writeAt = tail;
            when(io.writeValid, () -> tail.set(next(tail)));
            UInt filled = regInit("filled", Hw.log2Ceil(slots + 1L), 0);
            when(io.writeValid.and(pop.not()), () -> filled.set(filled.add(1)))
                    .elseWhen(pop.and(io.writeValid.not()), () -> filled.set(filled.sub(1)));
            headReady = filled.ne(0).named("head_written");
            written = null;
            wireInit("inputs_unused", io.writeSlot.xorR());
        }
        when(io.writeValid, () -> slot.write(writeAt, io.write));
        UInt at = onehotIf(io.writeValid, writeAt);
        stale.set(stale.and(at.not()).or(at.and(io.writeStale.repeat(slots))));

        Answer out = slot.read(head);
        io.rsp.valid.set(headReady);
        out.drive(io.rsp);
        io.rsp.stale.set(stale.bit(head));
    }

    /** {@code 1 << index} when {@code cond}, else 0 ({@code slots} bits). */
    private UInt onehotIf(Bool cond, UInt index) {
        return Hw.decode(index, slots).and(cond.repeat(slots));
    }

    /** The pointer after {@code ptr}, wrapping at {@code slots}. */
    private UInt next(UInt ptr) {
        if (Integer.bitCount(slots) == 1) {
            return ptr.add(1);
        }
        return Hw.mux(ptr.eq(slots - 1), Hw.lit(0, ptr.width()), ptr.add(1));
    }
}
