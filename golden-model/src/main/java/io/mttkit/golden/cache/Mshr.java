package io.mttkit.golden.cache;

/**
 * One miss status holding register of a checker with several walks in flight (docs/nonblocking.md
 * "Microarchitecture"): the miss's request and lookup context (race rule R4), its state, and what the R1/R7/R8 rules
 * need to know about it. Written from docs/nonblocking.md alone; the generator's MSHRs share nothing with it.
 */
final class Mshr {
    /** FREE: unused; WAIT: parked on another walk (its conflict); WALK: its own walk is in flight. */
    enum State { FREE, WAIT, WALK }

    final int index;
    State state = State.FREE;
    CheckContext ctx;
    long pa;
    int need;
    /** WAIT: the walk this miss is parked on. */
    int waitOn = -1;
    /** WAIT: the walk it waits on has passed the conflicting entry (or ended): the replay may be taken (R8). */
    boolean replayReady;
    /** WALK: the walk, whose reads the model performed at its start. */
    PendingWalk walk;
    /** WALK: memory responses of this walk received so far (how far the walk has gone). */
    int readsAnswered;
    /**
     * The invalidation epoch when this MSHR last looked up the cache (its miss, or its replay): an applied
     * invalidation since then makes it stale (R1), in WAIT as in WALK.
     */
    long epochAtLookup;
    /** Allocated before the pending sync's request rose (R7). */
    boolean olderThanSync;

    Mshr(int index) {
        this.index = index;
    }

    void free() {
        state = State.FREE;
        ctx = null;
        waitOn = -1;
        replayReady = false;
        walk = null;
        readsAnswered = 0;
        olderThanSync = false;
    }

    /**
     * Index of the entry the walk reads next (entry k is read k): the first entry not yet answered, and the last
     * entry until the walk ends (its leaf stays "being read" until the fill). 0 for a walk that issues no read (its
     * first entry was refused by PMP: it ends where it started). The last entry is the one the walk's last pointer
     * leads to when PMP refuses it (no read of it): the walk has gone a level deeper past the pointer's entry
     * (docs/nonblocking.md, "When walk j reads past that entry (goes a level deeper or ends)").
     */
    int nextReadIndex() {
        int reads = walk.result().readCount();
        int last = Math.max(reads - 1, walk.result().pointerCount());
        return Math.min(readsAnswered, Math.max(last, 0));
    }

    /** The level of the table entry the walk reads next: reads go one level down from the start level. */
    int nextEntryLevel() {
        return walk.startLevel() - nextReadIndex();
    }

    @Override
    public String toString() {
        return "MSHR " + index + " " + state + (state == State.WAIT ? "(" + waitOn + (replayReady ? ", replay ready" : "")
                + ")" : "") + (state == State.FREE ? "" : String.format(" pa=0x%x %s", pa, ctx));
    }
}
