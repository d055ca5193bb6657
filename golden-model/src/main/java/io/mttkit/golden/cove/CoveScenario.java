package io.mttkit.golden.cove;

import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.SystemRunner;
import io.mttkit.golden.iompt.IoMptChecker;
import io.mttkit.golden.iompt.IoMptParams;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The CoVE memory-ownership flows ({@code programs/cove.c}) on a system of harts with the
 * {@link OwnershipScoreboard} judging every step ({@code mtt scenario cove}, {@code docs/cove.md}).
 */
public final class CoveScenario {
    /** The program. */
    public static final String PROGRAM = "cove";
    /** The flows of {@code programs/cove.c}, by number (its {@code flow_names}). */
    public static final List<String> FLOW_NAMES = List.of("boot", "convert-assign", "share", "unshare",
            "destroy-reclaim");
    /** The supervisor domains of the program, by SDID. */
    public static final Map<Integer, String> DOMAINS = Map.of(1, "host", 2, "TVM");
    /**
     * The DMA-capable devices (docs/cove.md "The device side"): the monitor's SDCL rules give device 0x0100 to the
     * host (SDID 1) and device 0x0200 to the TVM (SDID 2).
     */
    public static final List<DmaAgent.Device> DEVICES = List.of(new DmaAgent.Device("host-dev", 0x0100, 1),
            new DmaAgent.Device("tvm-dev", 0x0200, 2));
    /** The pool the DMA agent targets: {@code POOL_BASE}, {@code POOL_PAGES} of programs/cove.c. */
    public static final long POOL_BASE = 0x8080_0000L;
    /** Pages of the pool. */
    public static final int POOL_PAGES = 16;
    /** One DMA transaction per this many retired instructions (any hart), on average. */
    public static final int DMA_PERIOD = 64;
    /** The ELF symbol the seeded firmware faults are selected with. */
    public static final String FAULT_SYMBOL = "cove_fault";

    private CoveScenario() {
    }

    /** Seeded faults: tests of the scoreboard ({@code docs/cove.md} "Seeded faults"). */
    public enum Fault {
        NONE("none", 0),
        /** The last hart acknowledges the fence IPI without fencing. */
        FENCE_OMITTED("fence-omitted", 1),
        /** Destroy defers its fence protocol: the host reclaims the TVM's pages before the revocation is fenced. */
        RECLAIM_BEFORE_FENCE("reclaim-before-fence", 2),
        /** A deliberately wrong checker: one hart's RTL instance never gets its invalidations (needs RTL). */
        STALE_CHECKER("stale-checker", 0),
        /** The monitor skips the I/O side (MPTINVAL + IOFENCE) of the first fence protocol of flow 1. */
        IOFENCE_OMITTED("iofence-omitted", 3),
        /** A deliberately wrong I/O checker: the RTL I/O checker never gets the monitor's MPTINVALs (needs RTL). */
        IO_STALE_CHECKER("io-stale-checker", 0);

        private final String id;
        private final int firmwareCode;

        Fault(String id, int firmwareCode) {
            this.id = id;
            this.firmwareCode = firmwareCode;
        }

        /** The command-line name. */
        public String id() {
            return id;
        }

        /** The value written into the program's {@code cove_fault} (0 for faults outside the firmware). */
        public int firmwareCode() {
            return firmwareCode;
        }

        /** The fault named {@code id}, or null. */
        public static Fault byId(String id) {
            for (Fault f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * @param harts   2..8
     * @param seed    the interleaving's seed
     * @param quantum the scheduler's largest quantum
     * @param fault   a seeded fault, or {@link Fault#NONE}
     */
    public record Options(int harts, long seed, int quantum, Fault fault) {
        public Options {
            if (harts < 2 || harts > HartSystem.MAX_HARTS) {
                throw new IllegalArgumentException("the CoVE scenario needs 2.."
                        + HartSystem.MAX_HARTS + " harts (a host hart and a TVM hart), got "
                        + harts);
            }
        }
    }

    /** Runs the system: {@link SystemRunner#run} or a lockstep runner calling the setup it is given. */
    @FunctionalInterface
    public interface Runner {
        SystemRunner.Result run(ElfFile elf, HartConfig config, RunOptions opts, SystemRunner.Options sys);
    }

    /**
     * What happened.
     *
     * @param run        the system's run (null when a violation stopped it)
     * @param scoreboard the scoreboard, with its per-flow figures
     * @param violation  the first broken invariant, or null
     */
    public record Outcome(SystemRunner.Result run, OwnershipScoreboard scoreboard, OwnershipViolation violation) {
        /** The program passed and no invariant was broken. */
        public boolean passed() {
            return violation == null && run != null && run.passed();
        }
    }

    /**
     * Runs the flows.
     *
     * @param judgeRtl true when the runner feeds RTL answers to {@link OwnershipScoreboard#rtlAnswer}
     * @param ready    told the scoreboard once it exists (before the first step), e.g. to wire RTL answers to it
     * @param runner   how to run the system
     */
    public static Outcome run(ElfFile elf, HartConfig config, Options o, boolean judgeRtl,
                              Consumer<OwnershipScoreboard> ready, Runner runner) {
        return run(elf, config, o, judgeRtl, ready, runner, null);
    }

    /**
     * Runs the flows, the I/O MPT checker's register accesses and DMA transactions also sent to a second I/O checker.
     *
     * @param ioFor builds that checker's {@link IoMirror} once the system exists (null: none)
     */
    public static Outcome run(ElfFile elf, HartConfig config, Options o, boolean judgeRtl,
                              Consumer<OwnershipScoreboard> ready, Runner runner,
                              Function<HartSystem, IoMirror> ioFor) {
        Long fault = elf.symbols().get(FAULT_SYMBOL);
        if (fault == null) {
            throw new IllegalArgumentException(elf.name() + " has no '" + FAULT_SYMBOL
                    + "' symbol: it is not programs/cove.c");
        }
        OwnershipScoreboard[] board = new OwnershipScoreboard[1];
        SystemRunner.Options sys = new SystemRunner.Options(o.harts(), o.seed(), o.quantum(), (system, e) -> {
            board[0] = new OwnershipScoreboard(system, DOMAINS, judgeRtl, DEVICES);
            system.addCheckListener(board[0]);
            OwnershipLog.attach(system, e, board[0]);
            attachIo(system, config, o.seed(), board[0], ioFor == null ? null : ioFor.apply(system));
            system.memory().store(fault, config.xlen() / 8, o.fault().firmwareCode());
            if (ready != null) {
                ready.accept(board[0]);
            }
        });
        RunOptions opts = RunOptions.defaults().withMaxInstructions(50_000_000L);
        try {
            SystemRunner.Result r = runner.run(elf, config, opts, sys);
            return new Outcome(r, board[0], null);
        } catch (OwnershipViolationException e) {
            return new Outcome(null, board[0], e.violation());
        }
    }

    /**
     * The device side: the golden I/O MPT checker on the bus of every hart (the monitor programs and fences it),
     * and the DMA agent stepped by every retired instruction, every DMA check and I/O fence told to the scoreboard.
     */
    private static void attachIo(HartSystem system, HartConfig config, long seed,
                                 OwnershipScoreboard board, IoMirror mirror) {
        IoMptParams params = IoMptParams.DEFAULT.withLookupConfig(config.lookup());
        if (config.xlen() == 32) {
            params = params.withMptModes(EnumSet.of(MttMode.SMMPT34));
        }
        IoMptChecker checker = new IoMptChecker(params, system.memory(), ImplicitReadCheck.ALLOW_ALL);
        IoCheckerDevice device = new IoCheckerDevice(checker, board::ioCompleted);
        device.mirrorTo(mirror);
        DmaAgent agent = new DmaAgent(checker, DEVICES, POOL_BASE, POOL_PAGES, seed, DMA_PERIOD,
                (i, d, tx, v) -> {
                    board.dmaChecked(i, d, tx, v);
                    if (mirror != null) {
                        mirror.dma(i, d, tx);
                    }
                });
        HartListener step = new HartListener() {
            @Override
            public void retired(long pc, int insn, int priv, int rd, long rdValue) {
                agent.step();
            }
        };
        for (int i = 0; i < system.size(); i++) {
            system.hart(i).attachDevice(device);
            system.hart(i).addListener(step);
        }
    }

    /** Runs the flows on the golden harts alone. */
    public static Outcome run(ElfFile elf, HartConfig config, Options o) {
        return run(elf, config, o, false, null, SystemRunner::run);
    }
}
