package io.mttkit.tb.cosim.cache;

import io.mttkit.tb.cosim.Checkers;
import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import io.mttkit.golden.Access;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.mutation.Mutant;
import io.mttkit.tb.mutation.MutantCatalogue;
import io.mttkit.tb.mutation.MutationConfig;
import io.mttkit.tb.mutation.MutationRun;
import java.util.List;

/**
 * Fixture of the cached-checker directed tests: one cached checker library, one mode's tables with three regions
 * whose leaves land in known cache structures, and request builders with an explicit SDID.
 *
 * <ul>
 *   <li>{@link #leafPa} region A, 1 MiB RW at {@code 0xB000_0000}: level-0 TUPLES leaves (Smmpt 64/32 KiB leaves,
 *       v0.1 MTTL1 words) → the leaf array;</li>
 *   <li>{@link #superPa} region B, 32 MiB R (v0.1: RX, it has no R-only PERM) at {@code 0x4000_0000}: one level-1
 *       leaf (Smmpt 32 MiB leaf, v0.1 MTTL2 page entry) → the superpage array;</li>
 *   <li>{@link #napotPa} region C, one NAPOT group RX at {@code 0xB040_0000} (Smmpt only; -1 for v0.1) → the
 *       superpage array. It shares A's 32 MiB block, which A's 64 KiB granularity keeps at level 0 (alone, a
 *       2 MiB-aligned group would become a tuple of a level-1 leaf).</li>
 * </ul>
 * The layout is checked against the golden walk when the fixture is built, so a table-builder change that moves a
 * leaf to another structure fails here with a message instead of silently weakening a test.
 */
final class CacheBench {
    static final long A = 0xB000_0000L;
    static final long B = 0x4000_0000L;
    /** Inside A's 32 MiB block, so that the block needs a level-0 table and C's group becomes a NAPOT leaf there. */
    static final long C = 0xB040_0000L;
    static final int RW = Access.R | Access.W;
    static final int R = Access.R;
    static final int RX = Access.R | Access.X;

    /**
     * The small geometry of the PLRU / full-set / queue-depth tests: 2 sets × 2 ways, 2 superpage entries, 2 walk-cache
     * entries, queue depth 2 (the RV64 both-formats configuration {@code CachedCosimTest} also builds).
     */
    static final WalkerParams SMALL_PARAMS =
            new WalkerParams(64, Formats.BOTH, 56, 6, 8, TupleScope.ANY, false, true, 1);
    static final CacheShape SMALL_SHAPE = new CacheShape(2, 2, 2, 2, 2, true);

    final String name;
    final CheckerLibrary lib;
    final MttMode mode;
    final TableWorld world;
    final long leafPa;
    final long superPa;
    final long napotPa;

    private CacheBench(String name, CheckerLibrary lib, MttMode mode) {
        this.name = name;
        this.lib = lib;
        this.mode = mode;
        boolean v09 = mode.format() == TableFormat.SMMPT_V0_9;
        this.world = TableWorld.build(mode, regions(mode), BuildOptions.DEFAULT);
        this.leafPa = A;
        this.superPa = B;
        this.napotPa = v09 ? C : -1;
        requireLeaf(leafPa, 0, LeafKind.TUPLES, "the leaf array");
        requireLeaf(superPa, 1, null, "the superpage array");
        if (v09) {
            requireLeaf(napotPa, 0, LeafKind.NAPOT, "the superpage array (NAPOT)");
        }
    }

    /**
     * Skips the calling test class when Verilator is missing, unless {@code MTTKIT_REQUIRE_TOOLS=1} (CI) makes that a
     * failure (as the other co-simulation tests do).
     */
    static void requireTools() {
        io.mttkit.tb.ToolGate.requireVerilator();
    }

    /** The PAs whose walks fill (after an empty cache) a leaf-array entry and a superpage entry. */
    List<Long> walkTargets() {
        return List.of(leafPa + 0x3000, superPa + 0x1234000L);
    }

    /** A PA in each cacheable leaf of the fixture: the 64 KiB (32 KiB) leaf, the level-1 leaf, the NAPOT leaf. */
    List<Long> cacheableTargets() {
        return napotPa < 0 ? walkTargets() : List.of(leafPa + 0x3000, superPa + 0x1234000L, napotPa + 0x5000);
    }

    /** The regions of the fixture for {@code mode}. */
    static List<Region> regions(MttMode mode) {
        boolean v09 = mode.format() == TableFormat.SMMPT_V0_9;
        // NAPOT group: RV64 G=4 → 2^(16+5) = 2 MiB, Smmpt34 G=6 → 2^(15+7) = 4 MiB (v0.9 §4 NAPOT)
        long napot = mode.xlen() == 64 ? 2L << 20 : 4L << 20;
        return v09
                ? List.of(new Region(A, 1 << 20, RW), new Region(B, 32L << 20, R), new Region(C, napot, RX))
                : List.of(new Region(A, 1 << 20, RW), new Region(B, 32L << 20, RX));
    }

    /** A shipped configuration ({@code rtl/<name>}) in its first mode. */
    static CacheBench shipped(String name) {
        MttMode mode = switch (name) {
            case "rv64-smmpt" -> MttMode.SMMPT43;
            case "rv32-smmpt" -> MttMode.SMMPT34;
            case "rv64-smmtt" -> MttMode.SMMTT46;
            case "rv32-smmtt" -> MttMode.SMMTT34;
            default -> throw new IllegalArgumentException("no directed-test mode for shipped configuration " + name);
        };
        CheckerLibrary lib = mutant(name);
        if (lib == null) {
            lib = CheckerLibrary.shipped(name);
        }
        if (lib.cache() == null) {
            throw new IllegalStateException(name + " is not a cached checker");
        }
        return new CacheBench(name, lib, mode);
    }

    /**
     * System property naming a mutant of {@link MutantCatalogue} for a shipped cached configuration: the fixtures of
     * that configuration then load the mutated checker instead of the shipped one, to measure which directed tests kill
     * it ({@code docs/notes/cachedirected.md}). Unset: the shipped checker.
     */
    static final String MUTANT_PROPERTY = "mttkit.cachedirected.mutant";

    private static final java.util.Map<String, CheckerLibrary> MUTANTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The mutated checker of {@code config} named by {@link #MUTANT_PROPERTY}, or null (unset / another config). */
    private static CheckerLibrary mutant(String config) {
        String id = System.getProperty(MUTANT_PROPERTY, "");
        if (id.isBlank()) {
            return null;
        }
        Mutant m = MutantCatalogue.byId(id.strip());
        if (!m.config().equals(config)) {
            return null;
        }
        return MUTANTS.computeIfAbsent(id, k -> {
            MutationConfig cfg = MutationConfig.of(config);
            MutationConfig.Generated generated = cfg.sources();
            java.util.Map<String, String> files = MutationRun.apply(m, generated.files());
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mtt-cachedirected-" + id + "-");
                List<java.nio.file.Path> paths = new java.util.ArrayList<>();
                for (java.util.Map.Entry<String, String> f : files.entrySet()) {
                    paths.add(java.nio.file.Files.writeString(dir.resolve(f.getKey()), f.getValue()));
                }
                try {
                    return CheckerLibrary.of(generated.description().withSources(generated.description().top(), paths));
                } finally {
                    // the build cache keeps its own copy of what it needs
                    for (java.nio.file.Path f : paths) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                    java.nio.file.Files.deleteIfExists(dir);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("writing mutant " + id, e);
            }
        });
    }

    /** The small geometry ({@link #SMALL_SHAPE}) in {@code mode}. */
    static CacheBench small(MttMode mode) {
        return new CacheBench("small-2x2/" + mode.id(), Checkers.of(SMALL_PARAMS, SMALL_SHAPE), mode);
    }

    private void requireLeaf(long pa, int level, LeafKind kind, String where) {
        LookupResult r = world.path(pa);
        if (!r.cacheable() || r.level() != level || (kind != null && r.leafKind() != kind)
                || (kind == null && r.leafKind() == LeafKind.NAPOT)) {
            throw new IllegalStateException(String.format("%s fixture: the walk of 0x%x should end in a level-%d %s "
                    + "leaf (cached in %s) but the table builder produced %s", mode, pa, level,
                    kind == null ? "non-NAPOT" : kind, where, r));
        }
    }

    /** The golden walk of {@code pa} in the fixture's tables as they are now. */
    LookupResult path(long pa) {
        return world.path(pa);
    }

    /** A check in the fixture's mode and root with SDID {@code sdid}. */
    CheckRequest check(long pa, int need, int sdid) {
        return check(mode, world.rootPpn(), pa, need, sdid);
    }

    /** A check in the fixture's mode and root with SDID 1. */
    CheckRequest check(long pa, int need) {
        return check(pa, need, 1);
    }

    static CheckRequest check(MttMode mode, long rootPpn, long pa, int need, int sdid) {
        return new CheckRequest(pa, need, mode, CheckRequest.reqMode(mode), rootPpn, sdid, false, false);
    }

    /**
     * Builds a second set of tables for {@code regions} in {@code mode} at {@code base} into the fixture's memory
     * (before a harness is opened: the harness attaches the regions that exist when it starts); returns its root PPN.
     */
    long addTables(MttMode tablesMode, List<Region> regions, long base) {
        BuiltTables t = TableBuilder.build(regions, tablesMode, base, BuildOptions.DEFAULT);
        world.memory().load(t.base(), t.image());
        return t.rootPpn();
    }

    /** A harness over the fixture's memory with {@code settings} and {@code observer} attached. */
    CosimHarness harness(SessionSettings settings, Recorder observer) {
        CosimHarness h = new CosimHarness(lib, world.memory(), settings);
        h.setObserver(observer);
        return h;
    }

    @Override
    public String toString() {
        return name + "/" + mode.id();
    }
}
