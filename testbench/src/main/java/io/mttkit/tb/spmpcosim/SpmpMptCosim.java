package io.mttkit.tb.spmpcosim;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.gen.Configurations;
import io.mttkit.gen.ParamValues;
import io.mttkit.gen.spmp.SpmpCheckRequestPort;
import io.mttkit.gen.spmp.SpmpConfigurations;
import io.mttkit.gen.spmp.SpmpMptRequestPort;
import io.mttkit.gen.spmp.SpmpMptResponsePort;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.pmp.Pmp;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpVerdict;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.EventDigest;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.selftest.RandomDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Co-simulation of the composed {@code mtt_spmp_checker} (SPMP → the access's PMP/PMA hook → the cache-less MPT
 * checker) against the golden models composed in the golden hart's order ({@code Hart.physCheck}): the golden
 * {@link Spmp} for an S/U access while {@code satp.MODE} is Bare (a denial is the access's page fault and nothing
 * else is asked), then the golden {@link Pmp} (an access fault), then, for S/U only, the golden {@link MttLookup}
 * over tables the golden {@code TableBuilder} built (an access fault with the lookup's cause). Compared per access:
 * the deciding unit, the exception code, the SPMP's deciding entry, the MPT cause; that the PMP hook was asked
 * exactly when the SPMP allowed, with the access; the MPT walk's PMP queries and memory reads, in order, exactly
 * when SPMP and PMP allowed an S/U access; the latency rules of {@code docs/spmp-checker.md}; and the handshakes
 * (one access in flight, a response held unchanged under backpressure).
 *
 * <p>Stimulus: the SPMP register programs and CSR operations of {@link SpmpCosim} (its SPMP side, sharing this run's
 * random stream), their window placed over an MPT region's first or last page or the page next to it (so that the
 * SPMP's regions and the MPT's mapped, unmapped and differently-permitted pages collide); a golden PMP of 8 entries
 * around the same pages (locked entries, a catch-all entry or none); a new table world (mode, random domains,
 * big-endian tables when supported) every 8 programs; MPTE PMP denials over table pages and injected bus errors;
 * accesses aimed at SPMP, PMP and MPT region bounds, from U, S and M, every type, SUM, MXR, satp Bare or not, MPT
 * Bare or not; memory latency, {@code mrd_ready} and {@code rsp_ready} stalls drawn per program. An access does not
 * cross a 4 KiB page (the requester splits such an access: the MPT checks the page of {@code req_pa}).
 *
 * <p>Deterministic: the same configuration, settings, seed and access count give the same run and digest.
 */
public final class SpmpMptCosim {
    /** Accesses per register program. */
    private static final int ACCESSES_PER_PROGRAM = 120;
    /** Register programs per table world. */
    private static final int PROGRAMS_PER_WORLD = 8;
    /** Entries of the golden access PMP. */
    static final int PMP_ENTRIES = 8;
    private static final String[] TYPE_NAMES = {"fetch", "load", "store", "amo"};
    private static final String[] UNIT_NAMES = {"none", "SPMP", "PMP", "MPT"};
    private static final String[] PRIV_NAMES = {"U", "S", "M?", "M"};

    /**
     * Latency rules of {@code mtt_spmp_checker} (docs/spmp-checker.md), in cycles: an SPMP denial's response after
     * the request handshake (plus {@code pipeline}); the PMP hook's cycle after the handshake (plus {@code pipeline});
     * a PMP denial's response after the hook's cycle; the MPT's answer without a walk after the hook's cycle (bypass
     * or Bare; a PA out of the mode's range); a walk's answer after its last event (the last MPTE's data, a denied
     * PMP query's answer).
     */
    static final int SPMP_DENY_LATENCY = 2;
    static final int APMP_LATENCY = 2;
    static final int PMP_DENY_LATENCY = 1;
    static final int MPT_BYPASS_LATENCY = 3;
    static final int MPT_PA_RANGE_LATENCY = 4;
    static final int MPT_DATA_LATENCY = 3;
    static final int MPT_PMP_DENY_LATENCY = 2;

    /** The result of a run. */
    public record Result(String config, SpmpParams sp, WalkerParams wp, long seed, long accesses, long[] byUnit,
                         long mReads, long mpteQueries, long csrReads, long csrWrites, long programs, long worlds,
                         long mismatchCount, List<String> mismatches, long digest, SpmpCoverage coverage) {
        public boolean passed() {
            return mismatchCount == 0;
        }

        /** The report: mismatches first, then the figures, the digest and the coverage table. */
        public String format() {
            StringBuilder sb = SpmpCosim.mismatchLines(mismatches, mismatchCount);
            sb.append(String.format("spmp+mpt co-simulation %s (SPMP %s; MPT %s) seed %d: %s — %d accesses "
                            + "(allowed %d, SPMP denied %d, PMP denied %d, MPT denied %d), %d MPTE reads, %d MPTE "
                            + "PMP queries, %d CSR reads, %d CSR writes, %d register programs, %d table worlds, "
                            + "%d mismatches%n",
                    config, sp.values(), wp.values(), seed, passed() ? "PASS" : "FAIL", accesses, byUnit[0],
                    byUnit[1], byUnit[2], byUnit[3], mReads, mpteQueries, csrReads, csrWrites, programs, worlds,
                    mismatchCount));
            sb.append(String.format("digest: %016x%n", digest));
            sb.append(coverage.format(12));
            return sb.toString();
        }
    }

    /** The two generators' parameters of a composed configuration. */
    public record Params(SpmpParams spmp, WalkerParams walker) {
    }

    /**
     * The parameters of an {@code spmp-rv*} configuration with {@code settings} ({@code --set}).
     *
     * @throws SpmpCosim.SetupException for another configuration, an unknown key, a value out of range, or a
     *                                  {@code paw} the golden SPMP cannot follow
     */
    public static Params params(String config, Map<String, String> settings) {
        int xlen;
        if ("spmp-rv64".equals(config)) {
            xlen = 64;
        } else if ("spmp-rv32".equals(config)) {
            xlen = 32;
        } else {
            throw new SpmpCosim.SetupException("--config", "the composed SPMP co-simulation runs configuration "
                    + "spmp-rv64 or spmp-rv32 (mtt_spmp_checker); got '" + config + "'");
        }
        Params p;
        try {
            ParamValues v = Configurations.resolve(config, settings);
            p = new Params(SpmpParams.of(xlen, v), SpmpConfigurations.walker(xlen, v));
        } catch (IllegalArgumentException e) {
            throw new SpmpCosim.SetupException("--set", e.getMessage());
        }
        SpmpCosim.golden(p.spmp());
        return p;
    }

    /** Generates and builds {@code mtt_spmp_checker} for {@code p} and runs {@code accesses} accesses. */
    public static Result run(BuildDriver driver, String config, Params p, long seed, long accesses) {
        try (SpmpMptRtl rtl = SpmpMptRtl.open(driver, p.spmp(), p.walker())) {
            return new SpmpMptCosim(config, p, rtl, seed).run(accesses);
        }
    }

    /** As {@link #run(BuildDriver, String, Params, long, long)} on an already built top (a mutant's). */
    public static Result run(LoadedLibrary lib, String config, Params p, long seed, long accesses) {
        try (SpmpMptRtl rtl = SpmpMptRtl.open(lib, p.spmp(), p.walker())) {
            return new SpmpMptCosim(config, p, rtl, seed).run(accesses);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private final String config;
    private final SpmpParams sp;
    private final WalkerParams wp;
    private final SpmpMptRtl rtl;
    private final long seed;
    private final Random rnd;
    private final SpmpCosim spmp;
    private final SpmpCoverage cov;
    private final long pawMask;
    private final long spmpAddrMask;
    private final long reqPaMask;
    private final List<MttMode> modes = new ArrayList<>();
    private final LookupConfig lookupConfig;
    private Pmp pmp;
    private TableWorld world;
    private List<Region> regions;
    private boolean bigEndian;
    private MttLookup lookup;
    private List<PmpRegion> mptePmp = List.of();
    private boolean mptePmpDefault = true;
    private int failAt = -1;
    private int readsDone;
    private final List<Long> goldenQueries = new ArrayList<>();
    private int latMin;
    private int latMax;
    private int mrdStall;
    private int rspStall;
    private long accessCount;
    private final long[] byUnit = new long[4];
    private long mReads;
    private long mpteQueries;
    private long worlds;
    private long digest = EventDigest.chain(0, 0x5350_4D50_4D50_5431L);
    private int nextId;

    private SpmpMptCosim(String config, Params p, SpmpMptRtl rtl, long seed) {
        this.config = config;
        this.sp = p.spmp();
        this.wp = p.walker();
        this.rtl = rtl;
        this.seed = seed;
        this.rnd = new Random(seed);
        this.spmp = new SpmpCosim(config, sp, SpmpCosim.golden(sp), rtl, seed, rnd);
        this.cov = spmp.coverage();
        this.pawMask = (1L << sp.paw()) - 1;
        this.reqPaMask = sp.xlen() == 64 ? -1L : (1L << 34) - 1;
        for (MttMode m : MttMode.values()) {
            if (m != MttMode.BARE && m.xlen() == sp.xlen()
                    && (m.format() == TableFormat.SMMPT_V0_9 ? wp.formats().v09() : wp.formats().v01())) {
                modes.add(m);
            }
        }
        this.lookupConfig = LookupConfig.DEFAULT.withPaw(wp.paw())
                .withRsvdTupleScope(RsvdTupleScope.valueOf(wp.rsvdTupleScope().name()))
                .withV01OneGigAsOneGiB(wp.v01OneGigAsOneGiB());
        this.pmp = new Pmp(sp.xlen(), PMP_ENTRIES, 0);
        this.spmpAddrMask = SpmpCosim.golden(sp).addrMask();
        SpmpMptCoverage.declare(cov, modes);
    }

    private Result run(long accesses) {
        while (accessCount < accesses) {
            if (spmp.programs() % PROGRAMS_PER_WORLD == 0) {
                newWorld();
            }
            placeSpmpWindow();
            spmp.program();
            catchAll();
            programPmp();
            session();
            long end = Math.min(accesses, accessCount + ACCESSES_PER_PROGRAM);
            while (accessCount < end) {
                if (rnd.nextInt(100) < 4) {
                    spmp.randomCsrOp();
                } else {
                    access();
                }
            }
        }
        return new Result(config, sp, wp, seed, accessCount, byUnit.clone(), mReads, mpteQueries, spmp.csrReads(),
                spmp.csrWrites(), spmp.programs(), worlds, spmp.mismatchCount(), List.copyOf(spmp.mismatches()),
                digest, cov);
    }

    // ---- worlds, programs, sessions ------------------------------------------------------------------------------

    /** A new MPT world: a mode, random domains in [0x9000_0000, +64 MiB) and their golden tables. */
    private void newWorld() {
        worlds++;
        MttMode mode = modes.get(rnd.nextInt(modes.size()));
        do { // a large first region may not fit the window: draw again (the layout stays a function of the seed)
            regions = new ArrayList<>(RandomDomains.generate(mode, rnd.nextLong(), 14, 0x9000_0000L, 0x0400_0000L));
        } while (regions.size() < 2);
        bigEndian = wp.bigEndianSupport() && rnd.nextInt(4) == 0;
        BuildOptions options = BuildOptions.DEFAULT.withBigEndian(bigEndian).withUseNapot(rnd.nextInt(4) != 0);
        world = TableWorld.build(mode, regions, options);
        MpteReader reader = new MpteReader() {
            @Override
            public boolean canRead(long addr, int size) {
                return readsDone != failAt && world.memory().canRead(addr, size);
            }

            @Override
            public long read(long addr, int size, boolean be) {
                readsDone++;
                return world.memory().read(addr, size, be);
            }
        };
        ImplicitReadCheck check = (addr, size) -> {
            goldenQueries.add(addr & pawMask);
            return PmpRegion.allows(mptePmp, mptePmpDefault, addr & pawMask, size);
        };
        lookup = new MttLookup(reader, check, lookupConfig);
    }

    /** The SPMP program's window: mostly on an MPT region's first or last page or a page just outside it. */
    private void placeSpmpWindow() {
        if (rnd.nextInt(4) == 0) {
            return; // the SPMP co-simulation's own placement (bottom, top, anywhere)
        }
        Region r = regions.get(rnd.nextInt(regions.size()));
        long page = switch (rnd.nextInt(4)) {
            case 0 -> r.base();
            case 1 -> r.base() - 0x1000;
            case 2 -> r.base() + r.size() - 0x1000;
            default -> r.base() + r.size();
        };
        spmp.aimWindowAt(page >>> 2);
    }

    /**
     * In half the programs the last SPMP entry becomes a NAPOT entry over the whole space with a random rule (an
     * access no lower entry takes then reaches the PMP and the MPT, or is denied by the rule rather than by no match).
     */
    private void catchAll() {
        if (rnd.nextInt(8) == 0 && sp.entryCount() > 2) {
            // an empty TOR entry 1 (its bottom spmpaddr[0] at or above its top) under an OFF entry 0: it matches
            // nothing, also not an access over both bounds (acrossEmptyTor aims there)
            long top = spmp.window() + 0x100 + rnd.nextInt(0x100);
            spmp.writeEntry(0, top + rnd.nextInt(12), rnd.nextInt(8));
            spmp.writeEntry(1, top, rnd.nextInt(8) | 1 << 3 | (rnd.nextBoolean() ? io.mttkit.golden.spmp.SpmpCfg.U : 0));
        }
        if (rnd.nextBoolean()) {
            long cfg = (rnd.nextInt(3) == 0 ? 0b011 + rnd.nextInt(5) : 0b111) | 3 << 3;
            cfg |= switch (rnd.nextInt(3)) {
                case 0 -> 0;                                          // S-mode rule
                case 1 -> io.mttkit.golden.spmp.SpmpCfg.U;            // U-mode rule
                default -> io.mttkit.golden.spmp.SpmpCfg.U | io.mttkit.golden.spmp.SpmpCfg.SHARED;
            };
            spmp.writeEntry(sp.entryCount() - 1, -1L, cfg);
        }
    }

    /**
     * A golden PMP program of {@value #PMP_ENTRIES} entries: six around the SPMP window (TOR, NA4, NAPOT, any RWX,
     * sometimes locked), then a catch-all NAPOT RWX entry (3 in 4 programs; without it S/U match nothing outside the
     * six and are denied).
     */
    private void programPmp() {
        long base = spmp.window() << 2;
        pmp = new Pmp(sp.xlen(), PMP_ENTRIES, 0); // from reset: locked entries of the last program go too
        long cursor = base + rnd.nextInt(0x800);
        for (int i = 0; i < PMP_ENTRIES - 2; i++) {
            int a = rnd.nextInt(4);
            long addr;
            if (a == Pmp.A_TOR) {
                cursor += rnd.nextInt(0x400);
                addr = cursor >>> 2;
            } else if (a == Pmp.A_NAPOT) {
                int k = rnd.nextInt(10);
                long word = (base + rnd.nextInt(0x2000) - 0x800) >>> 2;
                addr = (word & -(1L << (k + 1))) | ((1L << k) - 1);
            } else {
                addr = (base + rnd.nextInt(0x2000) - 0x800) >>> 2;
            }
            int cfg = rnd.nextInt(8) | a << Pmp.CFG_A_SHIFT | (rnd.nextInt(6) == 0 ? Pmp.CFG_L : 0);
            if ((cfg & 3) == Pmp.CFG_W) {
                cfg &= ~Pmp.CFG_W; // W without R is reserved: not asked of the hook
            }
            pmp.writePmpaddr(i, addr & (pawMask >>> 2));
            pmp.writePmpcfg(i, cfg);
        }
        if (rnd.nextInt(4) != 0) {
            pmp.writePmpaddr(PMP_ENTRIES - 1, -1L);
            pmp.writePmpcfg(PMP_ENTRIES - 1, Pmp.CFG_R | Pmp.CFG_W | Pmp.CFG_X | Pmp.A_NAPOT << Pmp.CFG_A_SHIFT);
        }
    }

    /** Per program: memory latency, stalls, MPTE PMP denials over table pages. */
    private void session() {
        latMin = 1 + rnd.nextInt(4);
        latMax = latMin + rnd.nextInt(5);
        mrdStall = rnd.nextInt(3) == 0 ? 20 : 0;
        rspStall = rnd.nextInt(3) == 0 ? 25 : 0;
        mptePmpDefault = rnd.nextInt(12) != 0;
        List<PmpRegion> r = new ArrayList<>();
        if (rnd.nextInt(4) == 0) {
            long pages = Math.max(1, world.tables().image().length / 0x1000);
            long page = world.tables().base() + (rnd.nextInt((int) Math.min(pages, 1 << 20)) * 0x1000L);
            r.add(new PmpRegion(page, 0x1000, false));
        }
        mptePmp = r;
    }

    // ---- accesses ------------------------------------------------------------------------------------------------

    private void access() {
        int size = switch (rnd.nextInt(8)) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 4;
            case 3 -> 8;
            case 4 -> 64;
            default -> 1 + rnd.nextInt(64);
        };
        long pa = aim(size) & reqPaMask;
        if (Long.compareUnsigned(pa, pawMask) <= 0 && (pa & 0xFFF) + size > 0x1000) {
            size = (int) (0x1000 - (pa & 0xFFF)); // one page: the requester splits a crossing access
        }
        int type = rnd.nextInt(4);
        int priv = rnd.nextInt(10) == 0 ? SpmpMptRequestPort.PRIV_M : rnd.nextInt(2);
        boolean sum = rnd.nextBoolean();
        boolean mxr = rnd.nextInt(3) == 0;
        boolean bare = rnd.nextInt(12) != 0;
        MttMode mode = rnd.nextInt(8) == 0 ? MttMode.BARE : world.mode();
        failAt = rnd.nextInt(40) == 0 ? rnd.nextInt(4) : -1;
        int id = nextId++ & ((1 << wp.idWidth()) - 1);
        int sdid = wp.sdidLen() == 0 ? 0 : rnd.nextInt(1 << wp.sdidLen());
        SpmpMptRtl.Request q = new SpmpMptRtl.Request(id, pa, size, type, priv, sum, mxr, bare, sdid,
                reqMode(mode), world.rootPpn(), bigEndian);
        Expected e = expected(q, mode);
        SpmpMptRtl.World w = new SpmpMptRtl.World(world.memory(), failAt, mptePmp, mptePmpDefault,
                (addr, sz, t, pr) -> pmp.check(addr, Math.max(1, sz), need(t), privMode(pr)), latMin, latMax,
                mrdStall, rspStall);
        SpmpMptRtl.Observed o = rtl.access(q, w, rnd);
        accessCount++;
        byUnit[e.unit]++;
        mReads += o.reads.size();
        mpteQueries += o.pmpQueries.size();
        SpmpMptCoverage.access(cov, this, q, mode, e, o);
        compare(q, e, o);
        digest(q, o);
    }

    /** A first byte: at an SPMP region (the SPMP side's aim), an MPT region's bounds, a PMP entry's, or anywhere. */
    private long aim(int size) {
        int pick = rnd.nextInt(20);
        if (pick < 2) {
            Long across = acrossEmptyTor();
            if (across != null) {
                return across;
            }
        }
        if (pick < 10) {
            return spmp.aim(size);
        }
        if (pick < 15) {
            Region r = regions.get(rnd.nextInt(regions.size()));
            long lo = r.base();
            long hi = r.base() + r.size() - 1;
            return switch (rnd.nextInt(5)) {
                case 0 -> lo;
                case 1 -> hi - size + 1;
                case 2 -> lo - size;
                case 3 -> hi + 1;
                default -> lo + Math.floorMod(rnd.nextLong(), r.size());
            };
        }
        if (pick < 18) {
            int i = rnd.nextInt(PMP_ENTRIES);
            long a = pmp.readPmpaddr(i) << 2;
            return switch (rnd.nextInt(3)) {
                case 0 -> a;
                case 1 -> a - size;
                default -> a - 1;
            };
        }
        if (pick == 18 && sp.xlen() == 64 && rnd.nextInt(4) == 0) {
            return (rnd.nextLong() | (1L << sp.paw())) & ~0xFFFL; // above the physical address space
        }
        return (spmp.window() << 2) + rnd.nextInt(0x3000) - 0x1000;
    }

    /**
     * A first byte just below the top of an empty TOR entry (one whose {@code spmpaddr[i−1]} is not below its
     * {@code spmpaddr[i]}), close enough to its bottom that a 64-byte access spans both bounds: such an entry
     * matches nothing, also not an access over both (null when the program has none within 60 bytes).
     */
    private Long acrossEmptyTor() {
        Spmp gold = spmp.gold();
        List<Long> starts = new ArrayList<>();
        for (int i = 1; i < sp.entryCount(); i++) {
            if (io.mttkit.golden.spmp.SpmpCfg.mode((int) gold.readCfg(i)) != io.mttkit.golden.spmp.SpmpCfg.AddressMode.TOR) {
                continue;
            }
            long top = gold.readAddr(i) << 2;
            long bottom = gold.readAddr(i - 1) << 2;
            if (Long.compareUnsigned(bottom, top) >= 0 && bottom - top < 60 && top >= 4) {
                starts.add(top - 1 - rnd.nextInt(3));
            }
        }
        return starts.isEmpty() ? null : starts.get(rnd.nextInt(starts.size()));
    }

    /** What the golden models, in the golden hart's order, say about {@code q}. */
    static final class Expected {
        int unit;
        int cause;
        boolean allow = true;
        SpmpVerdict spmp;
        boolean pmpOk;
        boolean apmpAsked;
        boolean mptAsked;
        boolean walked;
        LookupResult mpt;
        int mptCause;
        final List<Long> queries = new ArrayList<>();
        /** What each unit would say on its own (coverage of collisions): SPMP as if satp were Bare, PMP, MPT. */
        boolean spmpWouldDeny;
        boolean pmpWouldDeny;
        boolean mptWouldDeny;
    }

    private Expected expected(SpmpMptRtl.Request q, MttMode mode) {
        Expected e = new Expected();
        int need = need(q.type());
        boolean m = q.priv() == SpmpMptRequestPort.PRIV_M;
        Spmp gold = spmp.gold();
        if (!m) {
            e.spmp = gold.check(q.pa(), q.size(), need, privMode(q.priv()), q.sum(), q.mxr(), q.satpBare());
            e.spmpWouldDeny = q.satpBare() ? !e.spmp.allowed()
                    : !gold.check(q.pa(), q.size(), need, privMode(q.priv()), q.sum(), q.mxr(), true).allowed();
        } else {
            e.spmpWouldDeny = !gold.check(q.pa(), q.size(), need, PrivMode.S, q.sum(), q.mxr(), true).allowed();
        }
        e.pmpOk = pmp.check(q.pa() & pawMask, q.size(), need, privMode(q.priv()));
        e.pmpWouldDeny = !e.pmpOk;
        // what the MPT would say (collisions), from the same lookup, before the real one records its queries
        if (mode != MttMode.BARE) {
            LookupResult would = golden(mode, q, need);
            e.mptWouldDeny = !would.allow();
        }
        if (e.spmp != null && !e.spmp.allowed()) {
            e.unit = SpmpMptResponsePort.UNIT_SPMP;
            e.cause = Spmp.faultCause(need);
            e.allow = false;
            return e;
        }
        e.apmpAsked = true;
        if (!e.pmpOk) {
            e.unit = SpmpMptResponsePort.UNIT_PMP;
            e.cause = accessFault(q.type());
            e.allow = false;
            return e;
        }
        e.mptAsked = true;
        if (m || mode == MttMode.BARE) {
            return e; // M-mode: no MPT check (the top's bypass); MPT Bare: allowed without a walk
        }
        e.walked = true;
        e.mpt = golden(mode, q, need);
        e.queries.addAll(goldenQueries);
        e.mptCause = e.mpt.cause().ordinal();
        if (!e.mpt.allow()) {
            e.unit = SpmpMptResponsePort.UNIT_MPT;
            e.cause = accessFault(q.type());
            e.allow = false;
        }
        return e;
    }

    private LookupResult golden(MttMode mode, SpmpMptRtl.Request q, int need) {
        readsDone = 0;
        goldenQueries.clear();
        return lookup.lookup(mode, q.rootPpn(), q.pa(), need, q.be(), new LookupResult());
    }

    private void compare(SpmpMptRtl.Request q, Expected e, SpmpMptRtl.Observed o) {
        List<String> diffs = new ArrayList<>(o.protocol);
        if (!o.responded) {
            diffs.add("no response in " + SpmpMptRtl.TIMEOUT + " cycles");
        } else {
            boolean matched = e.spmp != null && e.spmp.entry() >= 0;
            field(diffs, "rsp_id", q.id(), o.id);
            field(diffs, "rsp_allow", e.allow ? 1 : 0, o.allow ? 1 : 0);
            field(diffs, "rsp_unit", e.unit, o.unit);
            field(diffs, "rsp_cause", e.cause, o.cause);
            field(diffs, "rsp_spmp_matched", matched ? 1 : 0, o.spmpMatched ? 1 : 0);
            field(diffs, "rsp_spmp_entry", matched ? e.spmp.entry() : 0, o.spmpEntry);
            field(diffs, "rsp_mpt_cause", e.mptCause, o.mptCause);
        }
        // the access's PMP hook: asked once, with the access, exactly when the SPMP allowed
        if (o.apmp.size() != (e.apmpAsked ? 1 : 0)) {
            diffs.add("apmp_valid in " + o.apmp.size() + " cycle(s), expected " + (e.apmpAsked ? 1 : 0));
        } else if (e.apmpAsked) {
            long[] a = o.apmp.get(0);
            if (a[1] != (q.pa() & pawMask) || a[2] != q.size() || a[3] != q.type() || a[4] != q.priv()) {
                diffs.add(String.format("apmp addr/size/type/priv 0x%x/%d/%d/%d, expected 0x%x/%d/%d/%d", a[1], a[2],
                        a[3], a[4], q.pa() & pawMask, q.size(), q.type(), q.priv()));
            }
        }
        // the MPT walk: its PMP queries and reads, in order, only when SPMP and PMP allowed an S/U access
        List<Long> gotQ = new ArrayList<>();
        for (long[] x : o.pmpQueries) {
            gotQ.add(x[1]);
        }
        if (!gotQ.equals(e.queries)) {
            diffs.add("MPTE PMP queries " + hex(gotQ) + ", expected " + hex(e.queries));
        }
        List<Long> gotR = new ArrayList<>();
        for (long[] x : o.reads) {
            gotR.add(x[1]);
        }
        List<Long> expR = new ArrayList<>();
        if (e.mpt != null) {
            for (int i = 0; i < e.mpt.readCount(); i++) {
                expR.add(e.mpt.readAddr(i));
                if (i < o.reads.size() && o.reads.get(i)[2] != e.mpt.readSize(i)) {
                    diffs.add("read " + i + " size " + o.reads.get(i)[2] + ", expected " + e.mpt.readSize(i));
                }
            }
        }
        if (!gotR.equals(expR)) {
            diffs.add("MPTE reads " + hex(gotR) + ", expected " + hex(expR));
        }
        if (o.responded && diffs.isEmpty()) {
            latency(diffs, e, o);
        }
        if (!diffs.isEmpty()) {
            spmp.mismatch(String.format("access #%d id=%d %s pa=0x%x size=%d priv=%s SUM=%d MXR=%d satp%s MPT %s%s: "
                            + "%s (golden: %s)",
                    accessCount, q.id(), TYPE_NAMES[q.type()], q.pa(), q.size(), PRIV_NAMES[q.priv()], q.sum() ? 1 : 0,
                    q.mxr() ? 1 : 0, q.satpBare() ? "=Bare" : "!=Bare", world.mode() == null ? "-" : describeMode(q),
                    failAt >= 0 ? " (read " + failAt + " fails)" : "", String.join("; ", diffs), describe(e)));
        }
    }

    private String describeMode(SpmpMptRtl.Request q) {
        return q.mode() == 0 ? "Bare" : world.mode().name() + " root 0x" + Long.toHexString(q.rootPpn())
                + (q.be() ? " BE" : "");
    }

    private static String describe(Expected e) {
        return "unit " + UNIT_NAMES[e.unit] + (e.allow ? " allow" : " cause " + e.cause)
                + (e.spmp != null ? ", SPMP " + e.spmp.outcome() + " entry " + e.spmp.entry() : ", SPMP not asked")
                + ", PMP " + (e.pmpOk ? "ok" : "deny") + (e.mpt != null ? ", MPT " + e.mpt.cause() : "");
    }

    /** The latency rules (docs/spmp-checker.md, "mtt_spmp_checker timing"). */
    private void latency(List<String> diffs, Expected e, SpmpMptRtl.Observed o) {
        int pipe = sp.pipeline();
        long fromAccept = o.rspCycle - o.acceptCycle;
        if (e.unit == SpmpMptResponsePort.UNIT_SPMP) {
            rule(diffs, "SPMP denial: response after the handshake", SPMP_DENY_LATENCY + pipe, fromAccept);
            return;
        }
        long apmp = o.apmp.get(0)[0];
        rule(diffs, "PMP hook after the handshake", APMP_LATENCY + pipe, apmp - o.acceptCycle);
        if (e.unit == SpmpMptResponsePort.UNIT_PMP) {
            rule(diffs, "PMP denial: response after the hook", PMP_DENY_LATENCY, o.rspCycle - apmp);
        } else if (!e.walked) {
            rule(diffs, "MPT bypass/Bare: response after the hook", MPT_BYPASS_LATENCY, o.rspCycle - apmp);
        } else if (o.lastMptEvent < 0) {
            rule(diffs, "MPT fault without a read: response after the hook", MPT_PA_RANGE_LATENCY,
                    o.rspCycle - apmp);
        } else if (o.lastMptEventPmp) {
            rule(diffs, "MPT walk: response after the denied PMP query's answer", MPT_PMP_DENY_LATENCY,
                    o.rspCycle - o.lastMptEvent);
        } else {
            rule(diffs, "MPT walk: response after the last MPTE's data", MPT_DATA_LATENCY,
                    o.rspCycle - o.lastMptEvent);
        }
    }

    private static void rule(List<String> diffs, String what, long expected, long got) {
        if (expected != got) {
            diffs.add(what + ": " + got + " cycle(s), expected " + expected);
        }
    }

    private static void field(List<String> diffs, String name, long expected, long got) {
        if (expected != got) {
            diffs.add(name + " " + got + ", expected " + expected);
        }
    }

    private static String hex(List<Long> xs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < xs.size(); i++) {
            sb.append(i == 0 ? "" : " ").append("0x").append(Long.toHexString(xs.get(i)));
        }
        return sb.append(']').toString();
    }

    /** The digest: every access's request, answer, relative timing, hook, queries and reads. */
    private void digest(SpmpMptRtl.Request q, SpmpMptRtl.Observed o) {
        long h = EventDigest.chain(digest, q.pa());
        h = EventDigest.chain(h, q.size() | (long) q.type() << 8 | (long) q.priv() << 12 | (q.sum() ? 1L << 16 : 0)
                | (q.mxr() ? 1L << 17 : 0) | (q.satpBare() ? 1L << 18 : 0) | (long) q.mode() << 20);
        h = EventDigest.chain(h, (o.allow ? 1 : 0) | (long) o.unit << 1 | (long) o.cause << 4
                | (o.spmpMatched ? 1L << 9 : 0) | (long) o.spmpEntry << 10 | (long) o.mptCause << 20
                | (o.rspCycle - o.acceptCycle) << 32);
        for (long[] a : o.apmp) {
            h = EventDigest.chain(h, a[0] - o.acceptCycle);
        }
        for (long[] x : o.pmpQueries) {
            h = EventDigest.chain(EventDigest.chain(h, x[0] - o.acceptCycle), x[1]);
        }
        for (long[] x : o.reads) {
            h = EventDigest.chain(EventDigest.chain(h, x[0] - o.acceptCycle), x[1]);
        }
        digest = h;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static int need(int type) {
        return switch (type) {
            case SpmpCheckRequestPort.FETCH -> Access.X;
            case SpmpCheckRequestPort.LOAD -> Access.R;
            case SpmpCheckRequestPort.STORE -> Access.W;
            default -> Access.R | Access.W;
        };
    }

    private static PrivMode privMode(int priv) {
        return switch (priv) {
            case SpmpMptRequestPort.PRIV_U -> PrivMode.U;
            case SpmpMptRequestPort.PRIV_S -> PrivMode.S;
            default -> PrivMode.M;
        };
    }

    private static int accessFault(int type) {
        return switch (type) {
            case SpmpCheckRequestPort.FETCH -> SpmpMptResponsePort.INSTRUCTION_ACCESS_FAULT;
            case SpmpCheckRequestPort.LOAD -> SpmpMptResponsePort.LOAD_ACCESS_FAULT;
            default -> SpmpMptResponsePort.STORE_ACCESS_FAULT;
        };
    }

    /** {@code req_mode}: {format (1 = smmpt-v0.9), MODE}; Bare 0. */
    public static int reqMode(MttMode mode) {
        if (mode == MttMode.BARE) {
            return 0;
        }
        return (mode.format() == TableFormat.SMMPT_V0_9 ? 16 : 0) | mode.csrEncoding();
    }

    SpmpParams spmpParams() {
        return sp;
    }

    Spmp goldSpmp() {
        return spmp.gold();
    }

    long spmpAddrMask() {
        return spmpAddrMask;
    }

    /** The configuration names this co-simulation runs. */
    public static List<String> configurations() {
        return List.of(SpmpConfigurations.composedForXlen(64).name(), SpmpConfigurations.composedForXlen(32).name());
    }
}
