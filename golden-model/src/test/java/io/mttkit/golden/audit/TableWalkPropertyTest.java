package io.mttkit.golden.audit;

import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole-table walk against the golden lookup from the root: random overlapping regions, tables built from them
 * and then damaged (random bit flips, entries copied over others so that tables become shared or point at garbage),
 * walked; the pieces must tile the PA space in order, and at the first, last and a random address of every piece a
 * full lookup must decide what the piece says (permission or fault, cause, deciding entry and level).
 *
 * <p>Seeded: {@code -Dmttkit.audit.seed=N}, {@code -Dmttkit.audit.sets=N} (default 6 per mode).
 */
class TableWalkPropertyTest {
    private static final long SEED = Long.getLong("mttkit.audit.seed", 0xA0D17L);
    private static final int SETS = Integer.getInteger("mttkit.audit.sets", 6);

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void theWalkDecidesWhatTheLookupDecides(MttMode mode) {
        int sets = mode == MttMode.SMMTT46 || mode == MttMode.SMMTT56 ? Math.max(1, SETS / 6) : SETS;
        for (int set = 0; set < sets; set++) {
            long seed = SEED * 131 + mode.ordinal() * 7919L + set;
            Random rnd = new Random(seed);
            List<Region> regions = regions(rnd, mode);
            long top = mode.paBits() >= 64 ? -1L : (1L << mode.paBits()) - 1;
            IntendedMap intended = IntendedMap.of(regions, top);
            BuiltTables t = TableBuilder.build(intended.asDisjointRegions(), mode, AuditScenarios.IMAGE_BASE);
            byte[] image = t.image().clone();
            damage(rnd, image, mode, t);
            PhysicalMemory mem = new PhysicalMemory();
            mem.load(t.base(), image);
            LookupConfig config = LookupConfig.DEFAULT.withRsvdTupleScope(
                    rnd.nextBoolean() ? RsvdTupleScope.ANY : RsvdTupleScope.SELECTED);
            check(mode, mem, config, t.rootPpn(), rnd, "seed " + seed + " " + mode.id() + " " + config);
        }
    }

    private static void check(MttMode mode, PhysicalMemory mem, LookupConfig config, long rootPpn, Random rnd,
                              String context) {
        TableWalk walk = new TableWalk(mem, config, mode, rootPpn, false);
        MttLookup lookup = new MttLookup(mem, ImplicitReadCheck.ALLOW_ALL, config);
        LookupResult r = new LookupResult();
        long[] next = {0};
        boolean[] done = {false};
        walk.walk(p -> {
            if (done[0]) {
                fail(context + ": piece after the top " + p);
            }
            assertEquals(next[0], p.first(), context + ": pieces must tile the space, at " + p);
            assertTrue(Long.compareUnsigned(p.first(), p.last()) <= 0, context + ": empty piece " + p);
            if (p.last() == walk.top()) {
                done[0] = true;
            }
            next[0] = p.last() + 1;
            long span = p.last() - p.first();
            long mid = span < 0 || span == Long.MAX_VALUE ? p.first() + (rnd.nextLong() >>> 1)
                    : p.first() + (long) (rnd.nextDouble() * span);
            for (long pa : new long[] {p.first(), p.last(), mid}) {
                lookup.lookup(mode, rootPpn, pa, 0, false, r);
                String where = context + ": PA 0x" + Long.toHexString(pa) + " in " + p + " vs lookup " + r;
                assertEquals(p.cause(), r.cause(), where);
                assertEquals(p.xwr(), r.cause() == Cause.NONE ? r.xwr() : -1, where);
                assertEquals(p.level(), r.level(), where);
                if (r.readCount() > 0) {
                    int k = r.readCount() - 1;
                    long runStart = p.first() & -(1L << walk.entryLog2(p.level()));
                    long entry = p.firstEntry() == p.lastEntry() ? p.firstEntry()
                            : p.firstEntry() + ((pa - runStart) >>> walk.entryLog2(p.level())) * walk.entryBytes();
                    assertEquals(entry, r.readAddr(k), where);
                    assertEquals(p.raw(), r.readValue(k), where);
                }
            }
        });
        assertTrue(done[0], context + ": the pieces stop before the top");
    }

    /** Up to 12 regions of sizes from 4 KiB to 1 GiB, overlapping at random, in the low 16 GiB. */
    private static List<Region> regions(Random rnd, MttMode mode) {
        int[] v01 = {0, 5, 3, 7};
        int[] smmpt = {0, 1, 3, 4, 5, 7};
        long[] sizes = {0x1000, 0x3000, 0x10000, 0x8000, 0x200000, 0x400000, 0x2000000, 0x40000000};
        List<Region> out = new ArrayList<>();
        int n = 1 + rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            long size = sizes[rnd.nextInt(sizes.length)] * (1 + rnd.nextInt(3));
            long align = Long.highestOneBit(size);
            long base = (rnd.nextLong(1L << 34) & -align) & ((1L << 34) - 1);
            if (base + size > (1L << 34)) {
                base = (1L << 34) - size;
            }
            if (rnd.nextInt(3) == 0) {
                base += 0x1000L * rnd.nextInt(16); // misaligned against the leaf sizes
                if (base + size > (1L << 34)) {
                    base -= 0x10000;
                }
            }
            int[] perms = mode.format() == TableFormat.SMMTT_V0_1 ? v01 : smmpt;
            out.add(new Region(base, size, perms[rnd.nextInt(perms.length)]));
        }
        return out;
    }

    /** Flips bits of random entries and copies entries over others, inside the pages the tables use. */
    private static void damage(Random rnd, byte[] image, MttMode mode, BuiltTables t) {
        int entry = mode.entryBytes();
        long start = t.rootAddress() - t.base();
        int words = (int) ((image.length - start) / entry);
        int flips = rnd.nextInt(6);
        for (int i = 0; i < flips; i++) {
            int w = rnd.nextInt(words);
            int bit = rnd.nextInt(8 * entry);
            int at = (int) start + w * entry + bit / 8;
            image[at] ^= (byte) (1 << (bit % 8));
        }
        int copies = rnd.nextInt(4);
        for (int i = 0; i < copies; i++) {
            int from = (int) start + rnd.nextInt(words) * entry;
            int to = (int) start + rnd.nextInt(words) * entry;
            System.arraycopy(image, from, image, to, entry);
        }
    }
}
