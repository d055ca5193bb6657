package io.mttkit.hdl;

import io.mttkit.hdl.samples.Stream;
import java.math.BigInteger;
import java.util.List;

/** Designs that exercise every operator and construct, for the interpreter-vs-Verilator and lint tests. */
final class TestDesigns {
    private TestDesigns() {}

    /** Pure operators, including values wider than 64 bits and the signed operations. */
    static final class Operators extends Module {
        @Override
        protected void build() {
            UInt a = input("a", 72);
            UInt b = input("b", 72);
            UInt s = input("s", 8);
            UInt t = input("t", 8);
            UInt amt = input("amt", 7);
            UInt small = input("sh", 3);
            output("sum", 72).set(a.add(b));
            output("diff", 72).set(a.sub(b));
            output("sum_wide", 73).set(a.addW(b));
            output("diff_wide", 9).set(s.subW(t));
            output("bitwise", 72).set(a.and(b).or(a.xor(b).not()));
            output("shifts", 24).set(s.shl(3).cat(s.shr(2), s.sra(5)));
            output("dyn_shifts", 72).set(a.shl(amt).xor(b.shr(amt)));
            output("dyn_sra", 8).set(s.sra(small));
            output("compares", 10).set(Hw.catLsbFirst(List.of(s.eq(t), s.ne(t), s.lt(t), s.le(t), s.gt(t), s.ge(t),
                    s.slt(t), s.sle(t), s.sgt(t), s.sge(t))));
            output("wide_lt").set(a.lt(b));
            output("select_bits", 12).set(a.bits(71, 64).cat(a.bit(3), b.msb(), s.bit(small), t.bit(small)));
            output("extend", 40).set(s.zext(16).cat(s.sext(16), t.resize(4), t.bits(7, 4)));
            output("truncate", 5).set(a.resize(5));
            output("repl", 12).set(small.repeat(4));
            output("reduce", 3).set(Hw.cat(a.andR(), b.orR(), s.xorR()));
            output("muxed", 8).set(Hw.mux(s.lt(t), s, t));
            output("prio", 3).set(Hw.priorityEncode(s));
            output("lowest", 8).set(Hw.lowestOneHot(t));
            output("decoded", 6).set(Hw.decode(small, 6));
            output("onehot_index", 3).set(Hw.oneHotToIndex(Hw.lowestOneHot(s)));
            output("selected", 8).set(Hw.select(small, List.of(s, t, s.add(t), s.xor(t), t.sub(s))));
            output("onehot_selected", 8).set(Hw.selectOneHot(small,
                    List.of(s, t, s.and(t))));
            output("const_wide", 72).set(a.xor(Hw.lit(new BigInteger("ffeeddccbbaa998877", 16), 72)));
        }
    }

    /**
     * {@code Hw.select} in each form the emitter prints: indexed part-selects that reach exactly their options
     * and guarded ones (an index past the last option reads the last), memory reads at consecutive addresses
     * from 0 and from an offset, and {@code case} statements (options of different signals, an index of the
     * wrong width for a plain bit select, a select used twice, nested selects, a select whose options slice an
     * expression); plus values written twice and negated conditions, which the emitter shares and simplifies.
     */
    static final class Selects extends Module {
        @Override
        protected void build() {
            UInt v = input("v", 24);
            UInt w = input("w", 8);
            UInt i2 = input("i2", 2);
            UInt i3 = input("i3", 3);
            UInt i4 = input("i4", 4);
            Bool ok = input("ok");
            List<UInt> triples = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                triples.add(v.bits(3 * k + 2, 3 * k));
            }
            output("triple", 3).set(Hw.select(i3, triples));                       // v[i3*3 +: 3]
            output("triple_guarded", 3).set(Hw.select(i3, triples.subList(1, 6)));  // 5 options, 3-bit index
            List<UInt> bits = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                bits.add(w.bit(k));
            }
            output("bit_exact").set(Hw.select(i3, bits));                           // w[i3]
            output("bit_offset").set(Hw.select(i2, bits.subList(4, 8)));            // w[4 + i2]
            output("bit_narrow").set(Hw.select(i2, List.of(v.bit(0), v.bit(1), v.bit(2), v.bit(3)))); // case
            output("pairs_wide_index", 2).set(Hw.select(i4, List.of(w.bits(1, 0), w.bits(3, 2), w.bits(5, 4))));
            // the options slice a sum: the sum becomes a wire, the select a part-select of it
            UInt sum = v.bits(7, 0).add(w);
            output("sum_nibble", 4).set(Hw.select(i2, List.of(sum.bits(3, 0), sum.bits(5, 2), sum.bits(7, 4))));

            Mem ram = mem("ram", 8, 6);
            UInt wp = regInit("wp", 3, 0);
            wp.set(Hw.mux(wp.eq(5), Hw.lit(0, 3), wp.add(1)));
            ram.write(wp, w);
            List<UInt> words = new java.util.ArrayList<>();
            for (int a = 0; a < 6; a++) {
                words.add(ram.read(Hw.lit(a, 3)));
            }
            output("word", 8).set(Hw.select(i3, words));                        // ram[i3], guarded past 5
            output("word_offset", 8).set(Hw.select(i2, words.subList(2, 5)));   // ram[2 + i2], guarded past 2

            // options that are different signals: a case, shared by its two readers
            UInt other = Hw.select(i2, List.of(v.bits(7, 0), w, v.bits(15, 8).xor(w), v.bits(23, 16)));
            output("other", 8).set(other);
            output("other_plus", 8).set(other.add(w));
            UInt inner = Hw.select(i2, List.of(w.bits(3, 0), w.bits(7, 4), v.bits(3, 0)));
            output("nested", 4).set(Hw.select(i3, List.of(inner, v.bits(11, 8), inner.not(), v.bits(23, 20))));

            // one value written twice, and a register updated only when a condition is false
            output("twice_a").set(v.bits(7, 0).add(w).eq(w).and(ok));
            output("twice_b").set(v.bits(7, 0).add(w).eq(w).or(ok));
            UInt held = reg("held", 8);
            UInt counted = regInit("counted", 8, 0);
            when(ok.not(), () -> held.set(w)).otherwise(() -> counted.set(counted.add(1)));
            output("held_out", 8).set(held);
            output("counted_out", 8).set(counted);
        }
    }

    /** A leaf used twice with the same parameters (must be emitted once) and once with others. */
    static final class Accumulator extends Module {
        private final int width;
        private Stream in;
        private UInt total;

        Accumulator(int width) {
            this.width = param("width", width);
        }

        Stream inPort() {
            return in;
        }

        UInt totalPort() {
            return total;
        }

        @Override
        protected void build() {
            in = input("in", s -> new Stream(s, width));
            total = output("total", width);
            UInt acc = regInit("acc", width, 0);
            in.ready.set(acc.msb().not());
            when(in.fire(), () -> acc.set(acc.add(in.bits)));
            total.set(acc);
        }
    }

    /** A leaf whose inputs its parent reads back. */
    static final class Latch extends Module {
        private final int width;
        Bool go;
        UInt data;
        UInt q;

        Latch(int width) {
            this.width = param("width", width);
        }

        @Override
        protected void build() {
            go = input("go");
            data = input("data", width);
            q = output("q", width);
            UInt held = regInit("held", width, 0);
            when(go, () -> held.set(data));
            q.set(held);
        }
    }

    /**
     * A parent reading its children's inputs in expressions, each input driven by a different kind of value: a
     * wire with a default set in a branch, an input port, another child's input, a slice, a constant. The parent
     * has no net of its own for such an input (the driver is printed in the port map), so the emitted Verilog
     * must read the driver; {@code u_d}'s input is the only name of a slice of a sum read again elsewhere.
     */
    static final class ReadsChildInputs extends Module {
        @Override
        protected void build() {
            Bool sel = input("sel");
            Bool en = input("en");
            UInt x = input("x", 8);
            UInt idx = input("idx", 2);
            Latch a = instance("u_a", new Latch(8));
            Latch b = instance("u_b", new Latch(4));
            Latch c = instance("u_c", new Latch(4));
            Bool goW = wireInit("go_w", false);
            when(sel, () -> goW.set(true));
            a.go.set(goW);
            a.data.set(x);
            b.go.set(a.go);
            b.data.set(x.bits(7, 4));
            c.go.set(true);
            c.data.set(x.bits(3, 0));
            output("fire").set(a.go.and(en));
            output("echo", 8).set(a.data.xor(a.q));
            output("both").set(b.go.and(c.go));
            output("low", 2).set(b.data.bits(2, 1));
            output("pick").set(b.data.bit(idx));
            output("sum", 4).set(b.q.add(c.q));
            // a value the child input is the only name of, read again in a larger expression: a slice of a sum
            Latch d = instance("u_d", new Latch(4));
            UInt part = x.add(idx.resize(8)).bits(5, 2);
            d.go.set(en);
            d.data.set(part);
            output("mixed", 4).set(part.xor(d.q));
        }
    }

    /** State without reset values: no {@code rst} port at all. */
    static final class NoReset extends Module {
        @Override
        protected void build() {
            UInt d = input("d", 8);
            Vec<UInt> stages = vec(3, i -> reg("stage_" + i, 8));
            stages.get(0).set(d);
            stages.get(1).set(stages.get(0));
            stages.get(2).set(stages.get(1).xor(stages.get(0)));
            Mem history = mem("history", 8, 4);
            UInt wp = reg("wp", 2);
            wp.set(wp.add(1));
            history.write(wp, stages.get(2));
            output("q", 8).set(stages.get(2));
            output("old", 8).set(history.read(wp));
        }
    }

    /** A parent that ignores some outputs of its children. */
    static final class IgnoresOutputs extends Module {
        @Override
        protected void build() {
            Accumulator a = instance("u_acc", new Accumulator(8));
            a.inPort().valid.set(input("v"));
            a.inPort().bits.set(input("d", 8));
            output("total", 8).set(a.totalPort());
        }
    }

    /** State, memories, vectors, switches, an FSM and hierarchy together. */
    static final class Everything extends Module {
        enum Phase { LOAD, RUN, DRAIN }

        @Override
        protected void build() {
            UInt op = input("op", 3);
            UInt x = input("x", 16);
            UInt y = input("y", 16);
            UInt idx = input("idx", 2);
            Bool go = input("go");
            UInt mask = input("mask", 2);

            // switch with several labels per arm and a default
            UInt alu = wireInit("alu", 16, 0);
            switchOn(op)
                    .is(0, () -> alu.set(x.add(y)))
                    .is(new long[] {1, 2}, () -> alu.set(x.sub(y)))
                    .is(3, () -> alu.set(x.and(y)))
                    .otherwise(() -> alu.set(x.xor(y)));
            output("alu_out", 16).set(alu);

            // registers with enable and without reset
            UInt held = regInit("held", 16, 0xbeef).enabledBy(go);
            held.set(alu);
            UInt free = reg("free", 16);
            free.set(x);
            output("held_out", 16).set(held);
            output("free_out", 16).set(free.and(0));

            // vector of registers written and read dynamically
            Vec<UInt> slots = vec(4, i -> regInit("slot_" + i, 16, i));
            when(go, () -> slots.write(idx, s -> s, x));
            output("slot_read", 16).set(slots.read(idx, s -> s));
            output("any_match").set(Hw.orAll(slots.map(s -> s.eq(y))));

            // memory: masked write, asynchronous and synchronous read
            Mem ram = mem("ram", 16, 6);
            UInt waddr = x.bits(2, 0);
            when(go.and(waddr.lt(6)), () -> ram.write(waddr, y, mask));
            output("ram_async", 16).set(ram.read(y.bits(2, 0)));
            output("ram_sync", 16).set(ram.readSync(y.bits(2, 0), go.not()));

            // area prefixes and an FSM
            area("ctl", () -> {
                Fsm<Phase> fsm = fsm("phase", Phase.class, Phase.LOAD);
                UInt beats = regInit("beats", 4, 0);
                fsm.on(Phase.LOAD, () -> when(go, () -> fsm.go(Phase.RUN)))
                        .on(Phase.RUN, () -> {
                            beats.set(beats.add(1));
                            when(beats.eq(5), () -> fsm.go(Phase.DRAIN));
                        })
                        .on(Phase.DRAIN, () -> {
                            beats.set(0);
                            fsm.go(Phase.LOAD);
                        });
                output("phase_run").set(fsm.is(Phase.RUN));
            });

            // hierarchy: two identical children, one different
            Accumulator a0 = instance("acc0", new Accumulator(8));
            Accumulator a1 = instance("acc1", new Accumulator(8));
            Accumulator a2 = instance("acc2", new Accumulator(12));
            for (Accumulator a : List.of(a0, a1, a2)) {
                Stream in = a.inPort();
                in.valid.set(go);
                in.bits.set(x.resize(in.bits.width()));
            }
            output("totals", 28).set(a0.totalPort().cat(a1.totalPort(), a2.totalPort()));
            output("readies", 3).set(Hw.cat(a0.inPort().ready, a1.inPort().ready, a2.inPort().ready));
        }
    }
}
