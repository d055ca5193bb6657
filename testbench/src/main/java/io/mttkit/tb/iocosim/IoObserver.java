package io.mttkit.tb.iocosim;

import io.mttkit.bridge.Event;
import io.mttkit.golden.iompt.CommandDone;
import io.mttkit.golden.iompt.ControlDone;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.SdclRule;

/** Told about everything the I/O scoreboard matched (coverage). Every method has an empty default. */
public interface IoObserver {
    /**
     * A DMA verdict matched.
     *
     * @param verdict  the golden verdict the RTL matched (classification, configuration, reason)
     * @param rule     the rule that classified it and the one below it (TOR's lower bound), as the golden model
     *                 held them; null when unclassified
     * @param below    rule {@code rule - 1} (null for rule 0 or when unclassified)
     * @param rsp      what the RTL answered
     * @param window   true when the golden models disagreed (a reconfiguration not yet fenced or completed) and the
     *                 RTL's answer was one of the legal ones
     */
    default void verdict(DmaVerdict verdict, SdclRule rule, SdclRule below, Event.DmaResponse rsp, boolean window) {
    }

    /** A command completed in the golden model as the RTL's BUSY fell. */
    default void command(CommandDone done) {
    }

    /** A control write completed. */
    default void control(ControlDone done) {
    }

    /** A register access matched ({@code busy}: the RTL was BUSY at its handshake). */
    default void register(Event.RegisterAccess access) {
    }

    /**
     * A DMA transaction was taken at {@code cycle} (before any of its memory reads). With {@link #observation}, what a
     * cache scoreboard needs to replay the lookup of an I/O checker with an SDID-tagged MPT cache (the hart-side
     * {@code CacheScoreboard} with the golden {@code MttCacheModel}); MPTINVAL and IOFENCE arrive as {@link #command}.
     */
    default void accepted(DmaTransaction tx, long cycle) {
    }

    /** A contract v1/v2 observation event ({@code OBS} or {@code OBSX}) of the checker, in event order. */
    default void observation(Event e) {
    }

    /**
     * A cache event of a cached checker, compared with the golden cache model and found equal: {@code event} is one
     * of {@link IoCoverage#CACHE_EVENT_BINS}.
     */
    default void cacheEvent(String event) {
    }

    /**
     * An MPTINVAL's invalidation the RTL applied, its cleared entries equal to the model's: {@code scope} 0 every
     * entry, 1 one SDID, 2 a PA for every SDID, 3 a PA of one SDID; {@code cleared} whether any entry was cleared.
     */
    default void cacheInvalidation(int scope, boolean cleared) {
    }
}
