/**
 * The S-mode PMP (Sspmp, with Sspmpen) as generated hardware: {@link io.mttkit.gen.spmp.SpmpChecker}
 * ({@code mtt_spmp}, the entries, their indirect CSR access and the check of one access) and
 * {@link io.mttkit.gen.spmp.SpmpMptChecker} ({@code mtt_spmp_checker}, the SPMP in front of a PMP hook and the MPT
 * checker). Written from {@code shared/specs/sspmp/spmp_spec.adoc} and {@code spmpswitch.adoc}; the choices the
 * text leaves are in {@code docs/spec-notes.md}, section "Sspmp (generator)", and {@code docs/spmp-checker.md}.
 */
package io.mttkit.gen.spmp;
