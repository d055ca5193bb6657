package io.mttkit.golden.spmp;

import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import org.junit.jupiter.api.Test;

import static io.mttkit.golden.spmp.Cfgs.cfg;
import static io.mttkit.golden.spmp.Cfgs.napot;
import static io.mttkit.golden.spmp.Cfgs.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SPMP registers: "S-level Physical Memory Protection CSRs", "The Access Method for SPMP CSRs in
 * S-mode", Sspmpen and Smpmpdeleg. Test names carry the spec's normative rule tags.
 */
class SpmpCsrTest {
    private static final int BASE = Spmp.SELECT_BASE;

    @Test
    void siselect_spmpaddr_mapping_and_siselect_spmpcfg_mapping() {
        Spmp s = Cfgs.spmp(8);
        for (int i = 0; i < 8; i++) {
            assertTrue(s.writeIndirect(BASE + i, 1, 0x1000 + i, false));
            assertTrue(s.writeIndirect(BASE + i, 2, cfg("r", AddressMode.NA4, ""), false));
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(0x1000 + i, s.readAddr(i));
            assertEquals(0x1000 + i, s.readIndirect(BASE + i, 1));
            assertEquals(SpmpCfg.R | (2 << 3), s.readIndirect(BASE + i, 2));
        }
    }

    @Test
    void sireg3To6_areReserved_readZero_writesIgnored() {
        Spmp s = Cfgs.spmp(2);
        program(s, 0, 0x40, cfg("rw", AddressMode.NA4, ""));
        for (int k = 3; k <= 6; k++) {
            assertTrue(s.writeIndirect(BASE, k, -1L, false));
            assertEquals(0L, s.readIndirect(BASE, k));
        }
        assertEquals(0x40, s.readAddr(0));
        assertEquals(cfg("rw", AddressMode.NA4, ""), s.readCfg(0));
    }

    @Test
    void selectOutsideTheSpmpWindow_isNotAnSpmpRegister() {
        Spmp s = Cfgs.spmp(64);
        assertNull(s.readIndirect(0xFF, 1));
        assertNull(s.readIndirect(0x140, 2));
        assertFalse(s.writeIndirect(0x140, 1, 1, false));
        assertTrue(s.writeIndirect(0x13F, 1, 7, false), "0x13F is entry 63");
        assertEquals(7, s.readAddr(63));
    }

    @Test
    void siselect_oob_read_zero_and_siselect_oob_write_ignored() {
        Spmp s = Cfgs.spmp(4);
        program(s, 3, 0x55, cfg("rwx", AddressMode.NAPOT, ""));
        for (int i = 4; i < 64; i++) {
            assertTrue(s.writeIndirect(BASE + i, 1, -1L, false));
            assertTrue(s.writeIndirect(BASE + i, 2, -1L, false));
            assertEquals(0L, s.readIndirect(BASE + i, 1));
            assertEquals(0L, s.readIndirect(BASE + i, 2));
        }
        assertEquals(0x55, s.readAddr(3), "an out-of-bounds write must not land on an implemented entry");
    }

    @Test
    void spmpcfg_fields_wpriBitsReadZero() {
        Spmp s = Cfgs.spmp(1);
        s.writeCfg(0, -1L, false);
        // R W X A=NAPOT, bits 6:5 and SXLEN-1:10 WPRI → 0, L U SHARED kept.
        assertEquals(0x7 | 0x18 | 0x80 | 0x100 | 0x200, s.readCfg(0));
    }

    @Test
    void rwx_010_reserved_and_rwx_011_reserved_legaliseByDroppingW() {
        Spmp s = Cfgs.spmp(1);
        s.writeCfg(0, SpmpCfg.W | SpmpCfg.U, false);
        assertEquals(SpmpCfg.U, s.readCfg(0));
        s.writeCfg(0, SpmpCfg.W | SpmpCfg.X, false);
        assertEquals(SpmpCfg.X, s.readCfg(0));
        s.writeCfg(0, SpmpCfg.R | SpmpCfg.W, false);
        assertEquals(SpmpCfg.R | SpmpCfg.W, s.readCfg(0), "RW is not reserved");
    }

    @Test
    void sharedWithoutU_isReserved_legalisedByDroppingShared() {
        Spmp s = Cfgs.spmp(1);
        s.writeCfg(0, SpmpCfg.SHARED | SpmpCfg.R, false);
        assertEquals(SpmpCfg.R, s.readCfg(0));
        s.writeCfg(0, SpmpCfg.SHARED | SpmpCfg.U | SpmpCfg.R, false);
        assertEquals(SpmpCfg.SHARED | SpmpCfg.U | SpmpCfg.R, s.readCfg(0));
    }

    @Test
    void spmpaddr_format_rv64_and_rv32_widths() {
        Spmp s64 = Cfgs.spmp(1);
        s64.writeAddr(0, -1L, false);
        assertEquals((1L << 54) - 1, s64.readAddr(0), "RV64: address bits 55:2, bits 63:54 are 0");
        Spmp s32 = new Spmp(SpmpParams.of(1, 32, 0, false));
        s32.writeAddr(0, -1L, false);
        assertEquals(0xFFFF_FFFFL, s32.readAddr(0), "RV32: address bits 33:2");
    }

    @Test
    void granularityProbe_findsG_andNapotReadsOnes() {
        for (int g = 0; g <= 6; g++) {
            Spmp s = new Spmp(SpmpParams.of(2, 64, g, false));
            s.writeCfg(0, 0, false);
            s.writeAddr(0, -1L, false);
            assertEquals(g, Long.numberOfTrailingZeros(s.readAddr(0)), "the spec's probe reports G=" + g);
            s.writeAddr(1, 0x1000, false);
            s.writeCfg(1, cfg("r", AddressMode.NAPOT, ""), false);
            long expectLow = g >= 2 ? (1L << (g - 1)) - 1 : 0;
            assertEquals(0x1000 | expectLow, s.readAddr(1));
        }
    }

    @Test
    void na4_notSelectableWithG1_becomesNapot() {
        Spmp s = new Spmp(SpmpParams.of(1, 64, 1, false));
        s.writeCfg(0, cfg("r", AddressMode.NA4, ""), false);
        assertEquals(AddressMode.NAPOT, SpmpCfg.mode((int) s.readCfg(0)));
    }

    @Test
    void spmpcfg_lock_write_ignored_evenWhenOff() {
        Spmp s = Cfgs.spmp(3);
        program(s, 1, 0x100, cfg("r", AddressMode.OFF, "L"));
        s.writeIndirect(BASE + 1, 1, 0x200, false);
        s.writeIndirect(BASE + 1, 2, cfg("rwx", AddressMode.NAPOT, ""), false);
        assertEquals(0x100, s.readAddr(1));
        assertEquals(cfg("r", AddressMode.OFF, "L"), s.readCfg(1));
        // Neighbours are unaffected (entry 2 is not TOR-locked, entry 1 is not TOR).
        program(s, 0, 0x11, cfg("r", AddressMode.NA4, ""));
        program(s, 2, 0x22, cfg("r", AddressMode.NA4, ""));
        assertEquals(0x11, s.readAddr(0));
        assertEquals(0x22, s.readAddr(2));
    }

    @Test
    void spmpcfg_lock_tor_prev_addr() {
        Spmp s = Cfgs.spmp(4);
        program(s, 1, 0x100, 0);
        program(s, 2, 0x200, cfg("r", AddressMode.TOR, "L"));
        s.writeAddr(1, 0x180, false);
        assertEquals(0x100, s.readAddr(1), "the bottom of a locked TOR entry is locked");
        program(s, 3, 0x300, cfg("r", AddressMode.NAPOT, "L"));
        s.writeAddr(2, 0x280, false);
        assertEquals(0x200, s.readAddr(2), "entry 2 itself is locked");
        Spmp t = Cfgs.spmp(3);
        program(t, 2, 0x300, cfg("r", AddressMode.NAPOT, "L"));
        t.writeAddr(1, 0x180, false);
        assertEquals(0x180, t.readAddr(1), "a locked NAPOT entry does not lock its predecessor");
    }

    @Test
    void lock_clear_via_miselect() {
        Spmp s = Cfgs.spmp(2);
        program(s, 0, 0x100, cfg("r", AddressMode.NA4, "L"));
        s.writeIndirect(BASE, 2, 0, false);
        assertTrue(SpmpCfg.locked((int) s.readCfg(0)), "siselect cannot clear L");
        assertTrue(s.writeIndirect(BASE, 1, 0x140, true));
        assertTrue(s.writeIndirect(BASE, 2, cfg("rw", AddressMode.NA4, ""), true));
        assertEquals(0x140, s.readAddr(0));
        assertEquals(cfg("rw", AddressMode.NA4, ""), s.readCfg(0));
        program(s, 0, 0x150, cfg("x", AddressMode.NA4, ""));
        assertEquals(0x150, s.readAddr(0), "unlocked again: siselect writes work");
    }

    @Test
    void spmpen_readwrite_onlyImplementedBits() {
        Spmp s = new Spmp(SpmpParams.of(5, 64, 0, true));
        s.writeSpmpen(-1L, -1L);
        assertEquals(0x1F, s.readSpmpen());
        s.writeSpmpen(0b01010, -1L);
        assertEquals(0b01010, s.readSpmpen());
        Spmp none = new Spmp(SpmpParams.of(5, 64, 0, false));
        none.writeSpmpen(-1L, -1L);
        assertEquals(0, none.readSpmpen(), "without Sspmpen there is no spmpen");
    }

    @Test
    void spmpenh_alias_upperHalfOnRv32() {
        Spmp s = new Spmp(SpmpParams.of(40, 32, 0, true));
        s.writeSpmpen(0xFFL << 32, 0xFFFF_FFFFL << 32); // spmpenh write of 0xFF
        assertEquals(0xFFL << 32, s.readSpmpen());
        s.writeSpmpen(0x3, 0xFFFF_FFFFL); // spmpen write
        assertEquals((0xFFL << 32) | 3, s.readSpmpen());
        assertEquals(0xFF, s.readSpmpen() >>> 32 & 0xFFFF_FFFFL, "only entries 32..39 exist above bit 31");
    }

    @Test
    void spmpen_locked_readonly() {
        Spmp s = new Spmp(SpmpParams.of(4, 64, 0, true));
        s.writeSpmpen(0b0100, -1L);
        program(s, 2, 0x10, cfg("r", AddressMode.NA4, "L"));
        s.writeSpmpen(0b1011, -1L);
        assertEquals(0b1111, s.readSpmpen(), "bit 2 stays 1");
        s.writeSpmpen(0, -1L);
        assertEquals(0b0100, s.readSpmpen(), "bit 2 cannot be cleared either");
    }

    // ---- Smpmpdeleg ------------------------------------------------------------------------------------

    private static Spmp delegated(PmpBacking b, int xlen) {
        return new Spmp(new SpmpParams(0, xlen, 0, true, true, true), b);
    }

    @Test
    void mpmpdeleg_resetsToNoDelegation_and_mpmpdeleg_no_delegation_disables() {
        PmpBacking b = PmpBacking.array(16);
        Spmp s = delegated(b, 64);
        assertEquals(16, s.readMpmpdeleg());
        assertEquals(0, s.entryCount());
        assertTrue(s.writeIndirect(BASE, 1, 0x123, false));
        assertEquals(0L, s.readIndirect(BASE, 1));
        assertEquals(0L, b.addr(0), "no SPMP entry: the write went nowhere");
        s.writeSpmpen(-1L, -1L);
        assertEquals(0, s.readSpmpen());
        assertTrue(s.check(0, 4, Access.R, PrivMode.U, false, false, true).allowed(),
                "Sspmp is effectively disabled: no check");
    }

    @Test
    void mpmpdeleg_pmpnum_zero_delegates_all_and_aliasesThePmpFile() {
        PmpBacking b = PmpBacking.array(16);
        Spmp s = delegated(b, 64);
        s.writeMpmpdeleg(0);
        assertEquals(16, s.entryCount());
        program(s, 3, 0x77, cfg("rw", AddressMode.NA4, "U"));
        assertEquals(0x77, b.addr(3));
        assertEquals(SpmpCfg.R | SpmpCfg.W | (2 << 3), b.cfgByte(3), "the low 8 bits are the pmpcfg byte");
        assertEquals(cfg("rw", AddressMode.NA4, "U"), s.readCfg(3), "U lives above the pmpcfg byte");
    }

    @Test
    void mpmpdeleg_pmpnum_field_warl_and_spmpIndexing() {
        PmpBacking b = PmpBacking.array(16);
        Spmp s = delegated(b, 64);
        s.writeMpmpdeleg(100);
        assertEquals(16, s.readMpmpdeleg(), "above the writable count: reads back the count");
        s.writeMpmpdeleg(10);
        assertEquals(6, s.entryCount());
        b.setAddr(12, 0x5A);
        assertEquals(0x5A, s.readAddr(2), "SPMP[2] is PMP[pmpnum+2]");
        Spmp s32 = delegated(PmpBacking.array(16), 32);
        s32.writeMpmpdeleg(7);
        assertEquals(4, s32.readMpmpdeleg(), "RV32: pmpnum bits 1:0 are 0");
    }

    @Test
    void mpmpdeleg_locked_pmp_constraint() {
        PmpBacking b = PmpBacking.array(16);
        Spmp s = delegated(b, 64);
        b.setCfgByte(7, SpmpCfg.L | SpmpCfg.R);
        s.writeMpmpdeleg(7);
        assertEquals(16, s.readMpmpdeleg(), "below 8 while PMP[7] is locked: ignored");
        s.writeMpmpdeleg(8);
        assertEquals(8, s.readMpmpdeleg());
    }

    @Test
    void mpmpdeleg_canOverrideLockedSpmpEntries_andTruncatesSpmpen() {
        PmpBacking b = PmpBacking.array(16);
        Spmp s = delegated(b, 64);
        s.writeMpmpdeleg(8);
        s.writeSpmpen(0xFF, -1L);
        program(s, 0, 0x10, cfg("r", AddressMode.NA4, "L"));
        s.writeMpmpdeleg(10); // SPMP[0] (PMP[8]) is locked: raising pmpnum is still allowed
        assertEquals(10, s.readMpmpdeleg());
        assertEquals(6, s.entryCount());
        assertEquals(0x3F, s.readSpmpen(), "spmpen truncated to the 6 remaining entries");
        s.writeMpmpdeleg(8);
        assertEquals(0x3F, s.readSpmpen(), "re-expanding does not bring truncated bits back");
    }

    @Test
    void constructorRejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> SpmpParams.of(0, 64, 0, false));
        assertThrows(IllegalArgumentException.class, () -> SpmpParams.of(65, 64, 0, false));
        assertThrows(IllegalArgumentException.class, () -> SpmpParams.of(4, 16, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Spmp(SpmpParams.of(4, 64, 0, false),
                PmpBacking.array(4)));
    }

    @Test
    void napotHelperEncodesTheRegion() {
        assertEquals((0x8000L >>> 2) | 0x7FF, napot(0x8000, 0x4000));
    }
}
