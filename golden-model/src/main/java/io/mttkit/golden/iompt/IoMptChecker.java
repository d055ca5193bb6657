package io.mttkit.golden.iompt;

import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttLookup;

import java.util.Optional;

/**
 * The golden I/O MPT Checker (Supervisor Domains v0.9, chapter 6): the register interface software programs
 * and the decision on every inbound DMA transaction.
 *
 * <pre>{@code
 * IoMptChecker chk = new IoMptChecker(IoMptParams.DEFAULT, memory, ImplicitReadCheck.ALLOW_ALL);
 * chk.run(CommandWord.setSdcfgEntry(5), SdConfig.of(MttMode.SMMPT43, rootPpn, false).toData1(), 0);
 * chk.run(CommandWord.setSdclEntry(0), SdclRule.deviceId(SrcIdMatch.UNARY, 0x0100, TeeFilter.ANY, 0, 5).toData1(), 0);
 * chk.write32(RegisterInterface.CONTROL, CheckerMode.ON.encoding());
 * chk.complete();
 * DmaVerdict v = chk.check(DmaTransaction.read(0x0100, 0x8000_0000L, 64));
 * }</pre>
 *
 * <p>Register accesses ({@link #read32}, {@link #read64}, {@link #write32}, {@link #write64}) follow
 * {@link RegisterInterface}. A write to {@code command} or {@code control} sets {@code status.BUSY}; the
 * golden model performs it only when {@link #complete()} is called, all at once. A comparison with a
 * timing-accurate checker calls {@code complete()} when the implementation's BUSY falls, then compares
 * {@code status}, {@code data1} and {@code data2}. {@link #run} does a whole operation in one call.
 *
 * <p>Configuration writes take effect at completion, so an {@code IOFENCE} has nothing left to wait for, and
 * the model has no MPT cache, so every check reads the newest MPT (see {@link MptInval} for what a cached
 * implementation may answer instead, and the TODO there for co-simulation). Not thread-safe.
 */
public final class IoMptChecker {
    private final IoMptParams params;
    private final RegisterInterface regs;
    private final Sdcl sdcl;
    private final SdConfigTable sdcfg;
    private final CommandExecutor executor;
    private final DmaCheck dmaCheck;

    /**
     * @param params checker parameters
     * @param memory where the checker's implicit MPT reads go (the MDSI interface); a read it cannot serve
     *               ({@code canRead} false) is a bus error or poisoned data
     * @param pmp    the PMP/PMA check the I/O Bridge applies to each implicit MPT read
     */
    public IoMptChecker(IoMptParams params, MpteReader memory, ImplicitReadCheck pmp) {
        if (params == null || memory == null || pmp == null) {
            throw new IllegalArgumentException("params, memory and pmp must all be given"
                    + " (use ImplicitReadCheck.ALLOW_ALL for no PMP, IoMptParams.DEFAULT for defaults)");
        }
        this.params = params;
        this.regs = new RegisterInterface(params.ver());
        this.sdcl = new Sdcl(params.ruleCount(), params.iommuCount() > 0);
        this.sdcfg = new SdConfigTable(params.sdidCount());
        this.executor = new CommandExecutor(params, sdcl, sdcfg);
        this.dmaCheck = new DmaCheck(params, new MttLookup(memory, pmp, params.lookupConfig()), sdcl, sdcfg);
    }

    public IoMptParams params() {
        return params;
    }

    /**
     * Reset (§"I/O MPT Checker Register Interface"): BUSY and CODE 0, MODE Off, no pending write, every rule
     * {@link SdclRule#RESET}, every SD configuration unset, {@code command}/{@code data*} 0. Caches, which the
     * golden model does not have, would be empty.
     */
    public void reset() {
        regs.reset();
        sdcl.reset();
        sdcfg.reset();
    }

    // ---- register interface ----------------------------------------------------------------------------

    /** 4-byte read at {@code offset}, zero-extended; 0 for an UNSPECIFIED access. */
    public long read32(long offset) {
        return regs.read(offset, 4);
    }

    /** 8-byte read at {@code offset} ({@code data1} or {@code data2}; 0 elsewhere). */
    public long read64(long offset) {
        return regs.read(offset, 8);
    }

    /** 4-byte write of the low 32 bits of {@code value} at {@code offset}. */
    public void write32(long offset, long value) {
        regs.write(offset, 4, value);
    }

    /** 8-byte write at {@code offset}: low half, then high half. */
    public void write64(long offset, long value) {
        regs.write(offset, 8, value);
    }

    /** Any-size read, for bus-level models: UNSPECIFIED sizes and alignments read 0. */
    public long read(long offset, int size) {
        return regs.read(offset, size);
    }

    /** Any-size write, for bus-level models: UNSPECIFIED sizes and alignments are ignored. */
    public void write(long offset, int size, long value) {
        regs.write(offset, size, value);
    }

    /** {@code status.BUSY}. */
    public boolean busy() {
        return regs.busy();
    }

    /**
     * Performs the pending {@code command} or {@code control} write and clears BUSY; empty when nothing is
     * pending.
     */
    public Optional<Completion> complete() {
        switch (regs.pending()) {
            case COMMAND: {
                CommandDone done = executor.execute(regs.command(), regs.data1(), regs.data2());
                regs.finishCommand(done.code(), done.data1(), done.data2());
                return Optional.of(done);
            }
            case CONTROL: {
                CheckerMode m = CheckerMode.legalise(regs.pendingControl(), regs.mode(), params.bareSupported());
                regs.finishControl(m);
                return Optional.of(new ControlDone(regs.pendingControl(), m));
            }
            default:
                return Optional.empty();
        }
    }

    /**
     * One whole operation as software performs it: write {@code data1} and {@code data2} (8-byte writes), write
     * {@code command}, wait for BUSY to fall.
     *
     * @throws IllegalStateException when BUSY is 1 (software must check BUSY before writing)
     */
    public CommandDone run(int command, long data1, long data2) {
        if (regs.busy()) {
            throw new IllegalStateException("status.BUSY is 1: complete() the pending write before starting another");
        }
        write64(RegisterInterface.DATA1, data1);
        write64(RegisterInterface.DATA2, data2);
        write32(RegisterInterface.COMMAND, command & 0xFFFF_FFFFL);
        return (CommandDone) complete().orElseThrow();
    }

    /**
     * Writes {@code control.MODE} and completes the write.
     *
     * @throws IllegalStateException when BUSY is 1
     */
    public CheckerMode setMode(int mode) {
        if (regs.busy()) {
            throw new IllegalStateException("status.BUSY is 1: complete() the pending write before starting another");
        }
        write32(RegisterInterface.CONTROL, mode & 0xFFFF_FFFFL);
        return ((ControlDone) complete().orElseThrow()).mode();
    }

    // ---- state -----------------------------------------------------------------------------------------

    /** {@code control.MODE}. */
    public CheckerMode mode() {
        return regs.mode();
    }

    /** SDCL rule {@code ruleId} as stored. */
    public SdclRule rule(int ruleId) {
        return sdcl.rule(ruleId);
    }

    /** The MPT configuration of {@code sdid}, empty when never set since reset. */
    public Optional<SdConfig> sdConfig(int sdid) {
        return Optional.ofNullable(sdcfg.config(sdid));
    }

    /** The QoS IDs of {@code sdid}, empty when never set since reset. */
    public Optional<QosIds> qosIds(int sdid) {
        return Optional.ofNullable(sdcfg.qos(sdid));
    }

    // ---- DMA ---------------------------------------------------------------------------------------------

    /** The SDCL's answer for {@code tx} whatever the mode, or {@code null} when no rule matches. */
    public Classification classify(DmaTransaction tx) {
        return sdcl.classify(tx);
    }

    /** The verdict on {@code tx} in the current mode ({@link DmaCheck}). */
    public DmaVerdict check(DmaTransaction tx) {
        return dmaCheck.check(regs.mode(), tx);
    }
}
