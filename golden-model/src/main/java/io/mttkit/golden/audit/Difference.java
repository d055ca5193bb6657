package io.mttkit.golden.audit;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;

/**
 * A range where the table does not grant what the regions intend: {@code [first, last]} (inclusive, unsigned) was
 * meant to have {@code intended} and gets {@code actual}, decided by the run of identical entries at {@code level}
 * from {@code firstEntry} to {@code lastEntry} (one entry when they are equal), each holding {@code raw}.
 *
 * @param actual the permission the table grants, or -1 when the walk faults there ({@code cause})
 */
public record Difference(long first, long last, int intended, int actual, Cause cause, int level, long firstEntry,
                         long lastEntry, long raw, boolean readFailed) {

    /** Number of entries in the responsible run. */
    public long entryCount(int entryBytes) {
        return (lastEntry - firstEntry) / entryBytes + 1;
    }

    /** Size of the range in bytes, saturated at {@link Long#MAX_VALUE} (unsigned ranges can reach 2^64). */
    public long bytes() {
        long n = last - first + 1;
        return n <= 0 ? Long.MAX_VALUE : n;
    }

    /** "rw", "none", ... */
    public String describeIntended() {
        return intended == 0 ? "none" : Access.format(intended);
    }

    /** As {@link Piece#describeActual()}. */
    public String describeActual() {
        return new Piece(first, last, actual, cause, level, firstEntry, lastEntry, raw, readFailed).describeActual();
    }
}
