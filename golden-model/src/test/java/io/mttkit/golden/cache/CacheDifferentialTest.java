package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.mttkit.golden.cache.CacheFixture.assertReadsAreTail;
import static io.mttkit.golden.cache.CacheFixture.assertSameVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random differential test of the cache model against fresh {@link MttLookup} walks, over several
 * geometries and both formats:
 * <ol>
 *   <li>memory unchanged: every verdict field equals a fresh lookup, hits read nothing, walks read the tail
 *       of the full walk;</li>
 *   <li>random table edits, each followed by the fence the spec requires (a PA fence per changed leaf entry,
 *       a non-PA fence for a non-leaf change, none for an Smmpt V 0→1 change), some as MINVAL batches, and
 *       walks in flight across fences: the same equality, and every walk overlapped by a fence is stale and
 *       fills nothing;</li>
 *   <li>edits without fences: a hit never returns a leaf that was never filled for that domain (safety).</li>
 * </ol>
 */
class CacheDifferentialTest {
    private static final int[] NEEDS = {Access.R, Access.W, Access.X, Access.R | Access.W, Access.R | Access.X,
            Access.R | Access.W | Access.X, 0};

    private record Scenario(String name, MttMode mode, CacheParams params, LookupConfig config, boolean bigEndian,
                            long seed) {
    }

    private static List<Scenario> scenarios() {
        LookupConfig d = LookupConfig.DEFAULT;
        CacheParams d64 = CacheParams.defaults(64);
        CacheParams d32 = CacheParams.defaults(32);
        return List.of(
                new Scenario("smmpt43 default", MttMode.SMMPT43, d64, d, false, 1),
                new Scenario("smmpt52 small selected be", MttMode.SMMPT52,
                        d64.withLeafGeometry(4, 2).withSuperpageEntries(2).withWalkCacheEntries(2).withSdidLen(2),
                        d.withRsvdTupleScope(RsvdTupleScope.SELECTED), true, 2),
                new Scenario("smmpt64 tiny no-walk-cache", MttMode.SMMPT64,
                        d64.withLeafGeometry(1, 1).withSuperpageEntries(1).withWalkCacheEntries(0), d, false, 3),
                new Scenario("smmpt34 rv32 selected", MttMode.SMMPT34, d32,
                        d.withRsvdTupleScope(RsvdTupleScope.SELECTED), false, 4),
                new Scenario("smmtt46 default", MttMode.SMMTT46, d64, d, false, 5),
                new Scenario("smmtt56 onegib selected", MttMode.SMMTT56,
                        d64.withLeafGeometry(8, 2).withWalkCacheEntries(8).withV01OneGigAsOneGiB(true),
                        d.withRsvdTupleScope(RsvdTupleScope.SELECTED).withV01OneGigAsOneGiB(true), false, 6),
                new Scenario("smmtt34 rv32 be", MttMode.SMMTT34, d32.withLeafGeometry(2, 4).withSdidLen(1), d, true,
                        7),
                new Scenario("smmpt43 paw40 deliver no-pa-walk-drop", MttMode.SMMPT43,
                        d64.withFenceDuringWalk(FenceDuringWalk.DELIVER_NO_FILL).withPaFenceDropsWalkCache(false)
                                .withLeafGeometry(32, 8).withMinvalQueueDepth(2),
                        d.withPaw(40), false, 8));
    }

    private int totalChecks;

    @Test
    void cacheAgreesWithFreshLookupsAndStaysSafe() {
        for (Scenario s : scenarios()) {
            new Run(s).run();
        }
        assertTrue(totalChecks >= 50_000, "at least 50k checks, ran " + totalChecks);
    }

    private final class Run {
        final Scenario s;
        final Random rnd;
        final TestTables t;
        final RandomTables gen;
        final MttLookup lookup;
        final MttCacheModel cache;
        final List<CheckContext> domains = new ArrayList<>();
        final List<Long> pool = new ArrayList<>();
        final Set<String> everFilled = new HashSet<>();
        final int width;
        /** Event counts per kind and array, to show the run exercised what it claims to. */
        final java.util.Map<String, Integer> seen = new java.util.TreeMap<>();

        Run(Scenario s) {
            this.s = s;
            rnd = new Random(0x5EED_0000L + s.seed());
            t = new TestTables(s.mode(), 112L << 20);
            t.bigEndian = s.bigEndian();
            gen = new RandomTables(t, rnd, s.params().v01OneGigAsOneGiB());
            lookup = new MttLookup(t.mem, ImplicitReadCheck.ALLOW_ALL, s.config());
            cache = new MttCacheModel(s.params(), lookup);
            width = Math.min(s.mode().paBits(), s.config().paw());
            int nDomains = s.params().sdidLen() == 0 ? 1 : 2;
            for (int i = 0; i < nDomains; i++) {
                int sdid = (i + 1) & s.params().sdidMask();
                domains.add(new CheckContext(sdid, s.mode(), gen.newTable(s.mode().levels() - 1), s.bigEndian()));
            }
        }

        long randomAnchor() {
            // A few clusters: low memory, and high PAs that exercise the upper table indices.
            int bits = width - 27;
            long hi;
            if (bits <= 0) {
                hi = 0;
            } else if (rnd.nextInt(4) == 0) {
                hi = rnd.nextLong() & ((1L << Math.min(bits, 62)) - 1);
            } else {
                hi = rnd.nextInt(4) & ((1L << Math.min(bits, 62)) - 1);
            }
            if (s.mode() == MttMode.SMMTT56) {
                hi &= (1L << 19) | 0xFF; // at most two MTTL3 indices: 16 MiB MTTL2 tables are expensive
            }
            return hi << 27;
        }

        void run() {
            List<Long> anchors = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                anchors.add(randomAnchor());
            }
            for (int i = 0; i < 96; i++) {
                long a = anchors.get(rnd.nextInt(anchors.size()));
                long off = rnd.nextBoolean() ? rnd.nextInt(1 << 22) : rnd.nextInt(1 << 27);
                pool.add((a + off) & -4096L);
            }
            for (CheckContext d : domains) {
                for (long pa : pool) {
                    gen.populate(d.rootPpn(), pa);
                }
            }
            // 1. Memory unchanged.
            for (int i = 0; i < 3000; i++) {
                checkAgainstFresh("unchanged #" + i);
            }
            // 2. Edits with the required fences, and walks in flight across them.
            for (int i = 0; i < 3000; i++) {
                int r = rnd.nextInt(100);
                if (r < 8) {
                    editAndFence(true);
                } else if (r < 14) {
                    walkAcrossFence("in-flight #" + i);
                } else {
                    checkAgainstFresh("fenced edits #" + i);
                }
            }
            // 3. Edits without fences: safety only.
            for (int i = 0; i < 1200; i++) {
                if (rnd.nextInt(100) < 10) {
                    editAndFence(false);
                } else {
                    checkSafe("unfenced #" + i);
                }
            }
            // 4. A global fence makes the cache exact again.
            cache.mfencePa(Invalidation.all());
            for (int i = 0; i < 800; i++) {
                checkAgainstFresh("after global fence #" + i);
            }
            String stats = s.name() + " " + seen;
            for (String must : List.of("HIT LEAF", "HIT SUPERPAGE", "FILL LEAF", "FILL SUPERPAGE", "EVICT SUPERPAGE",
                    "INVALIDATE LEAF", "INVALIDATE SUPERPAGE", "stale", "allow", "PERM_DENY", "MPTE_RSVD_ENC")) {
                assertTrue(seen.getOrDefault(must, 0) > 0, "the run never saw " + must + ": " + stats);
            }
            if (s.params().leafSets() * s.params().leafWays() <= 16) {
                assertTrue(seen.getOrDefault("EVICT LEAF", 0) > 0, stats);
            }
            if (s.params().walkCacheEntries() > 0) {
                assertTrue(seen.getOrDefault("WALK_HIT WALK", 0) > 0, stats);
                assertTrue(seen.getOrDefault("FILL WALK", 0) > 0, stats);
            }
        }

        void count(CheckOutcome o) {
            for (CacheEvent e : o.events()) {
                seen.merge(e.kind() + " " + e.array(), 1, Integer::sum);
            }
            seen.merge(o.allow() ? "allow" : o.cause().name(), 1, Integer::sum);
            if (o.stale()) {
                seen.merge("stale", 1, Integer::sum);
            }
        }

        void count(List<CacheEvent> events) {
            for (CacheEvent e : events) {
                seen.merge(e.kind() + " " + e.array(), 1, Integer::sum);
            }
        }

        CheckContext domain() {
            return domains.get(rnd.nextInt(domains.size()));
        }

        long pa() {
            if (rnd.nextInt(50) == 0 && width < 64) {
                return pool.get(rnd.nextInt(pool.size())) | (1L << (width + rnd.nextInt(64 - width)));
            }
            long base = pool.get(rnd.nextInt(pool.size()));
            return switch (rnd.nextInt(3)) {
                case 0 -> base;
                case 1 -> base + rnd.nextInt(1 << 16);
                default -> (base & -(1L << 21)) + rnd.nextInt(1 << 21);
            };
        }

        void checkAgainstFresh(String what) {
            CheckContext ctx = domain();
            long pa = pa();
            int need = NEEDS[rnd.nextInt(NEEDS.length)];
            LookupResult fresh = lookup.lookup(ctx.mode(), ctx.rootPpn(), pa, need, ctx.bigEndian(),
                    new LookupResult());
            CheckOutcome o = cache.check(ctx, pa, need);
            String tag = s.name() + " " + what + " sdid=" + ctx.sdid() + " pa=0x" + Long.toHexString(pa) + " need="
                    + need + "\n" + cache;
            assertSameVerdict(fresh, o, tag);
            assertReadsAreTail(fresh, o, s.mode().levels() - 1, tag);
            if (o.hit()) {
                assertFilledBefore(ctx, o, tag);
            }
            recordFills(ctx, o);
            totalChecks++;
        }

        void checkSafe(String what) {
            CheckContext ctx = domain();
            long pa = pa();
            int need = NEEDS[rnd.nextInt(NEEDS.length)];
            CheckOutcome o = cache.check(ctx, pa, need);
            String tag = s.name() + " " + what + " pa=0x" + Long.toHexString(pa);
            if (o.hit()) {
                assertFilledBefore(ctx, o, tag);
            }
            recordFills(ctx, o);
            totalChecks++;
        }

        /** A walk begins, software edits and fences while it is in flight, then the walk finishes. */
        void walkAcrossFence(String what) {
            CheckContext ctx = domain();
            long pa = pa();
            int need = NEEDS[rnd.nextInt(NEEDS.length)];
            Optional<CheckOutcome> front = cache.probe(ctx, pa, need);
            totalChecks++;
            if (front.isPresent()) {
                count(front.get());
                if (front.get().hit()) {
                    assertFilledBefore(ctx, front.get(), what);
                }
                return;
            }
            LookupResult freshAtStart = lookup.lookup(ctx.mode(), ctx.rootPpn(), pa, need, ctx.bigEndian(),
                    new LookupResult());
            PendingWalk w = cache.beginMiss(ctx, pa, need);
            long epoch = cache.epoch();
            editAndFence(true);
            boolean fenced = cache.epoch() != epoch;
            CheckOutcome o = cache.finishMiss(w, false);
            String tag = s.name() + " " + what + " pa=0x" + Long.toHexString(pa);
            assertEquals(fenced, o.stale(), tag);
            assertEquals(fenced && s.params().fenceDuringWalk() == FenceDuringWalk.RETRY, o.mustRetry(), tag);
            if (fenced) {
                assertTrue(o.events().isEmpty(), "a stale walk fills nothing: " + tag + " " + o);
            }
            // The verdict is the one the walk read when it started.
            assertEquals(freshAtStart.allow(), o.allow(), tag);
            assertEquals(freshAtStart.cause(), o.cause(), tag);
            recordFills(ctx, o);
        }

        /** Rewrites one entry on the walk of a pool PA, then (if {@code fence}) fences as the spec requires. */
        void editAndFence(boolean fence) {
            CheckContext ctx = domain();
            long pa = pool.get(rnd.nextInt(pool.size()));
            LookupResult walk = lookup.lookup(ctx.mode(), ctx.rootPpn(), pa, 0, ctx.bigEndian(), new LookupResult());
            if (walk.readCount() == 0 || walk.readFailed(walk.readCount() - 1) && walk.readCount() == 1) {
                return;
            }
            int i = rnd.nextInt(walk.readCount());
            if (walk.readFailed(i)) {
                return;
            }
            int level = s.mode().levels() - 1 - i;
            long addr = walk.readAddr(i);
            long tablePpn = (addr - t.index(level, pa) * s.mode().entryBytes()) >>> 12;
            int before = gen.log.size();
            gen.currentRoot = ctx.rootPpn();
            gen.writeRandom(tablePpn, level, pa, rnd.nextInt(4) == 0 && level != 2);
            List<RandomTables.Write> writes = gen.log.subList(before, gen.log.size());
            if (!fence || writes.isEmpty()) {
                return;
            }
            boolean nonLeaf = false;
            boolean allInvalidBefore = true;
            for (RandomTables.Write w : writes) {
                nonLeaf |= gen.isNonLeaf(w.level(), w.oldValue()) || gen.isNonLeaf(w.level(), w.newValue());
                allInvalidBefore &= gen.isInvalid(w.oldValue());
            }
            if (allInvalidBefore && rnd.nextBoolean()) {
                return; // Smmpt: V 0→1 (or 0→0) needs no fence — invalid entries are never cached
            }
            boolean bySdid = rnd.nextBoolean();
            List<Invalidation> invs = new ArrayList<>();
            if (nonLeaf) {
                invs.add(bySdid ? Invalidation.ofSdid(ctx.sdid() | (rnd.nextLong() << 6)) : Invalidation.all());
            } else {
                for (RandomTables.Write w : writes) {
                    int shift = t.entryShift(w.level());
                    long inEntry = w.paInEntry() & -(1L << shift) | (rnd.nextLong() & ((1L << shift) - 1));
                    invs.add(bySdid ? Invalidation.ofPaAndSdid(inEntry, ctx.sdid()) : Invalidation.ofPa(inEntry));
                }
            }
            if (rnd.nextBoolean()) {
                for (Invalidation inv : invs) {
                    count(cache.mfencePa(inv));
                }
            } else {
                cache.sfenceWInval();
                for (Invalidation inv : invs) {
                    while (!cache.minval(inv)) {
                        count(cache.applyNextQueued()); // backpressure: the RTL drains the queue
                    }
                    if (rnd.nextInt(4) == 0) {
                        count(cache.applyNextQueued());
                    }
                }
                count(cache.sync());
            }
        }

        void recordFills(CheckContext ctx, CheckOutcome o) {
            count(o);
            boolean filled = o.events().stream().anyMatch(e -> e.kind() == Kind.FILL && e.array() != ArrayId.WALK);
            if (filled) {
                everFilled.add(key(ctx.sdid(), o.result()));
            }
        }

        void assertFilledBefore(CheckContext ctx, CheckOutcome o, String tag) {
            assertEquals(0, o.result().readCount());
            assertTrue(everFilled.contains(key(ctx.sdid(), o.result())),
                    "a hit answered from a leaf never filled for sdid " + ctx.sdid() + ": " + tag + " " + o);
            assertFalse(o.result().leafKind() == null);
        }

        String key(int sdid, LookupResult r) {
            LeafKind k = r.leafKind();
            return sdid + "|" + r.level() + "|" + k + "|" + Long.toHexString(r.leafBase()) + "|" + r.leafLog2() + "|"
                    + r.tupleLog2() + "|" + Long.toHexString(r.packedTuples());
        }
    }
}
