package io.mttkit.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.samples.Stream;
import io.mttkit.hdl.sim.Simulator;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Typed interfaces: a module's ports as one bundle reached through a field, connect by field name with its
 * errors (name, width, direction) at the user's line, and whole-bundle mux and assignment.
 */
class TypedInterfaceTest {
    private static final String FILE = "TypedInterfaceTest.java";

    /** The line after the caller's line. */
    static int nextLine() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow()).getLineNumber() + 1;
    }

    /** A request/response port: the request flows in, the response out (seen from the server). */
    static final class ServerIo extends Bundle {
        final Stream req;
        final Stream rsp;
        final UInt state;

        ServerIo(Scope s, int width) {
            super(s);
            req = s.in().bundle("req", x -> new Stream(x, width));
            rsp = s.out().bundle("rsp", x -> new Stream(x, width));
            state = s.out().uint("state", 2);
        }
    }

    /** Adds one to every request; one in flight. */
    static final class Incrementer extends Module {
        final int width;
        ServerIo io;

        Incrementer(int width) {
            this.width = param("width", width);
        }

        @Override
        protected void build() {
            io = ports(s -> new ServerIo(s, width));
            Bool full = regInit("full", false);
            UInt data = regInit("data", width, 0);
            io.req.ready.set(full.not());
            io.rsp.valid.set(full);
            io.rsp.bits.set(data);
            io.state.set(full.zext(2));
            when(io.req.fire(), () -> {
                full.set(true);
                data.set(io.req.bits.add(1));
            }).elseWhen(io.rsp.fire(), () -> full.set(false));
        }
    }

    /** A top passing its own ports straight through to a child: every field connected by name. */
    static final class PassThrough extends Module {
        @Override
        protected void build() {
            ServerIo io = ports(s -> new ServerIo(s, 8));
            Incrementer child = instance("u_inc", new Incrementer(8));
            connect(io, child.io);
        }
    }

    private static void reset(Simulator sim) {
        sim.poke(sim.port("rst"), BigInteger.ONE);
        sim.step();
        sim.poke(sim.port("rst"), BigInteger.ZERO);
    }

    @Test
    void portsBundleGivesDirectionsAndNamesWithoutPrefix() {
        Design d = Hdl.elaborate(new Incrementer(8));
        List<String> names = d.topModule().ports().stream().map(Signal::name).toList();
        assertEquals(List.of("req_valid", "req_bits", "req_ready", "rsp_valid", "rsp_bits", "rsp_ready", "state"),
                names);
        List<Signal.Kind> kinds = d.topModule().ports().stream().map(Signal::kind).toList();
        assertEquals(List.of(Signal.Kind.INPUT, Signal.Kind.INPUT, Signal.Kind.OUTPUT, Signal.Kind.OUTPUT,
                Signal.Kind.OUTPUT, Signal.Kind.INPUT, Signal.Kind.OUTPUT), kinds);
    }

    @Test
    void connectPairsByNameAndTheParentReachesChildPortsTyped() {
        Design d = Hdl.elaborate(new PassThrough());
        String v = Hdl.emit(d, EmitOptions.plain()).get(d.top() + ".v");
        assertTrue(v.contains(".req_valid(req_valid)") || v.contains("u_inc_req_valid = req_valid"), v);
        Simulator sim = new Simulator(d);
        reset(sim);
        sim.poke(sim.port("req_valid"), BigInteger.ONE);
        sim.poke(sim.port("req_bits"), BigInteger.valueOf(41));
        sim.poke(sim.port("rsp_ready"), BigInteger.ZERO);
        sim.step();
        sim.poke(sim.port("req_valid"), BigInteger.ZERO);
        assertEquals(BigInteger.ONE, sim.peek(sim.port("rsp_valid")));
        assertEquals(BigInteger.valueOf(42), sim.peek(sim.port("rsp_bits")));
        assertEquals(BigInteger.ONE, sim.peek(sim.port("state")));
        assertEquals(BigInteger.ZERO, sim.peek(sim.port("req_ready")));
    }

    /** A bundle like ServerIo whose field is called differently. */
    static final class RenamedIo extends Bundle {
        RenamedIo(Scope s) {
            super(s);
            s.in().bundle("req", x -> new Stream(x, 8));
            s.out().bundle("rsp", x -> new Stream(x, 8));
            s.out().uint("status", 2);
        }
    }

    abstract static class Probe extends Module {
        int line;
    }

    private static HdlError single(Probe m, String check, String... needles) {
        ElaborationException e = assertThrows(ElaborationException.class, () -> Hdl.elaborate(m));
        assertTrue(e.errors().size() >= 1, e::getMessage);
        HdlError err = e.errors().get(0);
        assertEquals(check, err.check(), err::toString);
        assertEquals(FILE, err.loc().file(), err::toString);
        assertEquals(m.line, err.loc().line(), err::toString);
        assertTrue(!err.hint().isBlank());
        for (String n : needles) {
            assertTrue(err.message().contains(n), () -> "'" + err.message() + "' should contain '" + n + "'");
        }
        return err;
    }

    @Test
    void connectRefusesAFieldWithoutPartnerAtTheCallersLine() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                RenamedIo io = ports(RenamedIo::new);
                Incrementer child = instance("u_inc", new Incrementer(8));
                line = nextLine();
                connect(io, child.io);
            }
        }, "structure", "'status'", "ServerIo");
        assertTrue(e.toString().contains(FILE + ":"), e.toString());
    }

    @Test
    void connectRefusesAWidthDifference() {
        single(new Probe() {
            @Override
            protected void build() {
                ServerIo io = ports(s -> new ServerIo(s, 16));
                Incrementer child = instance("u_inc", new Incrementer(8));
                line = nextLine();
                connect(io, child.io);
            }
        }, "width", "'req_bits'", "16 bit(s)", "8 bit(s)");
    }

    @Test
    void connectRefusesTwoOutputsOrTwoInputs() {
        single(new Probe() {
            @Override
            protected void build() {
                // declared the wrong way round: the top's req fields become outputs, like the child's inputs
                ServerIo io = input("x", s -> new ServerIo(s, 8));
                Incrementer child = instance("u_inc", new Incrementer(8));
                line = nextLine();
                connect(io, child.io);
            }
        }, "direction", "'req_valid'", "both can be driven here");
        single(new Probe() {
            @Override
            protected void build() {
                Pair x = input("x", Pair::new);
                Pair y = input("y", Pair::new);
                line = nextLine();
                connect(x, y);
            }
        }, "direction", "'a'", "neither can be driven here");
    }

    /** Two fields that travel together. */
    static final class Pair extends Bundle {
        final UInt a;
        final Bool b;

        Pair(Scope s) {
            super(s);
            a = s.uint("a", 4);
            b = s.bool("b");
        }
    }

    @Test
    void muxAndSetWorkOnWholeBundles() {
        Design d = Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                Pair x = input("x", Pair::new);
                Pair y = input("y", Pair::new);
                Bool sel = input("sel");
                Bool load = input("load");
                Pair chosen = Hw.mux(sel, x, y);
                Pair held = regInit("held", Pair::new);
                when(load, () -> held.set(chosen));
                output("out", Pair::new).set(held);
            }
        });
        Simulator sim = new Simulator(d);
        reset(sim);
        sim.poke(sim.port("x_a"), BigInteger.valueOf(3));
        sim.poke(sim.port("x_b"), BigInteger.ONE);
        sim.poke(sim.port("y_a"), BigInteger.valueOf(12));
        sim.poke(sim.port("y_b"), BigInteger.ZERO);
        sim.poke(sim.port("sel"), BigInteger.ZERO);
        sim.poke(sim.port("load"), BigInteger.ONE);
        sim.step();
        assertEquals(BigInteger.valueOf(12), sim.peek(sim.port("out_a")));
        assertEquals(BigInteger.ZERO, sim.peek(sim.port("out_b")));
        sim.poke(sim.port("sel"), BigInteger.ONE);
        sim.step();
        assertEquals(BigInteger.valueOf(3), sim.peek(sim.port("out_a")));
        assertEquals(BigInteger.ONE, sim.peek(sim.port("out_b")));
        sim.poke(sim.port("load"), BigInteger.ZERO);
        sim.poke(sim.port("sel"), BigInteger.ZERO);
        sim.step();
        assertEquals(BigInteger.valueOf(3), sim.peek(sim.port("out_a")), "held without load");
    }

    @Test
    void muxOfBundlesOfDifferentShapeIsAnError() {
        single(new Probe() {
            @Override
            protected void build() {
                Pair x = input("x", Pair::new);
                RenamedIo y = input("y", RenamedIo::new);
                line = nextLine();
                Hw.mux(input("sel"), (Bundle) x, (Bundle) y);
            }
        }, "structure", "'a'");
    }

    @Test
    void stableModuleNamesReplaceParameterNames() {
        Design d = Hdl.elaborate(new Module() {
            {
                moduleName("my_top");
            }

            @Override
            protected void build() {
                output("y").set(input("a"));
            }
        });
        assertEquals("my_top", d.top());
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            {
                moduleName("9bad");
            }

            @Override
            protected void build() {
            }
        });
    }
}
