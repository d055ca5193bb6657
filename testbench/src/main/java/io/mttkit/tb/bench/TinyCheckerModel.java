package io.mttkit.tb.bench;

import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.Records;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.StimulusFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reference model of the bridge's tiny test design ({@code mttb_tiny_checker.v}), written from its documented
 * behaviour (docs/bridge.md, "Test design"), not from the Verilog. It consumes the event trace as a stream
 * — events may be split across batches anywhere — and checks every event: which request was taken, every
 * PMP query and answer, every memory read address and the data returned (against the very memory image the
 * RTL reads), every observation pulse and every response field. The first difference is a
 * {@link Mismatch}.
 *
 * <p>This model stands in for the golden-model scoreboard until the generated checker lands; it is what
 * makes benchmark mode M2 do full checking work per event.
 */
public final class TinyCheckerModel {
    /** Parameters of the tiny checker as built (its Verilog defaults). */
    static final int PAW = 56;
    static final int ID_BITS = 8;

    /** A difference between the RTL's events and the model. */
    public static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    private record Way(boolean valid, int sdid, int mode, long root, boolean be, long page, int xwr) {
    }

    /** Expected events, a ring of primitive fields (no allocation per event: this runs at simulation speed).
     *  -1 (or {@link #ANY} for x) means "don't care". */
    private static final long ANY = Long.MIN_VALUE;
    private static final int RING = 16;
    private final int[] eKind = new int[RING];
    private final int[] eB1 = new int[RING];
    private final int[] eB2 = new int[RING];
    private final int[] eB3 = new int[RING];
    private final long[] eA32 = new long[RING];
    private final long[] eX = new long[RING];
    private int eHead;
    private int eSize;

    private final RequestBuffer requests;
    private final List<StimulusFile.Region> memory;
    private final PmpRegion[] pmpArray;
    private final boolean pmpDefaultAllow;
    private final long[] regionBase;
    private final ByteBuffer[] regionBytes;  // little-endian views of the very buffers the RTL reads
    private final Way[] ways = {new Way(false, 0, 0, 0, false, 0, 0), new Way(false, 0, 0, 0, false, 0, 0)};
    private int lru;  // the way the next fill replaces
    private int cursor;    // next request position in the stream
    private int tag;       // next memory read tag (2 bits)
    private int current = -1;  // position of the check in flight
    private long pendingAddr;  // entry address of the read in flight
    private long checks;
    private long events;

    public TinyCheckerModel(RequestBuffer requests, List<StimulusFile.Region> memory, List<PmpRegion> pmp,
            boolean pmpDefaultAllow) {
        this.requests = requests;
        this.memory = memory;
        this.pmpArray = pmp.toArray(new PmpRegion[0]);
        this.pmpDefaultAllow = pmpDefaultAllow;
        this.regionBase = new long[memory.size()];
        this.regionBytes = new ByteBuffer[memory.size()];
        for (int r = 0; r < memory.size(); r++) {
            regionBase[r] = memory.get(r).physBase();
            regionBytes[r] = memory.get(r).bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Checks answered so far. */
    public long checks() {
        return checks;
    }

    public long events() {
        return events;
    }

    /** Consumes the events of one call. */
    public void accept(EventBuffer ev) {
        for (int i = 0; i < ev.size(); i++) {
            events++;
            step(ev, i);
        }
    }

    /** Asserts that everything requested was taken and answered. */
    public void finish() {
        skipIdle();
        if (cursor != requests.size() || current >= 0 || eSize != 0) {
            throw new Mismatch("trace ended early: request " + cursor + " of " + requests.size() + " next, "
                    + (current >= 0 ? "check at " + current + " unanswered, " : "") + eSize + " events still expected"
                    + (eSize == 0 ? "" : " (next: " + describe(eHead) + ")"));
        }
    }

    private void skipIdle() {
        while (cursor < requests.size() && requests.kind(cursor) == Records.REQ_IDLE) {
            cursor++;
        }
    }

    private void step(EventBuffer ev, int i) {
        int kind = ev.kind(i);
        switch (kind) {
            case Records.EV_ACCEPT, Records.EV_INV_ACCEPT, Records.EV_SYNC_ACK -> taken(ev, i, kind);
            case Records.EV_STOP -> throw new Mismatch("RTL stopped: " + ev.format(i));
            default -> {
                if (eSize == 0) {
                    throw new Mismatch("unexpected event " + ev.format(i) + " (nothing outstanding)");
                }
                match(eHead, ev, i);
                eHead = (eHead + 1) & (RING - 1);
                eSize--;
                if (kind == Records.EV_MRS) {
                    decode(ev, i);
                } else if (kind == Records.EV_PMP_ANSWER && ev.b1(i) == 0) {
                    respondFault(2);
                } else if (kind == Records.EV_RSP) {
                    current = -1;
                    checks++;
                }
            }
        }
    }

    private void match(int e, EventBuffer ev, int i) {
        boolean ok = eKind[e] == ev.kind(i) && (eB1[e] < 0 || eB1[e] == ev.b1(i)) && (eB2[e] < 0 || eB2[e] == ev.b2(i))
                && (eB3[e] < 0 || eB3[e] == ev.b3(i)) && (eA32[e] < 0 || eA32[e] == Integer.toUnsignedLong(ev.a32(i)))
                && (eX[e] == ANY || eX[e] == ev.x(i));
        if (!ok) {
            throw new Mismatch("expected " + describe(e) + ", RTL gave " + ev.format(i)
                    + (current >= 0 ? " (check at stream position " + current + ")" : ""));
        }
    }

    private void expect(int kind, int b1, int b2, int b3, long a32, long x) {
        if (eSize == RING) {
            throw new IllegalStateException("expectation ring overflow");
        }
        int t = (eHead + eSize++) & (RING - 1);
        eKind[t] = kind;
        eB1[t] = b1;
        eB2[t] = b2;
        eB3[t] = b3;
        eA32[t] = a32;
        eX[t] = x;
    }

    /** Text of an expectation, built only when reporting a mismatch. */
    private String describe(int e) {
        String x = eX[e] == ANY ? "any" : "0x" + Long.toHexString(eX[e]);
        return Records.eventName(eKind[e]) + " b1=" + eB1[e] + " b2=" + eB2[e] + " b3=" + eB3[e] + " a32=" + eA32[e]
                + " x=" + x + " (-1: any)";
    }

    private void taken(EventBuffer ev, int i, int kind) {
        if (current >= 0 || eSize != 0) {
            throw new Mismatch("request taken while " + (eSize == 0 ? "a check" : describe(eHead))
                    + " is outstanding: " + ev.format(i));
        }
        skipIdle();
        if (cursor >= requests.size()) {
            throw new Mismatch("request taken beyond the end of the stream: " + ev.format(i));
        }
        int want = requests.kind(cursor) == Records.REQ_CHECK ? Records.EV_ACCEPT
                : requests.kind(cursor) == Records.REQ_INVAL ? Records.EV_INV_ACCEPT : Records.EV_SYNC_ACK;
        if (kind != want || ev.y(i) != cursor) {
            throw new Mismatch("expected " + Records.eventName(want) + " of request " + cursor + ", got " + ev.format(i));
        }
        int pos = cursor++;
        if (kind == Records.EV_ACCEPT) {
            check(ev, i, pos);
        } else if (kind == Records.EV_INV_ACCEPT) {
            invalidate(pos);
        }
    }

    private void check(EventBuffer ev, int i, int pos) {
        long id = requests.id(pos) & ((1L << ID_BITS) - 1);
        if (Integer.toUnsignedLong(ev.a32(i)) != id || ev.x(i) != requests.pa(pos)) {
            throw new Mismatch("accept of request " + pos + " carries " + ev.format(i));
        }
        current = pos;
        long pa = requests.pa(pos);
        int flags = requests.flags(pos);
        if ((flags & Records.RF_BYPASS) != 0) {
            respond(Records.RSP_ALLOW, 0, 7, false);
            return;
        }
        if ((pa >>> PAW) != 0) {
            respondFault(1);
            return;
        }
        long page = (pa >>> 12) & ((1L << (PAW - 12)) - 1);
        boolean be = (flags & Records.RF_BE) != 0;
        for (int w = 0; w < 2; w++) {
            Way c = ways[w];
            if (c.valid && c.sdid == requests.sdid(pos) && c.mode == requests.mode(pos) && c.root == requests.rootPpn(pos)
                    && c.be == be && c.page == page) {
                expectObs(Records.OBS_HIT, w);
                lru = 1 - w;
                leafResponse(c.xwr);
                return;
            }
        }
        expectObs(Records.OBS_MISS, 0);
        long mask = PAW == 64 ? -1L : (1L << PAW) - 1;
        pendingAddr = ((requests.rootPpn(pos) << 12) + (page << 3)) & mask;
        expect(Records.EV_PMP_QUERY, 8, -1, -1, -1, pendingAddr);
        int ok = pmpAllows(pendingAddr) ? 1 : 0;
        expect(Records.EV_PMP_ANSWER, ok, -1, -1, -1, pendingAddr);
        if (ok == 1) {
            expect(Records.EV_MRD, 8, -1, -1, tag, pendingAddr);
            expect(Records.EV_MRS, -1, -1, -1, tag, ANY);
        }
    }

    private void decode(EventBuffer ev, int i) {
        tag = (tag + 1) & 3;
        long addr = ev.y(i);
        if (addr != pendingAddr) {
            throw new Mismatch("memory response for 0x" + Long.toHexString(addr) + ", read was 0x" + Long.toHexString(pendingAddr));
        }
        int region = regionOf(addr);
        boolean err = ev.b2(i) != 0;
        if (region < 0 && !err) {
            throw new Mismatch("memory response without error for 0x" + Long.toHexString(addr) + ", outside every region");
        }
        if (!err) {
            long mem = regionBytes[region].getLong((int) (addr - regionBase[region]));
            if (ev.x(i) != mem) {
                throw new Mismatch("memory response data 0x" + Long.toHexString(ev.x(i)) + " for 0x" + Long.toHexString(addr)
                        + ", memory holds 0x" + Long.toHexString(mem));
            }
        }
        if (err) {
            respondFault(3);
            return;
        }
        int pos = current;
        boolean be = (requests.flags(pos) & Records.RF_BE) != 0;
        long entry = be ? Long.reverseBytes(ev.x(i)) : ev.x(i);
        int xwr = (int) (entry >>> 1) & 7;
        if ((entry & 1) == 0) {
            respondFault(4);
        } else if ((entry >>> 4) != 0) {
            respondFault(5);
        } else if (xwr == 2 || xwr == 6) {
            respondFault(6);
        } else {
            if (ways[lru].valid) {
                expectObs(Records.OBS_EVICT, lru);
            }
            expectObs(Records.OBS_FILL, lru);
            ways[lru] = new Way(true, requests.sdid(pos), requests.mode(pos), requests.rootPpn(pos), be,
                    (requests.pa(pos) >>> 12) & ((1L << (PAW - 12)) - 1), xwr);
            lru = 1 - lru;
            leafResponse(xwr);
        }
    }

    private void invalidate(int pos) {
        int flags = requests.flags(pos);
        boolean hasPa = (flags & Records.RF_INV_HAS_PA) != 0;
        boolean hasSdid = (flags & Records.RF_INV_HAS_SDID) != 0;
        long page = (requests.pa(pos) >>> 12) & ((1L << (PAW - 12)) - 1);
        for (int w = 0; w < 2; w++) {
            Way c = ways[w];
            if (c.valid && (!hasPa || c.page == page) && (!hasSdid || c.sdid == requests.sdid(pos))) {
                expectObs(Records.OBS_INVAL, w);
                ways[w] = new Way(false, c.sdid, c.mode, c.root, c.be, c.page, c.xwr);
            }
        }
    }

    /** The PMP hook's documented rule (first overlapping region decides, whole access inside), on an array. */
    private boolean pmpAllows(long addr) {
        for (PmpRegion r : pmpArray) {
            if (r.overlaps(addr, 8)) {
                return r.allow() && r.contains(addr, 8);
            }
        }
        return pmpDefaultAllow;
    }

    private void leafResponse(int xwr) {
        int need = requests.need(current);
        boolean allow = (need & ~xwr) == 0;
        respond((allow ? Records.RSP_ALLOW : Records.RSP_FAULT) | Records.RSP_CACHEABLE, allow ? 0 : 9, xwr, true);
    }

    private void respondFault(int cause) {
        respond(Records.RSP_FAULT, cause, 0, false);
    }

    private void respond(int flags, int cause, int xwr, boolean leaf) {
        long id = requests.id(current) & ((1L << ID_BITS) - 1);
        long x = leaf ? (12L << 8) | (12L << 16) : 0;
        expect(Records.EV_RSP, flags, cause, xwr, id, x);
    }

    private void expectObs(int kind, int way) {
        expect(Records.EV_OBS, kind, 0, way, 0, ANY);
    }

    /** Index of the region holding the 8 bytes at {@code addr}, or -1 when they are outside every region. */
    private int regionOf(long addr) {
        for (int r = 0; r < regionBase.length; r++) {
            long off = addr - regionBase[r];
            if (Long.compareUnsigned(addr, regionBase[r]) >= 0 && off + 8 <= regionBytes[r].capacity()) {
                return r;
            }
        }
        return -1;
    }
}
