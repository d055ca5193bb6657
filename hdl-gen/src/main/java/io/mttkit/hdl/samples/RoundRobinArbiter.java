package io.mttkit.hdl.samples;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;

/**
 * A round-robin arbiter over {@code ports} requesters. Each cycle with any request grants exactly one
 * requester (one-hot {@code grant}, binary {@code grant_index}); priority starts just above the requester
 * granted last and wraps around, so no requester waits more than {@code ports - 1} grants.
 *
 * <p>Implementation: {@code mask} holds the requesters strictly above the last grant; if any masked
 * request exists the lowest of those wins, else the lowest request overall.
 */
public final class RoundRobinArbiter extends Module {
    private final int ports;

    /** @param ports number of requesters (at least 2) */
    public RoundRobinArbiter(int ports) {
        this.ports = param("ports", ports);
    }

    @Override
    protected void build() {
        doc("Round-robin arbiter over " + ports + " requesters: each cycle with a request grants one (one-hot\n"
                + "grant, binary grant_index). mask holds the requesters strictly above the last winner; the\n"
                + "lowest masked request wins, else the lowest request.");
        UInt request = input("request", ports);
        UInt grant = output("grant", ports);
        UInt grantIndex = output("grant_index", Hw.indexWidth(ports));
        Bool grantValid = output("grant_valid");

        UInt mask = regInit("mask", ports, 0);
        UInt masked = request.and(mask).named("masked_request");
        UInt lowestMasked = Hw.lowestOneHot(masked).named("lowest_masked");
        UInt lowestRequest = Hw.lowestOneHot(request).named("lowest_request");
        UInt winner = Hw.mux(masked.orR(), lowestMasked, lowestRequest).named("winner");

        grant.set(winner);
        grantIndex.set(Hw.oneHotToIndex(winner));
        grantValid.set(request.orR());
        // requesters strictly above the winner: not (winner or the bits below it)
        when(request.orR(), () -> mask.set(winner.or(winner.sub(1)).not()));
    }
}
