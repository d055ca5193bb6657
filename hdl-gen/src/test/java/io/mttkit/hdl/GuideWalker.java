package io.mttkit.hdl;

// The worked example of docs/hdl.md, verbatim apart from the class name; GuideExampleTest keeps the guide honest.
// If you change one, change the other.

final class GuideWalker extends Module {
    public enum State { IDLE, ISSUE, WAIT_RESP, DONE }

    private final int width;
    private final int maxHops;

    GuideWalker(int width, int maxHops) {          // 1. parameters in the constructor
        this.width = param("width", width);               //    (recorded: they name the definition)
        this.maxHops = param("maxhops", maxHops);
    }

    @Override
    protected void build() {                               // 2. hardware in build()
        Bool start = input("start");
        UInt base = input("base", width);
        Bool memReqValid = output("mem_req_valid").withDefault(false);
        Bool memReqReady = input("mem_req_ready");
        UInt memReqAddr = output("mem_req_addr", width);
        Bool memRespValid = input("mem_resp_valid");
        UInt memRespData = input("mem_resp_data", width);
        Bool done = output("done").withDefault(false);
        UInt result = output("result", width);

        UInt addr = regInit("addr", width, 0);             // 3. registers with a synchronous reset value
        UInt hops = regInit("hops", 8, 0);
        UInt word = regInit("word", width, 0);

        memReqAddr.set(addr);
        result.set(word);

        Fsm<State> fsm = fsm("state", State.class, State.IDLE);   // 4. an FSM over an enum
        fsm.on(State.IDLE, () -> when(start, () -> {
                    addr.set(base);
                    hops.set(0);
                    fsm.go(State.ISSUE);
                }))
           .on(State.ISSUE, () -> {
                    memReqValid.set(true);
                    when(memReqReady, () -> fsm.go(State.WAIT_RESP));
                })
           .on(State.WAIT_RESP, () -> when(memRespValid, () -> {
                    word.set(memRespData);
                    when(memRespData.bit(0).and(hops.ne(maxHops)), () -> {
                        addr.set(memRespData.bits(width - 1, 1).cat(Hw.low()));
                        hops.set(hops.add(1));
                        fsm.go(State.ISSUE);
                    }).otherwise(() -> fsm.go(State.DONE));
                }))
           .on(State.DONE, () -> {
                    done.set(true);
                    fsm.go(State.IDLE);
                });
    }
}
