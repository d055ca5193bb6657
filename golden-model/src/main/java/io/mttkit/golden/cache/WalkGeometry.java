package io.mttkit.golden.cache;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

/**
 * Which PA range one table of a walk covers, per mode and level — the walk-cache tag geometry. Derived from
 * the PA partitions of the spec figures (smmpt ch. 4: range offset 16 bits (RV32: 15), pn[i] 9 bits (RV32
 * pn[0] 10 bits); smmtt-v0.1 ch. 4: MTTL1 page indexed by pn[1] (RV64 9, RV32 10 bits) above a 64/32 KiB
 * word range, MTTL2 indexed by pn[2] (RV64 21 bits)).
 */
final class WalkGeometry {
    private WalkGeometry() {
    }

    /**
     * log2 of the PA range covered by the table at {@code tableLevel} (a table a non-leaf pointer points to,
     * so 0 .. levels−2): every PA with the same bits above this position uses the same table.
     */
    static int tableCoverLog2(MttMode mode, int tableLevel) {
        if (mode.format() == null || tableLevel < 0 || tableLevel > mode.levels() - 2) {
            throw new IllegalArgumentException("no pointed-to table at level " + tableLevel + " in mode "
                    + mode.id() + " (valid levels 0.." + (mode.levels() - 2) + ")");
        }
        if (tableLevel == 0) {
            // Level-0 tables: 512 × 64 KiB (RV64) or 1024 × 32 KiB (RV32) — 32 MiB in every mode.
            return 25;
        }
        if (mode.format() == TableFormat.SMMPT_V0_9) {
            // Smmpt RV64: each level adds a 9-bit pn[i] (Smmpt34 has no non-root level above 0).
            return 25 + 9 * tableLevel;
        }
        // v0.1 Smmtt56: the MTTL2 table (level 1) is indexed by pn[2] = PA[45:25].
        return 46;
    }
}
