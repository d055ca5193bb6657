package io.mttkit.golden.hart;

/** Why {@link HartRunner} stopped a program. */
public enum StopReason {
    /** The program wrote an exit command to HTIF {@code tohost}. */
    EXIT,
    /** {@link RunOptions#maxInstructions()} instructions retired (or trapped) without an exit. */
    INSTRUCTION_LIMIT,
    /**
     * The same exception was taken {@link RunOptions#trapLoopLimit()} times in a row with nothing retired in
     * between but the handler's return to the faulting instruction: the program cannot make progress
     * ({@link RunResult#trapLoop()} says where).
     */
    TRAP_LOOP,
    /** The optional wall-clock {@link RunOptions#timeout()} expired. */
    TIMEOUT,
    /** The program wrote an HTIF command the runner does not implement (see the result's console). */
    HTIF_ERROR
}
