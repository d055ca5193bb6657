package io.mttkit.bridge;

/**
 * One {@code mttb_event} record as the C ABI lays it out ({@code u64 cycle; u8 kind, b1, b2, b3; u32 a32; u64 x;
 * u64 y}): what digests hash and what the per-cycle driver produces. Code reads events through {@link Event}; this
 * is the wire form, produced and consumed only through the {@link EventKind} table.
 *
 * @param cycle session cycle
 * @param kind  {@link EventKind#code()}
 * @param b1    byte 9 (0..255)
 * @param b2    byte 10 (0..255)
 * @param b3    byte 11 (0..255)
 * @param a32   bytes 12..15
 * @param x     bytes 16..23
 * @param y     bytes 24..31
 */
public record RawEvent(long cycle, int kind, int b1, int b2, int b3, int a32, long x, long y) {
    /** The record's second 64-bit word, as it lies in memory: kind, b1, b2, b3, then a32 in the upper half. */
    public long word1() {
        return (kind & 0xFF) | (long) (b1 & 0xFF) << 8 | (long) (b2 & 0xFF) << 16 | (long) (b3 & 0xFF) << 24
                | (a32 & 0xFFFF_FFFFL) << 32;
    }

    /** Folds the record's four 64-bit words into {@code h} (the wire digest of {@link EventBuffer#digest}). */
    public long digest(long h) {
        h = Records.digestWord(h, cycle);
        h = Records.digestWord(h, word1());
        h = Records.digestWord(h, x);
        return Records.digestWord(h, y);
    }

    /** The typed event (decoded through the {@link EventKind} table). */
    public Event event() {
        return EventKind.of(kind).decode(cycle, b1, b2, b3, a32, x, y);
    }
}
