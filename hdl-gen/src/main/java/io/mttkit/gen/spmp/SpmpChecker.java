package io.mttkit.gen.spmp;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * The S-mode PMP ({@code mtt_spmp}; Sspmp, and Sspmpen when {@code sspmpenPresent}): N entries of {@code spmpcfg[i]}
 * and {@code spmpaddr[i]} written and read through {@link SpmpCsrPort} as {@code sireg}/{@code sireg2} would, and
 * the check of one access ({@link SpmpCheckRequestPort} → {@link SpmpCheckResponsePort}), combinational or with one
 * register stage.
 *
 * <p>The check follows spec §"Matching Logic": entry i is <i>active</i> when {@code spmpcfg[i].A} is not OFF (and,
 * with Sspmpen, {@code spmpen[i]} is 1: "An SPMP entry i is considered active only when both the spmpen[i] bit is
 * set and the spmpcfg[i].A field is non-zero"); it <i>matches</i> when its region [lo, hi) holds any byte of the
 * access, "irrespective of the SHARED, U, R, W, and X bits"; the lowest-numbered matching entry decides and "must
 * match all bytes of the access, or the access fails"; no match denies (N ≥ 1: "at least one SPMP entry is
 * implemented"). Its permission is the encoding table's cell for (SHARED, U, RWX) × (S or U, SUM) — the table image
 * (v13) is not in the shared text; {@code docs/spec-notes.md} "Sspmp (generator)" says which table is used.
 *
 * <p>Regions, as PMP's: TOR [spmpaddr[i-1]·4, spmpaddr[i]·4) (0 for entry 0; empty unless lower &lt; upper; the lower
 * bound "independent of the configuration or activation state of the preceding entry"), NA4 [spmpaddr·4, +4),
 * NAPOT from the trailing ones of {@code spmpaddr} (all ones: the whole 2^paw space). Every bound is a whole word,
 * so the access is compared as its first and last word, with one bit above {@code spmpaddr}'s so that an access
 * running past 2^paw compares exactly; each TOR bound is compared once and shared by the two entries using it, and
 * NAPOT/NA4 match by masked compare without adders ({@code docs/spmp-checker.md}, "How it is computed").
 */
public final class SpmpChecker extends Module {
    /** The Verilog name. */
    public static final String MODULE_NAME = "mtt_spmp";
    /** {@code spmpcfg.A} encodings (spec §"Address Matching"). */
    public static final int A_OFF = 0;
    public static final int A_TOR = 1;
    public static final int A_NA4 = 2;
    public static final int A_NAPOT = 3;
    /** Stored width of {@code spmpcfg[i]}: bits 9..0 (bits SXLEN-1..10 are WPRI and read 0). */
    public static final int CFG_WIDTH = 10;
    /** {@code spmpcfg} bit positions (spec figure "SPMP configuration register format"). */
    public static final int CFG_R = 0;
    public static final int CFG_W = 1;
    public static final int CFG_X = 2;
    public static final int CFG_A_LO = 3;
    public static final int CFG_L = 7;
    public static final int CFG_U = 8;
    public static final int CFG_SHARED = 9;
    /** {@code siselect} of entry 0. */
    public static final int SISELECT_BASE = 0x100;

    /** The SPMP's ports. */
    public static final class Io extends Bundle {
        public final SpmpCsrPort csr;
        public final SpmpCheckRequestPort chk;
        public final SpmpCheckResponsePort rsp;

        public Io(Scope s, SpmpParams p) {
            super(s);
            csr = s.in().bundle("csr", x -> new SpmpCsrPort(x, p));
            chk = s.in().bundle("chk", x -> new SpmpCheckRequestPort(x, p.paw()));
            rsp = s.out().bundle("rsp", x -> new SpmpCheckResponsePort(x, p.indexWidth()));
        }
    }

    private final SpmpParams p;
    /** The ports, after the module is built. */
    public Io io;

    public SpmpChecker(SpmpParams params) {
        this.p = params;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        int n = p.entryCount();
        int g = p.granularity();
        int aw = p.addrWidth();
        int xlen = p.xlen();
        doc("S-mode PMP (Sspmp" + (p.sspmpenPresent() ? " + Sspmpen" : "") + "), " + n + " entries, RV" + xlen
                + ", granule 2^" + (g + 2) + " bytes, paw " + p.paw() + ".\n"
                + "Parameters: " + p.values() + ".\n"
                + "spmpcfg_<i> holds bits 9..0 (R W X A . . L U SHARED), WARL-legalised on write; spmpaddr_<i> PA bits\n"
                + "paw-1..2. csr_*: siselect 0x100+i, sel 0 sireg/spmpaddr, 1 sireg2/spmpcfg, 2 spmpen, 3 spmpenh.\n"
                + "Check: lowest-numbered active matching entry decides and must cover every byte; no match denies;\n"
                + "allowed when chk_bare = 0 (paging). Decisions: docs/spec-notes.md \"Sspmp (generator)\".");
        io = ports(s -> new Io(s, p));

        // ---- the registers: reset to 0 (A = OFF, L = 0; spmpen 0) ----
        List<UInt> cfgs = new ArrayList<>();
        List<UInt> addrs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cfgs.add(regInit("spmpcfg_" + i, CFG_WIDTH, 0));
            addrs.add(regInit("spmpaddr_" + i, aw, 0));
        }
        UInt spmpen = p.sspmpenPresent() ? regInit("spmpen", n, 0) : null;

        List<UInt> rdAddrs = buildCsrAccess(cfgs, addrs, spmpen);
        buildCheck(cfgs, addrs, rdAddrs, spmpen);
    }

    // ------------------------------------------------------------------------------------------------
    // CSR access (spec §"The Access Method for SPMP CSRs in S-mode", Sspmpen)
    // ------------------------------------------------------------------------------------------------

    /** The CSR port; returns each {@code spmpaddr[i]} as read (the granularity rule applied). */
    private List<UInt> buildCsrAccess(List<UInt> cfgs, List<UInt> addrs, UInt spmpen) {
        int n = p.entryCount();
        int xlen = p.xlen();
        SpmpCsrPort csr = io.csr;
        // siselect 0x100..0x13F: bits xlen-1..6 equal 0x100 >> 6 = 4, bits 5..0 the index
        UInt index = csr.siselect.bits(5, 0).named("csr_index");
        Bool inWindow = csr.siselect.bits(xlen - 1, 6).eq(SISELECT_BASE >> 6);
        Bool inRange = (n == 64 ? inWindow : inWindow.and(index.lt(n))).named("csr_in_range");
        Bool selAddr = csr.sel.eq(SpmpCsrPort.SEL_SIREG).named("csr_sel_spmpaddr");
        Bool selCfg = csr.sel.eq(SpmpCsrPort.SEL_SIREG2).named("csr_sel_spmpcfg");
        Bool write = csr.valid.and(csr.write).named("csr_wr");

        UInt legalCfg = legalCfg(csr.wdata).named("csr_wdata_spmpcfg");
        UInt wAddr = csr.wdata.resize(p.addrWidth()).named("csr_wdata_spmpaddr");
        List<UInt> rdAddrs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UInt cfg = cfgs.get(i);
            UInt addr = addrs.get(i);
            Bool locked = cfg.bit(CFG_L);
            // "If a locked entry has spmpcfg[i].A set to TOR, writes to the preceding spmpaddr[i-1] ... are also
            // ignored"; M-mode (miselect) is not stopped by the lock (it alone can clear L)
            Bool lockedAddr = i + 1 < n
                    ? locked.or(cfgs.get(i + 1).bit(CFG_L).and(aOf(cfgs.get(i + 1)).eq(A_TOR))) : locked;
            Bool mayWriteCfg = csr.mmode.or(locked.not());
            Bool mayWriteAddr = csr.mmode.or(lockedAddr.not()).named("spmpaddr_writable_" + i);
            Bool thisEntry = write.and(inRange).and(index.eq(i)).named("csr_wr_entry_" + i);
            when(thisEntry.and(selCfg).and(mayWriteCfg), () -> cfg.set(legalCfg));
            when(thisEntry.and(selAddr).and(mayWriteAddr), () -> addr.set(wAddr));
            rdAddrs.add(readAddr(addr, aOf(cfg)).named("spmpaddr_rd_" + i));
        }

        // ---- Sspmpen: spmpen[i] read-only while spmpcfg[i].L ("its corresponding spmpen[i] bit becomes
        // read-only"); bits at or above N are ignored and read 0 ----
        if (spmpen != null) {
            List<UInt> lockBits = new ArrayList<>();
            for (UInt cfg : cfgs) {
                lockBits.add(cfg.bit(CFG_L));
            }
            UInt locks = Hw.catLsbFirst(lockBits).named("spmpcfg_l");
            UInt enWrite;
            Bool enSel;
            if (xlen == 64 || n <= 32) {
                enWrite = csr.wdata.resize(n);
                enSel = csr.sel.eq(SpmpCsrPort.SEL_SPMPEN);
            } else {
                // RV32 with more than 32 entries: spmpen writes bits 31..0, spmpenh bits n-1..32
                Bool high = csr.sel.eq(SpmpCsrPort.SEL_SPMPENH).named("csr_sel_spmpenh");
                enWrite = Hw.mux(high, csr.wdata.resize(n - 32), spmpen.bits(n - 1, 32))
                        .cat(Hw.mux(high, spmpen.bits(31, 0), csr.wdata));
                enSel = csr.sel.bit(1);
            }
            UInt kept = spmpen.and(locks).or(enWrite.named("spmpen_wdata").and(locks.not()));
            when(write.and(enSel), () -> spmpen.set(kept));
        }
        UInt enView;
        if (spmpen == null) {
            enView = Hw.lit(0, xlen);
        } else if (xlen == 64) {
            enView = spmpen.zext(64);
        } else if (n <= 32) {
            enView = Hw.mux(csr.sel.eq(SpmpCsrPort.SEL_SPMPENH), Hw.lit(0, 32), spmpen.zext(32));
        } else {
            enView = Hw.mux(csr.sel.eq(SpmpCsrPort.SEL_SPMPENH), spmpen.bits(n - 1, 32).zext(32), spmpen.bits(31, 0));
        }

        UInt zero = Hw.lit(0, xlen);
        UInt cfgRead = Hw.select(index, padTo64(cfgs, CFG_WIDTH)).zext(xlen).named("spmpcfg_rd");
        UInt addrRead = Hw.select(index, padTo64(rdAddrs, p.addrWidth())).resize(xlen).named("spmpaddr_rd");
        // spmpen reads 0 without Sspmpen, spmpenh also on RV64 (it does not exist there)
        Bool enIsCsr = xlen == 32 ? csr.sel.bit(1) : csr.sel.eq(SpmpCsrPort.SEL_SPMPEN);
        UInt value = Hw.mux(enIsCsr, enView,
                Hw.mux(inRange, Hw.mux(selCfg, cfgRead, Hw.mux(selAddr, addrRead, zero)), zero));
        io.csr.rdata.set(Hw.mux(csr.valid, value, zero));
        // spmpcfg and spmpaddr take the written value's low bits only (the rest is WPRI or unimplemented PA bits);
        // Verilator accepts names matching *unused*
        List<UInt> unused = new ArrayList<>();
        if (xlen > p.addrWidth()) {
            unused.add(csr.wdata.bits(xlen - 1, p.addrWidth()));
        }
        if (!unused.isEmpty()) {
            wireInit("csr_wdata_unused", Hw.cat(unused).xorR());
        }
        return rdAddrs;
    }

    /**
     * The stored {@code spmpcfg} for a written value: bits 5, 6 and 10 and up read 0 (WPRI); the reserved encodings
     * become legal ones (spec-notes "Sspmp (generator)"): RWX = 01x keeps X with R = W = 0 (W is dropped, as PMP
     * implementations treat W without R), SHARED = 1 with U = 0 stores SHARED = 0, and with G ≥ 1 NA4 ("not
     * selectable", as PMP) stores NAPOT.
     */
    private UInt legalCfg(UInt wdata) {
        Bool r = wdata.bit(CFG_R);
        Bool w = wdata.bit(CFG_W).and(r);
        Bool x = wdata.bit(CFG_X);
        UInt a = wdata.bits(CFG_A_LO + 1, CFG_A_LO);
        if (p.granularity() >= 1) {
            // "NA4 is not selectable": stored as NAPOT, the choice of mttkit's PMP (and Spike's); with Smpmpdeleg an
            // spmpcfg is a pmpcfg, so the two must legalise alike (docs/spec-notes.md "Sspmp (generator)")
            a = Hw.mux(a.eq(A_NA4), Hw.lit(A_NAPOT, 2), a);
        }
        Bool l = wdata.bit(CFG_L);
        Bool u = wdata.bit(CFG_U);
        Bool shared = wdata.bit(CFG_SHARED).and(u);
        return Hw.cat(List.of(shared, u, l, Hw.lit(0, 2), a, x, w, r));
    }

    /**
     * {@code spmpaddr} as read (and as matched), the PMP granularity rule the spec refers to: with G ≥ 2 and NAPOT,
     * bits G-2..0 read as ones; with G ≥ 1 and OFF or TOR, bits G-1..0 read as zeros.
     */
    private UInt readAddr(UInt stored, UInt a) {
        int g = p.granularity();
        if (g == 0) {
            return stored;
        }
        UInt zeroed = clearLow(stored, g);
        if (g == 1) {
            return Hw.mux(a.eq(A_NAPOT), stored, zeroed);
        }
        UInt ones = stored.or(Hw.lit((1L << (g - 1)) - 1, stored.width()));
        return Hw.mux(a.eq(A_NAPOT), ones, zeroed);
    }

    private static UInt clearLow(UInt v, int bits) {
        return bits == 0 ? v : v.bits(v.width() - 1, bits).cat(Hw.lit(0, bits));
    }

    private static UInt aOf(UInt cfg) {
        return cfg.bits(CFG_A_LO + 1, CFG_A_LO);
    }

    /** {@code values} followed by zero constants up to 64 entries: the 6-bit index selects among them. */
    private static List<UInt> padTo64(List<UInt> values, int width) {
        List<UInt> out = new ArrayList<>(values);
        while (out.size() < 64) {
            out.add(Hw.lit(0, width));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // The check (spec §"Matching Logic", §"Encoding of Permissions", §"Exceptions")
    // ------------------------------------------------------------------------------------------------

    private void buildCheck(List<UInt> cfgs, List<UInt> addrs, List<UInt> rdAddrs, UInt spmpen) {
        int n = p.entryCount();
        int g = p.granularity();
        int aw = p.addrWidth();
        int ww = aw + 1; // word addresses with one bit for an access running past 2^paw
        SpmpCheckRequestPort chk = io.chk;

        // The access's first and last word: regions are whole words (bounds are spmpaddr, PA bits paw-1..2), so a
        // word overlaps or lies in a region exactly when its bytes do.
        UInt sizeMinusOne = Hw.mux(chk.size.eq(0), Hw.lit(0, SpmpCheckRequestPort.SIZE_WIDTH), chk.size.sub(1));
        UInt lastByte = chk.pa.zext(p.paw() + 1).add(sizeMinusOne.zext(p.paw() + 1)).named("acc_last_byte");
        UInt first = chk.pa.bits(p.paw() - 1, 2).zext(ww).named("acc_first_word");
        UInt last = lastByte.bits(p.paw(), 2).named("acc_last_word");
        wireInit("acc_last_byte_offset_unused", lastByte.bits(1, 0).xorR()); // only the word matters

        // TOR bounds: spmpaddr[j] with the granule's low bits clear, compared once with the first and last word and
        // shared by entry j (its top) and entry j+1 (its bottom)
        List<UInt> torBound = new ArrayList<>();
        List<Bool> firstBelow = new ArrayList<>();
        List<Bool> lastBelow = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            UInt bound = clearLow(addrs.get(j), g).named("tor_bound_" + j);
            torBound.add(bound);
            firstBelow.add(first.lt(bound.zext(ww)).named("first_below_" + j));
            lastBelow.add(last.lt(bound.zext(ww)).named("last_below_" + j));
        }

        List<UInt> hits = new ArrayList<>();
        List<UInt> covers = new ArrayList<>();
        List<UInt> perms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UInt cfg = cfgs.get(i);
            UInt a = aOf(cfg).named("spmp_a_" + i);
            UInt addr = rdAddrs.get(i);
            // what the permission check reads of the deciding entry: {SHARED, U, X, W, R}
            perms.add(Hw.cat(List.of(cfg.bit(CFG_SHARED), cfg.bit(CFG_U), cfg.bits(CFG_X, CFG_R))));
            // TOR [bound[i-1], bound[i]) (0 for entry 0): overlap is first < top and not last < bottom; an empty
            // range (bottom not below top) matches nothing; covered is not first < bottom and last < top
            Bool torHit;
            Bool torCovers;
            if (i == 0) {
                torHit = torBound.get(0).ne(0).and(firstBelow.get(0));
                torCovers = lastBelow.get(0);
            } else {
                Bool nonEmpty = torBound.get(i - 1).lt(torBound.get(i));
                torHit = nonEmpty.and(firstBelow.get(i)).and(lastBelow.get(i - 1).not());
                torCovers = firstBelow.get(i - 1).not().and(lastBelow.get(i));
            }
            torHit = torHit.named("tor_hit_" + i);
            torCovers = torCovers.named("tor_covers_" + i);
            // NAPOT / NA4: an aligned block of 2^k words, k the trailing ones of spmpaddr (NA4: one word; all ones:
            // the whole space). With the block's bits masked off, a word lies in it when it equals the base, and
            // [first, last] overlaps it when masked first <= base <= masked last
            UInt napotMask = addr.xor(addr.add(1));
            UInt mask = Hw.mux(a.eq(A_NA4), Hw.lit(0, aw), napotMask).named("napot_mask_" + i);
            UInt keep = mask.not().zext(ww).or(Hw.lit(1L << aw, ww)).named("napot_keep_" + i);
            UInt base = addr.and(mask.not()).zext(ww).named("napot_base_" + i);
            UInt firstBlock = first.and(keep).named("first_block_" + i);
            UInt lastBlock = last.and(keep).named("last_block_" + i);
            Bool napotHit = firstBlock.le(base).and(lastBlock.ge(base)).named("napot_hit_" + i);
            Bool napotCovers = firstBlock.eq(base).and(lastBlock.eq(base)).named("napot_covers_" + i);
            Bool isTor = a.eq(A_TOR);
            Bool active = a.ne(A_OFF);
            if (spmpen != null) {
                active = active.and(spmpen.bit(i));
            }
            active = active.named("entry_active_" + i);
            hits.add(active.and(Hw.mux(isTor, torHit, napotHit)).named("entry_hit_" + i));
            covers.add(Hw.mux(isTor, torCovers, napotCovers).named("entry_covers_" + i));
        }
        UInt hit = Hw.catLsbFirst(hits).named("entry_hit");
        UInt winnerOneHot = Hw.lowestOneHot(hit).named("winner_onehot");
        UInt winner = n == 1 ? Hw.lit(0, 1) : Hw.oneHotToIndex(winnerOneHot).named("winner");
        Bool matched = hit.orR().named("matched");
        Bool covered = Hw.selectOneHot(winnerOneHot, covers).asBool().named("winner_covers");
        UInt perm = Hw.selectOneHot(winnerOneHot, perms).named("winner_perm");

        // ---- the encoding table's cell: the permissions the access is checked against ----
        Bool r = perm.bit(0);
        Bool w = perm.bit(1);
        Bool x = perm.bit(2);
        Bool u = perm.bit(3);
        Bool shared = perm.bit(4);
        Bool privS = chk.privS;
        Bool privU = privS.not();
        // S-mode-only rule (SHARED 0, U 0): Enforce for S, Deny for U
        Bool sRule = shared.not().and(u.not());
        // U-mode rule (SHARED 0, U 1): Enforce for U; for S Deny with SUM 0, EnforceNoX with SUM 1
        Bool uRule = shared.not().and(u);
        // Shared-Region rule (SHARED 1, U 1): Enforce for S (SUM irrelevant); for U "read and write permissions for
        // User mode are mutually exclusive": RW- gives U read-only, RWX execute-only
        Bool sharedRule = shared.and(u);
        Bool enforceS = sRule.or(sharedRule).and(privS).or(uRule.and(privU)).named("perm_enforce");
        Bool enforceNoX = uRule.and(privS).and(chk.sum).named("perm_enforce_nox");
        Bool sharedU = sharedRule.and(privU).named("perm_shared_u");
        // sstatus.MXR: a load also succeeds where the cell lets this mode execute by the rule's X bit (Enforce,
        // EnforceNoX before X is taken away, the Shared-Region's U share), as MXR does for pages: the spec makes MXR a
        // dependency of Sspmp ("must be writable"), which only means something if it acts on the SPMP check
        Bool mxrR = chk.mxr.and(x).and(enforceS.or(enforceNoX).or(sharedU)).named("perm_mxr_r");
        Bool permR = enforceS.or(enforceNoX).and(r).or(sharedU.and(r).and(x.and(w).not())).or(mxrR)
                .named("perm_r");
        // a Shared-Region never gives U write: W without R is reserved, and RW- / RWX give U R only / X only
        Bool permW = enforceS.or(enforceNoX).and(w).named("perm_w");
        Bool permX = enforceS.or(sharedU).and(x).named("perm_x");

        UInt type = chk.type;
        Bool isFetch = type.eq(SpmpCheckRequestPort.FETCH);
        Bool isLoad = type.eq(SpmpCheckRequestPort.LOAD);
        Bool needR = isLoad.or(type.eq(SpmpCheckRequestPort.AMO));
        Bool needW = type.eq(SpmpCheckRequestPort.STORE).or(type.eq(SpmpCheckRequestPort.AMO));
        Bool permOk = needR.not().or(permR).and(needW.not().or(permW)).and(isFetch.not().or(permX))
                .named("perm_ok");
        Bool allow = chk.bare.not().or(matched.and(covered).and(permOk)).named("allow");
        UInt faultCause = Hw.mux(isFetch, Hw.lit(SpmpCheckResponsePort.INSTRUCTION_PAGE_FAULT, 5),
                Hw.mux(isLoad, Hw.lit(SpmpCheckResponsePort.LOAD_PAGE_FAULT, 5),
                        Hw.lit(SpmpCheckResponsePort.STORE_PAGE_FAULT, 5)));
        UInt cause = Hw.mux(allow, Hw.lit(0, 5), faultCause).named("cause");
        Bool reportMatch = chk.bare.and(matched).named("report_matched");
        UInt entry = Hw.mux(reportMatch, winner, Hw.lit(0, winner.width())).named("report_entry");

        SpmpCheckResponsePort rsp = io.rsp;
        if (p.pipeline() == 0) {
            chk.ready.set(rsp.ready);
            rsp.valid.set(chk.valid);
            rsp.allow.set(allow);
            rsp.matched.set(reportMatch);
            rsp.entry.set(entry);
            rsp.cause.set(cause);
        } else {
            Bool validQ = regInit("rsp_valid_q", false);
            Bool allowQ = regInit("rsp_allow_q", false);
            Bool matchedQ = regInit("rsp_matched_q", false);
            UInt entryQ = regInit("rsp_entry_q", entry.width(), 0);
            UInt causeQ = regInit("rsp_cause_q", 5, 0);
            Bool ready = validQ.not().or(rsp.ready).named("chk_accept");
            chk.ready.set(ready);
            when(chk.valid.and(ready), () -> {
                validQ.set(true);
                allowQ.set(allow);
                matchedQ.set(reportMatch);
                entryQ.set(entry);
                causeQ.set(cause);
            }).elseWhen(rsp.ready, () -> validQ.set(false));
            rsp.valid.set(validQ);
            rsp.allow.set(allowQ);
            rsp.matched.set(matchedQ);
            rsp.entry.set(entryQ);
            rsp.cause.set(causeQ);
        }
    }
}
