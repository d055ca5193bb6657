package io.mttkit.tb.bench;

import io.mttkit.bridge.Event;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.PortContract;
import io.mttkit.bridge.Records;
import io.mttkit.tb.cosim.CheckRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cycle in which each check's verdict is decided by a checker with several walks in flight, read from its
 * observation ports only (port contract v4, docs/nonblocking.md "Port contract" and "As built"), so that the bench can
 * tell the wait for the answer ("answered") from the wait for the response port ("delivered"):
 * <ul>
 *   <li>a new request's lookup pulse comes in its handshake cycle: {@code HIT} decides it there; {@code MISS} puts it
 *       in MSHR {@code obs_walk_id} (walking or parked on another walk);</li>
 *   <li>a replayed lookup ({@code obs_replay}, MSHR {@code obs_walk_id}) that hits decides the check that MSHR holds;
 *       one that misses keeps it there;</li>
 *   <li>{@code obs_walk_end} decides the check in MSHR {@code obs_fill_walk_id} — also when the walk fills nothing (a
 *       fault, a stale walk), which is why the port exists;</li>
 *   <li>a bypass request probes nothing and is written to the answer buffer at its handshake (decided there);</li>
 *   <li>a PA-range fault probes nothing and is answered by a walker without {@code obs_walk_end}: not observable
 *       ({@link NonBlockingRun#UNOBSERVED}; the bench streams have none).</li>
 * </ul>
 * Anything else the ports show (a replay or a walk end of an MSHR holding no miss, a check decided twice) is refused
 * with {@link IllegalStateException}: a figure from ports the tracker does not understand would be a guess.
 */
final class AnswerCycles {
    private final List<CheckRequest> checks;
    private final int walkIdPort;
    private final int replayPort;
    private final int walkEndPort;
    private final int fillWalkIdPort;
    private final long[] decided;
    /** The check each MSHR holds after a MISS (walking or waiting), -1 when none. */
    private final int[] byMshr;
    /** Word 0 of the extension ports seen in the current cycle (a port absent from it is 0). */
    private final Map<Integer, Long> words = new HashMap<>();
    private Event.Observation lookup;
    private int acceptIndex = -1;

    /**
     * @param lib    the loaded checker (its observation ports name the v4 qualifiers)
     * @param checks the checks of the run, in request order
     * @param walks  walks in flight (MSHRs)
     * @throws IllegalArgumentException when the checker lacks a v4 walk qualifier
     */
    AnswerCycles(LoadedLibrary lib, List<CheckRequest> checks, int walks) {
        this.checks = checks;
        Map<String, Integer> ids = new HashMap<>();
        for (PortContract.ObservationPort p : lib.observationPorts()) {
            ids.put(p.name(), p.id());
        }
        walkIdPort = required(ids, "obs_walk_id");
        replayPort = required(ids, "obs_replay");
        walkEndPort = required(ids, "obs_walk_end");
        fillWalkIdPort = required(ids, "obs_fill_walk_id");
        decided = new long[checks.size()];
        Arrays.fill(decided, NonBlockingRun.UNOBSERVED);
        byMshr = new int[walks];
        Arrays.fill(byMshr, -1);
    }

    private static int required(Map<String, Integer> ids, String name) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("a checker with several walks in flight must have the observation port "
                    + name + " (docs/nonblocking.md, port contract v4); the answered latency is read from it");
        }
        return id;
    }

    /**
     * Takes one event of the current cycle.
     *
     * @param nextCheck index of the check an {@link Event.Accept} in this call accepts
     */
    void onEvent(Event e, int nextCheck) {
        if (e instanceof Event.Accept) {
            acceptIndex = nextCheck;
        } else if (e instanceof Event.Observation o
                && (o.obsKind() == Records.OBS_HIT || o.obsKind() == Records.OBS_MISS)) {
            lookup = o;
        } else if (e instanceof Event.ExtensionWord x && x.word() == 0) {
            words.put(x.port(), x.value());
        }
    }

    /** Closes {@code cycle} (no-op before the first): decides what its lookup and its walk end decided. */
    void closeCycle(long cycle) {
        if (cycle >= 0) {
            lookup(cycle);
            walkEnd(cycle);
        }
        words.clear();
        lookup = null;
        acceptIndex = -1;
    }

    /** The cycle check {@code index}'s verdict was decided in, {@link NonBlockingRun#UNOBSERVED} when not seen. */
    long decidedCycle(int index) {
        return decided[index];
    }

    private void lookup(long cycle) {
        boolean replay = word(replayPort) != 0;
        int mshr = (int) word(walkIdPort);
        int index = replay ? holder(mshr, cycle, "obs_replay") : acceptIndex;
        if (index < 0) {
            return; // no lookup this cycle
        }
        if (lookup == null) {
            if (replay) {
                throw new IllegalStateException("cycle " + cycle + ": replay of MSHR " + mshr + " without a lookup pulse");
            }
            if (checks.get(index).isBypass()) {
                decide(index, cycle); // written to the answer buffer at the handshake edge, as a hit
            }
            return; // PA-range fault: its walker answers it without obs_walk_end (unobserved)
        }
        if (lookup.obsKind() == Records.OBS_HIT) {
            decide(index, cycle);
            if (replay) {
                byMshr[mshr] = -1;
            }
        } else {
            if (mshr >= byMshr.length) {
                throw new IllegalStateException("cycle " + cycle + ": MISS with obs_walk_id " + mshr + ", not an MSHR");
            }
            byMshr[mshr] = index;
        }
    }

    private void walkEnd(long cycle) {
        if (word(walkEndPort) == 0) {
            return;
        }
        int mshr = (int) word(fillWalkIdPort);
        decide(holder(mshr, cycle, "obs_walk_end"), cycle);
        byMshr[mshr] = -1;
    }

    private int holder(int mshr, long cycle, String port) {
        if (mshr >= byMshr.length || byMshr[mshr] < 0) {
            throw new IllegalStateException("cycle " + cycle + ": " + port + " for MSHR " + mshr
                    + ", which holds no missed check");
        }
        return byMshr[mshr];
    }

    private void decide(int index, long cycle) {
        if (decided[index] != NonBlockingRun.UNOBSERVED) {
            throw new IllegalStateException("cycle " + cycle + ": check " + index + " decided again (first in cycle "
                    + decided[index] + ")");
        }
        decided[index] = cycle;
    }

    private long word(int port) {
        return words.getOrDefault(port, 0L);
    }
}
