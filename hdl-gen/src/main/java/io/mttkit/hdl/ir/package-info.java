/**
 * The elaborated design as immutable records: {@link io.mttkit.hdl.ir.Design}, one
 * {@link io.mttkit.hdl.ir.ModuleDef} per definition, signals, memories, instances, and a statement tree of
 * {@link io.mttkit.hdl.ir.Stmt} over {@link io.mttkit.hdl.ir.Expr} nodes, each carrying source locations.
 * Checks, the emitter and the interpreter read only this package, never the DSL objects.
 */
package io.mttkit.hdl.ir;
