package io.mttkit.hdl.emit;

/**
 * Options of the Verilog emitter.
 *
 * @param sourceComments append {@code // File.java:42} to declarations and assignments
 */
public record EmitOptions(boolean sourceComments) {
    /** Plain output without source comments (what the golden files hold). */
    public static EmitOptions plain() {
        return new EmitOptions(false);
    }

    /** Output with {@code // File.java:line} comments pointing back to the Java description. */
    public static EmitOptions withSourceComments() {
        return new EmitOptions(true);
    }
}
