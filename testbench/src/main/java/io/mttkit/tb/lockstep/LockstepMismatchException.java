package io.mttkit.tb.lockstep;

import java.nio.file.Path;

/**
 * The RTL checker's answer to a check differs from the hart's golden verdict (or the RTL disagreed with the
 * golden model inside the co-simulation harness). The message is the full report: the instruction (pc and
 * disassembly), the access, both answers, whether a table page was edited since the last fence, and the repro
 * bundle.
 */
public final class LockstepMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path bundle;
    private final long pc;
    private final int hart;

    LockstepMismatchException(String report, Path bundle, long pc) {
        this(report, bundle, pc, -1);
    }

    LockstepMismatchException(String report, Path bundle, long pc, int hart) {
        super(report);
        this.bundle = bundle;
        this.pc = pc;
        this.hart = hart;
    }

    /** The hart whose check mismatched in a run of several harts, -1 for the one-hart lockstep. */
    public int hart() {
        return hart;
    }

    /** The repro bundle written for the failing batch, or null when writing it failed (the report says why). */
    public Path bundle() {
        return bundle;
    }

    /** The pc of the instruction whose access mismatched. */
    public long pc() {
        return pc;
    }
}
