package io.mttkit.bridge;

import com.sun.jna.Memory;
import java.util.List;

/**
 * Generic layer: any Verilated top, every port addressed by an integer id. Values up to 64 bits travel as
 * {@code long}, wider ones as little-endian byte arrays. One native call per operation — fine for unit
 * tests of small modules, far too slow for regressions (use {@link CheckerSession} batches there).
 *
 * <p>Clocking: {@link #step(long)} toggles the input named {@code clk} (1, eval, 0, eval per cycle);
 * {@link #peek(int)} after a {@link #poke(int, long)} sees combinational effects only after {@link #eval()}.
 */
public final class Dut extends NativeSession {
    private final Memory scratch = new Memory(8);

    Dut(LoadedLibrary lib, SessionConfig config) {
        super(lib, config);
    }

    public List<PortInfo> ports() {
        return lib.ports();
    }

    /** Id of the named port. */
    public int id(String name) {
        return lib.portId(name);
    }

    public void poke(int id, long value) {
        enter();
        status(lib.fPoke.invokeInt(new Object[] {handle, id, value}), "poke " + lib.ports().get(id).name());
    }

    public void poke(String name, long value) {
        poke(id(name), value);
    }

    public long peek(int id) {
        enter();
        status(lib.fPeek.invokeInt(new Object[] {handle, id, scratch}), "peek");
        return scratch.getLong(0);
    }

    public long peek(String name) {
        return peek(id(name));
    }

    /** Pokes a port of any width from little-endian bytes ({@code (width + 7) / 8} of them). */
    public void pokeWide(int id, byte[] value) {
        enter();
        Memory m = new Memory(Math.max(1, value.length));
        m.write(0, value, 0, value.length);
        status(lib.fPokeWide.invokeInt(new Object[] {handle, id, m, value.length}), "pokeWide " + lib.ports().get(id).name());
    }

    /** Peeks a port of any width as little-endian bytes. */
    public byte[] peekWide(int id) {
        enter();
        int n = (lib.ports().get(id).width() + 7) / 8;
        Memory m = new Memory(n);
        status(lib.fPeekWide.invokeInt(new Object[] {handle, id, m, n}), "peekWide");
        return m.getByteArray(0, n);
    }

    /** Settles combinational logic after pokes. Returns the stop reason (DONE unless the RTL stopped). */
    public StopReason eval() {
        enter();
        return status(lib.fEval.invokeInt(new Object[] {handle}), "eval");
    }

    /** Runs {@code n} clock cycles. Returns DONE, or the stop reason if the RTL stopped. */
    public StopReason step(long n) {
        enter();
        return status(lib.fStep.invokeInt(new Object[] {handle, n}), "step");
    }
}
