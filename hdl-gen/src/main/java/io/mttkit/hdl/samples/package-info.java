/**
 * Small modules written with the DSL, used as golden-file, lint and simulation references and registered as
 * {@code sample-*} configurations: a counter, a FIFO, a round-robin arbiter, a tree-PLRU and a walker FSM.
 */
package io.mttkit.hdl.samples;
