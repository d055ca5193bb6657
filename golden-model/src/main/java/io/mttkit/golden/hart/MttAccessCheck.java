package io.mttkit.golden.hart;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;

/**
 * The one hook through which every physical access the hart makes below effective M-mode is checked
 * against the MTT/MPT: fetches, loads, stores, AMOs, and the page-table walk's own reads and A/D updates.
 * The hart calls it after translation and PMP have passed and takes an access fault of the original
 * access type when {@code out.allow()} is false.
 *
 * <p>{@link LookupAccessCheck} is the default (the golden {@link io.mttkit.golden.MttLookup}); RTL lockstep
 * ({@code docs/lockstep.md}) replaces it with a check that answers with the same golden lookup and queues the
 * request for the RTL checker.
 */
@FunctionalInterface
public interface MttAccessCheck {
    /**
     * Checks one access and fills {@code out} (reset first).
     *
     * @param mode      the active mode of {@code mttp}/{@code mmpt} (never consulted at effective M)
     * @param rootPpn   the root PPN of the register
     * @param sdid      the SDID of the register
     * @param pa        the physical address of the access
     * @param size      access size in bytes
     * @param kind      what made the access; {@link AccessKind#need()} gives the permissions needed
     * @param bigEndian {@code mstatus.MBE}: the byte order of implicit MPTE reads (SPEC-DECISIONS #20)
     * @param out       result to fill
     * @return {@code out}
     */
    LookupResult check(MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind, boolean bigEndian,
                       LookupResult out);
}
