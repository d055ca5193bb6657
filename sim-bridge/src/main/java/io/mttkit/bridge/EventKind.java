package io.mttkit.bridge;

import java.util.List;
import java.util.function.Function;

/**
 * The event kinds of the C ABI and the fields each one carries in the 32-byte {@code mttb_event} record
 * ({@code u64 cycle; u8 kind, b1, b2, b3; u32 a32; u64 x; u64 y}): the one table from which {@link EventBuffer}
 * decodes records into typed {@link Event}s, {@link #encode} packs them back into records (the bench's per-cycle
 * driver, digests), and {@link Event#text} prints text traces.
 *
 * <p>The C side is {@code mttb_abi.h} ("event kinds"): one line per kind listing the same fields in the same
 * order, in the same spelling ({@code leaf_log2} here is {@code leafLog2()} on the record).
 * {@code AbiHeaderTest} parses the header and fails on any difference (kind numbers, field slots and bits,
 * response flag bits, record layout), and {@code EventKindTest} checks that every record type has exactly the
 * table's fields and that decoding and encoding are each other's inverse.
 *
 * <p>Why a table next to the records instead of code in each record: the slot of a field is written once, so a
 * field cannot be read from one slot and written to another.
 */
public enum EventKind {
    /** Check handshake ({@code req_valid && req_ready}). */
    ACCEPT(1, "check handshake", Event.Accept.class,
            List.of(Field.of("id", Slot.A32, "(truncated to the width of req_id)"), Field.hex("pa", Slot.X),
                    Field.of("position", Slot.Y, "(requests consumed since create, idle gaps included)")),
            v -> new Event.Accept(v.cycle(), (int) v.get(0), v.get(1), v.get(2)),
            e -> new long[] {e.id(), e.pa(), e.position()}),
    /** Invalidation handshake ({@code inv_valid && inv_ready}). */
    INV_ACCEPT(2, "invalidation handshake", Event.InvalidationAccept.class,
            List.of(Field.bit("has_pa", Slot.B1, 0), Field.bit("has_sdid", Slot.B1, 1), Field.of("sdid", Slot.A32),
                    Field.hex("pa", Slot.X), Field.of("position", Slot.Y)),
            v -> new Event.InvalidationAccept(v.cycle(), v.flag(0), v.flag(1), (int) v.get(2), v.get(3), v.get(4)),
            e -> new long[] {bit(e.hasPa()), bit(e.hasSdid()), e.sdid(), e.pa(), e.position()}),
    /** {@code sync_ack} seen while a sync was presented. */
    SYNC_ACK(3, "sync_ack seen", Event.SyncAck.class,
            List.of(Field.of("position", Slot.Y)),
            v -> new Event.SyncAck(v.cycle(), v.get(0)),
            e -> new long[] {e.position()}),
    /** {@code pmp_valid}: the walker asks the PMP hook about an implicit read. */
    PMP_QUERY(4, "pmp_valid", Event.PmpQuery.class,
            List.of(Field.of("size", Slot.B1), Field.hex("addr", Slot.X)),
            v -> new Event.PmpQuery(v.cycle(), (int) v.get(0), v.get(1)),
            e -> new long[] {e.size(), e.addr()}),
    /** {@code pmp_ok} driven: the hook's answer to the query of {@code addr}. */
    PMP_ANSWER(5, "pmp_ok driven", Event.PmpAnswer.class,
            List.of(Field.bit("ok", Slot.B1, 0), Field.hex("addr", Slot.X, "(of the query answered)")),
            v -> new Event.PmpAnswer(v.cycle(), v.flag(0), v.get(1)),
            e -> new long[] {bit(e.ok()), e.addr()}),
    /** Memory read handshake ({@code mrd_valid && mrd_ready}). */
    MRD(6, "memory read handshake", Event.MemoryRead.class,
            List.of(Field.of("size", Slot.B1), Field.of("tag", Slot.A32), Field.hex("addr", Slot.X)),
            v -> new Event.MemoryRead(v.cycle(), (int) v.get(0), (int) v.get(1), v.get(2)),
            e -> new long[] {e.size(), e.tag(), e.addr()}),
    /** Memory response driven ({@code mrs_valid}); {@code data} is 0 on a bus error. */
    MRS(7, "memory response driven", Event.MemoryResponse.class,
            List.of(Field.bit("err", Slot.B2, 0), Field.of("tag", Slot.A32), Field.hex("data", Slot.X),
                    Field.hex("addr", Slot.Y)),
            v -> new Event.MemoryResponse(v.cycle(), v.flag(0), (int) v.get(1), v.get(2), v.get(3)),
            e -> new long[] {bit(e.err()), e.tag(), e.data(), e.addr()}),
    /** Response handshake ({@code rsp_valid && rsp_ready}). */
    RSP(8, "response handshake", Event.Response.class,
            List.of(Field.bit("allow", Slot.B1, 0), Field.bit("fault", Slot.B1, 1), Field.bit("cacheable", Slot.B1, 2),
                    Field.bit("stale", Slot.B1, 3), Field.of("cause", Slot.B2), Field.of("xwr", Slot.B3),
                    Field.of("id", Slot.A32), Field.bits("level", Slot.X, 0, 8), Field.bits("leaf_log2", Slot.X, 8, 8),
                    Field.bits("uniform_log2", Slot.X, 16, 8)),
            v -> new Event.Response(v.cycle(), v.flag(0), v.flag(1), v.flag(2), v.flag(3), (int) v.get(4),
                    (int) v.get(5), (int) v.get(6), (int) v.get(7), (int) v.get(8), (int) v.get(9)),
            e -> new long[] {bit(e.allow()), bit(e.fault()), bit(e.cacheable()), bit(e.stale()), e.cause(), e.xwr(),
                e.id(), e.level(), e.leafLog2(), e.uniformLog2()}),
    /** Observation pulse of contract v1 ({@code obs_valid}). */
    OBS(9, "observation pulse", Event.Observation.class,
            List.of(Field.of("obs_kind", Slot.B1), Field.of("array", Slot.B2), Field.of("way", Slot.B3),
                    Field.of("set", Slot.A32), Field.of("walker_state", Slot.X)),
            v -> new Event.Observation(v.cycle(), (int) v.get(0), (int) v.get(1), (int) v.get(2), (int) v.get(3),
                    v.get(4)),
            e -> new long[] {e.obsKind(), e.array(), e.way(), e.set(), e.walkerState()}),
    /** The session stopped (watchdog, RTL {@code $stop}/{@code $finish}/fatal): {@link StopReason} code. */
    STOP(10, "stop", Event.Stop.class,
            List.of(Field.of("status", Slot.B1, "(MTTB_TIMEOUT / MTTB_RTL_*)")),
            v -> new Event.Stop(v.cycle(), (int) v.get(0)),
            e -> new long[] {e.status()}),
    /** Extension observation word (contract v2): one per non-zero 64-bit word of an extension port per cycle. */
    OBSX(11, "extension observation word (contract v2)", Event.ExtensionWord.class,
            List.of(Field.of("word", Slot.B1, "(0 = bits 63:0)"), Field.port("port", Slot.A32, "(port id)"),
                    Field.hex("value", Slot.X, "(never 0)")),
            v -> new Event.ExtensionWord(v.cycle(), (int) v.get(0), (int) v.get(1), v.get(2)),
            e -> new long[] {e.word(), e.port(), e.value()}),
    /** DMA request handshake of an I/O checker ({@code dma_valid && dma_ready}, contract v3). */
    DMA_ACCEPT(12, "DMA request handshake", Event.DmaAccept.class,
            List.of(Field.of("id", Slot.A32, "(truncated to the width of dma_id)"), Field.hex("pa", Slot.X),
                    Field.of("position", Slot.Y, "(requests consumed since create, idle gaps included)")),
            v -> new Event.DmaAccept(v.cycle(), (int) v.get(0), v.get(1), v.get(2)),
            e -> new long[] {e.id(), e.pa(), e.position()}),
    /** Verdict handshake of an I/O checker ({@code rsp_valid && rsp_ready}, contract v3). */
    DMA_RSP(13, "verdict handshake", Event.DmaResponse.class,
            List.of(Field.bit("allow", Slot.B1, 0), Field.bit("matched", Slot.B1, 1),
                    Field.bit("report_to_iommu", Slot.B1, 2), Field.bit("iommu_valid", Slot.B1, 3),
                    Field.of("abort_reason", Slot.B2), Field.of("cause", Slot.B3), Field.of("id", Slot.A32),
                    Field.bits("rule", Slot.X, 0, 8), Field.bits("sdid", Slot.X, 8, 8),
                    Field.bits("iommu_id", Slot.X, 16, 8), Field.bits("xwr", Slot.X, 24, 3),
                    Field.of("valid_cycle", Slot.Y, "(the cycle rsp_valid rose for this verdict)")),
            v -> new Event.DmaResponse(v.cycle(), v.flag(0), v.flag(1), v.flag(2), v.flag(3), (int) v.get(4),
                    (int) v.get(5), (int) v.get(6), (int) v.get(7), (int) v.get(8), (int) v.get(9), (int) v.get(10),
                    v.get(11)),
            e -> new long[] {bit(e.allow()), bit(e.matched()), bit(e.reportToIommu()), bit(e.iommuValid()),
                e.abortReason(), e.cause(), e.id(), e.rule(), e.sdid(), e.iommuId(), e.xwr(), e.validCycle()}),
    /** A register access of an I/O checker answered ({@code reg_rvalid}, contract v3). */
    REG(14, "register access answered (reg_rvalid)", Event.RegisterAccess.class,
            List.of(Field.of("addr", Slot.B1), Field.of("size", Slot.B2), Field.bit("write", Slot.B3, 0),
                    Field.bit("busy", Slot.B3, 1), Field.bit("poll", Slot.B3, 2),
                    Field.of("latency", Slot.A32, "(cycles from the request handshake)"), Field.hex("rdata", Slot.X),
                    Field.of("position", Slot.Y)),
            v -> new Event.RegisterAccess(v.cycle(), (int) v.get(0), (int) v.get(1), v.flag(2), v.flag(3), v.flag(4),
                    (int) v.get(5), v.get(6), v.get(7)),
            e -> new long[] {e.addr(), e.size(), bit(e.write()), bit(e.busy()), bit(e.poll()), e.latency(), e.rdata(),
                e.position()});

    /**
     * The part of the 32-byte record a field lives in: byte offset and width in bits. {@code cycle} (offset 0)
     * and {@code kind} (offset 8) are common to every event.
     */
    public enum Slot {
        B1(9, 8), B2(10, 8), B3(11, 8), A32(12, 32), X(16, 64), Y(24, 64);

        private final int offset;
        private final int bits;

        Slot(int offset, int bits) {
            this.offset = offset;
            this.bits = bits;
        }

        /** Byte offset in {@code mttb_event}. */
        public int offset() {
            return offset;
        }

        /** Width in bits. */
        public int bits() {
            return bits;
        }

        /** The C member name ({@code b1}, {@code a32}, {@code x}, ...). */
        public String cName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a text trace prints a field. */
    public enum Radix {
        DECIMAL, HEX, FLAG, PORT
    }

    /**
     * One field of an event.
     *
     * @param name  spec/C spelling ({@code leaf_log2}); the record component is its camel case ({@code leafLog2})
     * @param slot  where it lives
     * @param lo    lowest bit within the slot
     * @param width bits (a 1-bit field is a {@code boolean} on the record)
     * @param radix how text traces print it
     * @param note  what the header says about it beyond the name ("" for nothing)
     */
    public record Field(String name, Slot slot, int lo, int width, Radix radix, String note) {
        static Field of(String name, Slot slot) {
            return of(name, slot, "");
        }

        static Field of(String name, Slot slot, String note) {
            return new Field(name, slot, 0, slot.bits(), Radix.DECIMAL, note);
        }

        static Field hex(String name, Slot slot) {
            return hex(name, slot, "");
        }

        static Field hex(String name, Slot slot, String note) {
            return new Field(name, slot, 0, slot.bits(), Radix.HEX, note);
        }

        static Field bit(String name, Slot slot, int bit) {
            return new Field(name, slot, bit, 1, Radix.FLAG, "");
        }

        static Field bits(String name, Slot slot, int lo, int width) {
            return new Field(name, slot, lo, width, Radix.DECIMAL, "");
        }

        static Field port(String name, Slot slot, String note) {
            return new Field(name, slot, 0, slot.bits(), Radix.PORT, note);
        }

        /** The Java record component's name: {@code leaf_log2} → {@code leafLog2}. */
        public String javaName() {
            StringBuilder b = new StringBuilder();
            boolean up = false;
            for (char c : name.toCharArray()) {
                if (c == '_') {
                    up = true;
                } else {
                    b.append(up ? Character.toUpperCase(c) : c);
                    up = false;
                }
            }
            return b.toString();
        }

        long mask() {
            return width == 64 ? -1L : (1L << width) - 1;
        }
    }

    /**
     * One native record being decoded, handed to a kind's constructor, which asks for its fields by their index in
     * the table. Reused from record to record by its owner (one per {@link EventBuffer}, confined to its thread), so
     * that decoding allocates nothing but the event itself: the product path decodes every event of a regression.
     */
    static final class Values {
        private EventKind kind;
        private long cycle;
        /** b1, b2, b3, a32 (its 32 bits), x, y: indexed by {@link Slot#ordinal()}. */
        private final long[] slots = new long[6];

        Values set(EventKind kind, long cycle, int b1, int b2, int b3, int a32, long x, long y) {
            this.kind = kind;
            this.cycle = cycle;
            slots[0] = b1;
            slots[1] = b2;
            slots[2] = b3;
            slots[3] = a32 & 0xFFFF_FFFFL;
            slots[4] = x;
            slots[5] = y;
            return this;
        }

        long cycle() {
            return cycle;
        }

        /** Field {@code i} of the kind's table: its bits of its slot. */
        long get(int i) {
            return (slots[kind.slotOf[i]] >>> kind.loOf[i]) & kind.maskOf[i];
        }

        boolean flag(int i) {
            return get(i) != 0;
        }
    }

    private static final EventKind[] BY_CODE = byCode();

    private final int code;
    private final String summary;
    private final Class<? extends Event> type;
    private final List<Field> fields;
    private final Field[] fieldArray;
    // the table's fields as plain arrays: slot ordinal, lowest bit and mask of field i (decoding's inner loop)
    private final int[] slotOf;
    private final int[] loOf;
    private final long[] maskOf;
    private final Function<Values, Event> decoder;
    private final Function<Event, long[]> encoder;

    <E extends Event> EventKind(int code, String summary, Class<E> type, List<Field> fields,
                                Function<Values, E> decoder, Function<E, long[]> encoder) {
        this.code = code;
        this.summary = summary;
        this.type = type;
        this.fields = List.copyOf(fields);
        this.fieldArray = fields.toArray(new Field[0]);
        this.slotOf = new int[fieldArray.length];
        this.loOf = new int[fieldArray.length];
        this.maskOf = new long[fieldArray.length];
        for (int i = 0; i < fieldArray.length; i++) {
            slotOf[i] = fieldArray[i].slot().ordinal();
            loOf[i] = fieldArray[i].lo();
            maskOf[i] = fieldArray[i].mask();
        }
        @SuppressWarnings("unchecked") // E is a subtype of Event: a decoder of E is a decoder of Event
        Function<Values, Event> d = (Function<Values, Event>) (Function<Values, ? extends Event>) decoder;
        this.decoder = d;
        this.encoder = e -> encoder.apply(type.cast(e));
    }

    private static EventKind[] byCode() {
        int max = 0;
        for (EventKind k : values()) {
            max = Math.max(max, k.code);
        }
        EventKind[] out = new EventKind[max + 1];
        for (EventKind k : values()) {
            out[k.code] = k;
        }
        return out;
    }

    private static long bit(boolean b) {
        return b ? 1 : 0;
    }

    /** The {@code MTTB_EV_*} number. */
    public int code() {
        return code;
    }

    /** What the event records, as the header's comment says it. */
    public String summary() {
        return summary;
    }

    /** The record type of this kind. */
    public Class<? extends Event> type() {
        return type;
    }

    /** The fields, in the header's order (the record's components after {@code cycle}). */
    public List<Field> fields() {
        return fields;
    }

    /**
     * The kind with number {@code code}.
     *
     * @throws BridgeException for a number no kind has (a library speaking another ABI)
     */
    public static EventKind of(int code) {
        if (code > 0 && code < BY_CODE.length && BY_CODE[code] != null) {
            return BY_CODE[code];
        }
        throw new BridgeException("event kind " + code + " is not in this sim-bridge's table (mttb_abi.h, event kinds):"
                + " the library and the sim-bridge disagree; rebuild the library");
    }

    /** Decodes the record held by {@code v} (set for this kind) into this kind's event. */
    Event decode(Values v) {
        return decoder.apply(v);
    }

    /** Decodes one record's slots ({@code a32} as the 32 bits it holds) into this kind's event. */
    Event decode(long cycle, int b1, int b2, int b3, int a32, long x, long y) {
        return decode(new Values().set(this, cycle, b1, b2, b3, a32, x, y));
    }

    /** Packs {@code e} (of this kind) back into the record it was decoded from. */
    RawEvent encode(Event e) {
        long[] v = encoder.apply(e);
        long b1 = 0;
        long b2 = 0;
        long b3 = 0;
        long a32 = 0;
        long x = 0;
        long y = 0;
        for (int i = 0; i < fieldArray.length; i++) {
            Field f = fieldArray[i];
            long bits = (v[i] & f.mask()) << f.lo;
            switch (f.slot) {
                case B1 -> b1 |= bits;
                case B2 -> b2 |= bits;
                case B3 -> b3 |= bits;
                case A32 -> a32 |= bits;
                case X -> x |= bits;
                case Y -> y |= bits;
            }
        }
        return new RawEvent(e.cycle(), code, (int) b1, (int) b2, (int) b3, (int) a32, x, y);
    }

    /** The value of field {@code i} of {@code e} (booleans 0/1), as {@link #encode} stores it. */
    long value(Event e, int i) {
        return encoder.apply(e)[i];
    }
}
