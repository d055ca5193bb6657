package io.mttkit.hdl.support;

import static org.junit.jupiter.api.Assertions.fail;

import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.sim.Simulator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Stimulus, the interpreter run and cycle-by-cycle comparison for the simulation tests. */
public final class Bench {
    private Bench() {}

    /** A behavioural model: given the inputs of a cycle, the outputs before the edge; then it advances. */
    public interface Model {
        BigInteger[] cycle(BigInteger[] inputs);
    }

    /**
     * {@code cycles} seeded random vectors; column 0 is {@code rst}, high in the first two cycles and then in
     * about one cycle in {@code resetEvery}; the other columns come from {@code gens}.
     */
    public static List<BigInteger[]> vectors(long seed, int cycles, int resetEvery, List<Function<Random, Long>> gens) {
        Random rnd = new Random(seed);
        List<BigInteger[]> out = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            BigInteger[] v = new BigInteger[gens.size() + 1];
            v[0] = BigInteger.valueOf(c < 2 || rnd.nextInt(resetEvery) == 0 ? 1 : 0);
            for (int i = 0; i < gens.size(); i++) {
                v[i + 1] = BigInteger.valueOf(gens.get(i).apply(rnd));
            }
            out.add(v);
        }
        return out;
    }

    /** Runs the IR interpreter on the same vectors. */
    public static List<BigInteger[]> interpret(Design d, List<String> inputs, List<String> outputs, List<BigInteger[]> vectors) {
        Simulator sim = new Simulator(d);
        List<Simulator.Port> in = inputs.stream().map(sim::port).toList();
        List<Simulator.Port> out = outputs.stream().map(sim::port).toList();
        List<BigInteger[]> rows = new ArrayList<>();
        for (BigInteger[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                sim.poke(in.get(i), v[i]);
            }
            rows.add(out.stream().map(sim::peek).toArray(BigInteger[]::new));
            sim.step();
        }
        return rows;
    }

    /** Runs a behavioural model on the vectors. */
    public static List<BigInteger[]> model(Model m, List<BigInteger[]> vectors) {
        List<BigInteger[]> rows = new ArrayList<>();
        for (BigInteger[] v : vectors) {
            rows.add(m.cycle(v));
        }
        return rows;
    }

    /** Fails at the first cycle where {@code actual} differs from {@code expected}, showing inputs and outputs. */
    public static void assertSameCycles(String what, List<String> inputs, List<String> outputs,
                                        List<BigInteger[]> vectors, List<BigInteger[]> expected, List<BigInteger[]> actual) {
        if (expected.size() != actual.size()) {
            fail(what + ": " + expected.size() + " cycles expected, " + actual.size() + " produced");
        }
        for (int c = 0; c < expected.size(); c++) {
            if (!Arrays.equals(expected.get(c), actual.get(c))) {
                fail(what + ": first difference at cycle " + c + "\n  inputs  " + show(inputs, vectors.get(c))
                        + "\n  expected " + show(outputs, expected.get(c)) + "\n  actual   " + show(outputs, actual.get(c)));
            }
        }
    }

    private static String show(List<String> names, BigInteger[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(names.get(i)).append('=').append(values[i].toString(16)).append(' ');
        }
        return sb.toString();
    }

    /** Shorthand. */
    public static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    /** Shorthand for a boolean. */
    public static BigInteger big(boolean v) {
        return v ? BigInteger.ONE : BigInteger.ZERO;
    }
}
