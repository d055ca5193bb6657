/**
 * RTL lockstep for the golden hart ({@code docs/lockstep.md}): every MTT check a program's run makes is answered at
 * once by the golden lookup and, in batches through the co-simulation harness, by the RTL checker of the shipped
 * configuration; any disagreement stops the run with a report and a repro bundle.
 *
 * <ul>
 *   <li>{@link io.mttkit.tb.lockstep.LockstepChecker} — the hart's check hook, listener and memory observer: queue,
 *       flush rules, comparison.</li>
 *   <li>{@code RtlMirror} — the RTL's memory (the table pages the golden walks read) and its bridge session.</li>
 *   <li>{@link io.mttkit.tb.lockstep.LockstepMatrix}, {@link io.mttkit.tb.lockstep.LockstepRun} — {@code mtt matrix
 *       --rtl} and {@code mtt run --rtl}.</li>
 *   <li>{@link io.mttkit.tb.lockstep.LockstepTarget} — which library answers a cell.</li>
 * </ul>
 */
package io.mttkit.tb.lockstep;
