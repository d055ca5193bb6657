/**
 * The golden S-mode physical memory protection: Sspmp, Sspmpen and Smpmpdeleg as frozen in riscv-spmp
 * v0.9.2 ({@code specs/sspmp/}). Written from the spec text alone; it shares no code with the
 * {@code SpmpChecker} generator.
 *
 * <p>The classes follow the spec's sections:
 * <ul>
 *   <li>{@link io.mttkit.golden.spmp.SpmpCfg} — "S-level Physical Memory Protection CSRs": the
 *       {@code spmpcfg} fields and their WARL/reserved encodings;</li>
 *   <li>{@link io.mttkit.golden.spmp.AddressMatch} — "Address Matching" (OFF/TOR/NA4/NAPOT, granularity);</li>
 *   <li>{@link io.mttkit.golden.spmp.Encoding} — "Encoding of Permissions" (the encoding table:
 *       S-mode-only, U-mode and Shared-Region rules with {@code sstatus.SUM}/{@code MXR});</li>
 *   <li>{@link io.mttkit.golden.spmp.Spmp} — the register state, "The Access Method for SPMP CSRs"
 *       ({@code siselect}/{@code sireg}/{@code sireg2}, and {@code miselect} from Smpmpdeleg),
 *       Sspmpen's {@code spmpen}, "Matching Logic", "SPMP and Paged Virtual Memory" and "Exceptions";</li>
 *   <li>{@link io.mttkit.golden.spmp.PmpBacking} — Smpmpdeleg's shared PMP/SPMP register file.</li>
 * </ul>
 * Where the text leaves a choice, {@code docs/spec-notes.md} section "Sspmp" records the decision.
 */
package io.mttkit.golden.spmp;
