package io.mttkit.hdl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown once at the end of an elaboration that found problems; carries every problem of the run, each with
 * the user's source line and a hint.
 */
public final class ElaborationException extends RuntimeException {
    private final transient List<HdlError> errors;

    /** @param design name of the top module; {@code errors} must not be empty */
    public ElaborationException(String design, List<HdlError> errors) {
        super(errors.size() + " error(s) elaborating " + design + ":\n"
                + errors.stream().map(HdlError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** All problems found, in the order they were found. */
    public List<HdlError> errors() {
        return errors;
    }
}
