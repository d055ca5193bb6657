package io.mttkit.bridge;

/** One region of the PMP hook's list: first match wins, and the whole access must fit inside
 *  (a partial overlap is denied, as a PMP entry not covering the whole access would be).
 *  An address that no region touches gets {@link SessionConfig#pmpDefaultAllow()}. */
public record PmpRegion(long base, long size, boolean allow) {
    public PmpRegion {
        if (size <= 0) {
            throw new BridgeException("PMP region at 0x" + Long.toHexString(base) + " needs a positive size");
        }
    }

    /** True when this region decides an access of {@code bytes} at {@code addr} (they overlap). */
    public boolean overlaps(long addr, int bytes) {
        return Long.compareUnsigned(addr, base + size) < 0 && Long.compareUnsigned(addr + bytes, base) > 0;
    }

    /** True when the access lies entirely inside the region. */
    public boolean contains(long addr, int bytes) {
        return Long.compareUnsigned(addr, base) >= 0 && Long.compareUnsigned(addr + bytes, base + size) <= 0;
    }

    /** The hook's answer for an access, given the ordered region list. */
    public static boolean allows(java.util.List<PmpRegion> regions, boolean defaultAllow, long addr, int bytes) {
        for (PmpRegion r : regions) {
            if (r.overlaps(addr, bytes)) {
                return r.allow && r.contains(addr, bytes);
            }
        }
        return defaultAllow;
    }
}
