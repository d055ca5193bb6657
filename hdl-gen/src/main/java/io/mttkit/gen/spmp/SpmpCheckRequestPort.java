package io.mttkit.gen.spmp;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code chk_*}: one access offered to the SPMP (valid/ready), seen from the requester. With the access, the state
 * that decides it, as the hart has it for this access (effective privilege and {@code sstatus.SUM} can differ from
 * access to access, e.g. under {@code mstatus.MPRV}):
 * <ul>
 *   <li>{@code chk_pa} ({@code paw}), {@code chk_size} (bytes, 1..64; 0 counts as 1): the bytes
 *       {@code [pa, pa + size)}; an access that runs past {@code 2^paw} is covered by no entry;</li>
 *   <li>{@code chk_type}: {@link #FETCH}, {@link #LOAD}, {@link #STORE}, {@link #AMO} (needs R and W);</li>
 *   <li>{@code chk_priv_s}: effective privilege S (1) or U (0) — M-mode accesses are not checked by the SPMP
 *       ("If the effective privilege mode of the access is M, the access is allowed") and are not sent;</li>
 *   <li>{@code chk_sum}: {@code sstatus.SUM}; {@code chk_mxr}: {@code sstatus.MXR} (a load also succeeds where the
 *       rule gives this mode execute permission, as MXR does for pages; docs/spec-notes.md "Sspmp (generator)");
 *       {@code chk_bare}: {@code satp.MODE} is Bare — otherwise paging, not
 *       the SPMP, protects the access ("SPMP and paged virtual memory are mutually exclusive") and it is allowed.</li>
 * </ul>
 */
public final class SpmpCheckRequestPort extends Bundle {
    /** Width of {@code chk_size}: a byte count up to 64. */
    public static final int SIZE_WIDTH = 7;
    /** Width of {@code chk_type}. */
    public static final int TYPE_WIDTH = 2;
    /** {@code chk_type}: instruction fetch (needs X). */
    public static final int FETCH = 0;
    /** {@code chk_type}: load (needs R). */
    public static final int LOAD = 1;
    /** {@code chk_type}: store (needs W). */
    public static final int STORE = 2;
    /** {@code chk_type}: AMO (needs R and W; faults as a store). */
    public static final int AMO = 3;

    public final Bool valid;
    public final Bool ready;
    public final UInt pa;
    public final UInt size;
    public final UInt type;
    public final Bool privS;
    public final Bool sum;
    public final Bool mxr;
    public final Bool bare;

    public SpmpCheckRequestPort(Scope s, int paw) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        pa = s.uint("pa", paw);
        size = s.uint("size", SIZE_WIDTH);
        type = s.uint("type", TYPE_WIDTH);
        privS = s.bool("priv_s");
        sum = s.bool("sum");
        mxr = s.bool("mxr");
        bare = s.bool("bare");
    }
}
