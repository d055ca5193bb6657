package io.mttkit.golden.cache;

/**
 * What the checker does with a walk that an applied invalidation overlapped (race rule R1,
 * CHECKER-MICROARCH.md §5). Under both policies nothing is filled and the response carries
 * {@code rsp_stale}; they differ in what the requester must do with the verdict.
 */
public enum FenceDuringWalk {
    /** The stale verdict must not be used: the requester replays the check (default). */
    RETRY,
    /** The verdict is delivered and used as is (the walk read memory before the fence completed); no fill. */
    DELIVER_NO_FILL
}
