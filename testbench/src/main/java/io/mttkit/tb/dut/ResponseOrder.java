package io.mttkit.tb.dut;

/**
 * How a checker with several walks in flight delivers its responses (docs/nonblocking.md, parameter
 * {@code responseOrder}; the testbench's own name for it, sharing nothing with the generator's).
 */
public enum ResponseOrder {
    /** Responses leave in request order (a reorder buffer): the scoreboard matches them by sequence. */
    IN_ORDER,
    /** Responses leave as soon as they are known: the scoreboard matches them by {@code rsp_id}. */
    BY_ID
}
