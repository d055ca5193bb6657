package io.mttkit.hdl;

// The worked example of docs/hdl.md, verbatim apart from the class name; GuideExampleTest keeps the guide honest.
// If you change one, change the other.

final class GuideWalker extends Module {
    /** A read port seen from the reader: the request goes out, the response comes back. */
    public static final class ReadPort extends Bundle {
        public final Bool valid;
        public final Bool ready;
        public final UInt addr;
        public final Bool respValid;
        public final UInt respData;

        public ReadPort(Scope s, int width) {
            super(s);
            valid = s.out().bool("valid");                 // out(): the way the bundle points
            ready = s.in().bool("ready");                  // in(): the other way
            addr = s.out().uint("addr", width);
            respValid = s.in().bool("resp_valid");
            respData = s.in().uint("resp_data", width);
        }
    }

    /** Every port of the walker, as one typed bundle. */
    public static final class Ports extends Bundle {
        public final Bool start;
        public final UInt base;
        public final ReadPort mem;
        public final Bool done;
        public final UInt result;

        public Ports(Scope s, int width) {
            super(s);
            start = s.in().bool("start");
            base = s.in().uint("base", width);
            mem = s.out().bundle("mem", x -> new ReadPort(x, width));   // mem_valid, mem_ready, ...
            done = s.out().bool("done");
            result = s.out().uint("result", width);
        }
    }

    public enum State { IDLE, ISSUE, WAIT_RESP, DONE }

    private final int width;
    private final int maxHops;
    /** The ports, typed: a parent writes walker.io.start, connect(io.mem, walker.io.mem). */
    public Ports io;

    GuideWalker(int width, int maxHops) {           // 1. parameters in the constructor
        this.width = width;
        this.maxHops = maxHops;
        moduleName("chain_walker");                         //    a stable Verilog name
    }

    @Override
    protected void build() {                                // 2. hardware in build()
        io = ports(s -> new Ports(s, width));               // 3. the ports, one bundle
        io.mem.valid.withDefault(0);
        io.done.withDefault(0);

        UInt addr = regInit("addr", width, 0);              // 4. registers with a synchronous reset value
        UInt hops = regInit("hops", 8, 0);
        UInt word = regInit("word", width, 0);

        io.mem.addr.set(addr);
        io.result.set(word);

        Fsm<State> fsm = fsm("state", State.class, State.IDLE);   // 5. an FSM over an enum
        fsm.on(State.IDLE, () -> when(io.start, () -> {
                    addr.set(io.base);
                    hops.set(0);
                    fsm.go(State.ISSUE);
                }))
           .on(State.ISSUE, () -> {
                    io.mem.valid.set(true);
                    when(io.mem.ready, () -> fsm.go(State.WAIT_RESP));
                })
           .on(State.WAIT_RESP, () -> when(io.mem.respValid, () -> {
                    word.set(io.mem.respData);
                    when(io.mem.respData.bit(0).and(hops.ne(maxHops)), () -> {
                        addr.set(io.mem.respData.bits(width - 1, 1).cat(Hw.low()));
                        hops.set(hops.add(1));
                        fsm.go(State.ISSUE);
                    }).otherwise(() -> fsm.go(State.DONE));
                }))
           .on(State.DONE, () -> {
                    io.done.set(true);
                    fsm.go(State.IDLE);
                });
    }
}
