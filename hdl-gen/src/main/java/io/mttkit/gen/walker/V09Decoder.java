package io.mttkit.gen.walker;

import static io.mttkit.gen.walker.EntryDecoding.denies;
import static io.mttkit.gen.walker.EntryDecoding.packTuples;
import static io.mttkit.gen.walker.EntryDecoding.priority;
import static io.mttkit.gen.walker.EntryDecoding.reservedXwr;
import static io.mttkit.gen.walker.EntryDecoding.wellFormed;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an smmpt-v0.9 MPTE (v0.9 §4 figures "non-leaf", "non-NAPOT leaf", "NAPOT leaf"; steps 3–7) into a
 * {@link Decision}. Names its wires after the spec's fields ({@code mpte_v}, {@code pi}, {@code napot_g}); the
 * walker runs it inside an area {@code v09}.
 */
final class V09Decoder {
    private final WalkerParams p;
    private final WalkState w;

    V09Decoder(WalkerParams p, WalkState w) {
        this.p = p;
        this.w = w;
    }

    /** Drives every field of {@code d}. */
    void decide(Decision d) {
        UInt mpte = w.mpte();
        UInt level = w.level();
        UInt pa = w.pa();
        boolean rv64 = p.xlen() == 64;
        int entryW = p.xlen();
        int tuples = p.tupleCount();                // NUMPGINRANGE = 4 (RV64) / 3 (Smmpt34)
        int tupleBits = rv64 ? 4 : 3;
        int legalG = rv64 ? 4 : 6;                  // "encodings 0-3 and 5-15 of G are reserved" / "0-5 and 7-15"
        Bool mpteV = mpte.bit(0).named("mpte_v");
        Bool mpteL = mpte.bit(1).named("mpte_l");
        Bool mpteN = mpte.bit(2).named("mpte_n");

        // non-leaf: bits 9:3 reserved (bit 2 is the N position: "L=0 and N=1" is a reserved encoding); RV64 63:54
        Bool nonLeafRsvdBits = (rv64 ? mpte.bits(9, 3).cat(mpte.bits(63, 54)) : mpte.bits(9, 3)).orR()
                .named("nonleaf_rsvd_bits");
        UInt pointerPpn = (rv64 ? mpte.bits(53, 10) : mpte.bits(31, 10)).named("mpte_ppn");

        // non-NAPOT leaf: bits 7:3 reserved (RV64 also 63:56); XWR[k] at bits 8+3k+2 : 8+3k
        Bool leafRsvdBits = (rv64 ? mpte.bits(7, 3).cat(mpte.bits(63, 56)) : mpte.bits(7, 3)).orR()
                .named("leaf_rsvd_bits");
        List<UInt> xwrTuples = new ArrayList<>();
        for (int k = 0; k < tuples; k++) {
            xwrTuples.add(mpte.bits(8 + 3 * k + 2, 8 + 3 * k));
        }
        // pi: the NUMPGINRANGE most significant bits of pn[i-1] (or of the range offset at i = 0):
        // PA[leafLog2-1 : leafLog2-NUMPGINRANGE], leafLog2 = 16+9i (RV64) / 15+10i (Smmpt34)
        int maxLevel = rv64 ? 4 : 1;
        UInt pi = null;
        UInt leafLog2 = null;
        UInt tupleLog2 = null;
        for (int i = maxLevel; i >= 0; i--) {
            int l2 = rv64 ? 16 + 9 * i : 15 + 10 * i;
            UInt piHere = pa.bits(l2 - 1, l2 - tupleBits);
            UInt leafHere = Hw.lit(l2, MttWalker.LOG2_WIDTH);
            UInt tupleHere = Hw.lit(l2 - tupleBits, MttWalker.LOG2_WIDTH);
            if (pi == null) {
                pi = piHere;
                leafLog2 = leafHere;
                tupleLog2 = tupleHere;
            } else {
                Bool at = level.eq(i);
                pi = Hw.mux(at, piHere, pi);
                leafLog2 = Hw.mux(at, leafHere, leafLog2);
                tupleLog2 = Hw.mux(at, tupleHere, tupleLog2);
            }
        }
        pi = pi.named("pi");
        leafLog2 = leafLog2.named("leaf_range_log2");
        tupleLog2 = tupleLog2.named("tuple_range_log2");
        UInt selXwr = Hw.select(pi, xwrTuples).named("tuple_xwr");
        Bool tupleRsvd;
        if (p.rsvdTupleScope() == WalkerParams.TupleScope.ANY) {
            List<UInt> r = new ArrayList<>();
            xwrTuples.forEach(t -> r.add(reservedXwr(t)));
            tupleRsvd = Hw.orAll(r).named("tuple_rsvd_enc");
        } else {
            tupleRsvd = reservedXwr(selXwr).named("tuple_rsvd_enc");
        }
        UInt tupleUniform = tupleLog2.add(
                LeafTuples.uniformExtra("tuple", xwrTuples, selXwr, pi).zext(MttWalker.LOG2_WIDTH));

        // NAPOT leaf: bits 7:3, 11 and W-1:16 reserved; XWR at 10:8, G at 15:12; range = leaf range × 2^(G+1)
        Bool napotRsvdBits = mpte.bits(7, 3).cat(mpte.bit(11), mpte.bits(entryW - 1, 16)).orR()
                .named("napot_rsvd_bits");
        UInt napotXwr = mpte.bits(10, 8).named("napot_xwr");
        UInt napotG = mpte.bits(15, 12).named("napot_g");
        Bool napotGBad = napotG.ne(legalG);
        UInt napotLog2 = leafLog2.add(legalG + 1).named("napot_log2");

        d.xwr.set(Hw.mux(mpteN, napotXwr, selXwr));
        Bool deny = denies(w.need(), d.xwr).named("perm_deny");

        // priority: V=0 → reserved bits → reserved encodings → G → non-leaf at level 0 → permission
        Bool isPointer = mpteV.and(mpteL.not());
        Bool isPlainLeaf = mpteL.and(mpteN.not());
        Bool isNapot = mpteL.and(mpteN);
        d.cause.set(priority(List.of(
                mpteV.not(), mpteL.not().and(nonLeafRsvdBits), mpteL.not().and(mpteN),
                mpteL.not().and(level.eq(0)),
                isPlainLeaf.and(leafRsvdBits), isPlainLeaf.and(tupleRsvd),
                isNapot.and(napotRsvdBits), isNapot.and(reservedXwr(napotXwr)), isNapot.and(napotGBad),
                mpteL.and(deny)),
                List.of(WalkCause.MPTE_INVALID, WalkCause.MPTE_RSVD_BITS, WalkCause.MPTE_RSVD_ENC,
                        WalkCause.NONLEAF_AT_L0,
                        WalkCause.MPTE_RSVD_BITS, WalkCause.MPTE_RSVD_ENC,
                        WalkCause.MPTE_RSVD_BITS, WalkCause.MPTE_RSVD_ENC, WalkCause.NAPOT_G_BAD,
                        WalkCause.PERM_DENY)));

        d.descend.set(isPointer.and(d.cause.eq(WalkCause.NONE.code())));
        d.nextPpn.set(pointerPpn);
        d.leaf.set(mpteV.and(mpteL).and(wellFormed(d.cause)));
        d.leafLog2.set(Hw.mux(mpteN, napotLog2, leafLog2));
        d.uniformLog2.set(Hw.mux(mpteN, napotLog2, tupleUniform));
        d.leafKind.set(Hw.mux(mpteN, Hw.lit(MttWalker.KIND_NAPOT, 2), Hw.lit(MttWalker.KIND_TUPLES, 2)));
        d.tupleLog2.set(Hw.mux(mpteN, napotLog2, tupleLog2));
        d.tuples.set(Hw.mux(mpteN, napotXwr.zext(3 * tuples), packTuples(xwrTuples)));
        List<UInt> anyRsvd = new ArrayList<>();
        xwrTuples.forEach(t -> anyRsvd.add(reservedXwr(t)));
        d.leafRsvd.set(mpteN.not().and(Hw.orAll(anyRsvd)));
    }
}
