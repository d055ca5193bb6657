package io.mttkit.golden.hart;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;

/**
 * Sees every MTT/MPT check a hart of a {@link HartSystem} makes, with the hart's id: the accesses below
 * effective M (fetches, loads, stores, AMOs, page-table reads and A/D updates), each checked with that hart's
 * own {@code mmpt}/{@code mttp} (mode, root, SDID). Called after the check answered and before the hart acts
 * on the answer. This is where per-hart RTL checker instances will be fed in lockstep.
 */
@FunctionalInterface
public interface HartCheckListener {
    /**
     * @param hart    the hart making the access ({@code mhartid})
     * @param pc      the pc of the instruction making the access
     * @param mode    the hart's active mode
     * @param rootPpn the hart's root PPN
     * @param sdid    the hart's SDID
     * @param pa      physical address
     * @param size    bytes
     * @param kind    what made the access
     * @param result  the answer (do not keep: it is reused)
     */
    void checked(int hart, long pc, MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind,
                 LookupResult result);
}
