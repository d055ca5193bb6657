package io.mttkit.tb.mutation;

/** A mutant whose original text is not found exactly once in the emitted Verilog: the catalogue is out of date. */
public final class MutantNotApplicableException extends RuntimeException {
    public MutantNotApplicableException(String message) {
        super(message);
    }
}
