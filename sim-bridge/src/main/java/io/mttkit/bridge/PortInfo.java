package io.mttkit.bridge;

/** One port of a Verilated top: its name, width in bits and direction. Ids are positions in
 *  {@link LoadedLibrary#ports()}. */
public record PortInfo(String name, int width, Direction direction) {
    /** Port direction as the generated shim encodes it (0, 1, 2). */
    public enum Direction { INPUT, OUTPUT, INOUT }

    /** True when the value travels as a {@code long}; wider ports use byte arrays. */
    public boolean fitsLong() {
        return width <= 64;
    }
}
