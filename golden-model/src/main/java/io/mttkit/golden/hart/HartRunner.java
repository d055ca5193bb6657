package io.mttkit.golden.hart;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.elf.ElfLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an ELF program on the golden hart until it exits through HTIF, hits the instruction limit or the
 * optional timeout. The program starts in M-mode at its entry point with {@code a0} = hart id 0.
 */
public final class HartRunner {
    private HartRunner() {
    }

    /**
     * Loads and runs {@code elf}.
     *
     * @throws IllegalArgumentException for an unreadable or malformed ELF, an XLEN that does not match the
     *                                  configuration, or segments outside the configured memory
     */
    public static RunResult run(Path elf, HartConfig config, RunOptions opts) {
        return run(ElfFile.read(elf), config, opts);
    }

    /** {@link #run(Path, HartConfig, RunOptions)} for an already parsed file. */
    public static RunResult run(ElfFile elf, HartConfig config, RunOptions opts) {
        if (elf.xlen() != config.xlen()) {
            throw new IllegalArgumentException("ELF file " + elf.name() + " is RV" + elf.xlen()
                    + " but the hart is configured for RV" + config.xlen());
        }
        PageMemory mem = new PageMemory();
        for (PageMemory.Range r : opts.memory()) {
            mem.map(r.base(), r.size(), r.name());
        }
        ElfLoader.load(elf, mem);
        Hart hart = new Hart(config, mem);
        hart.setPc(elf.entry());
        Long tohost = elf.symbols().get("tohost");
        Long fromhost = elf.symbols().get("fromhost");
        Htif htif = null;
        if (tohost != null) {
            htif = new Htif(mem, tohost, fromhost == null ? -1 : fromhost);
            hart.watchStores(tohost, htif);
        }
        Recorder rec = new Recorder(hart, opts);
        hart.addListener(rec);
        if (opts.setup() != null) {
            opts.setup().prepare(hart, elf);
        }
        long deadline = opts.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + opts.timeout().toNanos();
        long steps = 0;
        StopReason reason;
        while (true) {
            if (htif != null && htif.exited()) {
                reason = StopReason.EXIT;
                break;
            }
            if (htif != null && htif.error() != null) {
                reason = StopReason.HTIF_ERROR;
                break;
            }
            if (steps >= opts.maxInstructions()) {
                reason = StopReason.INSTRUCTION_LIMIT;
                break;
            }
            if (rec.loopCount >= opts.trapLoopLimit()) {
                reason = StopReason.TRAP_LOOP;
                break;
            }
            if ((steps & 0xFFF) == 0 && opts.timeout() != null && System.nanoTime() - deadline > 0) {
                reason = StopReason.TIMEOUT;
                break;
            }
            rec.beginStep();
            hart.step();
            steps++;
        }
        String message = switch (reason) {
            case EXIT -> "exited with code " + htif.exitCode();
            case INSTRUCTION_LIMIT -> "stopped after " + steps + " steps (instruction limit) at pc 0x"
                    + Long.toHexString(hart.pc()) + (tohost == null ? "; the program has no 'tohost' symbol" : "");
            case TIMEOUT -> "timed out after " + opts.timeout() + " at pc 0x" + Long.toHexString(hart.pc());
            case HTIF_ERROR -> htif.error();
            case TRAP_LOOP -> trapLoopMessage(rec.lastTrap, rec.loopCount);
        };
        return new RunResult(reason, reason == StopReason.EXIT ? htif.exitCode() : -1,
                htif == null ? "" : htif.console(), hart.instret(), steps, rec.traps, rec.trapsDropped, rec.trace,
                message, reason == StopReason.TRAP_LOOP ? rec.lastTrap : null,
                reason == StopReason.TRAP_LOOP ? rec.loopCount : 0);
    }

    /** "trap loop: ... taken N times in a row at pc ..., ..." */
    static String trapLoopMessage(TrapRecord t, long count) {
        return String.format("trap loop: %s (cause %d) at pc 0x%x, tval 0x%x, %s->%s%s, taken %d times in a row with"
                        + " nothing retired in between but the return to it", TrapCause.name(false, t.code()),
                t.code(), t.pc(), t.tval(), Priv.name(t.fromPriv()), Priv.name(t.toPriv()),
                t.mttCause() == io.mttkit.golden.Cause.NONE ? "" : " (MTT cause " + t.mttCause() + ")", count);
    }

    /** Collects the trap log and, when asked, the trace. */
    private static final class Recorder implements HartListener {
        private final Hart hart;
        private final RunOptions opts;
        final List<TrapRecord> traps = new ArrayList<>();
        long trapsDropped;
        final List<TraceEntry> trace = new ArrayList<>();
        private List<TraceEntry.AccessRecord> pending = new ArrayList<>();
        /** The last exception taken, and how many times in a row it was taken again right after returning. */
        TrapRecord lastTrap;
        long loopCount;
        private long retiredSinceTrap;
        private boolean lastRetiredWasXret;

        Recorder(Hart hart, RunOptions opts) {
            this.hart = hart;
            this.opts = opts;
        }

        void beginStep() {
            if (opts.trace() && !pending.isEmpty()) {
                pending = new ArrayList<>();
            }
        }

        private boolean tracing() {
            return opts.trace() && trace.size() < opts.traceLimit();
        }

        @Override
        public void access(AccessKind kind, long pa, int size, boolean pmpOk, LookupResult mtt) {
            if (tracing()) {
                String v = mtt == null ? "-" : !mtt.allow() ? "deny " + mtt.cause()
                        : mtt.xwr() < 0 ? "bypass" : "allow xwr=" + io.mttkit.golden.Access.format(mtt.xwr());
                pending.add(new TraceEntry.AccessRecord(kind, pa, size, pmpOk, v));
            }
        }

        @Override
        public void trap(TrapRecord record) {
            if (record.interrupt()) {
                loopCount = 0;
                lastTrap = null;
            } else {
                boolean again = lastTrap != null && (retiredSinceTrap == 0 || lastRetiredWasXret)
                        && lastTrap.pc() == record.pc() && lastTrap.code() == record.code()
                        && lastTrap.tval() == record.tval() && lastTrap.fromPriv() == record.fromPriv()
                        && lastTrap.toPriv() == record.toPriv();
                loopCount = again ? loopCount + 1 : 1;
                lastTrap = record;
            }
            retiredSinceTrap = 0;
            lastRetiredWasXret = false;
            if (traps.size() < opts.trapLogLimit()) {
                traps.add(record);
            } else {
                trapsDropped++;
            }
            if (tracing()) {
                trace.add(new TraceEntry(record.pc(), 0, "", record.fromPriv(), 0, 0, pending, record));
                pending = new ArrayList<>();
            }
        }

        @Override
        public void retired(long pc, int insn, int priv, int rd, long rdValue) {
            retiredSinceTrap++;
            lastRetiredWasXret = insn == 0x30200073 || insn == 0x10200073; // MRET, SRET
            if (tracing()) {
                trace.add(new TraceEntry(pc, insn, hart.disassembler().disassemble(pc, insn), priv, rd, rdValue,
                        pending, null));
                pending = new ArrayList<>();
            }
        }
    }
}
