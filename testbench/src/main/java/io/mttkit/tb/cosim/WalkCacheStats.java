package io.mttkit.tb.cosim;

import io.mttkit.bridge.Event;
import io.mttkit.bridge.Records;
import java.util.Arrays;

/**
 * The {@link CosimHarness#CACHE_STATS} counters of a checker with several walks in flight, counted from the events
 * the {@link WalkScoreboard} compared (lookup pulses, the v4 fill and invalidation ports, sync acknowledgements) and
 * from its walk steps (stale walks), so that {@code mtt regress} prints the same line for both kinds of checker. It
 * passes every walk step on to the coverage observer.
 */
final class WalkCacheStats implements WalkObserver {
    private final WalkPorts ports;
    private final long[] stats = new long[CacheScoreboard.Stat.values().length];
    private final long[][] words;
    private long cycle = -1;
    private Event.Observation obs;
    private WalkObserver next;

    WalkCacheStats(WalkPorts ports, int portCount) {
        this.ports = ports;
        this.words = new long[portCount][];
    }

    /** Also tells {@code o} of every walk step (null: nobody). */
    void forward(WalkObserver o) {
        next = o;
    }

    @Override
    public void onWalkStep(Step step, int walks, int level) {
        if (step == Step.STALE_FILL) {
            stats[CacheScoreboard.Stat.STALE_WALKS.ordinal()]++;
        }
        if (next != null) {
            next.onWalkStep(step, walks, level);
        }
    }

    /** Takes one event of the run (after the scoreboard compared it). */
    void onEvent(Event e) {
        if (e.cycle() != cycle) {
            closeCycle();
            cycle = e.cycle();
        }
        if (e instanceof Event.Observation o) {
            obs = o;
        } else if (e instanceof Event.SyncAck) {
            stats[CacheScoreboard.Stat.SYNCS.ordinal()]++;
        } else if (e instanceof Event.ExtensionWord x && x.port() >= 0 && x.port() < words.length) {
            long[] w = words[x.port()];
            if (w == null || w.length <= x.word()) {
                words[x.port()] = w = w == null ? new long[x.word() + 1] : Arrays.copyOf(w, x.word() + 1);
            }
            w[x.word()] = x.value();
        }
    }

    /** Counts the cycle taken so far (call at the end of a run). */
    void closeCycle() {
        if (obs != null) {
            if (obs.obsKind() == Records.OBS_HIT) {
                count(obs.array() == 0 ? CacheScoreboard.Stat.HIT_LEAF : CacheScoreboard.Stat.HIT_SUPERPAGE, 1);
            } else if (obs.obsKind() == Records.OBS_MISS) {
                count(CacheScoreboard.Stat.MISS, 1);
                count(CacheScoreboard.Stat.WALK_HIT, value(ports.wcHit()) != 0 ? 1 : 0);
            }
        }
        boolean applied = value(ports.invApply()) != 0;
        if (value(ports.walkEnd()) != 0) {
            if (value(ports.fillLeaf()) != 0) {
                count(value(ports.fillLeafArray()) == 0 ? CacheScoreboard.Stat.FILL_LEAF
                        : CacheScoreboard.Stat.FILL_SUPERPAGE, 1);
            }
            count(CacheScoreboard.Stat.FILL_WALK, value(ports.fillWalk()) != 0 ? 1 : 0);
            count(CacheScoreboard.Stat.EVICT, (value(ports.fillLeafEvict()) != 0 ? 1 : 0)
                    + (value(ports.fillWalkEvict()) != 0 ? 1 : 0));
            count(CacheScoreboard.Stat.FILLS_SUPPRESSED_SAME_CYCLE, applied ? 1 : 0);
        }
        if (applied) {
            count(CacheScoreboard.Stat.INVALIDATIONS_APPLIED, 1);
            count(CacheScoreboard.Stat.ENTRIES_CLEARED, bits(ports.invLeaf()) + bits(ports.invSuperpage())
                    + bits(ports.invWalk()));
        }
        obs = null;
        Arrays.fill(words, null);
    }

    long[] values() {
        return stats.clone();
    }

    private void count(CacheScoreboard.Stat s, long n) {
        stats[s.ordinal()] += n;
    }

    private long value(int port) {
        return port < 0 || words[port] == null ? 0 : words[port][0];
    }

    private long bits(int port) {
        long n = 0;
        if (port >= 0 && words[port] != null) {
            for (long w : words[port]) {
                n += Long.bitCount(w);
            }
        }
        return n;
    }
}
