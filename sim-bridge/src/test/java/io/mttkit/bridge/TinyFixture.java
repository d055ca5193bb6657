package io.mttkit.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** The tiny checker library (built once per JVM, cached on disk) and a 64 KiB table image for it. */
final class TinyFixture {
    static final long MEM_BASE = 0x8000_0000L;
    static final int MEM_SIZE = 64 * 1024;
    static final long ROOT_PPN = MEM_BASE >>> 12;
    static final int R = 1;
    static final int W = 2;
    static final int X = 4;

    private static LoadedLibrary fast;

    private TinyFixture() {
    }

    static synchronized LoadedLibrary fast() {
        if (fast == null) {
            BuildDriver d = ToolSupport.driverOrSkip();
            fast = d.load(TestDesigns.tinyCheckerSpec(d.cache(), Variant.FAST));
        }
        return fast;
    }

    static ByteBuffer memory() {
        return ByteBuffer.allocateDirect(MEM_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Entry word of the tiny checker: V in bit 0, XWR in bits 3:1. */
    static long entry(boolean valid, int xwr) {
        return (valid ? 1 : 0) | ((long) xwr << 1);
    }

    /** Writes the entry for page {@code page} (little-endian). */
    static void putEntry(ByteBuffer mem, long page, long entry) {
        mem.putLong((int) (page * 8), entry);
    }

    static long entryAddr(long page) {
        return MEM_BASE + page * 8;
    }

    static CheckerSession open(LoadedLibrary lib, SessionConfig cfg, ByteBuffer mem) {
        CheckerSession s = lib.openChecker(cfg);
        s.attachMemory(MEM_BASE, mem);
        s.reset(4);
        return s;
    }

    /** Runs all requests in batches of {@code k} and drains; returns every event as a text line. */
    static List<String> runAll(CheckerSession s, RequestBuffer reqs, int k, EventBuffer ev) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < reqs.size()) {
            int n = Math.min(k, reqs.size() - from);
            if ((reqs.flags(from + n - 1) & Records.RF_INV_WITH_CHECK) != 0) {
                n++; // an invalidation presented with a check is passed in the same call as its check
            }
            RunResult r = s.run(reqs, from, n, ev, 0);
            for (int i = 0; i < ev.size(); i++) {
                lines.add(ev.format(i));
            }
            if (r.reason().terminal()) {
                throw new AssertionError("stopped: " + r.reason() + " " + r.message());
            }
            from += (int) r.consumed();
        }
        for (;;) {
            RunResult r = s.drain(ev, 0);
            for (int i = 0; i < ev.size(); i++) {
                lines.add(ev.format(i));
            }
            if (r.reason() == StopReason.DONE) {
                break;
            }
            if (r.reason().terminal()) {
                throw new AssertionError("stopped: " + r.reason() + " " + r.message());
            }
        }
        return lines;
    }
}
