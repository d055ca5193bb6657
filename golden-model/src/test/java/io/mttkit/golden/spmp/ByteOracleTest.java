package io.mttkit.golden.spmp;

import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded random SPMP programs against a byte-by-byte reading of "Matching Logic": for every byte of the
 * access, the first active entry whose region holds that byte (regions written with division instead of
 * masks); the lowest of those entries decides; it must hold every byte; then {@link EncodingTableTest#TABLE}
 * says what it grants. Small address windows make entries collide often.
 */
class ByteOracleTest {
    private static final PrivMode[] PRIVS = {PrivMode.S, PrivMode.U};
    private static final int[] NEEDS = {Access.X, Access.R, Access.W, Access.R | Access.W};

    @Test
    void randomProgramsAgreeWithTheByteOracle() {
        for (long seed = 1; seed <= 300; seed++) {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(8);
            int g = rnd.nextInt(3);
            boolean en = rnd.nextBoolean();
            Spmp p = new Spmp(SpmpParams.of(n, 64, g, en));
            int[] cfg = new int[n];
            long[] addr = new long[n];
            for (int i = 0; i < n; i++) {
                addr[i] = rnd.nextInt(0x100); // byte addresses 0..0x3FF
                AddressMode a = AddressMode.of(rnd.nextInt(4));
                if (g >= 1 && a == AddressMode.NA4) {
                    a = AddressMode.NAPOT;
                }
                String[] rows = EncodingTableTest.TABLE;
                String head = rows[rnd.nextInt(rows.length)].split("\\|")[0].trim();
                String[] h = head.split("\\s+");
                String flags = h[0].equals("S") ? "" : h[0].equals("U") ? "U" : "US";
                cfg[i] = Cfgs.cfg(h[1].replace("-", ""), a, flags);
                Cfgs.program(p, i, addr[i], cfg[i]);
            }
            long spmpen = en ? rnd.nextLong() : -1L;
            p.writeSpmpen(spmpen, -1L);
            for (int k = 0; k < 200; k++) {
                int size = 1 << rnd.nextInt(4);
                long pa = rnd.nextInt(0x420);
                PrivMode priv = PRIVS[rnd.nextInt(2)];
                boolean sum = rnd.nextBoolean();
                boolean mxr = rnd.nextBoolean();
                int need = NEEDS[rnd.nextInt(4)];
                boolean expect = oracle(cfg, addr, spmpen, g, pa, size, need, priv, sum, mxr);
                boolean got = p.check(pa, size, need, priv, sum, mxr, true).allowed();
                assertEquals(expect, got, "seed " + seed + " access " + k + ": pa=0x" + Long.toHexString(pa)
                        + " size=" + size + " need=" + Access.format(need) + " " + priv + " SUM=" + sum
                        + " MXR=" + mxr);
            }
        }
    }

    private static boolean holds(int[] cfg, long[] addr, int g, int i, long y) {
        long grain = 1L << g; // in spmpaddr units
        switch (SpmpCfg.mode(cfg[i])) {
            case OFF:
                return false;
            case TOR: {
                long bottom = i == 0 ? 0 : addr[i - 1] / grain * grain * 4;
                long top = addr[i] / grain * grain * 4;
                return bottom <= y && y < top;
            }
            case NA4:
                return y / 4 == addr[i];
            default: {
                long a = g >= 2 ? addr[i] | ((1L << (g - 1)) - 1) : addr[i];
                int k = 0;
                while (((a >> k) & 1) == 1) {
                    k++;
                }
                long size = 8L << k;
                long base = a * 4 / size * size;
                return base <= y && y < base + size;
            }
        }
    }

    static boolean oracle(int[] cfg, long[] addr, long spmpen, int g, long pa, int size, int need,
                          PrivMode priv, boolean sum, boolean mxr) {
        int decider = Integer.MAX_VALUE;
        for (long y = pa; y < pa + size; y++) {
            for (int i = 0; i < cfg.length; i++) {
                if (((spmpen >>> i) & 1) == 1 && holds(cfg, addr, g, i, y)) {
                    decider = Math.min(decider, i);
                    break;
                }
            }
        }
        if (decider == Integer.MAX_VALUE) {
            return false;
        }
        for (long y = pa; y < pa + size; y++) {
            if (!holds(cfg, addr, g, decider, y)) {
                return false;
            }
        }
        return (tableGrant(cfg[decider], priv, sum, mxr) & need) == need;
    }

    /** Looks the cell up in {@link EncodingTableTest#TABLE}. */
    static int tableGrant(int c, PrivMode priv, boolean sum, boolean mxr) {
        String type = SpmpCfg.shared(c) ? "SH" : SpmpCfg.u(c) ? "U" : "S";
        String rwx = ((c & SpmpCfg.R) != 0 ? "r" : "-") + ((c & SpmpCfg.W) != 0 ? "w" : "-")
                + ((c & SpmpCfg.X) != 0 ? "x" : "-");
        for (String row : EncodingTableTest.TABLE) {
            String[] f = row.split("\\|");
            String[] h = f[0].trim().split("\\s+");
            if (h[0].equals(type) && h[1].equals(rwx)) {
                int col = (priv == PrivMode.U ? 1 : sum ? 3 : 2) + (mxr ? 3 : 0);
                return Access.parse(f[col].trim().replace("-", ""));
            }
        }
        throw new AssertionError("no table row for " + type + " " + rwx);
    }
}
