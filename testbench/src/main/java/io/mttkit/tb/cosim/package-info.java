/**
 * Co-simulation of the generated checker against the golden model: {@link io.mttkit.tb.cosim.CheckerLibrary}
 * (generate + Verilator build through the bridge), {@link io.mttkit.tb.cosim.CosimHarness} (the per-check
 * scoreboard), {@link io.mttkit.tb.cosim.TableWorld} (tables from the golden table builder) and
 * {@link io.mttkit.tb.cosim.Regression} (seeded random runs, the API behind a future {@code mtt regress}).
 */
package io.mttkit.tb.cosim;
