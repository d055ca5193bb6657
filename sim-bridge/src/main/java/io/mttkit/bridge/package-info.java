/**
 * The co-simulation bridge: Verilator builds cached by content hash ({@link io.mttkit.bridge.BuildDriver}),
 * a generic port-by-id layer for any Verilog top ({@link io.mttkit.bridge.Dut}) and the checker fast path
 * for port contract v2 ({@link io.mttkit.bridge.CheckerSession}), where one JNA call runs a whole batch of
 * requests against memory Java owns. Knows nothing of MTT tables or formats. User and developer
 * documentation: {@code docs/bridge.md}.
 */
package io.mttkit.bridge;
