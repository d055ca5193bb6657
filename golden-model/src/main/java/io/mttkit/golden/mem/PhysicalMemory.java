package io.mttkit.golden.mem;

import io.mttkit.golden.MpteReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A sparse 64-bit physical address space made of non-overlapping regions, each backed by a direct,
 * little-endian {@link ByteBuffer} so that a co-simulation bridge can share the very same bytes with
 * native code ({@link Region#buffer()}).
 *
 * <p>Addresses are unsigned 64-bit values held in a {@code long}. A read or write must lie wholly inside
 * one region; {@link #canRead(long, int)} tells whether it does (a walk treats "no" as a bus error).
 *
 * <p>The hot path ({@link #canRead}, {@link #read}, {@link #write}) allocates nothing: the region is found
 * by a last-hit cache and then a binary search over the regions sorted by base.
 */
public final class PhysicalMemory implements MpteReader {

    /** Largest region: a direct {@link ByteBuffer} is indexed by {@code int}. */
    public static final long MAX_REGION_SIZE = Integer.MAX_VALUE;

    /**
     * One mapped range {@code [base, base + size)} and its backing bytes.
     *
     * @param base   first byte address (unsigned)
     * @param size   size in bytes, 1 .. {@link #MAX_REGION_SIZE}
     * @param buffer direct little-endian buffer of {@code size} bytes; byte {@code a - base} holds address
     *               {@code a}. Callers must use absolute get/put (the position is not meaningful).
     */
    public record Region(long base, long size, ByteBuffer buffer) {
        /** Address of the last byte (unsigned). */
        public long last() {
            return base + size - 1;
        }

        /** True when {@code [addr, addr + len)} lies in this region (unsigned compare, no wrap). */
        public boolean contains(long addr, int len) {
            long off = addr - base;
            // off is unsigned distance from base; it must fit with len bytes within size.
            return Long.compareUnsigned(off, size) < 0 && Long.compareUnsigned(off + len, size) <= 0
                    && len > 0;
        }

        @Override
        public String toString() {
            return rangeString(base, size);
        }
    }

    /** Regions sorted by unsigned base. Replaced (copy-on-add) so lookups never see a half-updated array. */
    private Region[] sorted = new Region[0];
    private Region lastHit;

    /** An empty address space: every access is unmapped until regions are added. */
    public PhysicalMemory() {
    }

    /**
     * Maps a zero-filled region of {@code size} bytes at {@code base}.
     *
     * @throws IllegalArgumentException if {@code size} is not in 1 .. 2 GiB−1, the region would wrap past
     *                                  2^64, or it overlaps an existing region (both ranges are named)
     */
    public Region addRegion(long base, long size) {
        if (size <= 0 || size > MAX_REGION_SIZE) {
            throw new IllegalArgumentException("region size must be 1 .. " + MAX_REGION_SIZE + " bytes, got " + size
                    + " (split larger memories into several regions)");
        }
        long last = base + size - 1;
        if (Long.compareUnsigned(last, base) < 0) {
            throw new IllegalArgumentException("region " + rangeString(base, size)
                    + " wraps past the top of the 64-bit address space");
        }
        for (Region r : sorted) {
            if (Long.compareUnsigned(base, r.last()) <= 0 && Long.compareUnsigned(r.base(), last) <= 0) {
                throw new IllegalArgumentException("region " + rangeString(base, size) + " overlaps existing region "
                        + r + "; regions must not overlap");
            }
        }
        ByteBuffer buf = ByteBuffer.allocateDirect((int) size).order(ByteOrder.LITTLE_ENDIAN);
        Region region = new Region(base, size, buf);
        Region[] next = Arrays.copyOf(sorted, sorted.length + 1);
        next[next.length - 1] = region;
        Arrays.sort(next, (a, b) -> Long.compareUnsigned(a.base(), b.base()));
        sorted = next;
        return region;
    }

    /** Maps a region of exactly {@code image.length} bytes at {@code base} holding a copy of {@code image}. */
    public Region load(long base, byte[] image) {
        if (image.length == 0) {
            throw new IllegalArgumentException("cannot load an empty image at " + hex(base));
        }
        Region r = addRegion(base, image.length);
        r.buffer().put(0, image);
        return r;
    }

    /**
     * Maps a region at {@code base} holding the bytes of {@code file}.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable, empty or larger than 2 GiB−1
     */
    public Region load(long base, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("memory image " + file + " does not exist or is not a regular file");
        }
        try {
            long len = Files.size(file);
            if (len > MAX_REGION_SIZE) {
                throw new IllegalArgumentException("memory image " + file + " is " + len
                        + " bytes; at most " + MAX_REGION_SIZE + " fit in one region");
            }
            return load(base, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read memory image " + file + ": " + e.getMessage(), e);
        }
    }

    /** All regions, sorted by base address. */
    public List<Region> regions() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(sorted)));
    }

    /** The buffer of the region that starts exactly at {@code base}. */
    public ByteBuffer regionBuffer(long base) {
        for (Region r : sorted) {
            if (r.base() == base) {
                return r.buffer();
            }
        }
        throw new IllegalArgumentException("no region starts at " + hex(base) + "; regions are " + regions());
    }

    /** True when all {@code size} bytes from {@code addr} are inside one region; false means bus error. */
    @Override
    public boolean canRead(long addr, int size) {
        return find(addr, size) != null;
    }

    /**
     * Reads a {@code size}-byte (1, 2, 4 or 8) value at {@code addr}, zero-extended.
     *
     * @param bigEndian true to assemble the bytes most-significant first ({@code mstatus.MBE}=1)
     * @throws IllegalArgumentException on a bad size or an access not wholly inside one region
     */
    @Override
    public long read(long addr, int size, boolean bigEndian) {
        Region r = regionFor(addr, size);
        int off = (int) (addr - r.base());
        ByteBuffer b = r.buffer();
        long v = switch (size) {
            case 1 -> b.get(off) & 0xFFL;
            case 2 -> b.getShort(off) & 0xFFFFL;
            case 4 -> b.getInt(off) & 0xFFFF_FFFFL;
            case 8 -> b.getLong(off);
            default -> throw badSize(size);
        };
        return bigEndian ? swap(v, size) : v;
    }

    /**
     * Writes the low {@code size} bytes (1, 2, 4 or 8) of {@code value} at {@code addr}.
     *
     * @throws IllegalArgumentException on a bad size or an access not wholly inside one region
     */
    public void write(long addr, int size, long value, boolean bigEndian) {
        Region r = regionFor(addr, size);
        int off = (int) (addr - r.base());
        long v = bigEndian ? swap(value, size) : value;
        ByteBuffer b = r.buffer();
        switch (size) {
            case 1 -> b.put(off, (byte) v);
            case 2 -> b.putShort(off, (short) v);
            case 4 -> b.putInt(off, (int) v);
            case 8 -> b.putLong(off, v);
            default -> throw badSize(size);
        }
    }

    /** Little-endian 32-bit read, zero-extended. */
    public long read32(long addr) {
        return read(addr, 4, false);
    }

    /** Little-endian 64-bit read. */
    public long read64(long addr) {
        return read(addr, 8, false);
    }

    /** Little-endian 32-bit write of the low 32 bits of {@code value}. */
    public void write32(long addr, long value) {
        write(addr, 4, value, false);
    }

    /** Little-endian 64-bit write. */
    public void write64(long addr, long value) {
        write(addr, 8, value, false);
    }

    // ---- internals ------------------------------------------------------------------------------

    private Region regionFor(long addr, int size) {
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw badSize(size);
        }
        Region r = find(addr, size);
        if (r == null) {
            throw new IllegalArgumentException("access of " + size + " bytes at " + hex(addr)
                    + " is not inside one mapped region (check canRead first); regions are " + regions());
        }
        return r;
    }

    private Region find(long addr, int size) {
        Region hit = lastHit;
        if (hit != null && hit.contains(addr, size)) {
            return hit;
        }
        Region[] rs = sorted;
        // Last region whose base <= addr (unsigned).
        int lo = 0;
        int hi = rs.length - 1;
        int idx = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(rs[mid].base(), addr) <= 0) {
                idx = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (idx >= 0 && rs[idx].contains(addr, size)) {
            lastHit = rs[idx];
            return rs[idx];
        }
        return null;
    }

    private static long swap(long v, int size) {
        return switch (size) {
            case 1 -> v;
            case 2 -> Short.reverseBytes((short) v) & 0xFFFFL;
            case 4 -> Integer.reverseBytes((int) v) & 0xFFFF_FFFFL;
            case 8 -> Long.reverseBytes(v);
            default -> throw badSize(size);
        };
    }

    private static IllegalArgumentException badSize(int size) {
        return new IllegalArgumentException("access size must be 1, 2, 4 or 8 bytes, got " + size);
    }

    static String rangeString(long base, long size) {
        return "[" + hex(base) + ", " + hex(base + size - 1) + "]";
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
