package io.mttkit.golden.iompt;

/**
 * A completed {@code control} write (ch. 6 §"Control"). {@code status.CODE} is left as it was ("The value held
 * in status.CODE on completing the operations associated with a write to control register is UNSPECIFIED";
 * mttkit keeps the previous value).
 *
 * @param written the 32-bit value written to {@code control}
 * @param mode    {@code control.MODE} after WARL legalisation ({@link CheckerMode#legalise})
 */
public record ControlDone(int written, CheckerMode mode) implements Completion {
}
