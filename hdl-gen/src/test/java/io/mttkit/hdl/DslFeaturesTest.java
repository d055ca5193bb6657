package io.mttkit.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.samples.Fifo;
import io.mttkit.hdl.samples.Stream;
import io.mttkit.hdl.sim.Simulator;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Structure, naming and output-format features of the DSL. */
class DslFeaturesTest {
    private static String verilog(Design d, String module) {
        return Hdl.emit(d, EmitOptions.plain()).get(module + ".v");
    }

    @Test
    void definitionNamesComeFromParameters() {
        Design d = Hdl.elaborate(new Fifo(8, 16));
        assertEquals("Fifo_width8_depth16", d.top());
    }

    @Test
    void identicalDefinitionsAreEmittedOnceAndDifferentOnesSeparately() {
        Design d = Hdl.elaborate(new TestDesigns.Everything());
        List<String> names = d.modules().stream().map(ModuleDef::name).toList();
        assertEquals(List.of("Accumulator_width8", "Accumulator_width12", "Everything"), names);
        String top = verilog(d, "Everything");
        assertTrue(top.contains("Accumulator_width8 acc0 ("), top);
        assertTrue(top.contains("Accumulator_width8 acc1 ("), top);
        assertTrue(top.contains("Accumulator_width12 acc2 ("), top);
    }

    /** A leaf whose structure depends on an argument it does not declare as a parameter. */
    static final class Undeclared extends Module {
        private final int width;

        Undeclared(int width) {
            this.width = width;
        }

        @Override
        protected void build() {
            output("y", width).set(input("a", width));
        }
    }

    @Test
    void differentStructuresUnderOneNameAreUniquified() {
        Design d = Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                Undeclared u4 = instance("u4", new Undeclared(4));
                Undeclared u8 = instance("u8", new Undeclared(8));
                u4.port("a").set(input("a", 4));
                u8.port("a").set(input("b", 8));
                output("y", 12).set(u4.port("y").cat(u8.port("y")));
            }
        });
        assertEquals(List.of("Undeclared", "Undeclared_1"), d.modules().subList(0, 2).stream().map(ModuleDef::name).toList());
    }

    @Test
    void bundlePortsAreNamedByPathAndFlippedFieldsReverseDirection() {
        ModuleDef top = Hdl.elaborate(new Fifo(8, 4)).topModule();
        Map<String, Signal.Kind> ports = new java.util.LinkedHashMap<>();
        top.ports().forEach(p -> ports.put(p.name(), p.kind()));
        assertEquals(List.of("enq_valid", "enq_bits", "enq_ready", "deq_valid", "deq_bits", "deq_ready", "level"),
                List.copyOf(ports.keySet()));
        assertEquals(Signal.Kind.INPUT, ports.get("enq_valid"));
        assertEquals(Signal.Kind.OUTPUT, ports.get("enq_ready"));
        assertEquals(Signal.Kind.OUTPUT, ports.get("deq_valid"));
        assertEquals(Signal.Kind.INPUT, ports.get("deq_ready"));
    }

    /** Nested bundle with a flipped sub-bundle. */
    static final class Channel extends Bundle {
        final Stream req;
        final Stream resp;

        Channel(Scope s) {
            super(s);
            req = s.bundle("req", x -> new Stream(x, 4));
            resp = s.flip().bundle("resp", x -> new Stream(x, 4));
        }
    }

    @Test
    void nestedBundlesAndConnectFollowDirections() {
        Design d = Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                Channel up = input("up", Channel::new);
                Channel down = output("down", Channel::new);
                connect(down, up);
            }
        });
        String v = verilog(d, d.top());
        // forward fields flow up -> down, flipped ones down -> up
        assertTrue(v.contains("assign down_req_valid = up_req_valid;"), v);
        assertTrue(v.contains("assign up_req_ready = down_req_ready;"), v);
        assertTrue(v.contains("assign up_resp_valid = down_resp_valid;"), v);
        assertTrue(v.contains("assign down_resp_ready = up_resp_ready;"), v);
    }

    @Test
    void areaPrefixesNames() {
        Design d = Hdl.elaborate(new TestDesigns.Everything());
        List<String> names = d.topModule().signals().stream().map(Signal::name).toList();
        assertTrue(names.contains("ctl_phase") && names.contains("ctl_beats"), names.toString());
    }

    /** Holds an unnamed expression in a field: the fallback naming pass names it after the field. */
    static final class FieldNamed extends Module {
        private UInt total;

        @Override
        protected void build() {
            UInt a = input("a", 8);
            UInt b = input("b", 8);
            total = a.add(b);
            output("y", 8).set(total.xor(a));
            output("z", 8).set(total.and(b));
        }
    }

    @Test
    void fieldsHoldingUnnamedValuesAreNamedAfterTheField() {
        String v = verilog(Hdl.elaborate(new FieldNamed()), "FieldNamed");
        assertTrue(v.contains("assign total = a + b;"), v);
        assertTrue(v.contains("assign y = total ^ a;"), v);
        assertTrue(v.contains("assign z = total & b;"), v);
    }

    @Test
    void sharedUnnamedValuesGetDerivedNamesAndSingleUseOnesStayInline() {
        Design d = Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                UInt b = input("b", 8);
                UInt sum = a.add(b);
                output("y", 8).set(sum.xor(a));
                output("z", 8).set(sum.and(b));
                output("w", 8).set(a.sub(b).or(b));
            }
        });
        String v = verilog(d, d.top());
        assertTrue(v.contains("assign a_plus_b = a + b;"), v);
        assertTrue(v.contains("assign w = (a - b) | b;"), v);
        assertFalse(v.matches("(?s).*_T_?\\d.*"), v);
    }

    @Test
    void resetPortOnlyWhereSomethingHasAResetValue() {
        String v = verilog(Hdl.elaborate(new TestDesigns.NoReset()), "NoReset");
        assertTrue(v.contains("input  wire       clk,"), v);
        assertFalse(v.contains("rst"), v);
    }

    @Test
    void childOutputsNobodyReadsAreNamedUnused() {
        String v = verilog(Hdl.elaborate(new TestDesigns.IgnoresOutputs()), "IgnoresOutputs");
        assertTrue(v.contains(".in_ready(u_acc_in_ready_unused)"), v);
        assertTrue(v.contains(".total(u_acc_total)"), v);
    }

    @Test
    void sourceCommentsPointAtTheJavaLines() {
        String v = Hdl.emit(Hdl.elaborate(new FieldNamed()), EmitOptions.withSourceComments()).get("FieldNamed.v");
        assertTrue(v.contains("// DslFeaturesTest.java:"), v);
        assertFalse(verilog(Hdl.elaborate(new FieldNamed()), "FieldNamed").contains("//"));
    }

    @Test
    void moduleObjectsCannotBeElaboratedTwice() {
        Fifo f = new Fifo(8, 4);
        Hdl.elaborate(f);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Hdl.elaborate(f));
        assertTrue(e.getMessage().contains("new object"), e.getMessage());
    }

    @Test
    void hardwareOutsideBuildIsRejected() {
        Fifo f = new Fifo(8, 4);
        UInt lit = Hw.lit(3, 4);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.port("level"));
        assertTrue(e.getMessage().contains("build()"), e.getMessage());
        assertEquals(4, lit.width());
    }

    @Test
    void literalsMustFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hw.lit(16, 4));
        assertTrue(e.getMessage().contains("does not fit in 4"), e.getMessage());
    }

    @Test
    void wideValuesInTheInterpreter() {
        Design d = Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                UInt a = input("a", 100);
                output("y", 101).set(a.addW(Hw.ones(100)));
            }
        });
        Simulator sim = new Simulator(d);
        BigInteger a = BigInteger.ONE.shiftLeft(99).add(BigInteger.valueOf(5));
        sim.poke(sim.port("a"), a);
        assertEquals(a.add(BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE)), sim.peek(sim.port("y")));
    }

    /**
     * A CAM-style design of the size the walker's cache needs (a few thousand signals): a vector of bundles of
     * registers compared against a key, a priority encoder over the hits and a PLRU-like update. Checks that
     * such a design elaborates and emits (no timing assertion: unit tests do not time).
     */
    static final class Cam extends Module {
        static final class Entry extends Bundle {
            final Bool valid;
            final UInt tag;
            final UInt data;

            Entry(Scope s) {
                super(s);
                valid = s.bool("valid");
                tag = s.uint("tag", 40);
                data = s.uint("data", 16);
            }
        }

        private final int entries;

        Cam(int entries) {
            this.entries = param("entries", entries);
        }

        @Override
        protected void build() {
            UInt key = input("key", 40);
            Bool fill = input("fill");
            UInt fillIndex = input("fill_index", Hw.indexWidth(entries));
            UInt fillData = input("fill_data", 16);
            Vec<Entry> table = Vec.of(entries, i -> regInit("entry_" + i, Entry::new));
            UInt hits = Hw.catLsbFirst(table.map(e -> e.valid.and(e.tag.eq(key)))).named("hits");
            UInt hitIndex = Hw.priorityEncode(hits).named("hit_index");
            output("hit").set(hits.orR());
            output("hit_data", 16).set(table.read(hitIndex, e -> e.data));
            when(fill, () -> {
                table.write(fillIndex, e -> e.valid, Hw.high());
                table.write(fillIndex, e -> e.tag, key);
                table.write(fillIndex, e -> e.data, fillData);
            });
        }
    }

    @Test
    void largeCamStyleDesignElaboratesAndEmits() {
        Design d = Hdl.elaborate(new Cam(256));
        assertTrue(d.topModule().signals().size() > 768);
        assertTrue(verilog(d, d.top()).contains("assign hit = |hits;"));
    }
}
