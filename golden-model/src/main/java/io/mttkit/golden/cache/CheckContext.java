package io.mttkit.golden.cache;

import io.mttkit.golden.MttMode;

/**
 * The {@code mmpt}/{@code mttp} context of one check request ({@code req_sdid}, {@code req_mode},
 * {@code req_root_ppn}, {@code req_be}). A walk keeps the context it started with (race rule R4).
 *
 * @param sdid      supervisor domain id; must fit in the cache's {@code sdidLen} bits (the CSR is WARL)
 * @param mode      MTT mode; {@link MttMode#BARE} bypasses the cache and the walker
 * @param rootPpn   PPN of the root table
 * @param bigEndian MPTE endianness ({@code mstatus.MBE})
 */
public record CheckContext(int sdid, MttMode mode, long rootPpn, boolean bigEndian) {
    public CheckContext {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be given (use MttMode.BARE for no protection)");
        }
        if (sdid < 0) {
            throw new IllegalArgumentException("sdid must not be negative, got " + sdid);
        }
        if (rootPpn < 0) {
            throw new IllegalArgumentException("rootPpn must not be negative, got 0x" + Long.toHexString(rootPpn));
        }
    }

    /** Same context with another SDID (a domain switch by a CSR write). */
    public CheckContext withSdid(int newSdid) {
        return new CheckContext(newSdid, mode, rootPpn, bigEndian);
    }

    /** Same context with another root table. */
    public CheckContext withRootPpn(long newRootPpn) {
        return new CheckContext(sdid, mode, newRootPpn, bigEndian);
    }
}
