/**
 * The golden model of the I/O MPT Checker (Supervisor Domains v0.9, chapter 6 "I/O MPT Checker"): the
 * Supervisor Domain Classifier (SDCL) that maps a DMA transaction to an SDID and IOMMU ID, and the MPT check
 * that applies that SDID's MPT with the very same lookup as the hart ({@link io.mttkit.golden.MttLookup};
 * ch. 6 §"Placement of I/O MPT Checker": "identical to that specified by Smmpt").
 *
 * <p>Where each section of the chapter lives:
 * <ul>
 *   <li>§"Placement of I/O MPT Checker", §"Handling I/O MPT Checker violations": {@link
 *       io.mttkit.golden.iompt.DmaCheck} deciding a {@link io.mttkit.golden.iompt.DmaTransaction} into a
 *       {@link io.mttkit.golden.iompt.DmaVerdict} with an {@link io.mttkit.golden.iompt.AbortReason};</li>
 *   <li>§"I/O MPT Checker Register Interface", §"Capabilities", §"Status register", §"Control":
 *       {@link io.mttkit.golden.iompt.RegisterInterface}, {@link io.mttkit.golden.iompt.CheckerMode},
 *       {@link io.mttkit.golden.iompt.Status};</li>
 *   <li>§"Command register" and its operations: {@code CommandExecutor},
 *       {@code OperandCheck}, {@link io.mttkit.golden.iompt.Op},
 *       {@link io.mttkit.golden.iompt.CommandWord};</li>
 *   <li>§"SET_SDCL_ENTRY": {@link io.mttkit.golden.iompt.SdclRule} (the {@code data1} layout) and
 *       {@link io.mttkit.golden.iompt.Sdcl} with {@link io.mttkit.golden.iompt.SourceMatch} (classification);</li>
 *   <li>§"SET_SDCFG_ENTRY": {@link io.mttkit.golden.iompt.SdConfig}, {@link io.mttkit.golden.iompt.QosIds},
 *       {@link io.mttkit.golden.iompt.SdConfigTable};</li>
 *   <li>§"MPTINVAL": {@link io.mttkit.golden.iompt.MptInval}, the set of (SDID, PA) an invalidation covers.</li>
 * </ul>
 * {@link io.mttkit.golden.iompt.IoMptChecker} ties them together; {@link io.mttkit.golden.iompt.IoMptParams}
 * holds every implementation choice. Every interpretation is listed in {@code docs/spec-notes.md}
 * ("v0.9 chapter 6 — the I/O MPT checker").
 *
 * <p>Like the rest of the golden model this package shares no code with the generators.
 */
package io.mttkit.golden.iompt;
