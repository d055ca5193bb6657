package io.mttkit.golden.spmp;

import io.mttkit.golden.spmp.SpmpCfg.AddressMode;

/** Test helpers: program entries the way S-mode software does, through siselect/sireg/sireg2. */
final class Cfgs {
    private Cfgs() {
    }

    static int cfg(String rwx, AddressMode a, String flags) {
        int bits = 0;
        for (char c : rwx.toCharArray()) {
            bits |= c == 'r' ? SpmpCfg.R : c == 'w' ? SpmpCfg.W : SpmpCfg.X;
        }
        return SpmpCfg.of(bits, a, flags.contains("L"), flags.contains("U"), flags.contains("S"));
    }

    /** siselect = 0x100+i; sireg = spmpaddr; sireg2 = spmpcfg. */
    static void program(Spmp s, int i, long spmpaddr, int cfg) {
        s.writeIndirect(Spmp.SELECT_BASE + i, 1, spmpaddr, false);
        s.writeIndirect(Spmp.SELECT_BASE + i, 2, cfg, false);
    }

    /** spmpaddr of a NAPOT region [base, base+size). */
    static long napot(long base, long size) {
        return (base >>> 2) | ((size >>> 3) - 1);
    }

    static Spmp spmp(int entries) {
        return new Spmp(SpmpParams.of(entries, 64, 0, false));
    }
}
