/**
 * Repro bundles ({@link io.mttkit.tb.repro.ReproBundle}: one tar.gz holding everything a failing co-simulation
 * phase needs) and their {@link io.mttkit.tb.repro.Replay}, with waves. See {@code docs/repro.md}.
 */
package io.mttkit.tb.repro;
