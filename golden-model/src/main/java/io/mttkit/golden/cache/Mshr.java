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
     * Index of the entry the walk reads next, counting its PMP queries (each read's entry, then an entry PMP refused):
     * the first read not yet answered, and the last entry until the walk ends (its leaf stays "being read" until the
     * fill). An entry PMP refused after a pointer is where the walk went (the RTL follows the pointer in the cycle its
     * query is granted): the pointer's entry is passed. 0 for a walk whose first entry was refused (it ends where it
     * started).
     */
    int nextReadIndex() {
        int entries = walk.result().queryCount();
        return Math.min(readsAnswered, Math.max(entries - 1, 0));
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
