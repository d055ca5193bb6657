/** The Verilog-2005 emitter: an IR-to-IR lowering (named temporaries) followed by grouping and printing. */
package io.mttkit.hdl.emit;
