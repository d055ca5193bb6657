package io.mttkit.bridge;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checker fast path (port contract v2): one native call runs a whole batch of requests, serving the memory
 * read port from Java-owned direct buffers (read in place, the same bytes the golden model reads) and the
 * PMP hook from a region list, and writes 32-byte events. Confined to the opening thread.
 *
 * <p>Batch boundaries are invisible to the RTL: a call returns at the end of the cycle in which its last
 * request was consumed, and the next call presents the next request in the following cycle, exactly as
 * one long call would; memory responses and outstanding checks carry over. {@link #drain} runs until
 * every accepted check has answered.
 *
 * <p>Every call needs an {@link EventBuffer} of at least {@link #maxEventsPerCycle()} records (the design's
 * bound: 16 plus one per extension observation word); a call stops with {@link StopReason#EVENTS_FULL}
 * before a cycle whose events might not fit.
 */
public final class CheckerSession extends NativeSession {
    private final List<ByteBuffer> attached = new ArrayList<>();  // keeps the memory alive while C++ reads it
    private List<PmpRegion> pmpRegions = List.of();
    private final Memory stats = new Memory(Records.STATS_SIZE);
    /** Read through a ByteBuffer view: plain Java loads instead of one JNI call per field. */
    private final ByteBuffer statsView = stats.getByteBuffer(0, Records.STATS_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private final SessionConfig config;

    CheckerSession(LoadedLibrary lib, SessionConfig config) {
        super(lib, config);
        this.config = config;
        stats.clear(); // JNA memory is not zeroed: cycle() before the first call would read garbage
    }

    public SessionConfig config() {
        return config;
    }

    /** Most events one cycle of this design can write; the smallest event buffer this session accepts. */
    public int maxEventsPerCycle() {
        return lib.maxEventsPerCycle();
    }

    /** Refuses a buffer that cannot hold one cycle of this design, and lets it name OBSX ports. */
    private void prepare(EventBuffer events, String what) {
        if (events.capacity() < lib.maxEventsPerCycle()) {
            throw new BridgeException(what + ": event buffer of " + events.capacity() + " records is too small; this design"
                    + " writes up to " + lib.maxEventsPerCycle() + " events per cycle (16 + one per extension observation"
                    + " word), so use new EventBuffer(n) with n >= " + lib.maxEventsPerCycle());
        }
        events.setPorts(lib.ports());
    }

    /** Attaches a direct buffer as physical memory {@code [physBase, physBase + capacity)}. The buffer is
     *  read in place on every memory response; Java may change it between calls. */
    public void attachMemory(long physBase, ByteBuffer region) {
        enter();
        if (!region.isDirect()) {
            throw new BridgeException("attachMemory needs a direct ByteBuffer (ByteBuffer.allocateDirect)");
        }
        Pointer p = Native.getDirectBufferPointer(region);
        status(lib.fAttach.invokeInt(new Object[] {handle, p, (long) region.capacity(), physBase}), "attachMemory");
        attached.add(region);
    }

    /** Sets the PMP hook's region list (first match wins). */
    public void setPmpRegions(List<PmpRegion> regions) {
        enter();
        Memory m = new Memory(Math.max(1, regions.size()) * (long) Records.PMP_SIZE);
        ByteBuffer b = m.getByteBuffer(0, m.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < regions.size(); i++) {
            PmpRegion r = regions.get(i);
            b.putLong(i * 24, r.base()).putLong(i * 24 + 8, r.size()).putLong(i * 24 + 16, r.allow() ? 1 : 0);
        }
        status(lib.fSetPmp.invokeInt(new Object[] {handle, m, regions.size()}), "setPmpRegions");
        pmpRegions = List.copyOf(regions);
    }

    public List<PmpRegion> pmpRegions() {
        return pmpRegions;
    }

    /** Holds {@code reset} high for {@code cycles} cycles and clears the driver's queues. */
    public void reset(int cycles) {
        enter();
        status(lib.fReset.invokeInt(new Object[] {handle, cycles}), "reset");
    }

    /**
     * Runs requests {@code [from, from + n)} of {@code requests}: returns when all are consumed, the event
     * buffer is nearly full, {@code maxCycles} (≤ 0: unlimited) elapse, or the RTL/watchdog stops.
     */
    public RunResult run(RequestBuffer requests, int from, int n, EventBuffer events, long maxCycles) {
        enter();
        if (from < 0 || n < 0 || from + n > requests.size()) {
            throw new BridgeException("run: slice [" + from + ", " + (from + n) + ") outside the " + requests.size()
                    + " requests");
        }
        prepare(events, "run");
        Pointer reqs = n == 0 ? requests.memory() : requests.memory().share((long) from * Records.REQUEST_SIZE);
        int code = lib.run.run(handle, reqs, n, events.memory(), events.capacity(), maxCycles, stats);
        return result(code, events, "run");
    }

    /** Runs until every accepted check has answered (no new requests). */
    public RunResult drain(EventBuffer events, long maxCycles) {
        enter();
        prepare(events, "drain");
        int code = lib.run.run(handle, events.memory(), 0, events.memory(), events.capacity(), maxCycles, stats);
        return result(code, events, "drain");
    }

    /** Runs exactly {@code cycles} cycles presenting nothing new. */
    public RunResult idle(long cycles, EventBuffer events) {
        enter();
        prepare(events, "idle");
        int code = lib.fIdle.invokeInt(new Object[] {handle, cycles, events.memory(), (long) events.capacity(), stats});
        return result(code, events, "idle");
    }

    /** Trace variant only: write waves to {@code path} for cycles {@code [from, to)} of this session. */
    public void traceWindow(Path path, long fromCycle, long toCycle) {
        enter();
        status(lib.fTrace.invokeInt(new Object[] {handle, path.toAbsolutePath().toString(), fromCycle, toCycle}),
                "traceWindow");
    }

    private RunResult result(int code, EventBuffer events, String what) {
        StopReason r = status(code, what);
        int n = (int) statsView.getLong(24);
        events.setSize(n);
        return new RunResult(r, statsView.getLong(0), statsView.getLong(8), statsView.getLong(16), n,
                statsView.getLong(32), statsView.getLong(40), statsView.getLong(48), r.terminal() ? lastError() : "");
    }

    /** Absolute cycle count of the session after the last run, drain or idle call (0 before the first). */
    public long cycle() {
        return statsView.getLong(0);
    }
}
