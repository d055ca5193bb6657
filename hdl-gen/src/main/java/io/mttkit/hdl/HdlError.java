package io.mttkit.hdl;

import io.mttkit.hdl.ir.SourceLoc;

/**
 * One problem found while elaborating a design.
 *
 * @param check   the check that found it ({@code width}, {@code driver}, {@code undriven}, {@code latch},
 *                {@code loop}, {@code ownership}, {@code name}, {@code fsm}, {@code structure})
 * @param message what is wrong, naming the signals involved
 * @param loc     the user's source line it is about
 * @param hint    what to do about it
 */
public record HdlError(String check, String message, SourceLoc loc, String hint) {
    @Override
    public String toString() {
        return loc + ": [" + check + "] " + message + "\n    hint: " + hint;
    }
}
