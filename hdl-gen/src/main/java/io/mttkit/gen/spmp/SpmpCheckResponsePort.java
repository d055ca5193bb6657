package io.mttkit.gen.spmp;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code rsp_*}: the SPMP's answer to one access, in request order (valid/ready). {@code rsp_allow}; when denied,
 * {@code rsp_cause} is the exception code the spec gives ({@link #INSTRUCTION_PAGE_FAULT},
 * {@link #LOAD_PAGE_FAULT}, {@link #STORE_PAGE_FAULT}; 0 when allowed); {@code rsp_matched} says an active entry
 * matched a byte of the access and {@code rsp_entry} which (the lowest-numbered; 0 when none matched). An access
 * the SPMP does not check ({@code chk_bare} = 0) is allowed with {@code rsp_matched} = 0.
 */
public final class SpmpCheckResponsePort extends Bundle {
    /** Width of {@code rsp_cause}: RISC-V exception codes up to 23. */
    public static final int CAUSE_WIDTH = 5;
    /** "Instruction page fault" (spec §"Exceptions"). */
    public static final int INSTRUCTION_PAGE_FAULT = 12;
    /** "Load page fault". */
    public static final int LOAD_PAGE_FAULT = 13;
    /** "Store/AMO page fault". */
    public static final int STORE_PAGE_FAULT = 15;

    public final Bool valid;
    public final Bool ready;
    public final Bool allow;
    public final Bool matched;
    public final UInt entry;
    public final UInt cause;

    public SpmpCheckResponsePort(Scope s, int indexWidth) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        allow = s.bool("allow");
        matched = s.bool("matched");
        entry = s.uint("entry", indexWidth);
        cause = s.uint("cause", CAUSE_WIDTH);
    }
}
