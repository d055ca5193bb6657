package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;

/**
 * The byte offset of the entry for a PA in the table of a level, {@code pn[...] × entry size}: the index fields
 * of both specs' figures (SPEC-DECISIONS #1: v0.1 MTTL3 by pn[3], MTTL2 by pn[2], the MTTL1 word by pn[1]).
 */
final class EntryIndex {
    private final WalkerParams p;
    private final UInt pa;
    private final Bool formatV09;

    /**
     * @param pa        the lookup's PA
     * @param formatV09 the lookup is smmpt-v0.9 (read only when both formats are built)
     */
    EntryIndex(WalkerParams p, UInt pa, Bool formatV09) {
        this.p = p;
        this.pa = pa;
        this.formatV09 = formatV09;
    }

    /** Width of the offset: the widest index plus the entry-size shift. */
    int width() {
        return (p.xlen() == 64 ? 21 : 10) + Integer.numberOfTrailingZeros(p.entryBytes());
    }

    /** The offset of the entry at {@code level} (named {@code entry_offset}). */
    UInt offset(UInt level) {
        UInt v01;
        UInt v09;
        if (p.xlen() == 64) {
            // v0.1 RV64 figure: MTTL3 by pn[3] = PA[55:46], MTTL2 by pn[2] = PA[45:25], MTTL1 word by pn[1] = PA[24:16]
            // The level-0 index is PA[24:16] in both formats (v0.1 MTTL1 word, v0.9 pn[0]): one value, named when
            // both arms of the format mux below read it.
            UInt level0 = index(24, 16);
            if (p.formats().v01() && p.formats().v09()) {
                level0 = level0.named("level0_entry_offset");
            }
            v01 = Hw.mux(level.eq(2), index(55, 46), Hw.mux(level.eq(1), index(45, 25), level0));
            // v0.9 Smmpt43/52/64: pn[i] = PA[16+9i+8 : 16+9i] for i <= 3, Smmpt64 pn[4] = PA[63:52]
            v09 = index(63, 52);
            for (int i = 3; i >= 1; i--) {
                v09 = Hw.mux(level.eq(i), index(16 + 9 * i + 8, 16 + 9 * i), v09);
            }
            v09 = Hw.mux(level.eq(0), level0, v09);
        } else {
            // RV32, both formats: level 1 by PA[33:25], level 0 by PA[24:15] (v0.1 pn[2]/pn[1], v0.9 pn[1]/pn[0])
            UInt rv32 = Hw.mux(level.eq(1), index(33, 25), index(24, 15));
            if (p.formats().v01() && p.formats().v09()) {
                rv32 = rv32.named("rv32_entry_offset"); // both arms of the format mux below
            }
            v01 = rv32;
            v09 = rv32;
        }
        UInt chosen = !p.formats().v01() ? v09 : !p.formats().v09() ? v01 : Hw.mux(formatV09, v09, v01);
        return chosen.named("entry_offset");
    }

    private UInt index(int hi, int lo) {
        int sizeShift = Integer.numberOfTrailingZeros(p.entryBytes());
        return pa.bits(hi, lo).cat(Hw.lit(0, sizeShift)).zext(width());
    }
}
