/**
 * A hardware construction DSL in plain Java: describe modules with {@link io.mttkit.hdl.Module},
 * {@link io.mttkit.hdl.UInt}/{@link io.mttkit.hdl.Bool} values, bundles, vectors, memories, {@code when}/
 * {@code switchOn} and an enum FSM; {@link io.mttkit.hdl.Hdl#elaborate} turns a top module into an immutable,
 * checked {@link io.mttkit.hdl.ir.Design}, and {@link io.mttkit.hdl.Hdl#write} prints it as Verilog-2005.
 *
 * <p>Elaboration runs in one context object per run (no global mutable state); every signal records the
 * module that created it and the user's source line. The width table is in the Javadoc of {@code UInt}.
 * The user guide is {@code docs/hdl.md}.
 */
package io.mttkit.hdl;
