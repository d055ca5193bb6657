package io.mttkit.hdl.samples;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Fsm;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;

/**
 * A small pointer-chasing walker, the shape of a table walk: on {@code start} it reads the word at
 * {@code base}; while the word read has bit 0 set (a pointer) it follows it (the next address is the word
 * with bit 0 cleared), otherwise the word is the result. After {@code maxHops} pointers it gives up with
 * {@code error}.
 *
 * <p>Memory port: {@code mem_req} (valid/ready, address) and {@code mem_resp} (valid, data; always ready).
 */
public final class ChainWalker extends Module {
    /** The walker's states. */
    public enum State { IDLE, ISSUE, WAIT_RESP, DONE }

    private final int width;
    private final int maxHops;

    /**
     * @param width   address and data width
     * @param maxHops number of pointers followed before giving up (1..255)
     */
    public ChainWalker(int width, int maxHops) {
        this.width = param("width", width);
        this.maxHops = param("maxhops", maxHops);
    }

    @Override
    protected void build() {
        doc("Pointer-chasing walker: on start, read the word at base; while the word has bit 0 set, follow it\n"
                + "(next address = word with bit 0 cleared); else the word is the result. After " + maxHops + " pointers,\n"
                + "stop with error. Memory port: mem_req valid/ready + address, mem_resp valid + data.");
        Bool start = input("start");
        UInt base = input("base", width);
        Bool memReqValid = output("mem_req_valid").withDefault(false);
        Bool memReqReady = input("mem_req_ready");
        UInt memReqAddr = output("mem_req_addr", width);
        Bool memRespValid = input("mem_resp_valid");
        UInt memRespData = input("mem_resp_data", width);
        Bool busy = output("busy");
        Bool done = output("done").withDefault(false);
        Bool error = output("error");
        UInt result = output("result", width);

        UInt addr = regInit("addr", width, 0);
        UInt hops = regInit("hops", 8, 0);
        UInt word = regInit("word", width, 0);
        Bool failed = regInit("failed", false);

        Fsm<State> fsm = fsm("state", State.class, State.IDLE);
        memReqAddr.set(addr);
        result.set(word);
        error.set(failed);
        busy.set(fsm.is(State.IDLE).not());

        fsm.on(State.IDLE, () -> when(start, () -> {
                    addr.set(base);
                    hops.set(0);
                    failed.set(false);
                    fsm.go(State.ISSUE);
                }))
                .on(State.ISSUE, () -> {
                    memReqValid.set(true);
                    when(memReqReady, () -> fsm.go(State.WAIT_RESP));
                })
                .on(State.WAIT_RESP, () -> when(memRespValid, () -> {
                    word.set(memRespData);
                    Bool pointer = memRespData.bit(0);
                    when(pointer.and(hops.eq(maxHops)), () -> {
                        failed.set(true);
                        fsm.go(State.DONE);
                    }).elseWhen(pointer, () -> {
                        addr.set(memRespData.bits(width - 1, 1).cat(io.mttkit.hdl.Hw.low()));
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
