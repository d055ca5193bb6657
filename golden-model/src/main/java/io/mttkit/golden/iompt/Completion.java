package io.mttkit.golden.iompt;

/**
 * What finished when {@code status.BUSY} went back to 0: a {@code command} operation ({@link CommandDone}) or a
 * {@code control} write ({@link ControlDone}). See {@link IoMptChecker#complete()}.
 */
public sealed interface Completion permits CommandDone, ControlDone {
}
