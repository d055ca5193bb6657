package io.mttkit.bridge;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Native buffer the driver writes 32-byte {@code mttb_event} records into; read in place from Java.
 *
 * <p>The buffer must hold at least one cycle's worth of events of the design it is used with
 * ({@link LoadedLibrary#maxEventsPerCycle()}); {@link CheckerSession} checks that on every call. A session
 * also tells the buffer the names of its design's extension observation ports, so {@link #format} can print
 * {@code OBSX} events by port name.
 */
public final class EventBuffer {
    private final Memory memory;
    private final ByteBuffer view;
    private final int capacity;
    private int size;
    /** Port names by id of the design last run into this buffer, or null (OBSX then prints the id). */
    private List<PortInfo> ports;

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

    public long cycle(int i) {
        return view.getLong(i * Records.EVENT_SIZE);
    }

    public int kind(int i) {
        return view.get(i * Records.EVENT_SIZE + 8) & 0xff;
    }

    public int b1(int i) {
        return view.get(i * Records.EVENT_SIZE + 9) & 0xff;
    }

    public int b2(int i) {
        return view.get(i * Records.EVENT_SIZE + 10) & 0xff;
    }

    public int b3(int i) {
        return view.get(i * Records.EVENT_SIZE + 11) & 0xff;
    }

    public int a32(int i) {
        return view.getInt(i * Records.EVENT_SIZE + 12);
    }

    public long x(int i) {
        return view.getLong(i * Records.EVENT_SIZE + 16);
    }

    public long y(int i) {
        return view.getLong(i * Records.EVENT_SIZE + 24);
    }

    /** Folds the events of the last call into a running digest (same function as the C++ runner). */
    public long digest(long h) {
        for (int i = 0; i < size * 4; i++) {
            h = Records.digestWord(h, view.getLong(i * 8));
        }
        return h;
    }

    /** One line of the text event trace (diffable across runs). */
    public String format(int i) {
        StringBuilder b = new StringBuilder();
        b.append(cycle(i)).append(' ').append(Records.eventName(kind(i)));
        switch (kind(i)) {
            case Records.EV_ACCEPT -> b.append(" id=").append(Integer.toUnsignedString(a32(i))).append(" pa=0x")
                    .append(Long.toHexString(x(i))).append(" req=").append(y(i));
            case Records.EV_INV_ACCEPT -> b.append(" has=").append(b1(i)).append(" pa=0x").append(Long.toHexString(x(i)))
                    .append(" sdid=").append(a32(i)).append(" req=").append(y(i));
            case Records.EV_SYNC_ACK -> b.append(" req=").append(y(i));
            case Records.EV_PMP_QUERY -> b.append(" addr=0x").append(Long.toHexString(x(i))).append(" size=").append(b1(i));
            case Records.EV_PMP_ANSWER -> b.append(" addr=0x").append(Long.toHexString(x(i))).append(" ok=").append(b1(i));
            case Records.EV_MRD -> b.append(" addr=0x").append(Long.toHexString(x(i))).append(" size=").append(b1(i))
                    .append(" tag=").append(a32(i));
            case Records.EV_MRS -> b.append(" data=0x").append(Long.toHexString(x(i))).append(" err=").append(b2(i))
                    .append(" tag=").append(a32(i)).append(" addr=0x").append(Long.toHexString(y(i)));
            case Records.EV_RSP -> b.append(" id=").append(Integer.toUnsignedString(a32(i))).append(" flags=").append(b1(i))
                    .append(" cause=").append(b2(i)).append(" xwr=").append(b3(i)).append(" level=").append(x(i) & 0xff)
                    .append(" leaf=").append((x(i) >> 8) & 0xff).append(" uniform=").append((x(i) >> 16) & 0xff);
            case Records.EV_OBS -> b.append(" kind=").append(b1(i)).append(" array=").append(b2(i)).append(" set=")
                    .append(a32(i)).append(" way=").append(b3(i)).append(" state=").append(x(i));
            case Records.EV_STOP -> b.append(" status=").append(b1(i));
            case Records.EV_OBSX -> b.append(" port=").append(portName(a32(i))).append(" word=").append(b1(i))
                    .append(" value=0x").append(Long.toHexString(x(i)));
            default -> b.append(" raw");
        }
        return b.toString();
    }

    /** The port's name when the design is known, else {@code #id}. */
    private String portName(int id) {
        return ports != null && id >= 0 && id < ports.size() ? ports.get(id).name() : "#" + Integer.toUnsignedString(id);
    }

    Memory memory() {
        return memory;
    }
}
