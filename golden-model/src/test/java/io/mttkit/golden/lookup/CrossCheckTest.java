package io.mttkit.golden.lookup;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent cross-check: {@link MttLookup} against {@link BitStringReference} on 100 000 seeded random
 * walks per mode. Each walk's entries are drawn at random along the reference's own path (biased towards
 * well-formed entries so that walks go deep), with random PMP denials, unmapped entries, big-endian
 * memory and four configurations. The test also checks that every cause the format can produce occurred
 * often, so it cannot pass vacuously.
 */
class CrossCheckTest {
    private static final int SAMPLES = 100_000;

    /** Entry-keyed memory both implementations read: address → raw little-endian value. */
    private static final class MapMemory implements MpteReader {
        final Map<Long, Long> words = new HashMap<>();
        final int size;

        MapMemory(int size) {
            this.size = size;
        }

        @Override
        public boolean canRead(long addr, int s) {
            return s == size && words.containsKey(addr);
        }

        @Override
        public long read(long addr, int s, boolean bigEndian) {
            long raw = words.get(addr);
            if (!bigEndian) {
                return raw;
            }
            return s == 8 ? Long.reverseBytes(raw) : Integer.reverseBytes((int) raw) & 0xFFFF_FFFFL;
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMTT34", "SMMTT46", "SMMTT56", "SMMPT34", "SMMPT43", "SMMPT52",
            "SMMPT64"})
    void mttLookupAgreesWithBitStringReference(MttMode m) {
        Random rnd = new Random(0x5EED_0000L + m.ordinal());
        int size = m.xlen() / 8;
        MapMemory mem = new MapMemory(size);
        Set<Long> denied = new HashSet<>();
        LookupConfig[] configs = {
            LookupConfig.DEFAULT,
            LookupConfig.DEFAULT.withRsvdTupleScope(RsvdTupleScope.SELECTED),
            LookupConfig.DEFAULT.withPaw(Math.max(20, Math.min(m.paBits(), 64) - 6)),
            LookupConfig.DEFAULT.withV01OneGigAsOneGiB(true).withPaw(40),
        };
        MttLookup[] impls = new MttLookup[configs.length];
        BitStringReference[] refs = new BitStringReference[configs.length];
        for (int k = 0; k < configs.length; k++) {
            impls[k] = new MttLookup(mem, (a, s) -> !denied.contains(a), configs[k]);
            refs[k] = new BitStringReference(m, configs[k], mem.words, denied);
        }
        Map<Cause, Integer> causes = new EnumMap<>(Cause.class);
        int[] leafLevels = new int[m.levels()];
        LookupResult out = new LookupResult();
        for (int n = 0; n < SAMPLES; n++) {
            mem.words.clear();
            denied.clear();
            int k = rnd.nextInt(configs.length);
            boolean be = rnd.nextInt(4) == 0;
            long pa = randomPa(rnd, m, configs[k].paw());
            long root = randomPpn(rnd, m);
            int need = 1 + rnd.nextInt(7);
            populate(rnd, m, refs[k], mem, denied, root, pa, be);

            BitStringReference.Outcome want = refs[k].walk(root, pa, need, be);
            LookupResult got = impls[k].lookup(m, root, pa, need, be, out);
            String ctx = m.id() + " sample " + n + " pa=0x" + Long.toHexString(pa) + " root=0x" + Long.toHexString(root)
                    + " cfg=" + configs[k] + " be=" + be + "\n got " + got;
            assertEquals(want.cause, got.cause(), ctx);
            assertEquals(want.allow(), got.allow(), ctx);
            assertEquals(want.level, got.level(), ctx);
            assertEquals(want.xwr, got.xwr(), ctx);
            assertEquals(want.cacheable, got.cacheable(), ctx);
            assertEquals(want.reads.size(), got.readCount(), ctx);
            for (int i = 0; i < got.readCount(); i++) {
                String r = String.format("%x/%d=%x%s", got.readAddr(i), got.readSize(i), got.readValue(i),
                        got.readFailed(i) ? "!" : "");
                assertEquals(want.reads.get(i), r, ctx);
            }
            assertEquals(want.pointers.size(), got.pointerCount(), ctx);
            for (int i = 0; i < got.pointerCount(); i++) {
                assertEquals(want.pointers.get(i), got.pointerLevel(i) + ":" + Long.toHexString(got.pointerNextPpn(i)),
                        ctx);
            }
            assertEquals(want.leafKind, got.leafKind() == null ? null : got.leafKind().name(), ctx);
            if (want.leafKind != null) {
                assertEquals(want.leafLog2, got.leafLog2(), ctx);
                assertEquals(want.uniformLog2, got.uniformLog2(), ctx);
                assertEquals(want.leafBase, got.leafBase(), ctx);
                assertEquals(want.tupleCount, got.tupleCount(), ctx);
                assertEquals(want.tupleLog2, got.tupleLog2(), ctx);
                assertEquals(want.packed, got.packedTuples(), ctx);
                leafLevels[want.level]++;
            }
            causes.merge(want.cause, 1, Integer::sum);
        }
        // Non-vacuity: every cause this format can produce was exercised, and leaves at every level.
        Set<Cause> expected = new HashSet<>(Set.of(Cause.values()));
        if (m.name().startsWith("SMMTT")) {
            expected.removeAll(Set.of(Cause.MPTE_INVALID, Cause.NAPOT_G_BAD, Cause.NONLEAF_AT_L0));
        }
        if (m == MttMode.SMMPT64) {
            // Smmpt64 covers the whole PA; only a smaller paw can make a PA out of range.
            assertTrue(causes.getOrDefault(Cause.PA_RANGE, 0) > 0, causes::toString);
        }
        for (Cause c : expected) {
            assertTrue(causes.getOrDefault(c, 0) >= 100, () -> m.id() + " exercised " + causes);
        }
        for (int level = 0; level < m.levels(); level++) {
            int lv = level;
            // v0.1 MTTL3 (level 2) is never a leaf.
            if (!(m == MttMode.SMMTT56 && level == 2)) {
                assertTrue(leafLevels[level] >= 100, () -> m.id() + " leaves at level " + lv + ": " + leafLevels[lv]);
            }
        }
    }

    private static long randomPa(Random rnd, MttMode m, int paw) {
        int w = Math.min(m.paBits(), paw);
        long mask = w == 64 ? -1L : (1L << w) - 1;
        return switch (rnd.nextInt(20)) {
            case 0 -> rnd.nextLong();                              // usually out of range
            case 1 -> mask;                                        // all ones below the width
            case 2 -> (w == 64 ? 0 : 1L << w) | (rnd.nextLong() & mask); // first bit above
            default -> rnd.nextLong() & mask & (rnd.nextBoolean() ? -1L : (1L << (12 + rnd.nextInt(w - 12))) - 1);
        };
    }

    private static long randomPpn(Random rnd, MttMode m) {
        int ppnBits = m.xlen() == 32 ? 22 : 44;
        long v = rnd.nextInt(8) == 0 ? rnd.nextLong() : rnd.nextInt(1 << 20);
        return v & ((1L << ppnBits) - 1);
    }

    /** Draws the entries along the walk's path, following the reference's own addressing and decoding. */
    private static void populate(Random rnd, MttMode m, BitStringReference ref, MapMemory mem, Set<Long> denied,
                                 long root, long pa, boolean be) {
        long table = root;
        for (int level = m.levels() - 1; level >= 0; level--) {
            BigInteger addrBig = ref.entryAddress(table, pa, level);
            long addr = addrBig.longValue();
            int roll = rnd.nextInt(100);
            if (roll < 2) {
                denied.add(addr);
            }
            if (roll >= 2 && roll < 5) {
                return; // unmapped: bus error
            }
            long value = m.name().startsWith("SMMPT") ? smmptEntry(rnd, m, level) : smmttEntry(rnd, m, level);
            if (rnd.nextInt(12) == 0) {
                value ^= 1L << rnd.nextInt(m.xlen()); // a single flipped bit anywhere
            }
            if (m.xlen() == 32) {
                value &= 0xFFFF_FFFFL;
            }
            long raw = be ? (m.xlen() == 64 ? Long.reverseBytes(value) : Integer.reverseBytes((int) value) & 0xFFFF_FFFFL)
                    : value;
            mem.words.put(addr, raw);
            Long next = nextTable(m, value, level);
            if (next == null) {
                return;
            }
            table = next;
        }
    }

    /** The next-table PPN if {@code value} is a well-formed pointer at {@code level} (generator's view). */
    private static Long nextTable(MttMode m, long value, int level) {
        boolean rv32 = m.xlen() == 32;
        if (m.name().startsWith("SMMPT")) {
            if ((value & 7) != 1 || level == 0) {
                return null;
            }
            return (value >>> 10) & (rv32 ? 0x3F_FFFFL : (1L << 44) - 1);
        }
        if (level == 2) {
            return value & ((1L << 44) - 1);
        }
        if (level == 1) {
            long type = rv32 ? (value >>> 22) & 7 : (value >>> 44) & 7;
            return type == 4 ? value & (rv32 ? 0x3F_FFFFL : (1L << 44) - 1) : null;
        }
        return null;
    }

    private static long smallPpn(Random rnd, MttMode m) {
        int ppnBits = m.xlen() == 32 ? 22 : 44;
        long v = rnd.nextInt(10) == 0 ? rnd.nextLong() : rnd.nextInt(1 << 22);
        return v & ((1L << ppnBits) - 1);
    }

    private static long smmptEntry(Random rnd, MttMode m, int level) {
        boolean rv32 = m.xlen() == 32;
        int tuples = rv32 ? 8 : 16;
        int roll = rnd.nextInt(100);
        if (roll < (level > 0 ? 55 : 6)) {
            return 1L | (smallPpn(rnd, m) << 10); // pointer
        }
        if (roll < 70) {
            long v = 0b011;
            boolean allLegal = rnd.nextInt(3) > 0;
            int[] legal = {0, 1, 3, 4, 5, 7};
            int pattern = rnd.nextInt(3);
            int base = legal[rnd.nextInt(legal.length)];
            for (int t = 0; t < tuples; t++) {
                int x = allLegal ? (pattern == 0 ? base : pattern == 1 && t % 4 != 0 ? base
                        : legal[rnd.nextInt(legal.length)]) : rnd.nextInt(8);
                v |= (long) x << (8 + 3 * t);
            }
            return v;
        }
        if (roll < 85) {
            int g = rnd.nextInt(4) > 0 ? (rv32 ? 6 : 4) : rnd.nextInt(16);
            int x = rnd.nextInt(8);
            return 0b111L | ((long) x << 8) | ((long) g << 12);
        }
        if (roll < 93) {
            return rnd.nextLong() & ~1L; // V=0 garbage
        }
        return rnd.nextLong();
    }

    private static long smmttEntry(Random rnd, MttMode m, int level) {
        boolean rv32 = m.xlen() == 32;
        int roll = rnd.nextInt(100);
        if (level == 2) {
            return roll < 90 ? smallPpn(rnd, m) : rnd.nextLong();
        }
        if (level == 1) {
            int type;
            long info;
            if (roll < 45) {
                type = 4;
                info = smallPpn(rnd, m);
            } else if (roll < 65) {
                type = rnd.nextInt(4);
                info = rnd.nextInt(8) == 0 ? 1L << rnd.nextInt(rv32 ? 22 : 44) : 0;
            } else if (roll < 88) {
                type = rv32 ? 5 : 6;
                info = rnd.nextLong() & (rv32 ? 0xFFFFL : 0xFFFF_FFFFL);
                if (rnd.nextInt(4) == 0) {
                    info = (info & ~0x5555L) | (rnd.nextBoolean() ? 0 : 0xFF);
                }
            } else if (roll < 95) {
                type = rnd.nextInt(8);
                info = rnd.nextLong() & (rv32 ? 0x3F_FFFFL : (1L << 44) - 1);
            } else {
                return rnd.nextLong();
            }
            return rv32 ? info | ((long) type << 22) : info | ((long) type << 44);
        }
        long word = 0;
        int nibbles = m.xlen() / 4;
        boolean clean = roll < 75;
        int base = rnd.nextInt(4);
        for (int t = 0; t < nibbles; t++) {
            int perm = rnd.nextInt(3) == 0 ? rnd.nextInt(4) : base;
            word |= (long) (clean ? perm : rnd.nextInt(16)) << (4 * t);
        }
        if (!clean && rnd.nextBoolean()) {
            word &= 0x3333_3333_3333_3333L;
            word |= 4L << (4 * rnd.nextInt(nibbles));
        }
        return word;
    }
}
