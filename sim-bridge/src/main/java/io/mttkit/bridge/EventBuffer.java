package io.mttkit.bridge;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Native buffer the driver writes 32-byte {@code mttb_event} records into; read in place from Java, one typed
 * {@link Event} at a time ({@link #event}).
 *
 * <p>The buffer must hold at least one cycle's worth of events of the design it is used with
 * ({@link LoadedLibrary#maxEventsPerCycle()}); {@link CheckerSession} checks that on every call. A session
 * also tells the buffer the names of its design's extension observation ports, so {@link #format} can print
 * {@code OBSX} events by port name. Like its session, a buffer belongs to one thread: {@link #event} decodes through
 * one record view the buffer reuses.
 */
public final class EventBuffer {
    private final Memory memory;
    private final ByteBuffer view;
    private final int capacity;
    private int size;
    /** Port names by id of the design last run into this buffer, or null (OBSX then prints the id). */
    private List<PortInfo> ports;
    /** The record being decoded by {@link #event} (reused: a buffer is used by one thread, its session's). */
    private final EventKind.Values decoding = new EventKind.Values();

    public EventBuffer(int capacity) {
        if (capacity < Records.MAX_EVENTS_PER_CYCLE) {
            throw new BridgeException("event buffer needs at least " + Records.MAX_EVENTS_PER_CYCLE + " records, got "
                    + capacity);
        }
        this.capacity = capacity;
        this.memory = new Memory((long) capacity * Records.EVENT_SIZE);
        this.view = memory.getByteBuffer(0, memory.size()).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int capacity() {
        return capacity;
    }

    /** Events written by the last call. */
    public int size() {
        return size;
    }

    void setSize(int n) {
        size = n;
    }

    /** Names OBSX ports in {@link #format}; set by the session that writes into this buffer. */
    void setPorts(List<PortInfo> ports) {
        this.ports = ports;
    }

    /**
     * Event {@code i} of the last call, typed: decoded through the {@link EventKind} table (the one place that knows
     * where a field lies in the record).
     *
     * @throws BridgeException for a kind number the table does not have (a library speaking another ABI)
     */
    public Event event(int i) {
        int o = i * Records.EVENT_SIZE;
        EventKind k = EventKind.of(view.get(o + 8) & 0xff);
        return k.decode(decoding.set(k, view.getLong(o), view.get(o + 9) & 0xff, view.get(o + 10) & 0xff,
                view.get(o + 11) & 0xff, view.getInt(o + 12), view.getLong(o + 16), view.getLong(o + 24)));
    }

    /** Record {@code i} of the last call as it lies in memory (wire-level tools: digests, trace comparison). */
    public RawEvent raw(int i) {
        int o = i * Records.EVENT_SIZE;
        return new RawEvent(view.getLong(o), view.get(o + 8) & 0xff, view.get(o + 9) & 0xff, view.get(o + 10) & 0xff,
                view.get(o + 11) & 0xff, view.getInt(o + 12), view.getLong(o + 16), view.getLong(o + 24));
    }

    /** Folds the events of the last call into a running digest (same function as the C++ runner). */
    public long digest(long h) {
        for (int i = 0; i < size * 4; i++) {
            h = Records.digestWord(h, view.getLong(i * 8));
        }
        return h;
    }

    /** One line of the text event trace (diffable across runs), {@link Event#text} with OBSX ports by name. */
    public String format(int i) {
        return event(i).text(this::portName);
    }

    /** The port's name when the design is known, else null (the trace then prints {@code #id}). */
    private String portName(int id) {
        return ports != null && id >= 0 && id < ports.size() ? ports.get(id).name() : null;
    }

    Memory memory() {
        return memory;
    }
}
