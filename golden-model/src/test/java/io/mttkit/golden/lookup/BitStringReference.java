package io.mttkit.golden.lookup;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately different second implementation of both lookups, for cross-checking: every value is a
 * most-significant-bit-first bit string and every field is cut out of it by the bit numbers of the spec
 * figures; addresses are computed with {@link BigInteger}; the uniform region is found by brute force
 * from the top down. Slow and plain on purpose.
 */
final class BitStringReference {

    /** Everything the reference decides, in comparable form. */
    static final class Outcome {
        Cause cause = Cause.NONE;
        int xwr = -1;
        int level;
        int leafLog2;
        int uniformLog2;
        long leafBase;
        boolean cacheable;
        String leafKind;
        int tupleCount;
        int tupleLog2;
        long packed;
        final List<String> reads = new ArrayList<>();
        final List<String> pointers = new ArrayList<>();

        boolean allow() {
            return cause == Cause.NONE;
        }
    }

    private final MttMode m;
    private final LookupConfig c;
    private final Map<Long, Long> memory; // entry address → raw little-endian value of entry size
    private final Set<Long> pmpDenied;

    BitStringReference(MttMode m, LookupConfig c, Map<Long, Long> memory, Set<Long> pmpDenied) {
        this.m = m;
        this.c = c;
        this.memory = memory;
        this.pmpDenied = pmpDenied;
    }

    // ---- bit strings -------------------------------------------------------------------------------------

    static String bits(long v, int width) {
        StringBuilder sb = new StringBuilder(width);
        for (int b = width - 1; b >= 0; b--) {
            sb.append(((v >>> b) & 1) == 1 ? '1' : '0');
        }
        return sb.toString();
    }

    /** Bits hi..lo (inclusive) of an MSB-first string of width s.length(). */
    static String cut(String s, int hi, int lo) {
        int w = s.length();
        return s.substring(w - 1 - hi, w - lo);
    }

    static long val(String s) {
        return s.isEmpty() ? 0 : new BigInteger(s, 2).longValue();
    }

    static long slice(String s, int hi, int lo) {
        return val(cut(s, hi, lo));
    }

    static boolean anyOne(String s) {
        return s.indexOf('1') >= 0;
    }

    /** Byte-reverses a bit string (big-endian memory read of the same bytes). */
    static String swapBytes(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = s.length() - 8; i >= 0; i -= 8) {
            sb.append(s, i, i + 8);
        }
        return sb.toString();
    }

    // ---- the PA fields of the figures -------------------------------------------------------------------

    private boolean smmpt() {
        return m.name().startsWith("SMMPT");
    }

    private int entryBits() {
        return m.xlen();
    }

    /** {hi, lo} of the index at each level, from the PA figures (v0.1 per SPEC-DECISIONS #1). */
    private int[] indexBits(int level) {
        int[][] t = switch (m) {
            case SMMPT34 -> new int[][] {{24, 15}, {33, 25}};
            case SMMPT43 -> new int[][] {{24, 16}, {33, 25}, {42, 34}};
            case SMMPT52 -> new int[][] {{24, 16}, {33, 25}, {42, 34}, {51, 43}};
            case SMMPT64 -> new int[][] {{24, 16}, {33, 25}, {42, 34}, {51, 43}, {63, 52}};
            case SMMTT34 -> new int[][] {{24, 15}, {33, 25}};
            case SMMTT46 -> new int[][] {{24, 16}, {45, 25}};
            case SMMTT56 -> new int[][] {{24, 16}, {45, 25}, {55, 46}};
            default -> throw new IllegalArgumentException();
        };
        return t[level];
    }

    // ---- the walk ----------------------------------------------------------------------------------------

    /** Entry address as BigInteger: table base + index × entry size. */
    BigInteger entryAddress(long tablePpn, long pa, int level) {
        String paS = bits(pa, 64);
        int[] f = indexBits(level);
        BigInteger index = new BigInteger("0" + cut(paS, f[0], f[1]), 2);
        return BigInteger.valueOf(tablePpn).shiftLeft(12).add(index.multiply(BigInteger.valueOf(entryBits() / 8)));
    }

    Outcome walk(long rootPpn, long pa, int need, boolean bigEndian) {
        Outcome o = new Outcome();
        String paS = bits(pa, 64);
        int width = Math.min(m.paBits(), c.paw());
        if (width < 64 && anyOne(cut(paS, 63, width))) {
            o.cause = Cause.PA_RANGE;
            o.level = m.levels() - 1;
            return o;
        }
        long table = rootPpn;
        for (int level = m.levels() - 1; ; ) {
            BigInteger addrBig = entryAddress(table, pa, level);
            long addr = addrBig.longValue();
            int size = entryBits() / 8;
            if (pmpDenied.contains(addr)) {
                return fault(o, Cause.WALK_PMP, level);
            }
            if (addrBig.bitLength() > c.paw()) {
                return fault(o, Cause.WALK_BUS_ERROR, level);
            }
            Long raw = memory.get(addr);
            if (raw == null) {
                o.reads.add(read(addr, size, 0, true));
                return fault(o, Cause.WALK_BUS_ERROR, level);
            }
            String e = bits(raw, entryBits());
            if (bigEndian) {
                e = swapBytes(e);
            }
            o.reads.add(read(addr, size, val(e), false));
            long next = smmpt() ? smmptEntry(o, e, pa, level, need) : smmttEntry(o, e, pa, level, need);
            if (next < 0) {
                return o;
            }
            table = next;
            level--;
        }
    }

    private static String read(long addr, int size, long value, boolean failed) {
        return String.format("%x/%d=%x%s", addr, size, value, failed ? "!" : "");
    }

    private static Outcome fault(Outcome o, Cause cause, int level) {
        o.cause = cause;
        o.level = level;
        return o;
    }

    private static boolean reservedXwr(long xwr) {
        return xwr == 0b010 || xwr == 0b110;
    }

    /** Smmpt ch. 4 steps 3–7 on one MPTE; returns the next table PPN, or −1 when the walk ended. */
    private long smmptEntry(Outcome o, String e, long pa, int i, int need) {
        boolean rv32 = m.xlen() == 32;
        long v = slice(e, 0, 0);
        long l = slice(e, 1, 1);
        long n = slice(e, 2, 2);
        if (v == 0) {
            fault(o, Cause.MPTE_INVALID, i);
            return -1;
        }
        if (l == 0) {
            String rsvd = cut(e, 9, 3) + (rv32 ? "" : cut(e, 63, 54));
            if (anyOne(rsvd)) {
                fault(o, Cause.MPTE_RSVD_BITS, i);
                return -1;
            }
            if (n == 1) {
                fault(o, Cause.MPTE_RSVD_ENC, i);
                return -1;
            }
            if (i == 0) {
                fault(o, Cause.NONLEAF_AT_L0, i);
                return -1;
            }
            long ppn = rv32 ? slice(e, 31, 10) : slice(e, 53, 10);
            o.pointers.add(i + ":" + Long.toHexString(ppn));
            return ppn;
        }
        String paS = bits(pa, 64);
        int rangeLog2 = indexBits(i)[1];
        int numPg = rv32 ? 3 : 4;
        if (n == 0) {
            String rsvd = cut(e, 7, 3) + (rv32 ? "" : cut(e, 63, 56));
            if (anyOne(rsvd)) {
                fault(o, Cause.MPTE_RSVD_BITS, i);
                return -1;
            }
            int count = 1 << numPg;
            long[] xwr = new long[count];
            for (int t = 0; t < count; t++) {
                xwr[t] = slice(e, 8 + 3 * t + 2, 8 + 3 * t);
            }
            // pi: the NUMPGINRANGE most significant bits of pn[i-1], or of the range offset for i = 0.
            String source = i > 0 ? cut(paS, indexBits(i - 1)[0], indexBits(i - 1)[1]) : cut(paS, indexBits(0)[1] - 1, 0);
            int pi = (int) val(source.substring(0, numPg));
            for (int t = 0; t < count; t++) {
                if ((c.rsvdTupleScope() == RsvdTupleScope.ANY || t == pi) && reservedXwr(xwr[t])) {
                    fault(o, Cause.MPTE_RSVD_ENC, i);
                    return -1;
                }
            }
            leaf(o, "TUPLES", i, pa, rangeLog2, rangeLog2 - numPg, xwr, pi, need);
            return -1;
        }
        String rsvd = cut(e, 7, 3) + cut(e, 11, 11) + cut(e, entryBits() - 1, 16);
        if (anyOne(rsvd)) {
            fault(o, Cause.MPTE_RSVD_BITS, i);
            return -1;
        }
        long xwr = slice(e, 10, 8);
        if (reservedXwr(xwr)) {
            fault(o, Cause.MPTE_RSVD_ENC, i);
            return -1;
        }
        long g = slice(e, 15, 12);
        boolean legal = rv32 ? g == 6 : g == 4; // "encodings 0-5 and 7-15" / "0-3 and 5-15" are reserved
        if (!legal) {
            fault(o, Cause.NAPOT_G_BAD, i);
            return -1;
        }
        int log2 = rangeLog2 + (int) g + 1;
        leaf(o, "NAPOT", i, pa, log2, log2, new long[] {xwr}, 0, need);
        return -1;
    }

    /** v0.1 PERM → XWR: 00 none, 01 RX (X=1 W=0 R=1), 10 RW, 11 RWX. */
    private static long permXwr(String perm) {
        return switch (perm) {
            case "00" -> 0b000;
            case "01" -> 0b101;
            case "10" -> 0b011;
            default -> 0b111;
        };
    }

    /** v0.1 ch. 4 steps 3–7 on one entry; returns the next table PPN, or −1 when the walk ended. */
    private long smmttEntry(Outcome o, String e, long pa, int level, int need) {
        boolean rv32 = m.xlen() == 32;
        String paS = bits(pa, 64);
        if (level == 2) {
            if (anyOne(cut(e, 63, 44))) {
                fault(o, Cause.MPTE_RSVD_BITS, level);
                return -1;
            }
            long ppn = slice(e, 43, 0);
            o.pointers.add("2:" + Long.toHexString(ppn));
            return ppn;
        }
        if (level == 1) {
            String zero = rv32 ? cut(e, 31, 25) : cut(e, 63, 47);
            String type = rv32 ? cut(e, 24, 22) : cut(e, 46, 44);
            String info = rv32 ? cut(e, 21, 0) : cut(e, 43, 0);
            if (anyOne(zero)) {
                fault(o, Cause.MPTE_RSVD_BITS, level);
                return -1;
            }
            if (type.equals("111") || (type.equals("101") && !rv32) || (type.equals("110") && rv32)) {
                fault(o, Cause.MPTE_RSVD_ENC, level);
                return -1;
            }
            if (type.equals("100")) {
                long ppn = val(info);
                o.pointers.add("1:" + Long.toHexString(ppn));
                return ppn;
            }
            if (type.charAt(0) == '0') {
                if (anyOne(info)) {
                    fault(o, Cause.MPTE_RSVD_ENC, level);
                    return -1;
                }
                int log2 = c.v01OneGigAsOneGiB() ? 30 : 25;
                leaf(o, "UNIFORM", level, pa, log2, log2, new long[] {permXwr(type.substring(1))}, 0, need);
                return -1;
            }
            // 2M_PAGES (RV64): INFO[31:0] PERM, INFO[43:32] zero. 4M_PAGES (RV32): INFO[15:0], INFO[21:16] zero.
            int count = rv32 ? 8 : 16;
            String reserved = rv32 ? cut(info, 21, 16) : cut(info, 43, 32);
            if (anyOne(reserved)) {
                fault(o, Cause.MPTE_RSVD_ENC, level);
                return -1;
            }
            long[] xwr = new long[count];
            for (int t = 0; t < count; t++) {
                xwr[t] = permXwr(cut(info, 2 * t + 1, 2 * t));
            }
            int tupleLog2 = rv32 ? 22 : 21;
            int pi = (int) slice(paS, 24, tupleLog2);
            leaf(o, "TUPLES", level, pa, 25, tupleLog2, xwr, pi, need);
            return -1;
        }
        int count = m.xlen() / 4;
        int pi = (int) slice(paS, rv32 ? 14 : 15, 12); // pa.pn[0]
        long[] xwr = new long[count];
        for (int t = 0; t < count; t++) {
            String nibble = cut(e, 4 * t + 3, 4 * t);
            if ((c.rsvdTupleScope() == RsvdTupleScope.ANY || t == pi) && anyOne(nibble.substring(0, 2))) {
                fault(o, Cause.MPTE_RSVD_ENC, level);
                return -1;
            }
            xwr[t] = permXwr(nibble.substring(2));
        }
        leaf(o, "TUPLES", level, pa, rv32 ? 15 : 16, 12, xwr, pi, need);
        return -1;
    }

    private void leaf(Outcome o, String kind, int level, long pa, int leafLog2, int tupleLog2, long[] xwr, int pi,
                      int need) {
        o.level = level;
        o.leafKind = kind;
        o.leafLog2 = leafLog2;
        o.tupleLog2 = tupleLog2;
        o.tupleCount = xwr.length;
        o.xwr = (int) xwr[pi];
        o.cacheable = true;
        BigInteger mask = BigInteger.ONE.shiftLeft(leafLog2).subtract(BigInteger.ONE).not();
        o.leafBase = new BigInteger(Long.toUnsignedString(pa)).and(mask).longValue();
        long packed = 0;
        for (int t = 0; t < xwr.length; t++) {
            packed += xwr[t] * (1L << (3 * t));
        }
        o.packed = packed;
        // Largest aligned 2^k block (k from leafLog2 down to tupleLog2) in which every tuple equals XWR[pi].
        o.uniformLog2 = tupleLog2;
        for (int k = leafLog2; k >= tupleLog2; k--) {
            int per = 1 << (k - tupleLog2);
            int first = pi / per * per;
            boolean same = true;
            for (int t = first; t < first + per; t++) {
                same &= xwr[t] == xwr[pi];
            }
            if (same) {
                o.uniformLog2 = k;
                break;
            }
        }
        boolean allowed = true;
        for (int bit = 0; bit < 3; bit++) {
            if (((need >>> bit) & 1) == 1 && ((xwr[pi] >>> bit) & 1) == 0) {
                allowed = false;
            }
        }
        o.cause = allowed ? Cause.NONE : Cause.PERM_DENY;
    }
}
