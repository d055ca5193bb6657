package io.mttkit.golden.spmp;

import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;

/**
 * Spec "Encoding of Permissions" and its encoding table: what a matching rule grants to an S-mode or
 * U-mode access.
 *
 * <table>
 *   <caption>Permissions granted (R/W/X from spmpcfg unless stated)</caption>
 *   <tr><th>rule</th><th>U-mode access</th><th>S-mode, SUM=0</th><th>S-mode, SUM=1</th></tr>
 *   <tr><td>S-mode-only (U=0, SHARED=0)</td><td>Deny</td><td>Enforce</td><td>Enforce</td></tr>
 *   <tr><td>U-mode (U=1, SHARED=0)</td><td>Enforce</td><td>Deny</td><td>EnforceNoX</td></tr>
 *   <tr><td>Shared-Region (U=1, SHARED=1)</td><td>Enforce, except RWX=110 → R and RWX=111 → X</td>
 *       <td>Enforce</td><td>Enforce</td></tr>
 *   <tr><td>RWX=010, RWX=011, SHARED=1 U=0</td><td colspan="3">reserved: mttkit denies</td></tr>
 * </table>
 *
 * <p>The Shared-Region row: "enforced for both Supervisor and User modes, but it imposes the constraint
 * that read and write permissions for User mode are mutually exclusive" — the encoding table (upstream
 * {@code SPMP_Encoding_Table_v11.svg}) gives U-mode read-only for RWX=110 and execute-only for RWX=111
 * (docs/spec-notes.md, Sspmp). {@code sstatus.MXR} makes a load succeed where the mode would be allowed
 * to execute by the rule's X bit, before EnforceNoX takes execution away (as MXR does for pages).
 */
public final class Encoding {
    private Encoding() {
    }

    /** The table's cell names. */
    public enum Cell {
        DENY,
        ENFORCE,
        ENFORCE_NO_X,
        SHARED,
        RESERVED
    }

    /** The table cell a rule falls in for an access at {@code priv} (S or U) with {@code sum}. */
    public static Cell cell(int cfg, PrivMode priv, boolean sum) {
        if (priv == PrivMode.M) {
            throw new IllegalArgumentException("the SPMP encoding applies to S and U accesses only");
        }
        return switch (SpmpCfg.ruleType(cfg)) {
            case RESERVED -> Cell.RESERVED;
            case SHARED_REGION -> Cell.SHARED;
            case S_MODE_ONLY -> priv == PrivMode.S ? Cell.ENFORCE : Cell.DENY;
            case U_MODE -> priv == PrivMode.U ? Cell.ENFORCE : sum ? Cell.ENFORCE_NO_X : Cell.DENY;
        };
    }

    /**
     * The permissions ({@link Access} bits) a matching rule grants, MXR included: a load is allowed when
     * R is granted, or when MXR=1 and the rule's X bit applies to this mode.
     */
    public static int permissions(int cfg, PrivMode priv, boolean sum, boolean mxr) {
        int rwx = SpmpCfg.rwx(cfg); // SpmpCfg R/W/X positions equal Access R/W/X
        int granted;
        int xForMxr;
        switch (cell(cfg, priv, sum)) {
            case ENFORCE -> {
                granted = rwx;
                xForMxr = rwx & Access.X;
            }
            case ENFORCE_NO_X -> {
                granted = rwx & ~Access.X;
                xForMxr = rwx & Access.X;
            }
            case SHARED -> {
                granted = priv == PrivMode.S ? rwx : sharedUserPermissions(rwx);
                xForMxr = granted & Access.X;
            }
            default -> {
                granted = 0;
                xForMxr = 0;
            }
        }
        if (mxr && xForMxr != 0) {
            granted |= Access.R;
        }
        return granted;
    }

    /** U-mode's share of a Shared-Region rule: never both R and W. */
    static int sharedUserPermissions(int rwx) {
        return switch (rwx) {
            case Access.R | Access.W -> Access.R;
            case Access.R | Access.W | Access.X -> Access.X;
            default -> rwx;
        };
    }
}
