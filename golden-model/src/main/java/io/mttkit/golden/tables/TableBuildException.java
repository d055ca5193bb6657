package io.mttkit.golden.tables;

/**
 * The {@link TableBuilder} refused its input; nothing was built. The message names each offending region
 * by its index in the input list and its hex range, and says what to change.
 */
public class TableBuildException extends IllegalArgumentException {
    public TableBuildException(String message) {
        super(message);
    }
}
