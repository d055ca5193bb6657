package io.mttkit.tb.lockstep;

/**
 * What a lockstep run sent to the RTL.
 *
 * @param checks        checks the RTL answered (each equal to the hart's golden verdict)
 * @param batches       bridge runs (one {@code CosimHarness.run} each)
 * @param fences        MTT fences mirrored into the stream (MFENCE.PA, MINVAL.PA, SFENCE.INVAL.IR)
 * @param sessions      bridge sessions opened (a new one each time the mirror grew by a chunk)
 * @param mirroredPages pages of the hart's memory mirrored for the RTL (the pages the golden walks read)
 */
public record LockstepStats(long checks, long batches, long fences, int sessions, int mirroredPages) {
    @Override
    public String toString() {
        return checks + " checks answered by the RTL in " + batches + " batches (" + fences + " fences, "
                + mirroredPages + " table pages mirrored, " + sessions + (sessions == 1 ? " session)" : " sessions)");
    }
}
