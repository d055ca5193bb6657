package io.mttkit.golden.spmp;

import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import io.mttkit.golden.spmp.SpmpVerdict.Outcome;
import org.junit.jupiter.api.Test;

import static io.mttkit.golden.Access.R;
import static io.mttkit.golden.Access.W;
import static io.mttkit.golden.Access.X;
import static io.mttkit.golden.pmp.PrivMode.M;
import static io.mttkit.golden.pmp.PrivMode.S;
import static io.mttkit.golden.pmp.PrivMode.U;
import static io.mttkit.golden.spmp.Cfgs.cfg;
import static io.mttkit.golden.spmp.Cfgs.napot;
import static io.mttkit.golden.spmp.Cfgs.program;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Address Matching", "Matching Logic", "SPMP and Paged Virtual Memory", "Exceptions", Sspmpen activation. */
class SpmpMatchTest {

    private static SpmpVerdict s(Spmp p, long pa, int size, int need) {
        return p.check(pa, size, need, S, false, false, true);
    }

    private static void expect(Outcome o, int entry, SpmpVerdict v) {
        assertEquals(new SpmpVerdict(o, entry), v);
    }

    @Test
    void addr_match_off_neverMatches() {
        Spmp p = Cfgs.spmp(2);
        program(p, 0, -1L, cfg("rwx", AddressMode.OFF, ""));
        expect(Outcome.NO_MATCH, -1, s(p, 0x1000, 4, R));
    }

    @Test
    void addr_match_tor_firstAndLastByte_andNeighbours() {
        Spmp p = Cfgs.spmp(2);
        program(p, 0, 0x1000 >>> 2, 0);
        program(p, 1, 0x2000 >>> 2, cfg("rw", AddressMode.TOR, ""));
        expect(Outcome.ALLOWED, 1, s(p, 0x1000, 1, R));
        expect(Outcome.ALLOWED, 1, s(p, 0x1FFF, 1, W));
        expect(Outcome.ALLOWED, 1, s(p, 0x1FF8, 8, W));
        expect(Outcome.NO_MATCH, -1, s(p, 0x0FFF, 1, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0x2000, 1, R));
        expect(Outcome.PARTIAL_MATCH, 1, s(p, 0x1FFE, 4, R));
        expect(Outcome.PARTIAL_MATCH, 1, s(p, 0x0FFE, 4, R));
    }

    /**
     * spmpaddr all ones under NAPOT covers the whole physical address space and no more: an access running past
     * 2^34 (RV32) is not covered ("any memory region that cannot be addressed by an SPMP entry is inaccessible").
     * Found by the co-simulation against mtt_spmp (docs/spec-notes.md, Sspmp).
     */
    @Test
    void napot_allOnes_endsAtThePhysicalAddressSpace() {
        Spmp p = new Spmp(SpmpParams.of(1, 32, 0, false));
        program(p, 0, -1L, cfg("rw", AddressMode.NAPOT, ""));
        expect(Outcome.ALLOWED, 0, s(p, 0, 8, R));
        expect(Outcome.ALLOWED, 0, s(p, (1L << 34) - 8, 8, W));
        expect(Outcome.PARTIAL_MATCH, 0, s(p, (1L << 34) - 4, 8, R));
        expect(Outcome.NO_MATCH, -1, s(p, 1L << 34, 1, R));
    }

    @Test
    void addr_match_tor_entry0_usesZeroAsBottom() {
        Spmp p = Cfgs.spmp(1);
        program(p, 0, 0x100 >>> 2, cfg("r", AddressMode.TOR, ""));
        expect(Outcome.ALLOWED, 0, s(p, 0, 1, R));
        expect(Outcome.ALLOWED, 0, s(p, 0xFF, 1, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0x100, 1, R));
    }

    @Test
    void tor_withBottomNotBelowTop_matchesNothing() {
        Spmp p = Cfgs.spmp(2);
        program(p, 0, 0x3000 >>> 2, 0);
        program(p, 1, 0x2000 >>> 2, cfg("rw", AddressMode.TOR, ""));
        expect(Outcome.NO_MATCH, -1, s(p, 0x2800, 4, R));
        program(p, 0, 0x2000 >>> 2, 0);
        expect(Outcome.NO_MATCH, -1, s(p, 0x2000, 1, R));
    }

    @Test
    void addr_match_na4_fourBytes() {
        Spmp p = Cfgs.spmp(1);
        program(p, 0, 0x1004 >>> 2, cfg("r", AddressMode.NA4, ""));
        expect(Outcome.ALLOWED, 0, s(p, 0x1004, 4, R));
        expect(Outcome.ALLOWED, 0, s(p, 0x1007, 1, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0x1003, 1, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0x1008, 1, R));
        expect(Outcome.PARTIAL_MATCH, 0, s(p, 0x1000, 8, R));
    }

    @Test
    void addr_match_napot_eightBytesAndLarger() {
        Spmp p = Cfgs.spmp(2);
        program(p, 0, napot(0x1000, 8), cfg("r", AddressMode.NAPOT, ""));
        program(p, 1, napot(0x8000, 0x4000), cfg("rw", AddressMode.NAPOT, ""));
        expect(Outcome.ALLOWED, 0, s(p, 0x1000, 8, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0x1008, 1, R));
        expect(Outcome.ALLOWED, 1, s(p, 0x8000, 1, W));
        expect(Outcome.ALLOWED, 1, s(p, 0xBFFF, 1, W));
        expect(Outcome.NO_MATCH, -1, s(p, 0xC000, 1, W));
        expect(Outcome.NO_MATCH, -1, s(p, 0x7FFF, 1, W));
        expect(Outcome.PARTIAL_MATCH, 1, s(p, 0xBFFC, 8, W));
    }

    @Test
    void match_priority_lowestNumberedEntryDecides() {
        Spmp p = Cfgs.spmp(2);
        program(p, 0, napot(0x1000, 0x100), cfg("r", AddressMode.NAPOT, ""));
        program(p, 1, napot(0x0, 0x10000), cfg("rw", AddressMode.NAPOT, ""));
        expect(Outcome.PERMISSION, 0, s(p, 0x1010, 4, W));
        expect(Outcome.ALLOWED, 1, s(p, 0x2000, 4, W));
        // Entry 0 matches one byte of the access: it decides and fails although entry 1 covers it all.
        expect(Outcome.PARTIAL_MATCH, 0, s(p, 0x10FC, 8, R));
    }

    @Test
    void match_irrespective_perm_bits_noPermissionEntryStillMatches() {
        Spmp p = Cfgs.spmp(2);
        program(p, 0, napot(0x1000, 0x100), cfg("", AddressMode.NAPOT, "U"));
        program(p, 1, napot(0x0, 0x10000), cfg("rwx", AddressMode.NAPOT, "U"));
        expect(Outcome.PERMISSION, 0, p.check(0x1000, 4, R, U, false, false, true));
        expect(Outcome.ALLOWED, 1, p.check(0x2000, 4, R, U, false, false, true));
    }

    @Test
    void no_match_deny_forSAndU_notForM() {
        Spmp p = Cfgs.spmp(1);
        expect(Outcome.NO_MATCH, -1, p.check(0, 4, R, S, true, true, true));
        expect(Outcome.NO_MATCH, -1, p.check(0, 4, X, U, true, true, true));
    }

    @Test
    void mmode_mem_access_bypasses_spmp() {
        Spmp p = Cfgs.spmp(1);
        program(p, 0, napot(0, 0x1000), cfg("", AddressMode.NAPOT, ""));
        expect(Outcome.NOT_APPLICABLE, -1, p.check(0, 4, W, M, false, false, true));
        expect(Outcome.NOT_APPLICABLE, -1, p.check(0x5000, 4, X, M, false, false, true));
    }

    @Test
    void spmp_paging_mutual_exclusion_inactiveWhenSatpNotBare() {
        Spmp p = Cfgs.spmp(1);
        expect(Outcome.NOT_APPLICABLE, -1, p.check(0, 4, R, S, false, false, false));
        expect(Outcome.NOT_APPLICABLE, -1, p.check(0, 4, R, U, false, false, false));
    }

    @Test
    void spmpen_activation_condition() {
        Spmp p = new Spmp(SpmpParams.of(3, 64, 0, true));
        program(p, 0, napot(0x1000, 0x1000), cfg("r", AddressMode.NAPOT, ""));
        program(p, 1, napot(0x1000, 0x1000), cfg("rw", AddressMode.NAPOT, ""));
        program(p, 2, napot(0x1000, 0x1000), cfg("rwx", AddressMode.OFF, ""));
        expect(Outcome.NO_MATCH, -1, s(p, 0x1000, 4, R)); // spmpen = 0: no entry is active
        p.writeSpmpen(0b110, -1L);
        expect(Outcome.ALLOWED, 1, s(p, 0x1000, 4, W)); // entry 0 inactive, entry 2 has A=OFF
        p.writeSpmpen(0b111, -1L);
        expect(Outcome.PERMISSION, 0, s(p, 0x1000, 4, W));
    }

    @Test
    void sspmpen_torBottomIndependentOfPredecessorState() {
        Spmp p = new Spmp(SpmpParams.of(2, 64, 0, true));
        program(p, 0, 0x1000 >>> 2, cfg("rwx", AddressMode.NAPOT, ""));
        program(p, 1, 0x2000 >>> 2, cfg("r", AddressMode.TOR, ""));
        p.writeSpmpen(0b10, -1L); // entry 0 configured but inactive
        expect(Outcome.ALLOWED, 1, s(p, 0x1000, 4, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0xFFC, 4, R));
    }

    @Test
    void granularity_torBoundsIgnoreLowGBits() {
        Spmp p = new Spmp(SpmpParams.of(2, 64, 2, false)); // 16-byte grain
        program(p, 0, (0x1000 >>> 2) | 3, 0);
        program(p, 1, (0x1010 >>> 2) | 3, cfg("r", AddressMode.TOR, ""));
        expect(Outcome.ALLOWED, 1, s(p, 0x1000, 4, R));
        expect(Outcome.ALLOWED, 1, s(p, 0x100C, 4, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0x1010, 4, R));
    }

    @Test
    void sixtyFourEntries_lastOneCanDecide() {
        Spmp p = Cfgs.spmp(64);
        for (int i = 0; i < 63; i++) {
            program(p, i, napot(0x10000 + 0x100L * i, 0x100), cfg("r", AddressMode.NAPOT, ""));
        }
        program(p, 63, napot(0, 1L << 30), cfg("rw", AddressMode.NAPOT, ""));
        expect(Outcome.ALLOWED, 63, s(p, 0x40000, 8, W));
        expect(Outcome.PERMISSION, 62, s(p, 0x10000 + 0x100L * 62, 8, W));
    }

    @Test
    void spmp_instr_load_store_page_fault_causes() {
        assertEquals(12, Spmp.faultCause(X));
        assertEquals(13, Spmp.faultCause(R));
        assertEquals(15, Spmp.faultCause(W));
        assertEquals(15, Spmp.faultCause(R | W), "AMOs report store/AMO page faults");
    }

    @Test
    void reservedEncodingReachedThroughThePmpcfgAlias_denies() {
        PmpBacking b = PmpBacking.array(4);
        Spmp p = new Spmp(new SpmpParams(0, 64, 0, false, true, true), b);
        p.writeMpmpdeleg(0);
        b.setAddr(0, napot(0, 0x1000));
        b.setCfgByte(0, SpmpCfg.W | (3 << 3)); // RWX=010, stored by the PMP side (e.g. under MML)
        expect(Outcome.RESERVED_ENCODING, 0, p.check(0x10, 4, W, S, false, false, true));
    }

    @Test
    void rv32_addressesAbove4GiB_andAllOnesNapotCoversEverything() {
        Spmp p = new Spmp(SpmpParams.of(3, 32, 0, false));
        program(p, 0, 0x1_0000_0000L >>> 2, 0);
        program(p, 1, 0x2_0000_0000L >>> 2, cfg("r", AddressMode.TOR, ""));
        expect(Outcome.ALLOWED, 1, s(p, 0x1_0000_0000L, 4, R));
        expect(Outcome.ALLOWED, 1, s(p, 0x1_FFFF_FFFCL, 4, R));
        expect(Outcome.NO_MATCH, -1, s(p, 0x2_0000_0000L, 4, R));
        program(p, 2, -1L, cfg("rw", AddressMode.NAPOT, ""));
        expect(Outcome.ALLOWED, 2, s(p, 0x3_FFFF_FFFCL, 4, W));
        expect(Outcome.ALLOWED, 2, s(p, 0, 4, W));
    }
}
