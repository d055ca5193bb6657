package io.mttkit.tb.cosim;

/**
 * The RTL's answer to one check.
 *
 * @param allow access allowed
 * @param cause contract cause code (the golden {@link Cause} ordinal)
 * @param xwr   permissions of the deciding leaf (0 without one)
 * @param hit   answered from the cache (no walk)
 * @param stale an invalidation overlapped the walk ({@code rsp_stale})
 */
public record CheckAnswer(boolean allow, int cause, int xwr, boolean hit, boolean stale) {
}
