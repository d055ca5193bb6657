package io.mttkit.hdl.ir;

/**
 * Where in the user's Java source a piece of hardware was described: the file name and line of the first
 * stack frame outside the DSL itself. Printed as {@code File.java:42}, the form IDEs turn into a link.
 */
public record SourceLoc(String file, int line) {
    /** Used for hardware the framework itself creates (clock, reset). */
    public static final SourceLoc UNKNOWN = new SourceLoc("<mttkit>", 0);

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
