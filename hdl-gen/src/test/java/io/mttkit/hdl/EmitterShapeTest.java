package io.mttkit.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.Expr;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the emitter makes of common shapes: equal expressions shared, values read by their names, selects as
 * indexed reads or {@code case}, negations without noise, long expressions wrapped.
 */
class EmitterShapeTest {
    private static String verilog(Module m) {
        Design d = Hdl.elaborate(m);
        return Hdl.emit(d, EmitOptions.plain()).get(d.top() + ".v");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void readingAChildInputReadsWhatDrivesIt() {
        String v = verilog(new TestDesigns.ReadsChildInputs());
        // the children's inputs have no net in the parent: their drivers are in the port maps
        for (String childSide : List.of("u_a_go", "u_a_data", "u_b_go", "u_b_data", "u_c_go", "u_c_data")) {
            assertFalse(v.contains(childSide), childSide + " in\n" + v);
        }
        assertEquals(2, count(v, "\\.go\\(go_w\\)"), v);
        assertTrue(v.contains("assign fire = go_w & en;"), v);
        assertTrue(v.contains("assign echo = x ^ u_a_q;"), v);
        assertTrue(v.contains("assign low = x[6:5];"), v);
    }

    /** The same value written twice, as separate objects. */
    static final class WrittenTwice extends Module {
        @Override
        protected void build() {
            UInt a = input("a", 8);
            UInt b = input("b", 8);
            UInt c = input("c", 8);
            output("x", 8).set(a.add(b).xor(c));
            output("y", 8).set(a.add(b).and(c));
        }
    }

    @Test
    void equalExpressionsBecomeOneTemporary() {
        String v = verilog(new WrittenTwice());
        assertEquals(1, count(v, "= a \\+ b;"), v);
        assertTrue(v.contains("assign a_plus_b = a + b;"), v);
        assertTrue(v.contains("assign x = a_plus_b ^ c;"), v);
        assertTrue(v.contains("assign y = a_plus_b & c;"), v);
    }

    /** Named wires with equal values, and the value again inside a larger expression. */
    static final class NamedTwice extends Module {
        @Override
        protected void build() {
            UInt a = input("a", 8);
            UInt b = input("b", 8);
            UInt first = a.and(b).named("first");
            UInt second = a.and(b).named("second");
            UInt third = a.and(b).named("third");
            output("o", 8).set(first.or(second).xor(third));
            output("r", 8).set(a.and(b).add(b));
            UInt zero1 = wire("zero1", 4);
            UInt zero2 = wire("zero2", 4);
            zero1.set(0);
            zero2.set(0);
            output("z", 4).set(zero1.xor(zero2));
            output("three_a", 4).withDefault(3);   // never assigned: the default is the value
            output("three_b", 4).withDefault(3);
        }
    }

    @Test
    void laterWiresReadTheFirstOfEqualValue() {
        String v = verilog(new NamedTwice());
        assertTrue(v.contains("assign first = a & b;"), v);
        assertTrue(v.contains("assign second = first;"), v);
        assertTrue(v.contains("assign third = second;"), v);
        assertTrue(v.contains("assign r = first + b;"), v);
        assertTrue(v.contains("assign zero1 = 4'd0;"), v);
        assertTrue(v.contains("assign zero2 = zero1;"), v);
        assertTrue(v.contains("assign three_a = 4'd3;"), v);
        assertTrue(v.contains("assign three_b = three_a;"), v);
        assertEquals(1, count(v, "a & b"), v);
    }

    /** Conditions a walker writes: a test of a 1-bit value against a constant, an if taken on a negation. */
    static final class Conditions extends Module {
        @Override
        protected void build() {
            Bool ok = input("ok");
            Bool busy = input("busy");
            UInt d = input("d", 4);
            UInt held = reg("held", 4);
            UInt count = regInit("count", 4, 0);
            when(busy.eq(1), () -> when(ok.not(), () -> held.set(d)).otherwise(() -> count.set(count.add(1))));
            output("held_out", 4).set(held);
            output("count_out", 4).set(count);
            output("all_clear").set(d.orR().not().not().not());
        }
    }

    @Test
    void negationsAndBitComparesPrintWithoutNoise() {
        String v = verilog(new Conditions());
        assertFalse(v.contains("!~"), v);
        assertFalse(v.contains("~~"), v);
        assertFalse(v.contains("== 1'b1"), v);
        assertTrue(v.contains("if (busy) begin"), v);
        assertTrue(v.contains("if (!ok) begin"), v);   // held: taken when ok is false
        assertTrue(v.contains("if (ok) begin"), v);    // count: only the else branch, so the test is ok itself
        assertTrue(v.contains("assign all_clear = ~(|d);"), v);
    }

    @Test
    void selectsPrintAsIndexedReadsOrCases() {
        String v = verilog(new TestDesigns.Selects());
        assertTrue(v.contains("assign triple = v[i3*3 +: 3];"), v);
        assertTrue(v.contains("assign triple_guarded = (i3 >= 3'd4) ? v[17:15] : v[3 + i3*3 +: 3];"), v);
        assertTrue(v.contains("assign bit_exact = w[i3];"), v);
        assertTrue(v.contains("assign bit_offset = w[4 + i2];"), v);
        assertTrue(v.contains("assign word = (i3 >= 3'd5) ? ram[3'd5] : ram[i3];"), v);
        assertTrue(v.contains("assign word_offset = (i2 >= 2'd2) ? ram[3'd4] : ram[2 + i2];"), v);
        // different signals: a case driving the output itself, the last option in the default arm
        assertTrue(v.contains("output reg  [7:0]  other,"), v);
        assertTrue(v.contains("    case (i2)\n      2'd0: other = v[7:0];\n      2'd1: other = w;\n"
                + "      2'd2: other = v[15:8] ^ w;\n      default: other = v[23:16];\n    endcase\n"), v);
        // a 2-bit index cannot bit-select a 24-bit vector without a width warning: a case
        assertTrue(v.contains("2'd0: bit_narrow = v[0];"), v);
    }

    @Test
    void selectKeepsItsSemanticsInTheIr() {
        Design d = Hdl.elaborate(new TestDesigns.Selects());
        long selects = d.topModule().body().stream().filter(s -> s instanceof io.mttkit.hdl.ir.Stmt.Assign a
                && a.value() instanceof Expr.Select).count();
        assertTrue(selects >= 8, "Hw.select builds Expr.Select nodes");
        // two options stay a multiplexer
        assertFalse(verilog(new TwoOptions()).contains("case"));
    }

    static final class TwoOptions extends Module {
        @Override
        protected void build() {
            UInt i = input("i", 2);
            UInt a = input("a", 4);
            output("o", 4).set(Hw.select(i, List.of(a, a.not())));
        }
    }

    /** One long sum of products. */
    static final class Wide extends Module {
        @Override
        protected void build() {
            List<UInt> terms = new java.util.ArrayList<>();
            List<UInt> differences = new java.util.ArrayList<>();
            for (int k = 0; k < 24; k++) {
                UInt operand = input("operand_number_" + k, 8);
                UInt mask = input("mask_number_" + k, 8);
                terms.add(operand.and(mask));
                differences.add(operand.xor(mask));
            }
            UInt acc = terms.get(0);
            for (int k = 1; k < terms.size(); k++) {
                acc = acc.or(terms.get(k));
            }
            output("combined", 8).set(acc);
            output("packed_bits", 192).set(Hw.cat(differences));
        }
    }

    @Test
    void longExpressionsAreWrappedAtOperatorsAndListItems() {
        String v = verilog(new Wide());
        for (String line : v.split("\n")) {
            assertTrue(line.length() <= 160, line);
        }
        assertTrue(v.contains("  assign combined = (operand_number_0 & mask_number_0)\n"
                + "                    | (operand_number_1 & mask_number_1)\n"), v);
        assertTrue(v.contains("  assign packed_bits = {operand_number_0 ^ mask_number_0,\n"
                + "                        operand_number_1 ^ mask_number_1,\n"), v);
    }
}
