package io.mttkit.golden.hart;

import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.SpmpVerdict;

/**
 * One physical access below effective M as the S-level PMP checked it ({@link HartListener#spmpChecked}): everything
 * an SPMP outside the hart (an RTL checker in lockstep) needs to check the same access, and the golden verdict.
 *
 * @param kind     what made the access (a walk's own reads and A/D updates included; they are checked as loads and
 *                 stores, spec "SPMP and Paging" aside: with satp not Bare the SPMP does not apply)
 * @param pa       physical address of the first byte
 * @param size     bytes
 * @param priv     effective privilege of the access ({@link PrivMode#S} or {@link PrivMode#U}): {@code mstatus.MPP}
 *                 for an M-mode load or store with {@code mstatus.MPRV} = 1, S for a page-table walk's accesses
 * @param sum      {@code sstatus.SUM} when the access was made
 * @param mxr      {@code sstatus.MXR} when the access was made
 * @param satpBare {@code satp.MODE} is Bare (the SPMP applies only then)
 * @param verdict  the golden SPMP's verdict ({@code NOT_APPLICABLE} while satp is not Bare)
 */
public record SpmpAccess(AccessKind kind, long pa, int size, PrivMode priv, boolean sum, boolean mxr,
                         boolean satpBare, SpmpVerdict verdict) {
}
