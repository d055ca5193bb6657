package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import io.mttkit.golden.Access;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Directed-test fixture: one mode's tables, entries that tests overwrite with hand-made MPTEs (encoded here
 * from the spec figures), and checks that run through the generated RTL and the golden model (the harness
 * fails on any difference) and return the golden result so the test can also assert what the spec requires.
 */
final class Bench {
    /** Default configuration per XLEN. */
    static final WalkerParams RV64 = WalkerParams.defaults(64);
    static final WalkerParams RV32 = WalkerParams.defaults(32);
    /** A narrow-paw configuration with the other tuple scope, 1 GiB v0.1 leaves and PMP latency 2. */
    static final WalkerParams RV64_ALT = new WalkerParams(64, Formats.BOTH, 48, 3, 5, TupleScope.SELECTED, true, true, 2);
    static final WalkerParams RV32_ALT = new WalkerParams(32, Formats.BOTH, 33, 0, 4, TupleScope.SELECTED, true, true, 3);
    /** paw = 64: every Smmpt64 PA is legal. */
    static final WalkerParams RV64_WIDE = new WalkerParams(64, Formats.BOTH, 64, 6, 8, TupleScope.ANY, false, false, 1);

    /**
     * Skips the calling test class when Verilator is missing, unless {@code MTTKIT_REQUIRE_TOOLS=1} (CI) makes
     * that a failure.
     */
    static void requireTools() {
        io.mttkit.tb.ToolGate.requireVerilator();
    }

    /** A region of 1 MiB at 0xB000_0000 with RWX (the directed tests' main target). */
    static final long TARGET = 0xB000_0000L;

    final WalkerParams params;
    final MttMode mode;
    final TableWorld world;
    final CheckerLibrary lib;
    private List<PmpRegion> pmp = List.of();
    private SessionSettings settings = SessionSettings.simple(7).withLatency(1, 3);

    Bench(WalkerParams params, MttMode mode, List<Region> regions, BuildOptions options) {
        this.params = params;
        this.mode = mode;
        this.world = TableWorld.build(mode, regions, options);
        this.lib = Checkers.of(params);
    }

    /** The default configuration of the mode's XLEN with a 1 MiB RWX region at {@link #TARGET}. */
    static Bench of(MttMode mode) {
        return of(mode.xlen() == 64 ? RV64 : RV32, mode);
    }

    static Bench of(WalkerParams params, MttMode mode) {
        return new Bench(params, mode, List.of(new Region(TARGET, 1 << 20, Access.R | Access.W | Access.X)),
                BuildOptions.DEFAULT.withUseNapot(false));
    }

    static Stream<MttMode> allModes() {
        return Stream.of(MttMode.values()).filter(m -> m != MttMode.BARE);
    }

    static Stream<MttMode> v09Modes() {
        return allModes().filter(m -> m.format() == TableFormat.SMMPT_V0_9);
    }

    static Stream<MttMode> v01Modes() {
        return allModes().filter(m -> m.format() == TableFormat.SMMTT_V0_1);
    }

    boolean v09() {
        return mode.format() == TableFormat.SMMPT_V0_9;
    }

    boolean rv64() {
        return mode.xlen() == 64;
    }

    Bench settings(SessionSettings s) {
        this.settings = s;
        return this;
    }

    Bench pmp(List<PmpRegion> regions) {
        this.pmp = List.copyOf(regions);
        return this;
    }

    /** Runs one check through RTL and golden model (failing on any difference); returns the golden result. */
    LookupResult check(long pa, int need) {
        return check(CheckRequest.of(mode, world.rootPpn(), pa, need, false));
    }

    LookupResult check(CheckRequest req) {
        return checks(List.of(req)).get(0);
    }

    /** Runs {@code reqs} in one batch; returns the golden result of each. */
    List<LookupResult> checks(List<CheckRequest> reqs) {
        try (CosimHarness h = new CosimHarness(lib, world.memory(), settings)) {
            h.setPmpRegions(pmp);
            h.run(reqs);
        }
        LookupConfig config = LookupConfig.DEFAULT.withPaw(params.paw())
                .withRsvdTupleScope(params.rsvdTupleScope() == TupleScope.ANY ? RsvdTupleScope.ANY : RsvdTupleScope.SELECTED)
                .withV01OneGigAsOneGiB(params.v01OneGigAsOneGiB());
        long pawMask = params.paw() >= 64 ? -1L : (1L << params.paw()) - 1;
        boolean dflt = settings.pmpDefaultAllow();
        MttLookup golden = new MttLookup(world.memory(), (a, s) -> PmpRegion.allows(pmp, dflt, a & pawMask, s), config);
        List<LookupResult> out = new ArrayList<>();
        for (CheckRequest r : reqs) {
            out.add(r.mode() == null || r.isBypass() ? null
                    : golden.lookup(r.mode(), r.rootPpn(), r.pa(), r.need(), r.be(), new LookupResult()));
        }
        return out;
    }

    private final java.util.Map<Long, long[]> paths = new java.util.HashMap<>();
    private final java.util.Deque<long[]> undo = new java.util.ArrayDeque<>();

    /**
     * Address of the entry the walk of {@code pa} reads at {@code level} (levels from the leaf up), in the tables
     * as first built (the path is remembered, so it stays valid while tests overwrite entries on it).
     */
    long entryAt(long pa, int level) {
        long[] path = paths.computeIfAbsent(pa, k -> {
            LookupResult r = world.path(k);
            long[] a = new long[r.readCount()];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.readAddr(i);
            }
            return a;
        });
        int step = rootLevel() - level;
        if (step >= path.length) {
            throw new IllegalArgumentException("the walk of 0x" + Long.toHexString(pa) + " reads only " + path.length
                    + " entries; level " + level + " is not on it");
        }
        return path[step];
    }

    /** Puts back every entry changed through {@link #write} since the last restore. */
    void restore() {
        while (!undo.isEmpty()) {
            long[] u = undo.pop();
            world.writeEntry(u[0], u[1]);
        }
    }

    int rootLevel() {
        return mode.levels() - 1;
    }

    void write(long addr, long value) {
        undo.push(new long[] {addr, world.readEntry(addr)});
        world.writeEntry(addr, value);
    }

    long read(long addr) {
        return world.readEntry(addr);
    }

    /** Replaces the entry the walk of {@code pa} reads at {@code level}; returns its address. */
    long put(long pa, int level, long value) {
        long addr = entryAt(pa, level);
        write(addr, value);
        return addr;
    }

    // ---- v0.9 MPTE encodings (v0.9 §4 figures) ----

    int tuples() {
        return rv64() ? 16 : 8;
    }

    /** Non-leaf: V=1, L=0, PPN at bit 10. */
    static long v09Pointer(long ppn) {
        return 1L | (ppn << 10);
    }

    /** Non-NAPOT leaf with {@code xwr[k]} at bits 8+3k. */
    static long v09Leaf(int[] xwr) {
        long v = 0b011;
        for (int k = 0; k < xwr.length; k++) {
            v |= (long) xwr[k] << (8 + 3 * k);
        }
        return v;
    }

    /** Leaf whose every tuple is {@code xwr}. */
    long v09Uniform(int xwr) {
        int[] t = new int[tuples()];
        java.util.Arrays.fill(t, xwr);
        return v09Leaf(t);
    }

    /** NAPOT leaf: V=1, L=1, N=1, XWR at 10:8, G at 15:12. */
    static long v09Napot(int xwr, int g) {
        return 0b111L | ((long) xwr << 8) | ((long) g << 12);
    }

    /** The legal NAPOT G of the mode: 4 (RV64), 6 (Smmpt34). */
    int legalG() {
        return rv64() ? 4 : 6;
    }

    /** Tuple index the PA selects in a leaf at {@code level}. */
    int tupleIndex(long pa, int level) {
        int leafLog2 = rv64() ? 16 + 9 * level : 15 + 10 * level;
        int bits = rv64() ? 4 : 3;
        return (int) ((pa >>> (leafLog2 - bits)) & ((1 << bits) - 1));
    }

    /** A PA inside the target region whose tuple index at {@code level} is {@code k} (other bits from {@code pa}). */
    long withTuple(long pa, int level, int k) {
        int leafLog2 = rv64() ? 16 + 9 * level : 15 + 10 * level;
        int bits = rv64() ? 4 : 3;
        long mask = ((1L << bits) - 1) << (leafLog2 - bits);
        return (pa & ~mask) | ((long) k << (leafLog2 - bits));
    }

    /** A pointer entry at {@code level} (≥ 1) to the table at {@code ppn}, in the mode's format. */
    long pointer(int level, long ppn) {
        if (v09()) {
            return v09Pointer(ppn);
        }
        return level == 2 ? ppn : mttl2(0b100, ppn); // MTTL3 holds the MTTL2 PPN; MTTL2 MTT_L1_DIR holds it in INFO
    }

    // ---- v0.1 encodings (v0.1 §4 figures and tables) ----

    int v01InfoWidth() {
        return rv64() ? 44 : 22;
    }

    /** MTTL2 entry {ZERO, TYPE, INFO}. */
    long mttl2(int type, long info) {
        return info | ((long) type << v01InfoWidth());
    }

    /** MTTL1 word with PERM {@code perm[k]} in nibble k. */
    static long mttl1(int[] perm) {
        long v = 0;
        for (int k = 0; k < perm.length; k++) {
            v |= (long) perm[k] << (4 * k);
        }
        return v;
    }

    int nibbles() {
        return rv64() ? 16 : 8;
    }

    /** v0.1 PERM → XWR (spec-notes). */
    static int permXwr(int perm) {
        return switch (perm) {
            case 1 -> Access.R | Access.X;
            case 2 -> Access.R | Access.W;
            case 3 -> Access.R | Access.W | Access.X;
            default -> 0;
        };
    }

    static void assertCause(io.mttkit.golden.Cause expected, LookupResult r) {
        assertEquals(expected, r.cause(), () -> "golden result " + r);
    }
}
