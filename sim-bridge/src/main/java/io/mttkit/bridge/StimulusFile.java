package io.mttkit.bridge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Binary stimulus for the standalone C++ runner ({@code mttb_runner.cpp}): everything a session needs to
 * reproduce a run — config, reset length, PMP regions, memory regions and the request stream.
 * Little-endian: magic {@code MTTBSTM1}, config (64 B), u32 reset cycles, u32 PMP count, PMP records
 * (24 B each), u32 region count, u32 0, per region u64 phys base + u64 size + bytes, u64 request count,
 * requests (32 B each), u64 number of checks.
 */
public final class StimulusFile {
    /** A memory region: physical base and a buffer whose bytes [0, capacity) are the contents. */
    public record Region(long physBase, ByteBuffer bytes) {
    }

    private StimulusFile() {
    }

    public static void write(Path file, SessionConfig config, int resetCycles, List<PmpRegion> pmp, List<Region> memory,
            RequestBuffer requests, long checks) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer h = le(8 + Records.CONFIG_SIZE + 8 + pmp.size() * Records.PMP_SIZE + 8);
            h.put("MTTBSTM1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(config.toBytes())
                    .putInt(resetCycles).putInt(pmp.size());
            for (PmpRegion r : pmp) {
                h.putLong(r.base()).putLong(r.size()).putLong(r.allow() ? 1 : 0);
            }
            h.putInt(memory.size()).putInt(0);
            out.write(h.array());
            for (Region r : memory) {
                ByteBuffer src = r.bytes().duplicate();
                src.clear();
                byte[] b = new byte[src.capacity()];
                src.get(b);
                out.write(le(16).putLong(r.physBase()).putLong(b.length).array());
                out.write(b);
            }
            out.write(le(8).putLong(requests.size()).array());
            out.write(requests.toBytes());
            out.write(le(8).putLong(checks).array());
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
