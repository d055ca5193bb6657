package io.mttkit.golden.cove;

/**
 * One record of the CoVE monitor's ownership log ({@code programs/cove.c}, {@code docs/cove.md} "The ownership
 * log"): what the monitor says it does, read by the harness independently of the tables it writes.
 */
public sealed interface OwnershipEvent {
    /** The hart that wrote the record. */
    int hart();

    /** The pc of the store that completed the record. */
    long pc();

    /**
     * Domain {@code sdid}'s permission on {@code pages} 4 KiB pages from {@code base} becomes {@code xwr}; logged
     * before the table write, in force on a hart once that hart has fenced the pages.
     */
    record SetPermission(int hart, long pc, int sdid, long base, long pages, int xwr) implements OwnershipEvent {
    }

    /** A global fence protocol completed: every hart acknowledged the IPI (and should have fenced). */
    record FenceDone(int hart, long pc) implements OwnershipEvent {
    }

    /** Flow {@code flow} of the scenario begins. */
    record FlowBegins(int hart, long pc, int flow) implements OwnershipEvent {
    }
}
