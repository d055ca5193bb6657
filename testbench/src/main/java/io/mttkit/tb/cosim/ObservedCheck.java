package io.mttkit.tb.cosim;

import io.mttkit.bridge.Event;
import java.util.ArrayList;
import java.util.List;

/** What the RTL did for the check in flight, gathered from its events between the accept and the response. */
final class ObservedCheck {
    final long acceptCycle;
    final List<Long> pmpQueries = new ArrayList<>();
    /** MPTE reads in issue order; a read's value and bus error arrive with its memory response. */
    final List<MpteRead> reads = new ArrayList<>();
    int responses;
    Event.Response rsp;
    /** What the cache front end did (cached checker, probed checks only). */
    CacheScoreboard.Lookup lookup;

    ObservedCheck(long acceptCycle) {
        this.acceptCycle = acceptCycle;
    }

    /** Index of the first read the bus answered with an error, -1 when none did. */
    int firstFailedRead() {
        for (int i = 0; i < reads.size(); i++) {
            if (reads.get(i).failed()) {
                return i;
            }
        }
        return -1;
    }

    /** MPTE reads issued so far by the walk in flight, -1 when no walk is in flight. */
    int walkReads() {
        return lookup != null && lookup.walk() != null ? reads.size() : -1;
    }
}
