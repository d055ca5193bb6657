package io.mttkit.tb.lockstep;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.Priv;

/**
 * A check the hart made and went on with (golden verdict), waiting in the queue for the RTL's answer, with
 * the instruction context the mismatch report names.
 */
final class PendingCheck {
    final long index;
    final long pc;
    final int priv;
    /** Physical address of the instruction's first fetch parcel in this step, -1 when it was not MTT-checked. */
    final long insnPa;
    final AccessKind kind;
    final long pa;
    final int size;
    final MttMode mode;
    final long rootPpn;
    final int sdid;
    final boolean bigEndian;
    final boolean goldenAllow;
    final Cause goldenCause;
    final int goldenXwr;
    /** A mirrored table page written since the last MFENCE.PA / SFENCE.INVAL.IR, -1 when none. */
    final long editedPpn;
    final long editedAtPc;
    /** The instruction encoding, once it retired (-1: not known, read from memory for the report). */
    long insn = -1;

    PendingCheck(long index, long pc, int priv, long insnPa, AccessKind kind, long pa, int size, MttMode mode,
                 long rootPpn, int sdid, boolean bigEndian, boolean goldenAllow, Cause goldenCause, int goldenXwr,
                 long editedPpn, long editedAtPc) {
        this.index = index;
        this.pc = pc;
        this.priv = priv;
        this.insnPa = insnPa;
        this.kind = kind;
        this.pa = pa;
        this.size = size;
        this.mode = mode;
        this.rootPpn = rootPpn;
        this.sdid = sdid;
        this.bigEndian = bigEndian;
        this.goldenAllow = goldenAllow;
        this.goldenCause = goldenCause;
        this.goldenXwr = goldenXwr;
        this.editedPpn = editedPpn;
        this.editedAtPc = editedAtPc;
    }

    /** {@code LOAD pa 0x… size 4 need R, mode smmpt43 root ppn 0x… sdid 1, MPTEs little-endian}. */
    String accessText() {
        return String.format("%s pa 0x%x size %d need %s, mode %s root ppn 0x%x sdid %d, MPTEs %s-endian", kind, pa,
                size, perms(kind.need()), mode.id(), rootPpn, sdid, bigEndian ? "big" : "little");
    }

    /** The golden verdict in words. */
    String goldenVerdict() {
        return verdict(goldenAllow, goldenCause.ordinal(), goldenXwr);
    }

    static String verdict(boolean allow, int cause, int xwr) {
        String c = cause >= 0 && cause < Cause.values().length ? Cause.values()[cause].name() : "code " + cause;
        return (allow ? "allow" : "deny") + " cause " + c + " (" + cause + ")"
                + (xwr < 0 ? " (bypass)" : " xwr " + perms(xwr));
    }

    static String privName(int priv) {
        return Priv.name(priv);
    }

    static String perms(int xwr) {
        return xwr == 0 ? "-" : Access.format(xwr);
    }
}
