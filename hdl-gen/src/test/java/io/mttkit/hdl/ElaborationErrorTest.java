package io.mttkit.hdl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per elaboration error: the check that reports it, the message, and the user's source line
 * (the line of this file where the mistake is made, marked with {@code line = nextLine()}).
 */
class ElaborationErrorTest {
    private static final String FILE = "ElaborationErrorTest.java";

    /** The line after the caller's line. */
    static int nextLine() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow()).getLineNumber() + 1;
    }

    /** A module whose build() is a lambda, remembering a marked line. */
    abstract static class Probe extends Module {
        int line;
    }

    private static HdlError single(Probe m, String check) {
        ElaborationException e = assertThrows(ElaborationException.class, () -> Hdl.elaborate(m));
        List<HdlError> errors = e.errors();
        assertEquals(1, errors.size(), () -> "expected one error, got:\n" + e.getMessage());
        HdlError err = errors.get(0);
        assertEquals(check, err.check(), err::toString);
        assertEquals(FILE, err.loc().file(), err::toString);
        assertEquals(m.line, err.loc().line(), err::toString);
        assertTrue(!err.hint().isBlank());
        return err;
    }

    private static void assertContains(String haystack, String... needles) {
        for (String n : needles) {
            assertTrue(haystack.contains(n), () -> "'" + haystack + "' should contain '" + n + "'");
        }
    }

    @Test
    void assignmentOfAWiderValue() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                UInt y = output("y", 4);
                line = nextLine();
                y.set(a);
            }
        }, "width");
        assertContains(e.message(), "8-bit value", "'y'", "4 bits");
        assertContains(e.hint(), "resize");
    }

    @Test
    void operatorOnUnequalWidths() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                UInt b = input("b", 4);
                UInt y = output("y", 8);
                line = nextLine();
                UInt both = a.and(b);
                y.set(both);
            }
        }, "width");
        assertContains(e.message(), "and", "8 and 4 bits");
    }

    @Test
    void selectOverOptionsOfUnequalWidths() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt i = input("i", 2);
                UInt a = input("a", 8);
                UInt b = input("b", 4);
                UInt y = output("y", 8);
                line = nextLine();
                UInt picked = Hw.select(i, List.of(a, a, b));
                y.set(picked);
            }
        }, "width");
        assertContains(e.message(), "select options have 8 bits (option 0) and 4 bits (option 2)");
    }

    @Test
    void selectWithOptionsTheIndexCannotReach() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt i = input("i", 1);
                UInt a = input("a", 8);
                UInt y = output("y", 8);
                line = nextLine();
                y.set(Hw.select(i, List.of(a, a, a, a)));
            }
        }, "width");
        assertContains(e.message(), "4 options with a 1-bit index", "options 2 and above");
        assertContains(e.hint(), "widen the index to 2 bits");
    }

    @Test
    void constantThatDoesNotFit() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                UInt y = output("y", 8);
                line = nextLine();
                y.set(a.add(300));
            }
        }, "width");
        assertContains(e.message(), "300", "8 bit");
    }

    @Test
    void twoUnconditionalDriversOfOneBit() {
        int[] first = new int[1];
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                UInt y = output("y", 8);
                first[0] = nextLine();
                y.set(a);
                line = nextLine();
                y.bits(3, 0).set(a.bits(7, 4));
            }
        }, "driver");
        assertContains(e.message(), "bit 0 of 'y'", FILE + ":" + first[0]);
    }

    @Test
    void assigningAnInputOfThisModule() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                output("y", 8).set(a);
                line = nextLine();
                a.set(0);
            }
        }, "driver");
        assertContains(e.message(), "'a' is an input");
    }

    @Test
    void undrivenOutput() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                input("a", 8);
                line = nextLine();
                output("y", 8);
            }
        }, "undriven");
        assertContains(e.message(), "output 'y' is never driven");
        assertContains(e.hint(), "dontCare");
    }

    @Test
    void partlyUndrivenWire() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 4);
                line = nextLine();
                UInt w = wire("w", 8);
                w.bits(3, 0).set(a);
                output("y", 8).set(w);
            }
        }, "undriven");
        assertContains(e.message(), "wire 'w[7:4]'");
    }

    @Test
    void dontCareAndDefaultsAreNotErrors() {
        assertDoesNotThrow(() -> Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                Bool c = input("c");
                UInt a = input("a", 8);
                output("spare", 8).dontCare();
                UInt w = wireInit("w", 8, 0);
                when(c, () -> w.set(a));
                output("y", 8).set(w);
            }
        }));
    }

    @Test
    void latchFromAConditionalAssignmentWithoutDefault() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                Bool c = input("c");
                UInt a = input("a", 8);
                UInt w = wire("w", 8);
                line = nextLine();
                when(c, () -> w.set(a));
                output("y", 8).set(w);
            }
        }, "latch");
        assertContains(e.message(), "'w'", "some paths but not all");
        assertContains(e.hint(), "wireInit(\"w\"");
    }

    @Test
    void switchWithoutDefaultCoveringSomeValuesIsALatch() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt sel = input("sel", 2);
                UInt w = wire("w", 4);
                line = nextLine();
                switchOn(sel).is(0, () -> w.set(1))
                        .is(1, () -> w.set(2));
                output("y", 4).set(w);
            }
        }, "latch");
        assertContains(e.message(), "'w'");
    }

    @Test
    void combinationalLoopIsReportedAsAChainWithLines() {
        int[] lines = new int[2];
        ElaborationException ex = assertThrows(ElaborationException.class, () -> Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                UInt c = input("c", 8);
                UInt a = wire("a", 8);
                UInt b = wire("b", 8);
                lines[0] = nextLine();
                a.set(b.add(1));
                lines[1] = nextLine();
                b.set(a.and(c));
                output("y", 8).set(b);
            }
        }));
        assertEquals(1, ex.errors().size(), ex.getMessage());
        HdlError e = ex.errors().get(0);
        assertEquals("loop", e.check());
        // "x -> y (line)": y is computed from x at that line
        assertContains(e.message(), "combinational loop: ", "-> a (" + FILE + ":" + lines[0] + ")",
                "-> b (" + FILE + ":" + lines[1] + ")");
        assertTrue(e.message().matches("combinational loop: (a|b) -> .* -> (a|b) .*"), e.message());
    }

    /** A child whose output follows its input combinationally. */
    static final class PassThrough extends Module {
        @Override
        protected void build() {
            output("o", 8).set(input("i", 8));
        }
    }

    @Test
    void loopThroughAChildInstance() {
        ElaborationException ex = assertThrows(ElaborationException.class, () -> Hdl.elaborate(new Module() {
            PassThrough child;

            @Override
            protected void build() {
                child = instance("pass", new PassThrough());
                UInt i = child.port("i");
                i.set(child.port("o").add(1));
                output("y", 8).set(child.port("o"));
            }
        }));
        assertEquals("loop", ex.errors().get(0).check(), ex.getMessage());
        assertContains(ex.errors().get(0).message(), "pass_i", "pass_o");
    }

    /** A child that (wrongly) reads a signal of its parent handed over in the constructor. */
    static final class Snooper extends Module {
        private final UInt foreign;
        int line;

        Snooper(UInt foreign) {
            this.foreign = foreign;
        }

        @Override
        protected void build() {
            line = nextLine();
            output("y", 8).set(foreign.add(1));
        }
    }

    @Test
    void signalUsedInTheWrongModule() {
        int[] declared = new int[1];
        Snooper[] snooper = new Snooper[1];
        ElaborationException ex = assertThrows(ElaborationException.class, () -> Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                declared[0] = nextLine();
                UInt secret = input("secret", 8);
                snooper[0] = instance("snoop", new Snooper(secret));
            }
        }));
        HdlError e = ex.errors().get(0);
        assertEquals("ownership", e.check(), ex.getMessage());
        assertEquals(snooper[0].line, e.loc().line());
        assertContains(e.message(), "'secret' (declared at " + FILE + ":" + declared[0] + ")", "used in module Snooper");
    }

    @Test
    void reservedKeywordAsName() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                line = nextLine();
                output("reg", 8).set(a);
            }
        }, "name");
        assertContains(e.message(), "'reg'", "reserved");
    }

    @Test
    void nameCollidingWithTheClockPort() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                UInt r = regInit("r", 8, 0);
                r.set(a);
                line = nextLine();
                output("clk", 8).set(r);
            }
        }, "name");
        assertContains(e.message(), "'clk'", "clock/reset");
    }

    @Test
    void twoSignalsWithOneName() {
        int[] first = new int[1];
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                first[0] = nextLine();
                UInt x1 = wireInit("x", a);
                line = nextLine();
                UInt x2 = wireInit("x", a);
                output("y", 8).set(x1.xor(x2));
            }
        }, "name");
        assertContains(e.message(), "'x'", FILE + ":" + first[0]);
    }

    @Test
    void instanceNamedLikeASignalInsideIt() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                line = nextLine();
                PassThrough p = instance("o", new PassThrough());
                p.port("i").set(input("a", 8));
                output("y", 8).set(p.port("o"));
            }
        }, "name");
        assertContains(e.message(), "instance name 'o'", "PassThrough");
        assertContains(e.hint(), "'u_o'");
    }

    @Test
    void registerThatIsNeverAssigned() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                line = nextLine();
                UInt r = regInit("r", 8, 5);
                output("y", 8).set(r);
            }
        }, "undriven");
        assertContains(e.message(), "register 'r' is never assigned");
    }

    @Test
    void memoryAddressOfTheWrongWidth() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                Mem ram = mem("ram", 8, 16);
                UInt a = input("a", 5);
                line = nextLine();
                output("y", 8).set(ram.read(a));
            }
        }, "width");
        assertContains(e.message(), "address of 5 bits", "'ram'", "depth 16");
        assertContains(e.hint(), "exactly 4 bits");
    }

    enum Light { RED, GREEN, YELLOW }

    @Test
    void fsmWithAnUnhandledState() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                Bool go = input("go");
                line = nextLine();
                Fsm<Light> fsm = fsm("light", Light.class, Light.RED);
                fsm.on(Light.RED, () -> when(go, () -> fsm.go(Light.GREEN)))
                        .on(Light.GREEN, () -> fsm.go(Light.YELLOW));
                output("red").set(fsm.is(Light.RED));
            }
        }, "fsm");
        assertContains(e.message(), "'light'", "[YELLOW]");
        assertContains(e.hint(), "Light.YELLOW");
    }

    @Test
    void duplicateSwitchLabel() {
        HdlError e = single(new Probe() {
            @Override
            protected void build() {
                UInt sel = input("sel", 2);
                UInt w = wireInit("w", 4, 0);
                line = nextLine() + 2;
                switchOn(sel)
                        .is(0, () -> w.set(1))
                        .is(0, () -> w.set(2));
                output("y", 4).set(w);
            }
        }, "structure");
        assertContains(e.message(), "label 0 appears twice");
    }

    @Test
    void everyErrorOfARunIsReportedTogether() {
        ElaborationException ex = assertThrows(ElaborationException.class, () -> Hdl.elaborate(new Module() {
            @Override
            protected void build() {
                UInt a = input("a", 8);
                output("narrow", 4).set(a);
                output("floating", 8);
                output("begin", 8).set(a);
            }
        }));
        List<String> checks = ex.errors().stream().map(HdlError::check).sorted().toList();
        assertEquals(List.of("name", "undriven", "width"), checks, ex.getMessage());
        assertContains(ex.getMessage(), "3 error(s)", "hint:");
    }
}
