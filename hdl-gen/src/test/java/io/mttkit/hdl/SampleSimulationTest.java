package io.mttkit.hdl;

import static io.mttkit.hdl.support.Bench.big;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.samples.ChainWalker;
import io.mttkit.hdl.samples.Counter;
import io.mttkit.hdl.samples.Fifo;
import io.mttkit.hdl.samples.RoundRobinArbiter;
import io.mttkit.hdl.samples.TreePlru;
import io.mttkit.hdl.support.Bench;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample modules simulated with Verilator on seeded random stimulus and compared cycle by cycle with a
 * behavioural model written here from each module's documented behaviour (not from the generator), and
 * with the IR interpreter (which checks the emitter).
 */
class SampleSimulationTest {
    private static final int CYCLES = 3000;

    @BeforeEach
    void tools() {
        Tools.requireVerilator();
    }

    private static void run(Design d, List<String> ins, List<String> outs, List<BigInteger[]> vectors,
                            Bench.Model model, Function<List<BigInteger[]>, List<BigInteger[]>> observe) throws Exception {
        List<BigInteger[]> rtl = Verilator.simulate(d, ins, outs, vectors);
        List<BigInteger[]> interp = Bench.interpret(d, ins, outs, vectors);
        Bench.assertSameCycles(d.top() + ": interpreter vs Verilator", ins, outs, vectors, rtl, interp);
        List<BigInteger[]> expected = Bench.model(model, vectors);
        Bench.assertSameCycles(d.top() + ": behavioural model vs Verilator", ins, outs, vectors, observe.apply(expected),
                observe.apply(rtl));
    }

    @Test
    void counterCountsWrapsAndClears() throws Exception {
        int width = 4;
        Design d = Hdl.elaborate(new Counter(width));
        List<BigInteger[]> v = Bench.vectors(11, CYCLES, 200, List.of(r -> r.nextInt(4) == 0 ? 0L : 1L,
                r -> r.nextInt(40) == 0 ? 1L : 0L));
        Bench.Model model = new Bench.Model() {
            long value;

            @Override
            public BigInteger[] cycle(BigInteger[] in) {
                boolean rst = in[0].signum() != 0;
                boolean enable = in[1].signum() != 0;
                boolean clear = in[2].signum() != 0;
                long max = (1L << width) - 1;
                BigInteger[] out = {big(value), big(enable && !clear && value == max)};
                if (rst || clear) {
                    value = 0;
                } else if (enable) {
                    value = (value + 1) & max;
                }
                return out;
            }
        };
        run(d, List.of("rst", "enable", "clear"), List.of("count", "wrap"), v, model, x -> x);
    }

    @Test
    void fifoOfDepthFiveKeepsOrderAndLevel() throws Exception {
        fifo(5);
    }

    @Test
    void fifoOfDepthFourKeepsOrderAndLevel() throws Exception {
        fifo(4);
    }

    private static void fifo(int depth) throws Exception {
        int width = 8;
        Design d = Hdl.elaborate(new Fifo(width, depth));
        // phases that favour filling, then draining, so full and empty both happen
        List<BigInteger[]> v = Bench.vectors(12, CYCLES, 500, List.of(r -> r.nextInt(3) == 0 ? 0L : 1L,
                r -> (long) r.nextInt(256), r -> r.nextInt(5) < 2 ? 1L : 0L));
        for (int c = 0; c < v.size(); c++) {
            if ((c / 100) % 2 == 1) {
                v.get(c)[3] = big(new Random(c).nextInt(5) < 4);
            }
        }
        Bench.Model model = new Bench.Model() {
            final Deque<Long> q = new ArrayDeque<>();

            @Override
            public BigInteger[] cycle(BigInteger[] in) {
                boolean full = q.size() == depth;
                boolean empty = q.isEmpty();
                BigInteger[] out = {big(!full), big(!empty), big(empty ? 0 : q.peekFirst()), big(q.size())};
                if (in[0].signum() != 0) {
                    q.clear();
                    return out;
                }
                boolean push = in[1].signum() != 0 && !full;
                boolean pop = in[3].signum() != 0 && !empty;
                if (pop) {
                    q.removeFirst();
                }
                if (push) {
                    q.addLast(in[2].longValue());
                }
                return out;
            }
        };
        // deq_bits is only meaningful while deq_valid
        Function<List<BigInteger[]>, List<BigInteger[]>> observe = rows -> {
            List<BigInteger[]> o = new ArrayList<>();
            for (BigInteger[] r : rows) {
                BigInteger[] c = r.clone();
                if (c[1].signum() == 0) {
                    c[2] = BigInteger.ZERO;
                }
                o.add(c);
            }
            return o;
        };
        run(d, List.of("rst", "enq_valid", "enq_bits", "deq_ready"),
                List.of("enq_ready", "deq_valid", "deq_bits", "level"), v, model, observe);
    }

    @Test
    void arbiterRotatesPriority() throws Exception {
        int ports = 5;
        Design d = Hdl.elaborate(new RoundRobinArbiter(ports));
        List<BigInteger[]> v = Bench.vectors(13, CYCLES, 300, List.of(r -> (long) r.nextInt(1 << ports)));
        Bench.Model model = new Bench.Model() {
            int last = ports - 1;

            @Override
            public BigInteger[] cycle(BigInteger[] in) {
                long req = in[1].longValue();
                int granted = -1;
                for (int k = 1; k <= ports && granted < 0; k++) {
                    int i = (last + k) % ports;
                    if ((req >> i & 1) == 1) {
                        granted = i;
                    }
                }
                BigInteger[] out = {big(granted < 0 ? 0 : 1L << granted), big(Math.max(granted, 0)), big(req != 0)};
                if (in[0].signum() != 0) {
                    last = ports - 1;
                } else if (granted >= 0) {
                    last = granted;
                }
                return out;
            }
        };
        run(d, List.of("rst", "request"), List.of("grant", "grant_index", "grant_valid"), v, model, x -> x);
    }

    @Test
    void treePlruVictimFollowsPointersAwayFromAccesses() throws Exception {
        int ways = 8;
        int levels = 3;
        Design d = Hdl.elaborate(new TreePlru(ways));
        List<BigInteger[]> v = Bench.vectors(14, CYCLES, 400, List.of(r -> r.nextInt(3) == 0 ? 0L : 1L,
                r -> (long) r.nextInt(ways)));
        Bench.Model model = new Bench.Model() {
            final boolean[] tree = new boolean[ways - 1];

            @Override
            public BigInteger[] cycle(BigInteger[] in) {
                int victim = 0;
                int node = 0;
                for (int l = 0; l < levels; l++) {
                    int b = tree[node] ? 1 : 0;
                    victim = victim * 2 + b;
                    node = 2 * node + 1 + b;
                }
                BigInteger[] out = {big(victim)};
                if (in[0].signum() != 0) {
                    java.util.Arrays.fill(tree, false);
                } else if (in[1].signum() != 0) {
                    int way = in[2].intValue();
                    node = 0;
                    for (int l = 0; l < levels; l++) {
                        int dir = way >> (levels - 1 - l) & 1;
                        tree[node] = dir == 0;
                        node = 2 * node + 1 + dir;
                    }
                }
                return out;
            }
        };
        List<String> ins = List.of("rst", "access_valid", "access_way");
        run(d, ins, List.of("victim"), v, model, x -> x);
        // and the defining property: right after an access, the victim is never the way just accessed
        List<BigInteger[]> rtl = Verilator.simulate(d, ins, List.of("victim"), v);
        int checked = 0;
        for (int c = 0; c + 1 < v.size(); c++) {
            if (v.get(c)[0].signum() == 0 && v.get(c)[1].signum() != 0 && v.get(c + 1)[0].signum() == 0) {
                assertNotEquals(v.get(c)[2], rtl.get(c + 1)[0], "victim after accessing way " + v.get(c)[2] + " at cycle " + c);
                checked++;
            }
        }
        assertTrue(checked > CYCLES / 2, "property checked on enough cycles: " + checked);
    }

    @Test
    void walkerFollowsPointersUntilALeafOrTheHopLimit() throws Exception {
        int width = 16;
        int maxHops = 3;
        Design d = Hdl.elaborate(new ChainWalker(width, maxHops));
        List<BigInteger[]> v = Bench.vectors(15, CYCLES, 500, List.of(
                r -> r.nextInt(3) == 0 ? 1L : 0L,          // start
                r -> (long) r.nextInt(1 << width),         // base
                r -> r.nextBoolean() ? 1L : 0L,            // mem_req_ready
                r -> r.nextBoolean() ? 1L : 0L,            // mem_resp_valid
                r -> (long) (r.nextInt(1 << width) & ~1) | (r.nextInt(10) < 7 ? 1 : 0))); // mem_resp_data
        Bench.Model model = new Bench.Model() {
            static final int IDLE = 0;
            static final int ISSUE = 1;
            static final int WAIT = 2;
            static final int DONE = 3;
            int state = IDLE;
            long addr;
            long hops;
            long word;
            boolean failed;

            @Override
            public BigInteger[] cycle(BigInteger[] in) {
                BigInteger[] out = {big(state == ISSUE), big(addr), big(state != IDLE), big(state == DONE), big(failed), big(word)};
                if (in[0].signum() != 0) {
                    state = IDLE;
                    addr = hops = word = 0;
                    failed = false;
                    return out;
                }
                boolean start = in[1].signum() != 0;
                long base = in[2].longValue();
                boolean ready = in[3].signum() != 0;
                boolean respValid = in[4].signum() != 0;
                long data = in[5].longValue();
                switch (state) {
                    case IDLE -> {
                        if (start) {
                            addr = base;
                            hops = 0;
                            failed = false;
                            state = ISSUE;
                        }
                    }
                    case ISSUE -> state = ready ? WAIT : ISSUE;
                    case WAIT -> {
                        if (respValid) {
                            word = data;
                            boolean pointer = (data & 1) == 1;
                            if (pointer && hops == maxHops) {
                                failed = true;
                                state = DONE;
                            } else if (pointer) {
                                addr = data & ~1L;
                                hops++;
                                state = ISSUE;
                            } else {
                                state = DONE;
                            }
                        }
                    }
                    default -> state = IDLE;
                }
                return out;
            }
        };
        run(d, List.of("rst", "start", "base", "mem_req_ready", "mem_resp_valid", "mem_resp_data"),
                List.of("mem_req_valid", "mem_req_addr", "busy", "done", "error", "result"), v, model, x -> x);
    }
}
