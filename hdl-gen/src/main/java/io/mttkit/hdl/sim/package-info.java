/** A cycle-based interpreter of the IR, used to check the emitter against Verilator. */
package io.mttkit.hdl.sim;
