package io.mttkit.tb.lockstep;

/**
 * What a lockstep run sent to the RTL.
 *
 * @param checks        checks the RTL answered (each equal to the hart's golden verdict)
 * @param batches       bridge runs (one {@code CosimHarness.run} each)
 * @param fences        MTT fences mirrored into the stream (MFENCE.PA, MINVAL.PA, SFENCE.INVAL.IR)
 * @param sessions      bridge sessions opened (a new one each time the mirror grew by a chunk)
 * @param mirroredPages pages of the hart's memory mirrored for the RTL (the pages the golden walks read)
 * @param staleAccepted several harts: RTL cache hits that gave the old permission between a table write and this
 *                      hart's fence, accepted (counted in {@code checks}); always 0 for one hart
 */
public record LockstepStats(long checks, long batches, long fences, int sessions, int mirroredPages,
                            long staleAccepted) {
    public LockstepStats(long checks, long batches, long fences, int sessions, int mirroredPages) {
        this(checks, batches, fences, sessions, mirroredPages, 0);
    }

    @Override
    public String toString() {
        return checks + " checks answered by the RTL in " + batches + " batches (" + fences + " fences, "
                + mirroredPages + " table pages mirrored, " + sessions + (sessions == 1 ? " session" : " sessions")
                + (staleAccepted > 0 ? "; old permissions accepted before the hart's fence: " + staleAccepted + ")" : ")");
    }
}
