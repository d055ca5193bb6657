/**
 * The I/O MPT checker hardware (Smmpt v0.9 chapter 6, {@code docs/io-checker.md} "The generated hardware"): the
 * register interface {@link io.mttkit.gen.iompt.IoMptRegs} ({@code mtt_io_regs}), the Supervisor Domain Classifier
 * {@link io.mttkit.gen.iompt.IoSdcl} ({@code mtt_io_sdcl}), both wired in {@link io.mttkit.gen.iompt.IoMptFront}
 * ({@code mtt_io_front}), the cache-less checker top {@link io.mttkit.gen.iompt.IoMptChecker}
 * ({@code mtt_io_checker}: front + walker, DMA port, {@link io.mttkit.gen.iompt.IoAbortReason}), with the parameters
 * {@link io.mttkit.gen.iompt.IoMptParams} and the {@code mtt gen} configurations {@link io.mttkit.gen.iompt.IoConfigurations}. Independent of the golden model
 * ({@code io.mttkit.golden.iompt}): the field layouts are written again from the spec.
 */
package io.mttkit.gen.iompt;
