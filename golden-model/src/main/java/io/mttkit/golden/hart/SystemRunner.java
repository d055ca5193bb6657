package io.mttkit.golden.hart;

import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.elf.ElfLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an ELF program on a {@link HartSystem} of N harts, interleaved by a seeded {@link HartScheduler}.
 *
 * <p>Boot: every hart starts in M-mode at the ELF entry with {@code a0} = {@code mhartid} and {@code a1} = the
 * number of harts (mttkit's boot convention; {@code programs/runtime/start.S} keeps {@code a1} in
 * {@code smp_harts} and sends harts other than 0 to {@code secondary_main}).
 *
 * <p>Exit rule (HTIF): the run ends when any hart writes an exit command to {@code tohost}; the result
 * names that hart. Console output from every hart goes to one console. The instruction limit and the
 * timeout count the steps of all harts together. When every hart waits in WFI, {@code mtime} jumps to the
 * earliest {@code mtimecmp} that can wake one; when none can, the run stops with
 * {@link Stop#ALL_WAITING}.
 */
public final class SystemRunner {
    private SystemRunner() {
    }

    /** Why a system run stopped. */
    public enum Stop {
        EXIT, INSTRUCTION_LIMIT, TIMEOUT, HTIF_ERROR,
        /** Every hart waits in WFI and no interrupt can ever wake one. */
        ALL_WAITING
    }

    /**
     * How to interleave.
     *
     * @param harts      number of harts, 1..{@value HartSystem#MAX_HARTS}
     * @param seed       the scheduler's seed
     * @param maxQuantum the largest quantum of a turn (1 = strict round-robin)
     * @param setup      called after loading and before the first step (place tables, add listeners); may
     *                   be null
     */
    public record Options(int harts, long seed, int maxQuantum, Setup setup) {
        public Options {
            if (harts < 1 || harts > HartSystem.MAX_HARTS) {
                throw new IllegalArgumentException("the number of harts must be 1.." + HartSystem.MAX_HARTS
                        + ", got " + harts);
            }
            new HartScheduler(seed, maxQuantum); // validates maxQuantum
        }

        public static Options of(int harts, long seed) {
            return new Options(harts, seed, HartScheduler.DEFAULT_MAX_QUANTUM, null);
        }

        public Options withMaxQuantum(int v) {
            return new Options(harts, seed, v, setup);
        }

        public Options withSetup(Setup v) {
            return new Options(harts, seed, maxQuantum, v);
        }
    }

    /** Prepares memory and harts before a run. */
    @FunctionalInterface
    public interface Setup {
        void prepare(HartSystem system, ElfFile elf);
    }

    /**
     * What a run produced.
     *
     * @param reason      why it stopped
     * @param exitCode    the HTIF exit code ({@link Stop#EXIT}), else -1
     * @param exitHart    the hart that wrote the exit command, else -1
     * @param console     the HTIF console text of all harts
     * @param instret     instructions retired per hart
     * @param stepsByHart steps (retired + traps) per hart
     * @param steps       steps of all harts
     * @param turns       scheduler turns (context switches + 1)
     * @param traceDigest 16 hex digits over the sequence of (hart, pc, encoding or trap) of every step: equal
     *                    digests mean the same interleaving
     * @param traps       the first {@link RunOptions#trapLogLimit()} traps of all harts
     * @param trapsDropped traps not logged because the limit was reached
     * @param message     a human-readable line on how the run ended
     */
    public record Result(Stop reason, long exitCode, int exitHart, String console, long[] instret,
                         long[] stepsByHart, long steps, long turns, String traceDigest, List<HartTrap> traps,
                         long trapsDropped, String message) {
        public Result {
            instret = instret.clone();
            stepsByHart = stepsByHart.clone();
            traps = List.copyOf(traps);
        }

        /** Traps taken by all harts, logged or not. */
        public long trapCount() {
            return traps.size() + trapsDropped;
        }

        /** True when the program exited through HTIF with code 0. */
        public boolean passed() {
            return reason == Stop.EXIT && exitCode == 0;
        }
    }

    /** A trap taken by hart {@code hart}. */
    public record HartTrap(int hart, TrapRecord trap) {
    }

    /** Loads and runs {@code elf}; see {@link HartRunner#run(Path, HartConfig, RunOptions)} for the errors. */
    public static Result run(Path elf, HartConfig config, RunOptions opts, Options sys) {
        return run(ElfFile.read(elf), config, opts, sys);
    }

    /** {@link #run(Path, HartConfig, RunOptions, Options)} for an already parsed file. */
    public static Result run(ElfFile elf, HartConfig config, RunOptions opts, Options sys) {
        if (elf.xlen() != config.xlen()) {
            throw new IllegalArgumentException("ELF file " + elf.name() + " is RV" + elf.xlen()
                    + " but the hart is configured for RV" + config.xlen());
        }
        PageMemory mem = new PageMemory();
        for (PageMemory.Range r : opts.memory()) {
            mem.map(r.base(), r.size(), r.name());
        }
        ElfLoader.load(elf, mem);
        int n = sys.harts();
        HartSystem system = new HartSystem(config, mem, n);
        Long tohost = elf.symbols().get("tohost");
        Long fromhost = elf.symbols().get("fromhost");
        Htif htif = tohost == null ? null : new Htif(mem, tohost, fromhost == null ? -1 : fromhost);
        List<HartTrap> traps = new ArrayList<>();
        long[] digest = {0xCBF29CE484222325L};
        long[] dropped = {0};
        for (int i = 0; i < n; i++) {
            Hart h = system.hart(i);
            h.setPc(elf.entry());
            h.setReg(10, i);
            h.setReg(11, n);
            if (htif != null) {
                h.watchStores(tohost, htif);
            }
            int id = i;
            h.addListener(new HartListener() {
                @Override
                public void trap(TrapRecord r) {
                    if (traps.size() < opts.trapLogLimit()) {
                        traps.add(new HartTrap(id, r));
                    } else {
                        dropped[0]++;
                    }
                    digest[0] = mix(digest[0], id, r.pc(), 0x1000 + r.code() + (r.interrupt() ? 0x100 : 0));
                }

                @Override
                public void retired(long pc, int insn, int priv, int rd, long rdValue) {
                    digest[0] = mix(digest[0], id, pc, insn & 0xFFFF_FFFFL);
                }
            });
        }
        if (sys.setup() != null) {
            sys.setup().prepare(system, elf);
        }
        HartScheduler sched = new HartScheduler(sys.seed(), sys.maxQuantum());
        long deadline = opts.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + opts.timeout().toNanos();
        long[] stepsByHart = new long[n];
        long steps = 0;
        long turns = 0;
        int cur = n - 1;
        int left = 0;
        int exitHart = -1;
        Stop reason;
        while (true) {
            if (htif != null && htif.exited()) {
                reason = Stop.EXIT;
                break;
            }
            if (htif != null && htif.error() != null) {
                reason = Stop.HTIF_ERROR;
                break;
            }
            if (steps >= opts.maxInstructions()) {
                reason = Stop.INSTRUCTION_LIMIT;
                break;
            }
            if ((steps & 0xFFF) == 0 && opts.timeout() != null && System.nanoTime() - deadline > 0) {
                reason = Stop.TIMEOUT;
                break;
            }
            if (left == 0 || !system.runnable(cur)) {
                int next = -1;
                for (int k = 1; k <= n; k++) {
                    int c = (cur + k) % n;
                    if (system.runnable(c)) {
                        next = c;
                        break;
                    }
                }
                if (next < 0) {
                    long wake = system.nextWake();
                    if (wake == -1) {
                        reason = Stop.ALL_WAITING;
                        break;
                    }
                    if (Long.compareUnsigned(wake, system.mtime()) > 0) {
                        system.setMtime(wake);
                    }
                    left = 0;
                    continue;
                }
                cur = next;
                left = sched.nextQuantum();
                turns++;
            }
            Hart h = system.hart(cur);
            h.step();
            stepsByHart[cur]++;
            steps++;
            left--;
            if (h.inWfi) {
                left = 0;
            }
            if (htif != null && htif.exited() && exitHart < 0) {
                exitHart = cur;
            }
        }
        long[] instret = new long[n];
        StringBuilder pcs = new StringBuilder();
        for (int i = 0; i < n; i++) {
            instret[i] = system.hart(i).instret();
            pcs.append(i == 0 ? "" : ", ").append(i).append(": 0x").append(Long.toHexString(system.hart(i).pc()))
                    .append(system.hart(i).inWfi ? " (wfi)" : "");
        }
        String message = switch (reason) {
            case EXIT -> "hart " + exitHart + " exited with code " + htif.exitCode();
            case INSTRUCTION_LIMIT -> "stopped after " + steps + " steps (instruction limit) at pcs " + pcs
                    + (tohost == null ? "; the program has no 'tohost' symbol" : "");
            case TIMEOUT -> "timed out after " + opts.timeout() + " at pcs " + pcs;
            case HTIF_ERROR -> htif.error();
            case ALL_WAITING -> "every hart waits in WFI and no interrupt can wake one, at pcs " + pcs;
        };
        return new Result(reason, reason == Stop.EXIT ? htif.exitCode() : -1, exitHart,
                htif == null ? "" : htif.console(), instret, stepsByHart, steps, turns,
                String.format("%016x", digest[0]), traps, dropped[0], message);
    }

    /** FNV-1a over the three values, byte by byte. */
    private static long mix(long h, int hart, long pc, long what) {
        h = fnv(h, hart, 1);
        h = fnv(h, pc, 8);
        return fnv(h, what, 8);
    }

    private static long fnv(long h, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            h ^= (v >>> (8 * i)) & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
