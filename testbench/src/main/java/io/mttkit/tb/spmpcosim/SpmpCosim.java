package io.mttkit.tb.spmpcosim;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.gen.Configurations;
import io.mttkit.gen.spmp.SpmpCheckRequestPort;
import io.mttkit.gen.spmp.SpmpConfigurations;
import io.mttkit.gen.spmp.SpmpCsrPort;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.AddressMatch;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpCfg;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import io.mttkit.golden.spmp.SpmpVerdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Co-simulation of the generated {@code mtt_spmp} against the golden {@link Spmp}: seeded constrained-random
 * register programs (every A mode, every SHARED/U/RWX encoding including the reserved ones, locks, M-mode writes,
 * {@code spmpen}/{@code spmpenh}, out-of-window and out-of-range selects) interleaved with accesses aimed at the
 * programmed regions (first and last bytes, straddles of either bound, just outside, inside, colliding entries)
 * from S and U with every SUM × MXR × access type, {@code satp.MODE} Bare or not. Every CSR read-back and every
 * verdict (allow, matched, entry, cause) is compared with the golden model. The two sides share no code: the RTL
 * comes from {@code hdl-gen}, the expectation from {@code golden-model}; only the stimulus aiming and the coverage
 * classification look at the golden state (which regions exist), never at the RTL.
 *
 * <p>Deterministic: the same configuration, settings, seed and access count give the same run.
 */
public final class SpmpCosim {
    /** Mismatches kept in full (the count covers all). */
    static final int KEEP_MISMATCHES = 20;
    /** CSR operations remembered for the context of the first mismatch. */
    private static final int HISTORY = 12;
    /** Accesses per register program. */
    private static final int ACCESSES_PER_PROGRAM = 120;
    private static final String[] TYPE_NAMES = {"fetch", "load", "store", "amo"};

    /** The result of a run. */
    public record Result(String config, SpmpParams params, long seed, long accesses, long csrReads, long csrWrites,
                         long programs, long allowed, long mismatchCount, List<String> mismatches,
                         SpmpCoverage coverage) {
        public boolean passed() {
            return mismatchCount == 0;
        }

        /** The report: mismatches first, then the figures and the coverage table. */
        public String format() {
            StringBuilder sb = SpmpCosim.mismatchLines(mismatches, mismatchCount);
            sb.append(String.format("spmp co-simulation %s (%s) seed %d: %s — %d accesses (%d allowed), "
                            + "%d CSR reads, %d CSR writes, %d register programs, %d mismatches%n",
                    config, params.values(), seed, passed() ? "PASS" : "FAIL", accesses, allowed, csrReads,
                    csrWrites, programs, mismatchCount));
            sb.append(coverage.format(12));
            return sb.toString();
        }
    }

    /** The co-simulation of a configuration refused before it ran (bad name or settings): what and what to do. */
    public static final class SetupException extends RuntimeException {
        private final String option;

        public SetupException(String option, String message) {
            super(message);
            this.option = option;
        }

        /** The command-line option at fault: {@code --config} or {@code --set}. */
        public String option() {
            return option;
        }
    }

    /**
     * The generator parameters of an {@code spmp-alone-rv*} configuration with {@code settings} ({@code --set}).
     *
     * @throws SetupException for another configuration, an unknown key, or a value out of range
     */
    public static SpmpParams params(String config, Map<String, String> settings) {
        int xlen;
        if ("spmp-alone-rv64".equals(config)) {
            xlen = 64;
        } else if ("spmp-alone-rv32".equals(config)) {
            xlen = 32;
        } else {
            throw new SetupException("--config", "the SPMP co-simulation runs configuration spmp-alone-rv64 or spmp-alone-rv32 "
                    + "(mtt_spmp by itself), or spmp-rv64 or spmp-rv32 (mtt_spmp_checker); got '" + config + "'");
        }
        try {
            return SpmpParams.of(xlen, Configurations.resolve(config, settings));
        } catch (IllegalArgumentException e) {
            throw new SetupException("--set", e.getMessage());
        }
    }

    /**
     * The golden model's shape for generator parameters: the same entry count, XLEN, granularity and Sspmpen;
     * no Smpmpdeleg (the generator hardwires its entries); MXR applying (both sides, docs/spec-notes.md).
     *
     * @throws SetupException when {@code paw} is below the spec's width: the golden SPMP implements every
     *                        {@code spmpaddr} bit (RV64 55..2, RV32 33..2), so a narrower RTL reads differently
     */
    public static io.mttkit.golden.spmp.SpmpParams golden(SpmpParams p) {
        int fullPaw = p.xlen() == 64 ? 56 : 34;
        if (p.paw() != fullPaw) {
            throw new SetupException("--set", "the golden SPMP implements every spmpaddr bit (physical address width "
                    + fullPaw + " on RV" + p.xlen() + "); paw=" + p.paw() + " cannot be co-simulated — leave paw "
                    + "at its default " + fullPaw);
        }
        return new io.mttkit.golden.spmp.SpmpParams(p.entryCount(), p.xlen(), p.granularity(), p.sspmpenPresent(),
                false, true);
    }

    /** Generates and builds {@code mtt_spmp} for {@code params} and runs {@code accesses} accesses from {@code seed}. */
    public static Result run(BuildDriver driver, String config, SpmpParams params, long seed, long accesses) {
        return run(driver, config, params, golden(params), seed, accesses);
    }

    /** As {@link #run(BuildDriver, String, SpmpParams, long, long)} against a given golden shape (self-checks). */
    static Result run(BuildDriver driver, String config, SpmpParams params, io.mttkit.golden.spmp.SpmpParams gp,
                      long seed, long accesses) {
        try (SpmpRtl rtl = SpmpRtl.open(driver, params)) {
            return new SpmpCosim(config, params, gp, rtl, seed).run(accesses);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private final String config;
    private final SpmpParams p;
    private final io.mttkit.golden.spmp.SpmpParams gp;
    /** The checks' target ({@code mtt_spmp}); null when the composed co-simulation drives the accesses. */
    private final SpmpRtl rtl;
    /** The CSR port's target: {@code mtt_spmp}, or {@code mtt_spmp_checker} (the same {@code csr_*} port). */
    private final CsrTarget csr;
    private final long seed;
    private final Random rnd;
    private final int n;
    private final int g;
    private final long xlenMask;
    private final long paMask;
    private final long addrMask;
    private Spmp gold;
    private final SpmpCoverage cov = new SpmpCoverage();
    private final Deque<String> history = new ArrayDeque<>();
    private final List<String> mismatches = new ArrayList<>();
    private long mismatchCount;
    private long accessCount;
    private long allowedCount;
    private long reads;
    private long writes;
    private long programs;
    /** The word address (spmpaddr units) around which the current program places its regions. */
    private long window;
    /** Where the next program's window goes (-1: drawn as before). */
    private long windowHint = -1;

    private SpmpCosim(String config, SpmpParams p, io.mttkit.golden.spmp.SpmpParams gp, SpmpRtl rtl, long seed) {
        this(config, p, gp, rtl, rtl, seed, new Random(seed));
    }

    /**
     * The SPMP side of a co-simulation whose accesses another driver makes ({@link SpmpMptCosim}): register programs,
     * CSR operations and read-backs through {@code csr}, the golden SPMP, the aiming and the SPMP coverage, drawing
     * from {@code rnd}.
     */
    SpmpCosim(String config, SpmpParams p, io.mttkit.golden.spmp.SpmpParams gp, CsrTarget csr, long seed,
              Random rnd) {
        this(config, p, gp, null, csr, seed, rnd);
    }

    private SpmpCosim(String config, SpmpParams p, io.mttkit.golden.spmp.SpmpParams gp, SpmpRtl rtl, CsrTarget csr,
                      long seed, Random rnd) {
        this.config = config;
        this.p = p;
        this.gp = gp;
        this.rtl = rtl;
        this.csr = csr;
        this.seed = seed;
        this.rnd = rnd;
        this.n = p.entryCount();
        this.g = p.granularity();
        this.xlenMask = p.xlen() == 64 ? -1L : 0xFFFF_FFFFL;
        this.paMask = (1L << p.paw()) - 1;
        this.addrMask = gp.addrMask();
        this.gold = new Spmp(gp);
        SpmpCosimCoverage.declare(cov, p);
    }

    private Result run(long accesses) {
        while (accessCount < accesses) {
            program();
            long end = Math.min(accesses, accessCount + ACCESSES_PER_PROGRAM);
            while (accessCount < end) {
                if (rnd.nextInt(100) < 4) {
                    randomCsrOp();
                } else {
                    access();
                }
            }
        }
        return new Result(config, p, seed, accessCount, reads, writes, programs, allowedCount, mismatchCount,
                List.copyOf(mismatches), cov);
    }

    // ---- register programs --------------------------------------------------------------------------------------

    /** A new layout: sometimes from reset, then every entry written (mostly in order), spmpen, and a full read-back. */
    void program() {
        programs++;
        if (programs == 1 || rnd.nextInt(4) == 0) {
            csr.reset();
            gold = new Spmp(gp);
            remember("reset");
        }
        long top = paMask >>> 2;
        window = switch (rnd.nextInt(10)) {
            case 0 -> 0;                                        // the bottom of the address space
            case 1 -> (top - 0x3FF) & ~0x3FFL;                  // its top: TOR/NAPOT reaching 2^paw
            default -> (rnd.nextLong() & top) & ~0x3FFL;
        };
        if (windowHint >= 0) {
            window = windowHint & top & ~0x3FFL;                // the composed run's: over MPT regions and holes
            windowHint = -1;
        }
        long torCursor = window + rnd.nextInt(16);
        for (int k = 0; k < n; k++) {
            int i = rnd.nextInt(8) == 0 ? rnd.nextInt(n) : k;
            boolean mmode = rnd.nextInt(5) == 0;
            int a = rnd.nextInt(4);
            long addr;
            if (a == SpmpCfg.AddressMode.TOR.code()) {
                torCursor += rnd.nextInt(10) == 0 ? -rnd.nextInt(32) : rnd.nextInt(48); // sometimes an empty range
                addr = torCursor;
            } else {
                addr = regionAddress(a);
            }
            write(SpmpCsrPort.SEL_SIREG, Spmp.SELECT_BASE + i, addr, mmode);
            write(SpmpCsrPort.SEL_SIREG2, Spmp.SELECT_BASE + i, randomCfg(a), mmode);
        }
        if (p.sspmpenPresent()) {
            long en = rnd.nextInt(3) == 0 ? rnd.nextLong() : -1L;
            writeSpmpen(en, rnd.nextInt(6) == 0);
        }
        for (int i = 0; i < n; i++) {
            read(SpmpCsrPort.SEL_SIREG, Spmp.SELECT_BASE + i, false);
            read(SpmpCsrPort.SEL_SIREG2, Spmp.SELECT_BASE + i, false);
        }
        read(SpmpCsrPort.SEL_SPMPEN, 0, false);
        read(SpmpCsrPort.SEL_SPMPENH, 0, false);
    }

    /** An spmpaddr for a NAPOT or NA4 (or OFF) entry: a block in the window, sometimes odd values. */
    private long regionAddress(int a) {
        int pick = rnd.nextInt(20);
        if (pick == 0) {
            return -1L;                                    // all ones: NAPOT over the whole space
        }
        if (pick == 1) {
            return rnd.nextLong();                          // anything (bits above paw are WARL 0)
        }
        long word = window + rnd.nextInt(0x400);
        if (a != SpmpCfg.AddressMode.NAPOT.code()) {
            return word;
        }
        int k = rnd.nextInt(4) == 0 ? rnd.nextInt(12) : rnd.nextInt(5); // 2^(k+3) bytes
        long block = 1L << (k + 1);
        return (word & -block) | ((1L << k) - 1);
    }

    /** A cfg value: any RWX (reserved 010/011 included), U, SHARED, A, L sometimes, WPRI junk sometimes. */
    private long randomCfg(int a) {
        long v = rnd.nextInt(8) | ((long) a << 3);
        if (rnd.nextInt(10) == 0) {
            v |= SpmpCfg.L;
        }
        if (rnd.nextBoolean()) {
            v |= SpmpCfg.U;
        }
        if (rnd.nextInt(3) == 0) {
            v |= SpmpCfg.SHARED;
        }
        if (rnd.nextInt(10) == 0) {
            v |= (long) rnd.nextInt(4) << 5;               // WPRI bits 6:5
        }
        if (rnd.nextInt(20) == 0) {
            v |= rnd.nextLong() & ~0x3FFL;                 // WPRI bits SXLEN-1:10
        }
        return v;
    }

    /** One CSR operation between accesses: a write somewhere (in or out of the window), then a read of it. */
    void randomCsrOp() {
        boolean mmode = rnd.nextInt(4) == 0;
        int sel = rnd.nextInt(4);
        long select = switch (rnd.nextInt(10)) {
            case 0 -> rnd.nextLong();                                          // outside the window
            case 1 -> Spmp.SELECT_BASE + n + rnd.nextInt(Math.max(1, 64 - n + 1)); // in the window, past N
            default -> Spmp.SELECT_BASE + rnd.nextInt(n);
        };
        if (sel == SpmpCsrPort.SEL_SPMPEN || sel == SpmpCsrPort.SEL_SPMPENH) {
            if (rnd.nextBoolean()) {
                writeSpmpen(rnd.nextInt(3) == 0 ? rnd.nextLong() : gold.readSpmpen() ^ (1L << rnd.nextInt(n)),
                        sel == SpmpCsrPort.SEL_SPMPENH);
            } else {
                read(sel, select, mmode);
            }
            return;
        }
        long value = sel == SpmpCsrPort.SEL_SIREG2 ? randomCfg(rnd.nextInt(4)) : regionAddress(rnd.nextInt(4));
        write(sel, select, value, mmode);
        read(sel, select, mmode);
    }

    private void writeSpmpen(long value, boolean high) {
        if (p.xlen() == 64) {
            write(high ? SpmpCsrPort.SEL_SPMPENH : SpmpCsrPort.SEL_SPMPEN, 0, value, false);
        } else {
            write(SpmpCsrPort.SEL_SPMPEN, 0, value, false);
            write(SpmpCsrPort.SEL_SPMPENH, 0, value >>> 32, false);
        }
    }

    /** Writes entry {@code i}'s {@code spmpaddr} and {@code spmpcfg} on both sides (S-mode path). */
    void writeEntry(int i, long addr, long cfg) {
        write(SpmpCsrPort.SEL_SIREG, Spmp.SELECT_BASE + i, addr, false);
        write(SpmpCsrPort.SEL_SIREG2, Spmp.SELECT_BASE + i, cfg, false);
    }

    /** A write to both sides (the golden one with the spec's meaning of the port's select). */
    private void write(int sel, long select, long value, boolean mmode) {
        select &= xlenMask;
        value &= xlenMask;
        SpmpCosimCoverage.csrWrite(cov, gold, p, sel, select, value, mmode);
        csr.csrWrite(sel, select, value, mmode);
        switch (sel) {
            case SpmpCsrPort.SEL_SIREG -> gold.writeIndirect(select, 1, value, mmode);
            case SpmpCsrPort.SEL_SIREG2 -> gold.writeIndirect(select, 2, value, mmode);
            case SpmpCsrPort.SEL_SPMPEN -> gold.writeSpmpen(value, p.xlen() == 64 ? -1L : 0xFFFF_FFFFL);
            default -> {
                if (p.xlen() == 32) {
                    gold.writeSpmpen(value << 32, 0xFFFF_FFFF_0000_0000L);
                } // RV64 has no spmpenh: the port ignores it
            }
        }
        writes++;
        remember(String.format("write %s select=0x%x value=0x%x%s", selName(sel), select, value,
                mmode ? " (M-mode)" : ""));
    }

    /** A read of both sides, compared. */
    private void read(int sel, long select, boolean mmode) {
        select &= xlenMask;
        long got = csr.csrRead(sel, select, mmode);
        long expect = switch (sel) {
            case SpmpCsrPort.SEL_SIREG, SpmpCsrPort.SEL_SIREG2 -> {
                // outside 0x100..0x13F the hart raises illegal instruction; the port itself reads 0
                Long v = gold.readIndirect(select, sel == SpmpCsrPort.SEL_SIREG ? 1 : 2);
                yield v == null ? 0 : v;
            }
            case SpmpCsrPort.SEL_SPMPEN -> gold.readSpmpen() & xlenMask;
            default -> p.xlen() == 32 ? gold.readSpmpen() >>> 32 : 0; // spmpenh: RV32 only
        } & xlenMask;
        reads++;
        if (got != expect) {
            mismatch(String.format("CSR read %s select=0x%x%s: RTL 0x%x, golden 0x%x", selName(sel), select,
                    mmode ? " (M-mode)" : "", got, expect));
        }
    }

    private static String selName(int sel) {
        return switch (sel) {
            case SpmpCsrPort.SEL_SIREG -> "sireg(spmpaddr)";
            case SpmpCsrPort.SEL_SIREG2 -> "sireg2(spmpcfg)";
            case SpmpCsrPort.SEL_SPMPEN -> "spmpen";
            default -> "spmpenh";
        };
    }

    // ---- accesses -----------------------------------------------------------------------------------------------

    private void access() {
        int size = switch (rnd.nextInt(8)) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 4;
            case 3 -> 8;
            case 4 -> 64;
            default -> 1 + rnd.nextInt(64);
        };
        long pa = aim(size);
        int type = rnd.nextInt(4);
        boolean privS = rnd.nextBoolean();
        boolean sum = rnd.nextBoolean();
        boolean mxr = rnd.nextInt(3) == 0;
        boolean bare = rnd.nextInt(12) != 0;
        int stall = p.pipeline() == 1 && rnd.nextInt(8) == 0 ? 1 + rnd.nextInt(3) : 0;
        check(pa, size, type, privS, sum, mxr, bare, stall);
    }

    /** A first byte aimed at an entry's region: its bounds, across them, inside, just outside, or anywhere. */
    long aim(int size) {
        int t = rnd.nextInt(n);
        AddressMatch.Range r = SpmpCosimCoverage.range(gold, t, g, addrMask);
        if (r == null || rnd.nextInt(10) == 0) {
            return rnd.nextInt(4) == 0 ? rnd.nextLong() & paMask : ((window << 2) + rnd.nextInt(0x1000)) & paMask;
        }
        long lo = r.lo();
        long hi = r.hi();
        long pa = switch (rnd.nextInt(8)) {
            case 0 -> lo;                                              // first byte(s)
            case 1 -> hi - size + 1;                                   // last byte(s)
            case 2 -> lo - 1 - (size > 1 ? rnd.nextInt(size - 1) : 0); // across the lower bound
            case 3 -> hi - (size > 1 ? rnd.nextInt(size - 1) : 0);     // across the upper bound
            case 4 -> lo - size;                                       // just below
            case 5 -> hi + 1;                                          // just above
            case 6 -> hi;                                              // the last byte
            default -> lo + (Long.compareUnsigned(hi - lo, 1L << 40) < 0 ? Math.floorMod(rnd.nextLong(), hi - lo + 1)
                    : rnd.nextLong() & paMask);                        // inside
        };
        return pa & paMask;
    }

    private void check(long pa, int size, int type, boolean privS, boolean sum, boolean mxr, boolean bare,
                       int stall) {
        int need = switch (type) {
            case SpmpCheckRequestPort.FETCH -> Access.X;
            case SpmpCheckRequestPort.LOAD -> Access.R;
            case SpmpCheckRequestPort.STORE -> Access.W;
            default -> Access.R | Access.W;
        };
        PrivMode priv = privS ? PrivMode.S : PrivMode.U;
        SpmpVerdict v = gold.check(pa, size, need, priv, sum, mxr, bare);
        SpmpCosimCoverage.access(cov, gold, p, addrMask, pa, size, type, priv, sum, mxr, bare, v);
        boolean matched = v.entry() >= 0;
        SpmpRtl.Answer expect = new SpmpRtl.Answer(true, v.allowed(), matched, matched ? v.entry() : 0,
                v.allowed() ? 0 : Spmp.faultCause(need), true);
        SpmpRtl.Answer got = rtl.check(pa, size, type, privS, sum, mxr, bare, stall);
        accessCount++;
        if (v.allowed()) {
            allowedCount++;
        }
        if (!got.equals(expect)) {
            mismatch(String.format("access #%d %s pa=0x%x size=%d %s SUM=%d MXR=%d satp%s: RTL %s, golden %s "
                            + "(%s)%s", accessCount, TYPE_NAMES[type], pa, size, privS ? "S" : "U", sum ? 1 : 0,
                    mxr ? 1 : 0, bare ? "=Bare" : "!=Bare", answer(got), answer(expect), v.outcome(),
                    stall > 0 ? ", response held back " + stall + " cycle(s)" : ""));
        }
    }

    private static String answer(SpmpRtl.Answer a) {
        return (a.valid() ? "" : "no rsp_valid ") + (a.held() ? "" : "not held under backpressure ") + (a.allow() ? "allow" : "deny cause " + a.cause())
                + (a.matched() ? " entry " + a.entry() : " no match");
    }

    void mismatch(String what) {
        mismatchCount++;
        if (mismatches.size() < KEEP_MISMATCHES) {
            StringBuilder sb = new StringBuilder();
            sb.append("[").append(config).append(" seed ").append(seed).append("] ").append(what);
            if (mismatches.isEmpty()) {
                sb.append("\n  entries now (golden): ").append(SpmpCosimCoverage.describeEntries(gold, n));
                sb.append("\n  last CSR operations: ").append(String.join("; ", history));
            }
            mismatches.add(sb.toString());
        }
    }

    private void remember(String op) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(op);
    }

    /** The CSR port ({@code csr_*}) of a top holding the SPMP, and its reset. */
    interface CsrTarget {
        void reset();

        long csrRead(int sel, long siselect, boolean mmode);

        void csrWrite(int sel, long siselect, long value, boolean mmode);
    }

    /** The golden SPMP as it is now (a program from reset replaces it). */
    Spmp gold() {
        return gold;
    }

    SpmpCoverage coverage() {
        return cov;
    }

    long mismatchCount() {
        return mismatchCount;
    }

    /** The head of a report: one {@code MISMATCH} line per kept mismatch, then how many more there were. */
    static StringBuilder mismatchLines(List<String> mismatches, long count) {
        StringBuilder sb = new StringBuilder();
        for (String m : mismatches) {
            sb.append("MISMATCH ").append(m).append('\n');
        }
        if (count > mismatches.size()) {
            sb.append("... ").append(count - mismatches.size()).append(" more mismatches\n");
        }
        return sb;
    }

    List<String> mismatches() {
        return mismatches;
    }

    long csrReads() {
        return reads;
    }

    long csrWrites() {
        return writes;
    }

    long programs() {
        return programs;
    }

    /** The word address (spmpaddr units) around which the current program places its regions. */
    long window() {
        return window;
    }

    /** The next program's regions go around this word address ({@code spmpaddr} units) rather than a random one. */
    void aimWindowAt(long word) {
        windowHint = word;
    }

    /** The configuration names this co-simulation runs. */
    public static List<String> configurations() {
        return List.of(SpmpConfigurations.aloneForXlen(64).name(), SpmpConfigurations.aloneForXlen(32).name());
    }
}
