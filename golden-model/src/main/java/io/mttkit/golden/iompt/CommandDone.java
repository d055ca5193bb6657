package io.mttkit.golden.iompt;

/**
 * A completed {@code command} operation (ch. 6 §"Command register").
 *
 * @param command      the {@code command} register value that started it
 * @param op           the operation, or {@code null} when OP was reserved or custom
 * @param status       its outcome
 * @param code         {@code status.CODE} as reported (depends on the {@link StatusCodeConvention})
 * @param data1        the {@code data1} register afterwards (a successful GET writes it; otherwise unchanged)
 * @param data2        the {@code data2} register afterwards
 * @param invalidation the scope of a successful {@code MPTINVAL}, otherwise {@code null}
 */
public record CommandDone(int command, Op op, Status status, int code, long data1, long data2,
                          MptInval invalidation) implements Completion {

    /** True when the operation completed successfully (CODE 1). */
    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
