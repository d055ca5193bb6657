package io.mttkit.tb.cli;

/** The documented exit codes of every {@code mtt} command. */
public final class ExitCodes {
    /** Success: the command did what was asked and found no mismatch. */
    public static final int OK = 0;
    /** The run completed but found a mismatch or a failure (e.g. a FAIL cell, an RTL/golden disagreement). */
    public static final int FAILURE = 1;
    /** Bad input: arguments, files or their contents; nothing (or only part) was done. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
