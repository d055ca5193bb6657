package io.mttkit.gen.walker;

import static io.mttkit.gen.walker.EntryDecoding.denies;
import static io.mttkit.gen.walker.EntryDecoding.packTuples;
import static io.mttkit.gen.walker.EntryDecoding.priority;
import static io.mttkit.gen.walker.EntryDecoding.wellFormed;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an smmtt-v0.1 MTTL3/MTTL2/MTTL1 entry (v0.1 §4 figures, the MTTL2 TYPE table and the MTTL1 PERM table;
 * steps 3–7) into a {@link Decision}. Names its wires after the spec's fields ({@code mpte_type},
 * {@code nibble_perm}); the walker runs it inside an area {@code v01}.
 */
final class V01Decoder {
    /** v0.1 MTTL2 TYPE encodings (v0.1 §4 table "MTTL2 Entry Type"). */
    private static final int TYPE_MTT_L1_DIR = 0b100;
    private static final int TYPE_4M_PAGES = 0b101;
    private static final int TYPE_2M_PAGES = 0b110;
    private static final int TYPE_RESERVED = 0b111;

    private final WalkerParams p;
    private final WalkState w;

    V01Decoder(WalkerParams p, WalkState w) {
        this.p = p;
        this.w = w;
    }

    /** v0.1 PERM → XWR (spec-notes): 00 none, 01 RX, 10 RW, 11 RWX. */
    static UInt permToXwr(UInt perm) {
        return perm.bit(0).cat(perm.bit(1), perm.orR());
    }

    /** Drives every field of {@code d}. */
    void decide(Decision d) {
        UInt mpte = w.mpte();
        UInt level = w.level();
        UInt pa = w.pa();
        boolean rv64 = p.xlen() == 64;
        int entryW = p.xlen();
        int ppnW = p.ppnWidth();

        // MTTL2 (level 1): INFO, TYPE, ZERO
        int infoW = rv64 ? 44 : 22;
        UInt info = mpte.bits(infoW - 1, 0).named("mpte_info");
        UInt type = mpte.bits(infoW + 2, infoW).named("mpte_type");
        Bool l2Zero = mpte.bits(entryW - 1, infoW + 3).orR().named("mttl2_zero_bits");
        Bool typeIs1G = type.bit(2).not().named("type_1g");
        Bool typeDir = type.eq(TYPE_MTT_L1_DIR);
        int pagesType = rv64 ? TYPE_2M_PAGES : TYPE_4M_PAGES;
        int otherPagesType = rv64 ? TYPE_4M_PAGES : TYPE_2M_PAGES;
        Bool typePages = type.eq(pagesType);
        Bool typeRsvd = type.eq(TYPE_RESERVED).or(type.eq(otherPagesType)).named("type_rsvd");
        // 2M_PAGES: 16 PERM in INFO[31:0], INFO[43:32] reserved; 4M_PAGES: 8 PERM in INFO[15:0], INFO[21:16] reserved
        int pages = p.tupleCount();
        int pageBits = rv64 ? 4 : 3;
        int pageLog2 = rv64 ? 21 : 22;
        Bool pagesInfoRsvd = info.bits(infoW - 1, 2 * pages).orR();
        List<UInt> pagePerms = new ArrayList<>();
        for (int k = 0; k < pages; k++) {
            pagePerms.add(info.bits(2 * k + 1, 2 * k));
        }
        UInt pagePi = pa.bits(24, 25 - pageBits).named("page_pi");
        UInt pagePerm = Hw.select(pagePi, pagePerms).named("page_perm");
        Bool l2RsvdEnc = typeRsvd.or(typeIs1G.and(info.orR())).or(typePages.and(pagesInfoRsvd))
                .named("mttl2_rsvd_enc");
        UInt l2Xwr = permToXwr(Hw.mux(typeIs1G, type.bits(1, 0), pagePerm).named("mttl2_perm")).named("mttl2_xwr");
        int oneGigLog2 = p.v01OneGigAsOneGiB() ? 30 : 25;
        UInt l2PagesUniform = Hw.lit(pageLog2, MttWalker.LOG2_WIDTH)
                .add(LeafTuples.uniformExtra("page_perm", pagePerms, pagePerm, pagePi).zext(MttWalker.LOG2_WIDTH));

        // MTTL1 word (level 0): XLEN/4 nibbles {resv[1:0], PERM[1:0]}, selected by pn[0]
        int nibbles = entryW / 4;
        int nibbleBits = rv64 ? 4 : 3;
        List<UInt> nibblePerms = new ArrayList<>();
        List<UInt> nibbleResv = new ArrayList<>();
        for (int k = 0; k < nibbles; k++) {
            nibblePerms.add(mpte.bits(4 * k + 1, 4 * k));
            nibbleResv.add(mpte.bits(4 * k + 3, 4 * k + 2).orR());
        }
        UInt nibblePi = pa.bits(MttWalker.PAGE_SHIFT + nibbleBits - 1, MttWalker.PAGE_SHIFT).named("nibble_pi");
        UInt nibblePerm = Hw.select(nibblePi, nibblePerms).named("nibble_perm");
        Bool nibbleRsvd = (p.rsvdTupleScope() == WalkerParams.TupleScope.ANY
                ? Hw.orAll(nibbleResv) : Hw.select(nibblePi, nibbleResv).asBool()).named("nibble_rsvd_enc");
        UInt l1Xwr = permToXwr(nibblePerm);
        int l1Log2 = rv64 ? 16 : 15;
        UInt l1Uniform = Hw.lit(MttWalker.PAGE_SHIFT, MttWalker.LOG2_WIDTH)
                .add(LeafTuples.uniformExtra("nibble_perm", nibblePerms, nibblePerm, nibblePi)
                        .zext(MttWalker.LOG2_WIDTH));

        Bool atL1 = level.eq(0).named("at_mttl1");
        Bool atL2 = level.eq(1).named("at_mttl2");
        d.xwr.set(Hw.mux(atL1, l1Xwr, l2Xwr));
        Bool deny = denies(w.need(), d.xwr).named("perm_deny");

        List<Bool> conds = new ArrayList<>();
        List<WalkCause> causes = new ArrayList<>();
        UInt nextPpn;
        Bool descend;
        if (rv64) {
            // MTTL3 (level 2, Smmtt56): MTTL2 PPN[43:0], ZERO[63:44]; no valid bit (SPEC-DECISIONS #6)
            Bool atL3 = level.eq(2).named("at_mttl3");
            Bool l3Zero = mpte.bits(63, ppnW).orR().named("mttl3_zero_bits");
            conds.add(atL3.and(l3Zero));
            causes.add(WalkCause.MPTE_RSVD_BITS);
            conds.add(atL2.and(l2Zero));
            causes.add(WalkCause.MPTE_RSVD_BITS);
            conds.add(atL2.and(l2RsvdEnc));
            causes.add(WalkCause.MPTE_RSVD_ENC);
            nextPpn = Hw.mux(atL3, mpte.bits(ppnW - 1, 0), info);
            descend = atL3.and(l3Zero.not()).or(atL2.and(l2Zero.not()).and(l2RsvdEnc.not()).and(typeDir));
        } else {
            conds.add(atL2.and(l2Zero));
            causes.add(WalkCause.MPTE_RSVD_BITS);
            conds.add(atL2.and(l2RsvdEnc));
            causes.add(WalkCause.MPTE_RSVD_ENC);
            nextPpn = info;
            descend = atL2.and(l2Zero.not()).and(l2RsvdEnc.not()).and(typeDir);
        }
        conds.add(atL1.and(nibbleRsvd));
        causes.add(WalkCause.MPTE_RSVD_ENC);
        Bool isLeafLevel = atL1.or(atL2.and(typeDir.not())).named("at_leaf_level");
        conds.add(isLeafLevel.and(deny));
        causes.add(WalkCause.PERM_DENY);
        d.cause.set(priority(conds, causes));

        d.descend.set(descend);
        d.nextPpn.set(nextPpn);
        d.leaf.set(isLeafLevel.and(wellFormed(d.cause)));
        d.leafLog2.set(Hw.mux(atL1, Hw.lit(l1Log2, MttWalker.LOG2_WIDTH),
                Hw.mux(typeIs1G, Hw.lit(oneGigLog2, MttWalker.LOG2_WIDTH), Hw.lit(25, MttWalker.LOG2_WIDTH))));
        d.uniformLog2.set(Hw.mux(atL1, l1Uniform,
                Hw.mux(typeIs1G, Hw.lit(oneGigLog2, MttWalker.LOG2_WIDTH), l2PagesUniform)));
        // for a fill: PERM converted to XWR per tuple (CHECKER-MICROARCH §1); a 1G_* entry is one uniform XWR
        List<UInt> nibbleXwr = new ArrayList<>();
        nibblePerms.forEach(x -> nibbleXwr.add(permToXwr(x)));
        List<UInt> pageXwr = new ArrayList<>();
        pagePerms.forEach(x -> pageXwr.add(permToXwr(x)));
        d.leafKind.set(Hw.mux(atL1.or(typeIs1G.not()), Hw.lit(MttWalker.KIND_TUPLES, 2),
                Hw.lit(MttWalker.KIND_UNIFORM, 2)));
        d.tupleLog2.set(Hw.mux(atL1, Hw.lit(MttWalker.PAGE_SHIFT, MttWalker.LOG2_WIDTH),
                Hw.mux(typeIs1G, Hw.lit(oneGigLog2, MttWalker.LOG2_WIDTH), Hw.lit(pageLog2, MttWalker.LOG2_WIDTH))));
        d.tuples.set(Hw.mux(atL1, packTuples(nibbleXwr),
                Hw.mux(typeIs1G, l2Xwr.zext(3 * pages), packTuples(pageXwr))));
        // MTTL1 nibble bits [3:2] are reserved (v0.1 §4); under the SELECTED scope such a word still decides
        d.leafRsvd.set(atL1.and(Hw.orAll(nibbleResv)));
    }
}
