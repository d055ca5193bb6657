package io.mttkit.hdl.ir;

/**
 * A named signal of a module.
 *
 * @param id        index in {@link ModuleDef#signals()}
 * @param name      the Verilog name (ports: bundle path joined by {@code _})
 * @param kind      what drives it
 * @param width     width in bits
 * @param init      for combinational kinds the default value (assigned first in its block), for registers
 *                  the synchronous reset value; {@code null} when there is none
 * @param enable    registers only: the load enable, or {@code null} for "always loads"
 * @param dontCare  combinational kinds only: bits never assigned are an explicit don't-care (emitted as 0)
 *                  rather than an error
 * @param loc       where it was declared
 */
public record Signal(int id, String name, Kind kind, int width, Expr init, Expr enable, boolean dontCare,
                     SourceLoc loc) {

    /** What drives a signal. */
    public enum Kind {
        /** Module input: driven from outside, read-only inside. */
        INPUT,
        /** Module output: driven combinationally inside (or by a child). */
        OUTPUT,
        /** Internal combinational signal. */
        WIRE,
        /** Clocked register (single clock {@code clk}, synchronous active-high reset {@code rst}). */
        REG,
        /** The parent-side end of a child instance's input port: driven combinationally in the parent. */
        CHILD_INPUT,
        /** The parent-side end of a child instance's output port: driven by the child. */
        CHILD_OUTPUT;

        /** True for the kinds whose value the module body assigns combinationally. */
        public boolean isCombinationalTarget() {
            return this == OUTPUT || this == WIRE || this == CHILD_INPUT;
        }

        /** True for ports of the module itself. */
        public boolean isPort() {
            return this == INPUT || this == OUTPUT;
        }
    }

    /** This signal as an expression. */
    public Expr.Ref ref() {
        return new Expr.Ref(id, width);
    }

    /** A copy with another name (used by lowering when it uniquifies generated names). */
    public Signal withName(String newName) {
        return new Signal(id, newName, kind, width, init, enable, dontCare, loc);
    }
}
